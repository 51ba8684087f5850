/**
 * Backup format 4: the treatment record's tables out and back in. A round trip keeps signatures,
 * history and the hash chain byte for byte; a file whose signed rows were touched in any way is
 * refused whole, in words naming the client's session, and nothing on the device changes; and the
 * rules for signed data already on the device (docs/RECORD.md "Backup and restore").
 */
import { codeOf } from '$lib/domain/regions';
import { sealConsent } from '$lib/domain/record/consent-seal';
import { describe, expect, it } from 'vitest';
import { BACKUP_VERSION } from '$lib/domain/backup/format';
import { canonicalJson } from '$lib/domain/record/canonical';
import { sealAddendum, sealRecord } from '$lib/domain/record/chain';
import { applyImport, exportBackup, previewImport } from '$lib/store/backup';
import { freshStore } from '../store/helpers';
import { asVersion } from './helpers';
import { DAY, START } from '../record/helpers';
import { clinic, counts, fileOf, NOW, recordDump, restore } from './record-clinic';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;

describe('backup format 4: the treatment record', () => {
	it('round-trips every record table: signatures, history and the hash chain identical, the chain verifying', async () => {
		const { store, locked, samDraft } = await clinic();
		const text = await fileOf(store);
		const doc = JSON.parse(text);
		expect(doc.version).toBe(BACKUP_VERSION);
		expect([doc.practitioners, doc.clientDetails, doc.consents, doc.records, doc.addenda, doc.chainHeads].map((t: unknown[]) => t.length)).toEqual([1, 1, 1, 2, 2, 1]);
		expect(doc.recordHistory.length).toBeGreaterThanOrEqual(6);

		const target = freshStore(() => NOW);
		const { preview, result } = await restore(target, text);
		expect(preview.counts.records).toMatchObject({ added: 2, addenda: 2, consents: 1, practitioners: 1, details: 1, history: doc.recordHistory.length });
		expect(result.records).toEqual(preview.counts.records);
		expect(await recordDump(target)).toEqual(await recordDump(store));
		// Byte-identical: the restored device writes the very same file.
		expect(await fileOf(target)).toBe(text);
		const chain = await target.recordChain(locked.id);
		expect(chain.check).toMatchObject({ ok: true, head: { count: 3 } });
		expect(canonicalJson(chain.entries[0].entry)).toBe(canonicalJson(locked));
		expect((await target.recordHistory(samDraft.id)).map((h) => h.field)).toEqual(['s']);
		// And the history reads in the order it was made.
		expect(await target.recordHistory(locked.id)).toEqual(await store.recordHistory(locked.id));
	});

	it('a one-client backup holds only that client’s details, consents, records with history, addenda and heads, and the practitioner they name', async () => {
		const { store, client, locked } = await clinic();
		const doc = JSON.parse(await fileOf(store, client.id));
		expect(doc.clients.map((c: { name: string }) => c.name)).toEqual(['Jo Bloggs']);
		expect(doc.records.map((r: { id: string }) => r.id)).toEqual([locked.id]);
		expect(doc.recordHistory.every((h: { recordId: string }) => h.recordId === locked.id)).toBe(true);
		expect([doc.practitioners.length, doc.clientDetails.length, doc.consents.length, doc.addenda.length, doc.chainHeads.length]).toEqual([1, 1, 1, 2, 1]);
		const target = freshStore(() => NOW);
		await restore(target, JSON.stringify(doc));
		expect((await target.recordChain(locked.id)).check.ok).toBe(true);
	});

	it('still restores files of versions 1 to 3, which hold no records', async () => {
		const { store } = await clinic();
		for (const version of [3, 2, 1]) {
			const doc = JSON.parse(await fileOf(store));
			asVersion(doc, version);
			if (version < 3) for (const c of doc.clients) delete c.build;
			if (version < 2) for (const m of doc.marks) delete m.carried;
			const target = freshStore(() => NOW);
			const { result } = await restore(target, JSON.stringify(doc));
			expect(result.plans.added).toBe(2);
			expect(await target.db.records.count()).toBe(0);
		}
		// A version 3 file that carries record tables is not a version 3 file.
		const doc = JSON.parse(await fileOf(store));
		doc.version = 3;
		await expect(previewImport(freshStore(), JSON.stringify(doc), { now: NOW })).rejects.toThrow(/unexpected key "practitioners"/);
	});
});

type Tamper = [name: string, change: (doc: Doc) => void | Promise<void>, message: RegExp];
const lockedOf = (doc: Doc) => doc.records.find((r: { status: string }) => r.status === 'locked');

