/**
 * Backup format 5: the deletions log and the clinic's settings (keeping period, consent statement)
 * travel in a whole-device backup, a restore keeps deleted clients and sessions deleted, merges
 * the log (union, never shrinking) and keeps the newer setting, saying what it kept. Hostile files
 * are refused whole, in words, and change nothing.
 */
import { describe, expect, it } from 'vitest';
import { withholdDeleted } from '$lib/domain/backup/deleted';
import { BACKUP_VERSION } from '$lib/domain/backup/format';
import { readHandOffText } from '$lib/domain/handoff';
import { DEFAULT_CONSENT_TEXT } from '$lib/domain/record/consent';
import { applyImport, exportBackup, previewImport } from '$lib/store/backup';
import { RETENTION_KEY } from '$lib/store/record-cascade';
import type { Store } from '$lib/store/store';
import { drawn } from '../record/helpers';
import { asVersion, dump, freshStore, T0 } from './helpers';
import { clinic as recordClinic, fileOf as recordFileOf, NOW as RECORD_NOW } from './record-clinic';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WHY = { reason: 'The client moved to another clinic', practitionerId: null };

async function fileOf(store: Store, clientId?: string): Promise<string> {
	return (await exportBackup(store, { clientId, now: Date.now() })).parts.join('');
}
async function restore(store: Store, text: string) {
	const preview = await previewImport(store, text);
	return { preview, result: await applyImport(store, preview.backup) };
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;

/** A device with a clock the test moves: Kim (one done session) and Lee (two plans). */
async function clinic() {
	const clock = { now: T0 };
	const store = freshStore(() => (clock.now += 1000));
	const { client: kim, plan: neck } = await store.createClientWithPlan({ name: 'Kim Lee' }, { title: 'Neck', date: '2025-06-01' });
	await store.updatePlan(neck.id, { status: 'done' });
	const lee = await store.createClient({ name: 'Lee Park' });
	const back = await store.createPlan(lee.id, { title: 'Low back', date: '2025-06-02' });
	await store.updatePlan(back.id, { status: 'done' });
	const legs = await store.createPlan(lee.id, { title: 'Legs', date: '2025-06-03' });
	return { store, clock, kim, neck, lee, back, legs };
}

describe('backup format 5: the deletions log and the clinic’s settings', () => {
	it('a whole-device backup carries the log and both settings with when they were chosen; a one-client backup only that client’s deletions', async () => {
		const { store, clock, kim, lee, back } = await clinic();
		await store.setSetting(RETENTION_KEY, 'ten-years');
		const chosenAt = clock.now;
		await store.setSetting('consentText', 'Our own statement.');
		await store.setSetting('pinHash', 'secret'); // never travels
		clock.now += DAY;
		await store.deletePlan(back.id, WHY);
		await store.deleteClient(kim.id, WHY);
		const doc = JSON.parse(await fileOf(store));
		expect(doc.version).toBe(BACKUP_VERSION);
		expect(BACKUP_VERSION).toBe(6);
		expect(doc.deletions.map((d: Doc) => [d.kind, d.clientName, d.reason])).toEqual([
			['plan', 'Lee Park', WHY.reason],
			['client', 'Kim Lee', WHY.reason]
		]);
		// Keys sorted, exactly the row's.
		expect(Object.keys(doc.deletions[0])).toEqual(['at', 'clientId', 'clientName', 'id', 'kind', 'planIds', 'practitionerId', 'practitionerName', 'reason', 'recordIds', 'sessions', 'signed']);
		expect(doc.settings).toEqual([
			{ key: 'retentionRule', value: 'ten-years', changedAt: chosenAt },
			{ key: 'consentText', value: 'Our own statement.', changedAt: chosenAt + 1000 }
		]);
		expect(JSON.stringify(doc)).not.toMatch(/secret/);
		const one = JSON.parse(await fileOf(store, lee.id));
		expect(one.deletions.map((d: Doc) => d.clientName)).toEqual(['Lee Park']);
		expect(one.settings).toBeUndefined();
	});

	it('the log and the settings survive a round trip byte for byte', async () => {
		const { store, kim, back } = await clinic();
		await store.setSetting(RETENTION_KEY, 'longest');
		await store.deletePlan(back.id, WHY);
		await store.deleteClient(kim.id, WHY);
		const first = JSON.parse(await fileOf(store));
		const target = freshStore();
		const { result } = await restore(target, JSON.stringify(first));
		expect(result.clinic).toEqual({ deletions: 2, settings: 1 });
		const again = JSON.parse(await fileOf(target));
		expect(JSON.stringify(again.deletions)).toBe(JSON.stringify(first.deletions));
		expect(JSON.stringify(again.settings)).toBe(JSON.stringify(first.settings));
		// Restoring it again adds nothing: the log is a union.
		expect((await restore(target, JSON.stringify(first))).result.clinic).toEqual({ deletions: 0, settings: 0 });
		expect(await target.listDeletions()).toHaveLength(2);
	});

	it('a client deleted after the backup stays deleted when it is restored, said in words; the log never shrinks', async () => {
		const { store, clock, kim, neck } = await clinic();
		const before = await fileOf(store);
		clock.now += DAY;
		await store.deleteClient(kim.id, WHY);
		const log = await store.listDeletions();
		const { preview, result } = await restore(store, before);
		expect(preview.clients.find((c) => c.id === kim.id)?.action).toBe('deleted');
		expect(await store.getClient(kim.id)).toBeUndefined();
		expect(await store.getPlan(neck.id)).toBeUndefined();
		expect(result.clients).toMatchObject({ added: 0 });
		expect(result.notes).toEqual([expect.stringMatching(/^1 client deleted on [A-Z][a-z]{2} \d+, \d{4} \(this device’s deletions log\) was not brought back \(Kim Lee\)\.$/)]);
		expect(preview.recordNotes[0]).toBe(result.notes[0]);
		expect(await store.listDeletions()).toEqual(log);
	});

	it('a session deleted on its own stays deleted; the client and their other sessions are there as before', async () => {
		const { store, clock, lee, back, legs } = await clinic();
		const before = await fileOf(store);
		clock.now += DAY;
		await store.deletePlan(back.id, WHY);
		const { result } = await restore(store, before);
		expect(await store.getPlan(back.id)).toBeUndefined();
		expect(await store.getPlan(legs.id)).toBeDefined();
		expect(await store.getClient(lee.id)).toBeDefined();
		expect(result.notes).toEqual([expect.stringMatching(/^1 session of Lee Park deleted on .+ \(this device’s deletions log\) was not brought back \(Low back\)\.$/)]);
	});

	it('a device’s own whole backup never drops a client it still holds, though its log (from another device) names them', async () => {
		// B deletes Kim; A restores B's backup: Kim stays on A and B's row joins A's log.
		const { store: a, clock, kim, neck } = await clinic();
		await (await a.consents()).sign({ clientId: kim.id, text: DEFAULT_CONSENT_TEXT, signer: 'client', signerName: 'Kim Lee', guardian: null, signature: drawn(), sensitiveAreas: [] }, [neck.id]);
		const b = freshStore(() => clock.now);
		await restore(b, await fileOf(a));
		clock.now += DAY;
		await b.deleteClient(kim.id, WHY);
		const synced = await restore(a, await fileOf(b));
		expect(await a.getClient(kim.id)).toBeDefined();
		expect(synced.preview.recordNotes).toEqual([expect.stringMatching(/^The deletions log names Kim Lee as deleted on another device on .+; Kim Lee is kept\.$/)]);
		// A's whole backup holds Kim and the row; after an erase (a new device) it restores whole.
		const fromA = await fileOf(a);
		expect(JSON.parse(fromA).deletions).toHaveLength(1);
		const fresh = freshStore();
		const { preview } = await restore(fresh, fromA);
		expect(preview.clients.find((c) => c.id === kim.id)?.action).toBe('add');
		expect(preview.recordNotes).toEqual([expect.stringMatching(/^The deletions log names Kim Lee as deleted on another device on .+; Kim Lee is kept\.$/)]);
		expect((await fresh.getClient(kim.id))?.name).toBe('Kim Lee');
		expect(await fresh.getPlan(neck.id)).toBeDefined();
		expect(await (await fresh.consents()).all()).toHaveLength(1);
		expect(await fresh.listDeletions()).toHaveLength(1);
		expect(await dump(fresh)).toEqual(await dump(a));
	});

	it('a client the device’s log deleted stays out of an older backup; a device that still has them keeps them and learns of the deletion', async () => {
		const { store, clock, kim } = await clinic();
		const old = await fileOf(store);
		clock.now += DAY;
		await store.deleteClient(kim.id, WHY);
		const later = await fileOf(store); // no Kim, the row
		const fresh = freshStore();
		await restore(fresh, later);
		const { result } = await restore(fresh, old);
		expect(await fresh.getClient(kim.id)).toBeUndefined();
		expect(result.notes[0]).toMatch(/^1 client deleted on .+ \(this device’s deletions log\) was not brought back \(Kim Lee\)\.$/);
		const other = freshStore();
		await restore(other, old);
		await restore(other, later);
		expect(await other.getClient(kim.id)).toBeDefined();
		expect(await other.listDeletions()).toHaveLength(1);
	});

	it('work done on a deleted client after the deletion comes back, said so (a later signed record must not be lost)', async () => {
		const { store, clock, kim, neck } = await clinic();
		const target = freshStore(() => clock.now);
		await restore(target, await fileOf(store));
		clock.now += DAY;
		await target.deleteClient(kim.id, WHY);
		clock.now += DAY;
		await store.updatePlan(neck.id, { notes: 'Seen again after the other tablet deleted them' });
		const { result } = await restore(target, await fileOf(store));
		expect(await target.getClient(kim.id)).toBeDefined();
		expect((await target.getPlan(neck.id))?.notes).toMatch(/Seen again/);
		expect(result.notes).toEqual([expect.stringMatching(/^Kim Lee was deleted on .+ \(this device’s deletions log\), but the file holds work on them after that \(last on .+\): they are brought back\.$/)]);
	});

	it('settings: taken where the device has none; a newer one here is kept, a newer one in the file replaces it; each said', async () => {
		const { store, clock } = await clinic();
		await store.setSetting(RETENTION_KEY, 'ten-years');
		await store.setSetting('consentText', 'Statement A.');
		const file = await fileOf(store);

		const fresh = freshStore();
		const first = await restore(fresh, file);
		expect(await fresh.getSetting(RETENTION_KEY, null)).toBe('ten-years');
		expect(await fresh.getSetting('consentText', null)).toBe('Statement A.');
		expect(first.result.notes).toEqual([
			'The keeping period from the file (10 years; under 18s until age 28) is used on this device from now on.',
			expect.stringMatching(/^The consent statement from the file is used on this device from now on\. Clients who signed .* will show “signed an earlier text”/)
		]);

		const later = freshStore(() => (clock.now += 1000));
		await later.setSetting(RETENTION_KEY, 'longest'); // chosen after the file's
		await later.setSetting('consentText', 'Statement B.');
		const kept = await restore(later, file);
		expect(await later.getSetting(RETENTION_KEY, null)).toBe('longest');
		expect(await later.getSetting('consentText', null)).toBe('Statement B.');
		expect(kept.result.notes[0]).toMatch(/^This device’s keeping period \(Longest: 15 years; under 18s until age 33\) is kept: it was chosen on .+, the file’s \(10 years; under 18s until age 28\) on .+\.$/);
		expect(kept.result.clinic.settings).toBe(0);

		clock.now += DAY;
		await store.setSetting('consentText', 'Statement C.');
		const newer = await restore(later, await fileOf(store));
		expect(await later.getSetting('consentText', null)).toBe('Statement C.');
		expect(newer.result.notes.join(' ')).toMatch(/The consent statement in the file was chosen on .+, after this device’s \(.+\): the file’s replaces it\./);

		// A value set before the time was kept: never replaced on a guess.
		const unknown = freshStore();
		await unknown.db.settings.put({ key: 'consentText', value: 'Statement D.' });
		const guess = await restore(unknown, file);
		expect(await unknown.getSetting('consentText', null)).toBe('Statement D.');
		expect(guess.result.notes).toContain('This device’s consent statement is kept: the file’s is not known to be newer.');
	});

	it('the defaults are never forced: a device with nothing chosen writes no settings, and its restore leaves another device’s choice alone', async () => {
		const { store } = await clinic();
		const doc = JSON.parse(await fileOf(store));
		expect(doc.settings).toEqual([]);
		expect(doc.deletions).toEqual([]);
		const other = freshStore();
		await other.setSetting(RETENTION_KEY, 'longest');
		const { result } = await restore(other, JSON.stringify(doc));
		expect(await other.getSetting(RETENTION_KEY, null)).toBe('longest');
		expect(result.notes).toEqual([]);
	});

	it('a hand-off carrying the log or settings is refused whole, naming them', async () => {
		const { store, neck, kim } = await clinic();
		const doc = JSON.parse(await fileOf(store, kim.id));
		doc.plans = doc.plans.filter((p: Doc) => p.id === neck.id);
		for (const [key, rows, words] of [
			['deletions', [{ id: 'x' }], /carries the clinic’s deletions log/],
			['settings', [{ key: 'retentionRule', value: 'seven-years', changedAt: null }], /carries the clinic’s settings/]
		] as const) {
			const d = { ...doc, deletions: [], [key]: rows };
			const read = readHandOffText(JSON.stringify(d), Date.now());
			expect(read.ok).toBe(false);
			expect(!read.ok && read.problem).toMatch(words);
		}
	});
});

type Hostile = [name: string, change: (doc: Doc) => void, message: RegExp];

const HOSTILE: Hostile[] = [
	['a deletion row with an extra key', (doc) => void (doc.deletions[0].notes = 'Low back pain'), /The deletion of Kim Lee in the file’s deletions log has something a Somamap backup never holds \("notes"\)/],
	['a deletion row missing a key', (doc) => void delete doc.deletions[0].reason, /The deletion of Kim Lee .* is incomplete \(its "reason" is missing\)/],
	['a reason too long', (doc) => void (doc.deletions[0].reason = 'x'.repeat(1001)), /the reason is too long \(1001 characters; at most 1000\)/],
	['a client name too long', (doc) => void (doc.deletions[0].clientName = 'K'.repeat(121)), /the client’s name is too long \(121 characters; at most 120\)/],
	['a deletion in the future', (doc) => void (doc.deletions[0].at = Date.now() + 400 * DAY), /when it was deleted is in the future .*check the clock/],
	['more signed than sessions', (doc) => void (doc.deletions[0].signed = 5), /its number of signed records must be a whole number from 0 to 1/],
	['a deletion listed twice', (doc) => void doc.deletions.push({ ...doc.deletions[0] }), /The deletion of Kim Lee appears twice in the file’s deletions log/],
	['a log that is not a list', (doc) => void (doc.deletions = {}), /The deletions log is damaged \(it is not a list\)/],
	['a setting a backup never holds', (doc) => void doc.settings.push({ key: 'pinHash', value: 'x', changedAt: null }), /The file carries a setting a Somamap backup never holds \("pinHash"\)/],
	['an unknown keeping period', (doc) => void (doc.settings[0].value = 'one-year'), /The keeping period in the file must be one of "seven-years", "ten-years", "longest"/],
	['a consent statement too long', (doc) => void (doc.settings[1].value = 'y'.repeat(10_001)), /The consent statement in the file is too long \(10,001 characters; at most 10,000\)/],
	['a setting chosen in the future', (doc) => void (doc.settings[1].changedAt = Date.now() + 400 * DAY), /The consent statement in the file: when it was chosen is in the future/],
	['a setting with an extra key', (doc) => void (doc.settings[0].by = 'someone'), /The keeping period in the file has something a Somamap backup never holds \("by"\)/],
	['a version 4 file with a log', (doc) => void (doc.version = 4), /unexpected key "deletions"/],
	['a file from a newer Somamap (format 7)', (doc) => void (doc.version = 7), /This backup was made by a newer Somamap \(backup version 7; this app reads version 6\)\. Update Somamap/]
];

describe('hostile deletions logs and settings', () => {
	async function hostileBase() {
		const { store, clock, kim } = await clinic();
		await store.setSetting(RETENTION_KEY, 'ten-years');
		await store.setSetting('consentText', 'Our statement.');
		clock.now += DAY;
		await store.deleteClient(kim.id, WHY);
		return JSON.parse(await fileOf(store));
	}

	it.each(HOSTILE)('%s: refused whole, in words, nothing changed', async (_name, change, message) => {
		const doc = await hostileBase();
		change(doc);
		const target = freshStore();
		await target.createClient({ name: 'Someone here' });
		const before = await dump(target);
		await expect(previewImport(target, JSON.stringify(doc))).rejects.toThrow(message);
		expect(await dump(target)).toEqual(before);
	});

	it('a log row that differs from the device’s same row refuses the file; nothing changes', async () => {
		const doc = await hostileBase();
		const target = freshStore();
		await restore(target, JSON.stringify(doc));
		doc.deletions[0].reason = 'Another reason, written later';
		const before = await dump(target);
		const deletions = await target.listDeletions();
		await expect(previewImport(target, JSON.stringify(doc))).rejects.toThrow(/The deletion of Kim Lee on .+ differs between the file and this device’s deletions log\. The log is never rewritten\. Nothing on this device was changed\./);
		expect(await dump(target)).toEqual(before);
		expect(await target.listDeletions()).toEqual(deletions);
	});

	it('a file log row sharing its id with this device’s deletion of another client is refused at the preview, in words; nothing changes', async () => {
		const clock = { now: T0 };
		const store = freshStore(() => (clock.now += 1000));
		const kim = await store.createClient({ name: 'Kim Lee' });
		const lee = await store.createClient({ name: 'Lee Park' });
		await store.deleteClient(kim.id, WHY);
		const doc = JSON.parse(await fileOf(store));
		doc.deletions[0] = { ...doc.deletions[0], clientId: lee.id, clientName: 'Lee Park' };
		const before = await dump(store);
		const deletions = await store.listDeletions();
		await expect(previewImport(store, JSON.stringify(doc))).rejects.toThrow(/^This file cannot be restored: The deletion of Lee Park on .+ in the file has the same id as the deletion of Kim Lee in this device’s deletions log: one of them was changed outside Somamap\. The log is never rewritten\./);
		expect(await dump(store)).toEqual(before);
		expect(await store.listDeletions()).toEqual(deletions);
	});

	it('files of versions 1 to 4 still restore, with no log or settings', async () => {
		const doc = await hostileBase();
		asVersion(doc, 4);
		const target = freshStore();
		const { result } = await restore(target, JSON.stringify(doc));
		expect(result.clinic).toEqual({ deletions: 0, settings: 0 });
		expect(result.clients.added).toBe(1);
	});

	it('a consent-only client’s deletion is logged, so an older backup does not bring them back', async () => {
		const clock = { now: T0 };
		const store = freshStore(() => (clock.now += 1000));
		const kim = await store.createClient({ name: 'Kim Lee' });
		await (await store.consents()).sign({ clientId: kim.id, text: DEFAULT_CONSENT_TEXT, signer: 'client', signerName: 'Kim Lee', guardian: null, signature: drawn(), sensitiveAreas: [] }, []);
		const before = await fileOf(store);
		clock.now += DAY;
		await store.deleteClient(kim.id, WHY); // a signed consent inside its period needs a reason
		expect(await store.listDeletions()).toMatchObject([{ kind: 'client', clientId: kim.id, clientName: 'Kim Lee', sessions: 0, planIds: [], consents: 1, reason: WHY.reason }]);
		await restore(store, before);
		expect(await store.getClient(kim.id)).toBeUndefined();
		expect(await (await store.consents()).all()).toEqual([]);
	});
});

describe('what stays deleted, with signed records', () => {
	it('a client this device’s log deleted after signing: their signed record, consent and details stay out of an older backup, and a failing row of theirs is not listed', async () => {
		const c = await recordClinic();
		await c.store.db.addenda.put({ ...c.a2, text: 'Rewritten on the device.' });
		const doc = JSON.parse(await recordFileOf(c.store));
		const target = freshStore(() => RECORD_NOW);
		// The deletion reached this device (made here, or merged in from another device's backup).
		await target.db.deletions.add({ at: RECORD_NOW, clientId: c.client.id, clientName: 'Jo Bloggs', id: 'del-jo', kind: 'client', planIds: [c.plan.id], practitionerId: null, practitionerName: '', reason: 'Records transferred to the new clinic', recordIds: [c.locked.id], sessions: 1, signed: 1 });
		const preview = await previewImport(target, JSON.stringify(doc), { now: RECORD_NOW });
		expect(preview.failing).toEqual([]);
		expect(preview.recordNotes[0]).toMatch(/^1 client deleted on .+ \(this device’s deletions log\) was not brought back \(Jo Bloggs\)\.$/);
		await applyImport(target, preview.backup);
		expect(await target.getClient(c.client.id)).toBeUndefined();
		expect(await target.getClient(c.sam.id)).toBeDefined();
		expect([await target.db.records.count(), await target.db.addenda.count(), await target.db.chainHeads.count(), await target.db.consents.count(), await target.db.clientDetails.count()]).toEqual([1, 0, 0, 0, 0]);
		expect((await target.db.records.toArray())[0].id).toBe(c.samDraft.id);
	});
});

describe('work after a deletion', () => {
	const deletion = { id: 'd', kind: 'client', clientId: 'c', clientName: 'Jo Bloggs', planIds: ['p'], recordIds: ['r'], sessions: 1, signed: 1, at: 200, reason: 'Moved away', practitionerId: null, practitionerName: '' } as const;
	const dataWith = (addendumAt: number, historyAt: number) =>
		({
			clients: [{ id: 'c', name: 'Jo Bloggs', updatedAt: 100 }],
			plans: [{ id: 'p', clientId: 'c', title: 'Back', updatedAt: 100 }],
			marks: [],
			records: {
				practitioners: [],
				clientDetails: [],
				consents: [],
				chainHeads: [{ recordId: 'r' }],
				records: [{ id: 'r', planId: 'p', clientId: 'c', updatedAt: 100, signedAt: 100 }],
				recordHistory: [{ recordId: 'r', at: historyAt }],
				addenda: [{ id: 'a', recordId: 'r', signedAt: addendumAt, text: 'Corrected the date of injury.' }]
			}
		}) as never;
	const none = { clients: new Set<string>(), plans: new Set<string>() };

	it('an addendum signed after the deletion (on another device) brings the client back, said so', () => {
		const w = withholdDeleted(dataWith(300, 100), [deletion as never], [], none);
		expect(w.clients.has('c')).toBe(false);
		expect(w.notes).toEqual([expect.stringMatching(/^Jo Bloggs was deleted on .+ \(this device’s deletions log\), but the file holds work on them after that/)]);
		// Only older work: withheld.
		expect(withholdDeleted(dataWith(150, 100), [deletion as never], [], none).clients.has('c')).toBe(true);
	});

	it('the file’s own log rows withhold nothing', () => {
		const w = withholdDeleted(dataWith(150, 100), [], [deletion as never], none);
		expect(w.clients.size).toBe(0);
		expect(w.notes).toEqual([expect.stringMatching(/^The deletions log names Jo Bloggs as deleted on another device on .+; Jo Bloggs is kept\.$/)]);
	});
});
