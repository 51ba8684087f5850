/**
 * What the printed record needs, read from this device through the store: one session's record
 * (a plan whose record was never opened prints the draft the Record tab would make, built in
 * memory: printing writes nothing), or a client's whole record. Each signed record's chain is
 * verified now, as it is printed.
 */
import type { Client, Mark, Plan } from '$lib/domain/records';
import { consentTextHash } from '$lib/domain/record/consent';
import { clinicConsentText, CONSENT_TEXT_SETTING } from '$lib/domain/record/consent-status';
import { isLocked, snapshotOf } from '$lib/domain/record/lifecycle';
import type { SessionPrint } from '$lib/domain/record/printout';
import type { ConsentCheck } from '$lib/domain/record/consent-seal';
import type { UnreadableConsent } from '$lib/domain/record/consent-status';
import type { Addendum, ClientDetails, Consent } from '$lib/domain/record/types';
import { store } from '$lib/store';

export interface SessionData {
	plan: Plan;
	marks: Mark[];
	print: Omit<SessionPrint, 'today'>;
}

export interface ClientData {
	client: Client;
	details: ClientDetails | null;
	consents: Consent[];
	consentChecks: ReadonlyMap<string, ConsentCheck>;
	currentTextHash: string;
	/** In date order. */
	sessions: SessionData[];
}

interface Shared {
	client: Client;
	details: ClientDetails | null;
	consents: Consent[];
	consentChecks: ReadonlyMap<string, ConsentCheck>;
	unreadableConsents: UnreadableConsent[];
}

async function shared(client: Client): Promise<Shared> {
	// Checked, not just read: a printed record must not show a changed consent as signed.
	const [details, { consents, checks, unreadable }] = await Promise.all([store.getClientDetails(client.id), store.consents().then((c) => c.checked(client.id))]);
	return { client, details, consents, consentChecks: checks, unreadableConsents: unreadable };
}

async function session(plan: Plan, s: Shared): Promise<SessionData> {
	const [found, marks, practitioners] = await Promise.all([store.previewRecord(plan.id), store.listMarks(plan.id), store.listPractitioners()]);
	if (!found) throw new Error('This plan no longer exists.');
	const { record } = found;
	let history: Awaited<ReturnType<typeof store.recordHistory>> = [];
	let historyProblem: string | undefined;
	try {
		if (found.stored) history = await store.recordHistory(record.id);
	} catch (e) {
		historyProblem = e instanceof Error ? e.message : String(e);
	}
	let addenda: Addendum[] = [];
	let check = null;
	let head = '';
	if (isLocked(record)) {
		try {
			const chain = await store.recordChain(record.id);
			check = chain.check;
			addenda = chain.entries.flatMap((e) => (e.kind === 'addendum' ? [e.entry] : []));
			head = chain.check.ok ? chain.check.head.hash : (chain.entries.at(-1)?.entry.hash ?? '');
		} catch (e) {
			check = { ok: false as const, index: 0, problem: e instanceof Error ? e.message : String(e) };
		}
	}
	const profile = practitioners.find((p) => p.id === record.practitionerId);
	return {
		plan,
		marks,
		print: { record, plan, client: s.client, details: s.details, practitioner: profile ? snapshotOf(profile) : null, consents: s.consents, consentChecks: s.consentChecks, unreadableConsents: s.unreadableConsents, history, historyProblem, addenda, check, head }
	};
}

/** One session's record; null when the plan or its client is not on this device. */
export async function loadSession(planId: string): Promise<{ client: Client; session: SessionData } | null> {
	const plan = await store.getPlan(planId);
	if (!plan) return null;
	const client = await store.getClient(plan.clientId);
	if (!client) return null;
	return { client, session: await session(plan, await shared(client)) };
}

/** A client's whole record, sessions oldest first; null when the client is not on this device. */
export async function loadClient(clientId: string): Promise<ClientData | null> {
	const client = await store.getClient(clientId);
	if (!client) return null;
	const s = await shared(client);
	const plans = (await store.listPlansForClient(clientId)).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.createdAt - b.createdAt));
	const sessions: SessionData[] = [];
	for (const plan of plans) sessions.push(await session(plan, s));
	const currentTextHash = await consentTextHash(clinicConsentText(await store.getSetting<unknown>(CONSENT_TEXT_SETTING, undefined)));
	return { ...s, currentTextHash, sessions };
}
