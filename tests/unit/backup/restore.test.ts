import { describe, expect, it, vi } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION } from '$lib/domain/backup/format';
import { applyImport, exportBackup, previewImport } from '$lib/store/backup';
import { StoreError } from '$lib/store/errors';
import type { Store } from '$lib/store/store';
import { asVersion, dump, freshStore, markRow, seeded, T0 } from './helpers';

async function fileOf(store: Store, clientId?: string): Promise<string> {
	return (await exportBackup(store, { clientId, appVersion: 'test-1', now: Date.UTC(2026, 4, 1) })).parts.join('');
}

async function restore(store: Store, text: string) {
	const preview = await previewImport(store, text);
	return { preview, result: await applyImport(store, preview.backup) };
}

const none = { added: 0, updated: 0, older: 0, same: 0 };
/** A file without treatment records brings none. */
const noClinic = { deletions: 0, settings: 0 };
const noRecords = { added: 0, updated: 0, older: 0, same: 0, keptSigned: 0, addenda: 0, history: 0, consents: 0, practitioners: 0, details: 0 };

describe('export', () => {
	it('writes a versioned JSON document with every record, one per line', async () => {
		const { store } = await seeded();
		const progress: [number, number][] = [];
		const out = await exportBackup(store, { chunk: 2, onProgress: (d, t) => progress.push([d, t]), now: Date.UTC(2026, 4, 1) });
		const doc = JSON.parse(out.parts.join(''));
		expect(doc).toMatchObject({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: '2026-05-01T00:00:00.000Z' });
		expect([doc.clients.length, doc.plans.length, doc.marks.length]).toEqual([2, 3, 3]);
		expect(out.counts).toEqual({ clients: 2, plans: 3, marks: 3, records: 0 });
		expect(out.fileName).toBe('somamap-backup-2026-05-01.json');
		// Progress rises to the total in steps.
		expect(progress.at(-1)).toEqual([8, 8]);
		expect(progress.map((p) => p[0])).toEqual([...progress.map((p) => p[0])].sort((a, b) => a - b));
		expect(new Set(progress.map((p) => p[0])).size).toBeGreaterThan(3);
		// Patches are base64 of little-endian bytes: vertex 1 is 01 00 00 00.
		const painted = doc.marks.find((m: { id: string }) => m.id === 'a-m1');
		expect(painted.patch.vertices.slice(0, 12)).toBe('AAAAAAEAAAD/');
	});

	it('exports one client with only their plans and marks', async () => {
		const { store, ids } = await seeded();
		const out = await exportBackup(store, { clientId: ids.lee, now: Date.UTC(2026, 4, 1) });
		const doc = JSON.parse(out.parts.join(''));
		expect(doc.clients.map((c: { id: string }) => c.id)).toEqual([ids.lee]);
		expect(doc.plans.map((p: { id: string }) => p.id).sort()).toEqual([ids.back, ids.legs].sort());
		expect(doc.marks.map((m: { id: string }) => m.id)).toEqual(['a-m3']);
		expect(out.fileName).toBe('somamap-backup-lee-a-2026-05-01.json');
	});

	it('refuses to export a client that does not exist', async () => {
		const { store } = await seeded();
		await expect(exportBackup(store, { clientId: 'nobody' })).rejects.toMatchObject({ kind: 'not-found' });
	});

	it('never hands out a file that would not restore', async () => {
		const { store, ids } = await seeded();
		await store.db.plans.update(ids.legs, { durationMin: 50 as 30 });
		await expect(exportBackup(store)).rejects.toThrow(/Plan \d “[^”]*”: length must be one of 30, 45, 60, 75, 90/);
	});
});

