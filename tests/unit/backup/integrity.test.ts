/**
 * A signed row that fails its check on the device never stops a backup: it is written exactly as
 * stored and declared in the file's `integrity`; a restore takes such a row only when the file
 * declares it. And a client's details follow the merge of the client row (the newer one wins).
 */
import { codeOf } from '$lib/domain/regions';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '$lib/domain/record/canonical';
import { describeFailing } from '$lib/ui/backup/backup.svelte';
import { applyImport, exportBackup, previewImport } from '$lib/store/backup';
import { freshStore } from '../store/helpers';
import { clinic, counts, DETAILS, fileOf, NOW, recordDump, restore } from './record-clinic';
import { HOUR } from '../record/helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;

/** Jo's clinic with her second addendum rewritten on the device (its chain now fails). */
async function tampered() {
	const c = await clinic();
	await c.store.db.addenda.put({ ...c.a2, text: 'Rewritten on the device.' });
	return c;
}

describe('export with a signed row failing its check', () => {
	it('writes the file, every row exactly as stored, and names the failing addendum in its integrity list', async () => {
		const { store, locked, a2 } = await tampered();
		const out = await exportBackup(store, { now: NOW });
		expect(out.integrity).toEqual([{ kind: 'addendum', id: a2.id, recordId: locked.id, problem: expect.stringMatching(/addendum of Dec 5, 2026 was changed after it was signed/), checkedAt: NOW }]);
		const doc: Doc = JSON.parse(out.parts.join(''));
		expect(doc.integrity).toEqual([{ ...out.integrity[0], checkedAt: new Date(NOW).toISOString() }]);
		// The failing row is in the file as stored (not repaired), and so is every other record row.
		expect(doc.addenda.find((a: Doc) => a.id === a2.id).text).toBe('Rewritten on the device.');
		const dump = await recordDump(store);
		for (const t of ['addenda', 'records', 'consents', 'chainHeads', 'practitioners'] as const) {
			const sorted = [...doc[t]].sort((a: Doc, b: Doc) => ((a.id ?? a.recordId) < (b.id ?? b.recordId) ? -1 : 1));
			expect(canonicalJson(sorted)).toBe(dump[t]);
		}
	});

	it('a clean device writes no integrity list', async () => {
		const { store } = await clinic();
		expect(JSON.parse(await fileOf(store)).integrity).toBeUndefined();
	});
});

describe('restoring a file with a failing signed row', () => {
	it('declared: restored exactly as stored, the preview counts it, and the record keeps failing its check (addenda blocked)', async () => {
		const { store, locked } = await tampered();
		const text = await fileOf(store);
		const target = freshStore(() => NOW);
		const preview = await previewImport(target, text, { now: NOW });
		expect(preview.failing).toHaveLength(1);
		expect(describeFailing(preview.failing)).toBe('1 signed record arrives marked as changed after signing');
		await applyImport(target, preview.backup);
		expect(await recordDump(target)).toEqual(await recordDump(store));
		const chain = await target.recordChain(locked.id);
		expect(chain.check.ok).toBe(false);
		await expect(target.addAddendum(locked.id, { text: 'More.', practitionerId: null, signature: { kind: 'typed', name: 'Alex' } })).rejects.toThrow();
	});

	it('not declared (the integrity entry removed): refused whole, nothing written', async () => {
		const { store } = await tampered();
		const doc: Doc = JSON.parse(await fileOf(store));
		delete doc.integrity;
		const target = freshStore(() => NOW);
		await target.createClientWithPlan({ name: 'Already here' }, { title: 'Hips', date: '2026-11-20' });
		const before = await counts(target);
		await expect(previewImport(target, JSON.stringify(doc), { now: NOW })).rejects.toThrow(/^This file cannot be restored: .*addendum of Dec 5, 2026 was changed after it was signed/);
		expect(await counts(target)).toEqual(before);
	});

	it('a declaration for another record does not cover this one', async () => {
		const { store, samDraft } = await tampered();
		const doc: Doc = JSON.parse(await fileOf(store));
		doc.integrity = [{ ...doc.integrity[0], id: samDraft.id, recordId: samDraft.id }];
		await expect(previewImport(freshStore(() => NOW), JSON.stringify(doc), { now: NOW })).rejects.toThrow(/cannot be restored/);
	});

	it('declared but verifying fine: simply restored', async () => {
		const { store, locked } = await clinic();
		const doc: Doc = JSON.parse(await fileOf(store));
		doc.integrity = [{ kind: 'record', id: locked.id, recordId: locked.id, problem: 'Said to fail.', checkedAt: new Date(NOW).toISOString() }];
		const target = freshStore(() => NOW);
		const { preview } = await restore(target, JSON.stringify(doc));
		expect(preview.failing).toEqual([]);
		expect((await target.recordChain(locked.id)).check.ok).toBe(true);
	});

	it('a declared-failing record never replaces the different signed record already on the device', async () => {
		const { store } = await clinic();
		const target = freshStore(() => NOW);
		await restore(target, await fileOf(store));
		const before = await recordDump(target);
		await store.db.addenda.toCollection().modify((a) => void (a.text += ' (changed)'));
		await expect(previewImport(target, await fileOf(store), { now: NOW })).rejects.toThrow(/A signed addendum is never replaced/);
		expect(await recordDump(target)).toEqual(before);
	});
});