const TAMPERED: Tamper[] = [
	['a word of the signed notes', (doc) => void (lockedOf(doc).soap.a = 'Much less guarding by the end.'), /The record of Jo Bloggs’s session of Dec 3, 2026 was changed after it was signed\./],
	['the signed end time', (doc) => void (lockedOf(doc).endedAt += 60_000), /The record of Jo Bloggs’s session of Dec 3, 2026 was changed after it was signed/],
	['the practitioner inside the signed record', (doc) => void (lockedOf(doc).practitioner.membershipNumber = 'M99999'), /Jo Bloggs’s session of Dec 3, 2026 was changed after it was signed/],
	['an addendum’s text', (doc) => void (doc.addenda[1].text = 'Client phoned: no better.'), /The addendum of Dec 5, 2026 was changed after it was signed \(in the record of Jo Bloggs’s session of Dec 3, 2026\)/],
	['swapped signatures', (doc) => void ([doc.addenda[0].signature, doc.addenda[1].signature] = [doc.addenda[1].signature, doc.addenda[0].signature]), /The addendum of Dec 4, 2026 was changed after it was signed/],
	['the addenda reordered', (doc) => void doc.addenda.reverse(), /moved|changed, removed/],
	['the last addendum dropped', (doc) => void doc.addenda.pop(), /The last addendum of the record of Jo Bloggs’s session of Dec 3, 2026 is missing/],
	['the last addendum and its head dropped together', (doc) => void (doc.addenda.pop(), doc.chainHeads.pop()), /The mark of where the record of Jo Bloggs’s session of Dec 3, 2026 was last signed is missing/],
	['the consent’s statement', (doc) => void (doc.consents[0].text = doc.consents[0].text.replace('true', 'mostly true')), /The consent Jo Bloggs signed on .* does not hold the statement that was signed: its text was changed after signing/],
	['the consent’s signer', (doc) => void (doc.consents[0].signerName = 'Someone Else'), /The consent Jo Bloggs signed on .* was changed after it was signed: something in it \(which client, who signed, the signature/],
	['the consent’s signature', (doc) => void (doc.consents[0].signature = { kind: 'typed', name: 'Jo Bloggs' }), /The consent Jo Bloggs signed on .* was changed after it was signed/],
	['the consent’s sensitive areas', (doc) => void doc.consents[0].sensitiveAreas.push(codeOf('gluteus-maximus-r')), /The consent Jo Bloggs signed on .* was changed after it was signed/],
	['the consent’s date', (doc) => void (doc.consents[0].signedAt -= 86_400_000), /The consent Jo Bloggs signed on .* was changed after it was signed/],
	['a withdrawal added to the consent by hand', (doc) => void (doc.consents[0].withdrawnAt = doc.consents[0].signedAt + 1000), /The consent Jo Bloggs signed on .* shows a withdrawal that was not made in Somamap/],
	// Never normalised before verifying: cleaning the hidden character out would make the hash hold again.
	['a hidden character in signed text', (doc) => void (lockedOf(doc).soap.a = lockedOf(doc).soap.a.replace('guarding', 'guar\u202Eding')), /The record of Jo Bloggs’s session of Dec 3, 2026 was changed after it was signed: it holds hidden characters/],
	['an addendum given to an unsigned draft', (doc) => void (doc.addenda[0].recordId = doc.records.find((r: { status: string }) => r.status === 'draft').id), /not signed, yet the file gives it an addendum/],
	['a signed record marked as a draft', (doc) => void (lockedOf(doc).status = 'draft'), /The record of Jo Bloggs’s session of Dec 3, 2026: .*does not belong in it/],
	[
		'a signed record re-sealed by hand after a change (its addenda then no longer follow it)',
		async (doc) => {
			const r = lockedOf(doc);
			const { hash: _h, prevHash: _p, ...body } = r;
			Object.assign(r, await sealRecord({ ...body, soap: { ...r.soap, a: 'Rewritten.' } }));
		},
		/The entry before the addendum of Dec 4, 2026 was changed, removed or moved/
	]
];

describe('a tampered record in a backup is refused whole, said in words, and nothing is written', () => {
	it.each(TAMPERED)('%s', async (_name, change, message) => {
		const { store } = await clinic();
		const doc = JSON.parse(await fileOf(store));
		await change(doc);
		// A device that already holds other things; every table counted before and after.
		const target = freshStore(() => NOW);
		await target.createClientWithPlan({ name: 'Already here' }, { title: 'Hips', date: '2026-11-20' });
		const before = await counts(target);
		const error = await previewImport(target, JSON.stringify(doc), { now: NOW }).catch((e) => e);
		expect(error).toMatchObject({ kind: 'validation' });
		expect(error.message).toMatch(/^This file cannot be restored: /);
		expect(error.message).toMatch(message);
		expect(error.message).toMatch(/Nothing on this device was changed\.$/);
		expect(await counts(target)).toEqual(before);
	});

	it('the device’s own broken chain does not stop an export; the file declares it (tests/unit/backup/integrity.test.ts)', async () => {
		const { store, a2 } = await clinic();
		await store.db.addenda.put({ ...a2, text: 'Rewritten on the device.' });
		expect(JSON.parse(await fileOf(store)).integrity[0].problem).toMatch(/The addendum of Dec 5, 2026 was changed after it was signed/);
	});
});

describe('what a restore may do to signed data already on the device', () => {
	/** Jo's clinic, and a second device that restored it. */
	async function twoDevices() {
		const c = await clinic();
		const target = freshStore(() => NOW);
		await restore(target, await fileOf(c.store));
		return { ...c, target };
	}

	it('the same signed record is kept: restoring the file again changes nothing', async () => {
		const { store, target } = await twoDevices();
		const before = await recordDump(target);
		const { result } = await restore(target, await fileOf(store));
		expect(result.records).toMatchObject({ added: 0, updated: 0, same: 2, addenda: 0, history: 0, consents: 0 });
		expect(await recordDump(target)).toEqual(before);
	});

	it('a signed record is never replaced by a different one with the same id, even one re-sealed consistently', async () => {
		const { store, target, locked } = await twoDevices();
		const doc = JSON.parse(await fileOf(store));
		const r = lockedOf(doc);
		const { hash: _h, prevHash: _p, ...body } = r;
		Object.assign(r, await sealRecord({ ...body, soap: { ...r.soap, a: 'Rewritten.' } }));
		let prev = r;
		for (const a of doc.addenda) {
			const { hash: _ah, prevHash: _ap, ...rest } = a;
			Object.assign(a, await sealAddendum(rest, prev));
			prev = a;
		}
		doc.chainHeads[0].hash = prev.hash;
		const before = await counts(target);
		await expect(previewImport(target, JSON.stringify(doc), { now: NOW })).rejects.toThrow(
			/The record of Jo Bloggs’s session of Dec 3, 2026 is signed on this device with other content than in the file .* A signed record is never replaced\. Nothing on this device was changed/
		);
		expect(await counts(target)).toEqual(before);
		expect((await target.recordChain(locked.id)).check.ok).toBe(true);
	});

	it('a restore never unlocks: an unsigned copy in the file of a record signed here is kept as signed, and the preview says so', async () => {
		const { store, target, locked } = await twoDevices();
		// Like an old backup from before the record was signed: the same record, unsigned.
		const doc = JSON.parse(await fileOf(store));
		const draft = lockedOf(doc);
		for (const k of ['practitioner', 'signature', 'signedAt', 'prevHash', 'hash', 'health', 'consentOtherwise']) delete draft[k];
		draft.status = 'draft';
		draft.updatedAt = NOW; // even "newer"
		doc.addenda = [];
		doc.chainHeads = [];
		const { preview, result } = await restore(target, JSON.stringify(doc));
		expect(preview.recordNotes.join(' ')).toMatch(/The record of Jo Bloggs’s session of Dec 3, 2026 is signed on this device; the file’s unsigned copy is not used \(a restore never unlocks a signed record\)/);
		expect(result.records.keptSigned).toBe(1);
		expect(await target.getRecord(locked.id)).toMatchObject({ status: 'locked', hash: locked.hash });
		expect((await target.recordChain(locked.id)).check).toMatchObject({ ok: true, head: { count: 3 } });
	});

	it('a signed record in the file replaces the unsigned draft of its session here; its history is kept and joined', async () => {
		const c = await clinic();
		const doc = JSON.parse(await fileOf(c.store));
		// The other device has the same session as an unsigned draft (another id: it opened the plan itself).
		const target = freshStore(() => NOW);
		const older = JSON.parse(JSON.stringify(doc));
		older.records = []; older.recordHistory = []; older.addenda = []; older.chainHeads = [];
		await restore(target, JSON.stringify(older));
		const own = await target.openRecord(c.plan.id);
		await target.editRecord(own.id, { referral: 'GP if no better in 2 weeks.' }, { practitionerId: null });
		const { preview, result } = await restore(target, JSON.stringify(doc));
		expect(preview.recordNotes.join(' ')).toMatch(/signed record replaces the unsigned draft on this device/);
		expect(result.records).toMatchObject({ updated: 1, addenda: 2 });
		expect(await target.db.records.where('planId').equals(c.plan.id).count()).toBe(1);
		expect((await target.recordChain(c.locked.id)).check.ok).toBe(true);
		const history = await target.recordHistory(c.locked.id);
		expect(history.map((h) => h.field)).toContain('referral'); // this device's draft history, kept
		expect(history.map((h) => h.field)).toContain('a'); // and the file's
	});

	it('drafts merge by updatedAt like plans; two drafts of one session are one record, keeping both histories', async () => {
		const { store, target, samDraft, samPlan, clock } = await twoDevices();
		// The same draft edited later on the first device: the newer copy replaces the other's.
		clock.now = NOW;
		await store.editRecord(samDraft.id, { a: 'Tight scalenes.' }, { practitionerId: null });
		const { result } = await restore(target, await fileOf(store));
		expect(result.records).toMatchObject({ updated: 1, history: 1 });
		expect((await target.getRecord(samDraft.id))?.soap.a).toBe('Tight scalenes.');
		// A file whose draft of that session has another id and is older: the device's is kept, and takes the file's history.
		const doc = JSON.parse(await fileOf(store));
		const other = doc.records.find((r: { planId: string }) => r.planId === samPlan.id);
		other.id = 'other-draft';
		other.updatedAt -= 1;
		for (const h of doc.recordHistory) if (h.recordId === samDraft.id) h.recordId = 'other-draft';
		doc.recordHistory.push({ recordId: 'other-draft', field: 'referral', old: '', new: 'Physio', at: other.updatedAt, practitionerId: null });
		const { result: merged } = await restore(target, JSON.stringify(doc));
		expect(merged.records).toMatchObject({ older: 1, history: 1 });
		expect(await target.db.records.where('planId').equals(samPlan.id).primaryKeys()).toEqual([samDraft.id]);
		expect((await target.recordHistory(samDraft.id)).map((h) => h.field)).toEqual(['s', 'a', 'referral']);
	});

	it('addenda only grow: a device with more keeps them all; a file with more adds its new ones and the chain still verifies', async () => {
		const { store, target, locked, prac, clock } = await twoDevices();
		const base = await fileOf(store);
		clock.now = NOW;
		await store.addAddendum(locked.id, { text: 'Third note.', practitionerId: prac.id, signature: { kind: 'typed', name: 'Alex Moreno' } });
		const { result } = await restore(target, await fileOf(store));
		expect(result.records.addenda).toBe(1);
		expect((await target.recordChain(locked.id)).check).toMatchObject({ ok: true, head: { count: 4 } });
		// The older file (two addenda) now meets a device with three: nothing is removed.
		const { result: again } = await restore(target, base);
		expect(again.records.addenda).toBe(0);
		expect(await target.db.addenda.count()).toBe(3);
		expect((await target.recordChain(locked.id)).check).toMatchObject({ ok: true, head: { count: 4 } });
	});

	it('a withdrawal in the file is applied; a consent changed in any other way is refused', async () => {
		const { store, target, consent } = await twoDevices();
		const before = JSON.parse(await fileOf(store));
		await (await store.consents()).withdraw(consent.id);
		const { result } = await restore(target, await fileOf(store));
		expect(result.records.consents).toBe(1);
		expect((await target.db.consents.get(consent.id))?.withdrawnAt).toBe(NOW);
		// The earlier file, where it is not withdrawn, does not undo the withdrawal.
		const { result: again } = await restore(target, JSON.stringify(before));
		expect(again.records.consents).toBe(0);
		expect((await target.db.consents.get(consent.id))?.withdrawnAt).toBe(NOW);
		before.consents[0].signerName = 'Someone Else';
		// Edited in the file: its seal says so.
		await expect(previewImport(target, JSON.stringify(before), { now: NOW })).rejects.toThrow(/The consent Jo Bloggs signed on .* was changed after it was signed: something in it \(which client, who signed/);
		// Even sealed again with the recipe (on purpose), a signed consent here is never replaced.
		before.consents[0] = await sealConsent(before.consents[0]);
		await expect(previewImport(target, JSON.stringify(before), { now: NOW })).rejects.toThrow(/The consent Jo Bloggs signed differs between the file and this device\. A signed consent is never replaced/);
	});

	it('nothing is written when a restore fails half-way: the whole transaction rolls back', async () => {
		const { store } = await clinic();
		const target = freshStore(() => NOW);
		const preview = await previewImport(target, await fileOf(store), { now: NOW });
		const before = await counts(target);
		const put = target.db.addenda.bulkPut.bind(target.db.addenda);
		target.db.addenda.bulkPut = (() => Promise.reject(new Error('disk full'))) as never;
		await expect(applyImport(target, preview.backup)).rejects.toBeDefined();
		target.db.addenda.bulkPut = put;
		expect(await counts(target)).toEqual(before);
	});

	it('a device whose clock was set back after signing still backs up, and the file restores on a device with the right time', async () => {
		const { store } = await clinic();
		const text = (await exportBackup(store, { now: START - 5 * DAY })).parts.join('');
		expect(JSON.parse(text).integrity ?? []).toEqual([]);
		const elsewhere = freshStore(() => NOW);
		await restore(elsewhere, text);
		expect(await recordDump(elsewhere)).toEqual(await recordDump(store));
	});
});