describe('restore', () => {
	it('round-trips into an empty database: identical records, typed arrays included', async () => {
		const { store } = await seeded();
		const target = freshStore();
		const { preview, result } = await restore(target, await fileOf(store));
		expect(preview.counts.clients).toEqual({ ...none, added: 2 });
		expect(result).toEqual({ clients: { ...none, added: 2 }, plans: { ...none, added: 3 }, marks: { ...none, added: 3 }, records: noRecords, clinic: noClinic, notes: [] });
		const [a, b] = [await dump(store), await dump(target)];
		expect(b).toEqual(a);
		const painted = b.marks.find((m) => m.id === 'a-m1')!.patch!;
		expect(painted.vertices).toBeInstanceOf(Uint32Array);
		expect(painted.weights).toBeInstanceOf(Uint8Array);
		expect([...painted.vertices]).toEqual([0, 1, 255, 256, 65535, 65536, 3_999_999]);
		expect([...painted.weights]).toEqual([1, 2, 127, 128, 200, 254, 255]);
		// And the restored database exports to the same file.
		expect(await fileOf(target)).toBe(await fileOf(store));
	});

	it('carries the follow-up flag both ways: a carried mark stays carried, the others do not', async () => {
		const { store } = await seeded();
		const doc = JSON.parse(await fileOf(store));
		expect(doc.version).toBe(BACKUP_VERSION);
		expect(Object.fromEntries(doc.marks.map((m: { id: string; carried: boolean }) => [m.id, m.carried]))).toEqual({
			'a-m1': false,
			'a-m2': false,
			'a-m3': true
		});
		const target = freshStore();
		await restore(target, JSON.stringify(doc));
		expect((await target.db.marks.get('a-m3'))?.carried).toBe(true);
		expect((await target.db.marks.get('a-m1'))?.carried).toBe(false);
	});

	it('restores a version 1 file (before follow-ups): its marks come back as not carried', async () => {
		const { store } = await seeded();
		const doc = JSON.parse(await fileOf(store));
		asVersion(doc, 1);
		for (const m of doc.marks) delete m.carried;
		for (const c of doc.clients) delete c.build;
		const target = freshStore();
		const { result } = await restore(target, JSON.stringify(doc));
		expect(result.marks.added).toBe(3);
		expect((await target.db.marks.toArray()).map((m) => m.carried)).toEqual([false, false, false]);
	});

	it('carries each client’s body build both ways; a client with none keeps the default', async () => {
		const { store, ids } = await seeded();
		await store.updateClient(ids.lee, { figure: 'male', build: 'broad' });
		const doc = JSON.parse(await fileOf(store));
		expect(Object.fromEntries(doc.clients.map((c: { id: string; build: unknown }) => [c.id, c.build]))).toEqual({ [ids.kim]: null, [ids.lee]: 'broad' });
		const target = freshStore();
		await restore(target, JSON.stringify(doc));
		expect(await target.getClient(ids.lee)).toMatchObject({ figure: 'male', build: 'broad' });
		expect((await target.getClient(ids.kim))?.build).toBeNull();
	});

	it('restores a version 2 file (before body builds): its clients take the default build', async () => {
		const { store, ids } = await seeded();
		const doc = JSON.parse(await fileOf(store));
		asVersion(doc, 2);
		for (const c of doc.clients) delete c.build;
		const target = freshStore();
		const { result } = await restore(target, JSON.stringify(doc));
		expect(result.clients.added).toBe(2);
		expect((await target.getClient(ids.lee))?.build).toBeNull();
		// And it writes out again in the current version, with the key.
		expect(JSON.parse(await fileOf(target)).clients.map((c: { build: unknown }) => c.build)).toEqual([null, null]);
	});

	it('a version 2 file that updates a client keeps the build chosen on this device (the file knows nothing of builds)', async () => {
		const { store, ids } = await seeded();
		const target = freshStore();
		await restore(target, await fileOf(store));
		await target.updateClient(ids.lee, { build: 'broad' });
		// The older app on another device changed Lee's notes later.
		const doc = JSON.parse(await fileOf(store));
		asVersion(doc, 2);
		for (const c of doc.clients) delete c.build;
		const lee = doc.clients.find((c: { id: string }) => c.id === ids.lee);
		lee.notes = 'Changed on the other tablet';
		await new Promise((r) => setTimeout(r, 5));
		lee.updatedAt = Date.now();
		const { result } = await restore(target, JSON.stringify(doc));
		expect(result.clients.updated).toBe(1);
		expect(await target.getClient(ids.lee)).toMatchObject({ notes: 'Changed on the other tablet', build: 'broad' });
	});

	it('exports a client stored before body builds (no build field) with the default build', async () => {
		const { store, ids } = await seeded();
		const { build: _, ...old } = (await store.db.clients.get(ids.kim))!;
		await store.db.clients.put(old as never);
		expect((await store.db.clients.get(ids.kim))).not.toHaveProperty('build');
		const doc = JSON.parse(await fileOf(store));
		expect(doc.clients.find((c: { id: string }) => c.id === ids.kim).build).toBeNull();
	});

	it('exports a mark stored before follow-ups (no carried field) as not carried', async () => {
		const { store, ids } = await seeded();
		const old: Partial<ReturnType<typeof markRow>> = markRow('old-1', ids.legs);
		delete old.carried;
		await store.db.marks.add(old as ReturnType<typeof markRow>);
		const doc = JSON.parse(await fileOf(store));
		expect(doc.marks.find((m: { id: string }) => m.id === 'old-1').carried).toBe(false);
		expect((await store.listMarks(ids.legs))[0].carried).toBe(false);
	});

	it('keeps names and notes as text, markup and all', async () => {
		const { store, ids } = await seeded();
		const target = freshStore();
		const { preview } = await restore(target, await fileOf(store));
		expect(preview.clients.find((c) => c.id === ids.kim)?.name).toBe('Kim <b>a</b>');
		expect((await target.getClient(ids.kim))?.name).toBe('Kim <b>a</b>');
		expect((await target.db.marks.get('a-m1'))?.note).toBe('<script>alert(1)</script>');
	});

	it('accepts a file saved with a byte-order mark', async () => {
		const { store } = await seeded();
		const { result } = await restore(freshStore(), '\uFEFF' + (await fileOf(store)));
		expect(result.clients.added).toBe(2);
	});

	it('restoring the same file twice changes nothing the second time', async () => {
		const { store } = await seeded();
		const text = await fileOf(store);
		const target = freshStore();
		await restore(target, text);
		const before = await dump(target);
		const { preview, result } = await restore(target, text);
		expect(preview.counts).toEqual({ clients: { ...none, same: 2 }, plans: { ...none, same: 3 }, marks: { ...none, same: 3 }, records: noRecords, clinic: noClinic, notes: [] });
		expect(result).toEqual(preview.counts);
		expect(await dump(target)).toEqual(before);
	});
});

