/**
 * A version 4 backup with a treatment record, made in Node with the app's own domain functions
 * (there is no screen yet that signs a record): Jo Bloggs, a session 20 days ago, her details and
 * signed consent, the record signed after the session, two addenda, the history of the draft.
 * And the record tables read straight from a page's IndexedDB, and the chain verified on them.
 */
import type { Page } from '@playwright/test';
import { writeBackup } from '../../src/lib/domain/backup/format';
import { chainOrder } from '../../src/lib/domain/backup/record-verify';
import type { RecordTables } from '../../src/lib/domain/backup/record-tables';
import { verifyChain, type ChainCheck } from '../../src/lib/domain/record/chain';
import { consentTextHash, DEFAULT_CONSENT_TEXT } from '../../src/lib/domain/record/consent';
import { addAddendum, editDraft, finalise, newDraft } from '../../src/lib/domain/record/lifecycle';
import type { ChainEntry, Consent, DrawnSignature, LockedRecord, Practitioner } from '../../src/lib/domain/record/types';
import { defaultPlanFields, type Client, type Plan } from '../../src/lib/domain/records';
import { storedTables } from './stored';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function drawn(): DrawnSignature {
	const wave = Array.from({ length: 40 }, (_, i) => ({ x: 50 + i * 10, y: Math.round(1000 + 300 * Math.sin(i / 3)) / 10, t: i * 16 }));
	return { kind: 'drawn', width: 600, height: 200, strokes: [wave, [{ x: 300, y: 40, t: 800 }]] };
}

export interface RecordFile {
	text: string;
	/** The session's day, 10:00 local, 20 days ago. */
	start: number;
	tables: RecordTables;
	recordId: string;
}

export async function recordFile(): Promise<RecordFile> {
	const day = new Date(Date.now() - 20 * DAY);
	const start = new Date(day.getFullYear(), day.getMonth(), day.getDate(), 10).getTime();
	const at = start - DAY;
	const client: Client = { id: 'c-jo', name: 'Jo Bloggs', contact: '0400 123 456', notes: '', figure: null, build: null, createdAt: at, updatedAt: at };
	const date = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
	const plan: Plan = { ...defaultPlanFields(), id: 'p-jo', clientId: client.id, date, title: 'Low back', createdAt: at, updatedAt: at };
	const practitioner: Practitioner = {
		id: 'pr-alex', fullName: 'Alex Moreno', qualification: 'Diploma of Remedial Massage', association: 'Massage & Myotherapy Australia',
		membershipNumber: 'M12345', providerNumbers: [{ fund: 'Bupa', number: 'B123456' }], businessName: 'Moreno Remedial', taxNumber: '51 824 753 556',
		address: '1 Main St, Newtown NSW 2042', phone: '0400 000 000', createdAt: at, updatedAt: at
	};
	const consent: Consent = {
		id: 'k-jo', clientId: client.id, text: DEFAULT_CONSENT_TEXT, textHash: await consentTextHash(DEFAULT_CONSENT_TEXT), signer: 'client',
		signerName: 'Jo Bloggs', guardian: null, signature: drawn(), signedAt: start - HOUR / 2, sensitiveAreas: [], withdrawnAt: null
	};
	const draft = newDraft({ id: 'r-jo', planId: plan.id, clientId: client.id }, 60, { s: 'Left low back: aching, 6/10.', areas: ['Low back, 20 min'], techniques: ['Remedial massage'], pressure: '3 · Moderate' }, start - HOUR);
	const edited = editDraft(draft, { practitionerId: practitioner.id, startedAt: start, endedAt: start + HOUR, a: 'Less guarding by the end.' }, { at: start + HOUR, practitionerId: practitioner.id });
	if (!edited.ok) throw new Error(edited.problem);
	const signed = await finalise(edited.record, { practitioner, signature: drawn(), at: start + 2 * HOUR, health: plan.health });
	if (!signed.ok) throw new Error(signed.problems.join(' '));
	const chain: ChainEntry[] = [{ kind: 'record', entry: signed.record }];
	for (const [i, text] of ['The left side was treated too.', 'Client phoned: much better.'].entries()) {
		const a = await addAddendum(chain, { id: `a-jo-${i + 1}`, text, practitioner, signature: { kind: 'typed', name: 'Alex Moreno' }, at: start + (i + 1) * DAY });
		if (!a.ok) throw new Error(a.problems.join(' '));
		chain.push({ kind: 'addendum', entry: a.addendum });
	}
	const last = chain.at(-1)!.entry;
	const tables: RecordTables = {
		practitioners: [practitioner],
		clientDetails: [{ clientId: client.id, dateOfBirth: '1980-04-23', gender: 'female', address: '2 High St', emergencyContact: null, referrer: 'Dr Ng', occupation: 'Nurse', medicalHistory: 'Lumbar disc bulge 2019', medications: 'None', allergies: 'Nuts', pregnancy: 'no', pregnancyNote: '', guardian: null }],
		consents: [consent],
		records: [signed.record],
		recordHistory: edited.history,
		addenda: chain.slice(1).map((e) => e.entry as never),
		chainHeads: [{ recordId: signed.record.id, hash: last.hash, count: chain.length }]
	};
	return { text: writeBackup({ clients: [client], plans: [plan], marks: [], records: tables }, { exportedAt: start + 3 * DAY }), start, tables, recordId: signed.record.id };
}

/** The record's tables as the page's IndexedDB holds them (history without its sequence numbers). */
export async function recordRows(page: Page): Promise<RecordTables> {
	const tables = ['practitioners', 'clientDetails', 'consents', 'records', 'recordHistory', 'addenda', 'chainHeads'];
	return (await storedTables(page, tables, { withoutSeq: true })) as unknown as RecordTables;
}

/** Verifies one record's chain on rows read from a page, with the head kept beside it. */
export async function chainOf(rows: RecordTables, recordId: string): Promise<ChainCheck> {
	const record = rows.records.find((r) => r.id === recordId) as LockedRecord | undefined;
	if (!record) return { ok: false, index: 0, problem: 'no such record' };
	const addenda = chainOrder(record, rows.addenda.filter((a) => a.recordId === recordId));
	const head = rows.chainHeads.find((h) => h.recordId === recordId);
	return verifyChain([{ kind: 'record', entry: record }, ...addenda.map((entry) => ({ kind: 'addendum' as const, entry }))], { head: head && { hash: head.hash, count: head.count } });
}
