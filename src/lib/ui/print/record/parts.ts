/** The printed record's parts: one session, or a client's whole record (their details and consents, then each session on new pages). */
import { formatDate } from '$lib/domain/dates';
import { clientBlocks, sessionBlocks, type PrintBlock } from '$lib/domain/record/printout';
import { isLocked } from '$lib/domain/record/lifecycle';
import type { ClientData, SessionData } from './load';

export interface PrintPart {
	/** The running head's words on this part's pages: "Treatment record · Dec 3, 2026". */
	label: string;
	/** An unsigned record: every page of it says so. */
	draft: boolean;
	blocks: PrintBlock[];
}

export function sessionPart(s: SessionData, today: string, newPage = false): PrintPart {
	return { label: `Treatment record · ${formatDate(s.plan.date)}`, draft: !isLocked(s.print.record), blocks: sessionBlocks({ ...s.print, today }, newPage) };
}

export function clientParts(c: ClientData, today: string): PrintPart[] {
	const sessions = c.sessions.map((s) => ({ date: s.plan.date, title: s.plan.title, draft: !isLocked(s.print.record) }));
	return [
		{ label: 'Client record', draft: false, blocks: clientBlocks({ client: c.client, details: c.details, consents: c.consents, consentChecks: c.consentChecks, currentTextHash: c.currentTextHash, sessions, today }) },
		...c.sessions.map((s) => sessionPart(s, today, true))
	];
}
