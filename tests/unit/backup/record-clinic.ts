/**
 * A device with treatment records for the backup tests: Jo Bloggs with details, a signed consent
 * and a signed record of 3 Dec 2026 with two addenda and a history of changes; Sam Lee with an
 * unsigned draft. And helpers to count every row and compare the record tables canonically.
 */
import { canonicalJson } from '$lib/domain/record/canonical';
import { DEFAULT_CONSENT_TEXT } from '$lib/domain/record/consent';
import type { ClientDetails } from '$lib/domain/record/types';
import { exportBackup, previewImport, applyImport } from '$lib/store/backup';
import type { Store } from '$lib/store/store';
import { freshStore } from '../store/helpers';
import { DAY, HOUR, START, drawn, practitioner, typed } from '../record/helpers';

/** "Now" for every test here: a week after the last addendum. */
export const NOW = START + 10 * DAY;

export const DETAILS: ClientDetails = {
	dateOfBirth: '1980-04-23', gender: 'female', address: '2 High St', emergencyContact: { name: 'Max Bloggs', relationship: 'Partner', phone: '0400 222 333' },
	referrer: 'Dr Ng', occupation: 'Nurse', medicalHistory: 'Lumbar disc bulge 2019', medications: 'None', allergies: 'Nuts', pregnancy: 'no',
	pregnancyNote: '', guardian: null
};

export async function clinic() {
	const clock = { now: START - HOUR };
	const store = freshStore(() => clock.now);
	const { client, plan } = await store.createClientWithPlan({ name: 'Jo Bloggs' }, { title: 'Low back', date: '2026-12-03' });
	const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = practitioner();
	const prac = await store.savePractitioner(fields);
	await store.setClientDetails(client.id, DETAILS);
	const consent = await (await store.consents()).sign({ clientId: client.id, text: DEFAULT_CONSENT_TEXT, signer: 'client', signerName: 'Jo Bloggs', guardian: null, signature: drawn(), sensitiveAreas: [] }, []);
	const draft = await store.openRecord(plan.id);
	await store.editRecord(draft.id, { practitionerId: prac.id, startedAt: START, endedAt: START + HOUR }, { practitionerId: prac.id });
	await store.editRecord(draft.id, { a: 'Less guarding by the end.', homeCare: 'Heat, 10 min twice a day.' }, { practitionerId: prac.id });
	clock.now = START + 2 * HOUR;
	const locked = await store.finaliseRecord(draft.id, drawn());
	clock.now = START + DAY;
	const a1 = await store.addAddendum(locked.id, { text: 'The left side was treated too.', practitionerId: prac.id, signature: typed() });
	clock.now = START + 2 * DAY;
	const a2 = await store.addAddendum(locked.id, { text: 'Client phoned: much better.', practitionerId: prac.id, signature: drawn() });
	const other = await store.createClientWithPlan({ name: 'Sam Lee' }, { title: 'Neck', date: '2026-12-05' });
	const samDraft = await store.openRecord(other.plan.id);
	await store.editRecord(samDraft.id, { s: 'Stiff neck after a long drive.' }, { practitionerId: null });
	clock.now = NOW;
	return { store, clock, client, plan, prac, consent, locked, a1, a2, sam: other.client, samPlan: other.plan, samDraft };
}

export async function fileOf(store: Store, clientId?: string): Promise<string> {
	return (await exportBackup(store, { clientId, now: NOW })).parts.join('');
}

export async function restore(store: Store, text: string) {
	const preview = await previewImport(store, text, { now: NOW });
	return { preview, result: await applyImport(store, preview.backup) };
}

/** Rows in every table of the database. */
export async function counts(store: Store): Promise<Record<string, number>> {
	return Object.fromEntries(await Promise.all(store.db.tables.map(async (t) => [t.name, await t.count()] as const)));
}

/** The record's tables as canonical JSON (history without its local sequence numbers). */
export async function recordDump(store: Store): Promise<Record<string, string>> {
	const { db } = store;
	const sorted = <T>(rows: T[], key: (r: T) => string) => rows.sort((a, b) => (key(a) < key(b) ? -1 : 1));
	return {
		practitioners: canonicalJson(sorted(await db.practitioners.toArray(), (r) => r.id)),
		clientDetails: canonicalJson(sorted(await db.clientDetails.toArray(), (r) => r.clientId)),
		consents: canonicalJson(sorted(await db.consents.toArray(), (r) => r.id)),
		records: canonicalJson(sorted(await db.records.toArray(), (r) => r.id)),
		recordHistory: canonicalJson((await db.recordHistory.toArray()).map(({ seq: _s, ...h }) => h)),
		addenda: canonicalJson(sorted(await db.addenda.toArray(), (r) => r.id)),
		chainHeads: canonicalJson(sorted(await db.chainHeads.toArray(), (r) => r.recordId))
	};
}