describe('a consent changed on the device after it was signed', () => {
	it('is written as stored and declared; a restore takes it only as declared, and it still fails its check there', async () => {
		const { store, consent } = await clinic();
		await store.db.consents.put({ ...consent, sensitiveAreas: [...consent.sensitiveAreas, codeOf('pectoralis-l')] });
		const out = await exportBackup(store, { now: NOW });
		expect(out.integrity).toEqual([{ kind: 'consent', id: consent.id, problem: expect.stringMatching(/^The consent Jo Bloggs signed on .* was changed after it was signed/), checkedAt: NOW }]);
		const text = out.parts.join('');
		const target = freshStore(() => NOW);
		const { preview } = await restore(target, text);
		expect(preview.failing).toHaveLength(1);
		const here = await (await target.consents()).checked((await target.db.consents.get(consent.id))!.clientId);
		expect(here.status.kind).toBe('changed');
		// The declaration removed: refused whole, in words.
		const doc: Doc = JSON.parse(text);
		delete doc.integrity;
		await expect(previewImport(freshStore(() => NOW), JSON.stringify(doc), { now: NOW })).rejects.toThrow(/^This file cannot be restored: The consent Jo Bloggs signed on .* was changed after it was signed/);
	});

	it('a declared withdrawal that fails its seal never replaces this device’s intact consent; the preview says so', async () => {
		const { store, consent } = await clinic();
		const other = freshStore(() => NOW);
		await restore(other, await fileOf(store));
		// The other device's row is edited outside the app: withdrawn, with no withdrawal seal.
		await other.db.consents.put({ ...consent, withdrawnAt: consent.signedAt + HOUR });
		const text = await fileOf(other);
		expect(JSON.parse(text).integrity).toHaveLength(1);
		const { preview, result } = await restore(store, text);
		expect(preview.failing).toEqual([expect.objectContaining({ kind: 'consent', id: consent.id })]);
		expect(preview.recordNotes).toContainEqual(expect.stringMatching(/^The file withdraws the consent Jo Bloggs signed on .+, but that copy fails its check \(it was changed after signing\): this device’s consent is kept as it is, not withdrawn\.$/));
		expect(result.records.consents).toBe(0);
		expect(await store.db.consents.get(consent.id)).toEqual(consent);
		const here = await (await store.consents()).checked(consent.clientId);
		expect(here.checks.get(consent.id)).toEqual({ state: 'sealed' });
		expect(here.status.kind).not.toBe('withdrawn');
	});
});

describe('client details follow the client row’s merge', () => {
	it('newer details in the file replace the device’s, and the preview says so', async () => {
		const { store, client, clock } = await clinic();
		const target = freshStore(() => NOW);
		await restore(target, await fileOf(store));
		clock.now = NOW - HOUR;
		await store.updateClientDetails(client.id, { allergies: 'Nuts, latex' });
		const { preview } = await restore(target, await fileOf(store));
		expect(preview.recordNotes.join(' ')).toMatch(/details of Jo Bloggs .* are newer in the file: they replace this device’s/);
		expect((await target.getClientDetails(client.id))?.allergies).toBe('Nuts, latex');
	});

	it('newer details on the device are kept, and the preview says so', async () => {
		const { store, client } = await clinic();
		const file = await fileOf(store);
		const target = freshStore(() => NOW);
		await restore(target, file);
		await target.updateClientDetails(client.id, { allergies: 'Nuts, penicillin' });
		const { preview } = await restore(target, file);
		expect(preview.recordNotes.join(' ')).toMatch(/details of Jo Bloggs .* are newer on this device: this device’s are kept/);
		expect((await target.getClientDetails(client.id))?.allergies).toBe('Nuts, penicillin');
		expect(DETAILS.allergies).toBe('Nuts');
	});
});