describe('merge', () => {
	it('newer records replace the device’s copy; older and identical ones are kept; nothing is deleted', async () => {
		const { store, ids } = await seeded();
		const target = freshStore();
		await restore(target, await fileOf(store));

		// On the device: Kim renamed later than the file; a mark only here; a plan edited.
		await target.db.clients.update(ids.kim, { name: 'Kim (device)', updatedAt: T0 + 10_000_000 });
		await target.db.marks.add(markRow('device-only', ids.back));
		// In the source: Lee renamed later; a new plan; a mark edited later; one mark older.
		await store.db.clients.update(ids.lee, { name: 'Lee (file)', updatedAt: T0 + 20_000_000 });
		const extra = await store.createPlan(ids.lee, { title: 'Follow-up', date: '2026-04-01' });
		await store.db.marks.update('a-m3', { intensity: 2, updatedAt: T0 + 30_000_000 });
		await target.db.marks.update('a-m2', { note: 'device note', updatedAt: T0 + 40_000_000 });

		const { preview, result } = await restore(target, await fileOf(store));
		expect(preview.counts).toEqual({
			clients: { added: 0, updated: 1, older: 1, same: 0 },
			plans: { added: 1, updated: 0, older: 0, same: 3 },
			marks: { added: 0, updated: 1, older: 1, same: 1 },
			records: noRecords,
			clinic: noClinic,
			notes: []
		});
		expect(preview.clients.map((c) => [c.name, c.action]).sort()).toEqual([
			['Kim <b>a</b>', 'older'],
			['Lee (file)', 'update']
		]);
		expect(result).toEqual(preview.counts);
		expect((await target.getClient(ids.kim))?.name).toBe('Kim (device)');
		expect((await target.getClient(ids.lee))?.name).toBe('Lee (file)');
		expect((await target.getPlan(extra.id))?.title).toBe('Follow-up');
		expect((await target.db.marks.get('a-m3'))?.intensity).toBe(2);
		expect((await target.db.marks.get('a-m2'))?.note).toBe('device note');
		expect(await target.db.marks.get('device-only')).toBeDefined();
	});

	it('a one-client file adds to a device that has other clients, and may refer to a client already here', async () => {
		const { store, ids } = await seeded();
		const target = freshStore();
		await restore(target, await fileOf(store, ids.kim));
		expect((await target.listClients()).map((c) => c.id)).toEqual([ids.kim]);
		// A file with only a new plan for Kim (the client itself is not in the file).
		const doc = JSON.parse(await fileOf(store, ids.kim));
		doc.clients = [];
		doc.plans = doc.plans.map((p: { id: string }) => ({ ...p, id: 'new-plan-1' }));
		doc.marks = [];
		const { result } = await restore(target, JSON.stringify(doc));
		expect(result.plans.added).toBe(1);
		expect((await target.getPlan('new-plan-1'))?.clientId).toBe(ids.kim);
	});

	it('reads the device again when it applies: a client deleted after the preview stays deleted, and the result says so', async () => {
		const { store, ids } = await seeded();
		const target = freshStore();
		await restore(target, await fileOf(store, ids.kim));
		const doc = JSON.parse(await fileOf(store));
		doc.clients = doc.clients.filter((c: { id: string }) => c.id !== ids.kim);
		const preview = await previewImport(target, JSON.stringify(doc));
		expect(preview.counts.plans.added).toBe(2);
		await target.deleteClient(ids.kim, { reason: 'Deleted after the preview', practitionerId: null }); // Kim's sessions are done: a reason is needed
		const result = await applyImport(target, preview.backup);
		// Kim's sessions in the file are older than the deletion: only Lee's two plans come.
		expect(result.plans).toEqual({ ...none, added: 2 });
		expect(await target.getClient(ids.kim)).toBeUndefined();
		expect(await target.getPlan(ids.neck)).toBeUndefined();
		expect(result.notes).toEqual([expect.stringMatching(/^1 session of Kim <b>a<\/b> deleted on .+ \(this device’s deletions log\) was not brought back \(Neck & shoulders\)\.$/)]);
	});

	it('a failure part-way through the write leaves nothing behind', async () => {
		const { store } = await seeded();
		const target = freshStore();
		const preview = await previewImport(target, await fileOf(store));
		vi.spyOn(target.db.marks, 'bulkPut').mockImplementationOnce(() => {
			throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
		});
		const error = await applyImport(target, preview.backup).catch((e) => e);
		expect(error).toBeInstanceOf(StoreError);
		expect(error.kind).toBe('quota');
		expect(await dump(target)).toEqual({ clients: [], plans: [], marks: [], settings: [] });
	});

	/** Lee's plans restored on a second device, and a later file giving the plan “Legs” 250 new marks. */
	async function legsWith250More() {
		const { store, ids } = await seeded();
		const source = await fileOf(store, ids.lee);
		const file = JSON.parse(source);
		file.marks = Array.from({ length: 250 }, (_, i) => ({ ...file.marks[0], id: `file-m${i}`, planId: ids.legs }));
		const target = freshStore();
		await applyImport(target, (await previewImport(target, source)).backup);
		return { ids, target, file: JSON.stringify(file) };
	}

	it('refuses a file whose marks, added to those already on the device, would overfill a plan', async () => {
		// The file is fine on its own (250 marks in the plan), and so is the device (200): together, 450.
		const { ids, target, file } = await legsWith250More();
		await target.db.marks.bulkAdd(Array.from({ length: 200 }, (_, i) => markRow(`dev-m${i}`, ids.legs)));
		const before = await dump(target);
		await expect(previewImport(target, file)).rejects.toThrow(
			/cannot be restored: With it, the plan “Legs” \(.*\) would have 450 marks; one plan can hold at most 400 marks\. Nothing on this device was changed\./
		);
		expect(await dump(target)).toEqual(before);
	});

	it('refuses, when it applies, a file that another tab’s additions have made too big since the preview', async () => {
		const { ids, target, file } = await legsWith250More();
		const preview = await previewImport(target, file);
		await target.db.marks.bulkAdd(Array.from({ length: 151 }, (_, i) => markRow(`dev-m${i}`, ids.legs)));
		const before = await dump(target);
		await expect(applyImport(target, preview.backup)).rejects.toThrow(/would have 401 marks/);
		expect(await dump(target)).toEqual(before);
	});

	it('refuses a file whose new plans would give a client more than 2,000', async () => {
		const { store, ids } = await seeded();
		const source = await fileOf(store, ids.lee);
		const target = freshStore();
		await applyImport(target, (await previewImport(target, source)).backup);
		const plan = await target.db.plans.get(ids.legs);
		await target.db.plans.bulkAdd(Array.from({ length: 1998 }, (_, i) => ({ ...plan!, id: `dev-p${i}` })));
		const file = JSON.parse(source);
		file.plans.push({ ...file.plans[0], id: 'file-p1' });
		await expect(previewImport(target, JSON.stringify(file))).rejects.toThrow(/the client “Lee a” would have 2,001 plans; one client can have at most 2,000 plans/);
		// One plan fewer fits exactly.
		await target.db.plans.delete('dev-p0');
		await expect(previewImport(target, JSON.stringify(file))).resolves.toMatchObject({ counts: { plans: { added: 1 } } });
	});
});
