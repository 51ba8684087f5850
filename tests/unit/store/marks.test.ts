import { describe, expect, it } from 'vitest';
import type { Patch } from '$lib/domain/records';
import { codeOf } from '$lib/domain/regions';
import { StoreError } from '$lib/store/errors';
import { MAX_MARKS_PER_PLAN } from '$lib/domain/limits';
import { freshStore, tickingClock } from './helpers';
import { markInput } from '../fixtures';

const knot = markInput;

async function withPlan(clock = tickingClock()) {
	const store = freshStore(clock);
	const { client, plan } = await store.createClientWithPlan({ name: 'Kim' }, { title: 'Neck', date: '2026-11-23' });
	return { store, client, plan };
}

describe('marks', () => {
	it('adds marks in order and moves the plan’s updatedAt in the same write', async () => {
		const { store, plan } = await withPlan();
		const a = await store.addMark(plan.id, knot({ note: '  after desk work ' }));
		const b = await store.addMark(plan.id, knot({ sensation: 'tension', intensity: 4, author: 'therapist' }));
		expect(a).toMatchObject({ planId: plan.id, patch: null, note: 'after desk work', author: 'client' });
		expect((await store.listMarks(plan.id)).map((m) => m.id)).toEqual([a.id, b.id]);
		expect((await store.getPlan(plan.id))!.updatedAt).toBe(b.createdAt);
	});

	it('edits a mark, dropping the deep structure when it goes back to the surface', async () => {
		const { store, plan } = await withPlan();
		const m = await store.addMark(plan.id, knot({ depth: 'deep', structure: 'supraspinatus' }));
		const edited = await store.updateMark(m.id, { intensity: 4, pressure: 2, note: 'eased' });
		expect(edited).toMatchObject({ intensity: 4, pressure: 2, note: 'eased', structure: 'supraspinatus' });
		expect(edited.updatedAt).toBeGreaterThan(m.updatedAt);
		const surface = await store.updateMark(m.id, { depth: 'surface' });
		expect(surface.structure).toBeNull();
		expect((await store.listMarks(plan.id))[0]).toEqual(surface);
		expect((await store.getPlan(plan.id))!.updatedAt).toBe(surface.updatedAt);
	});

	it('removes a mark and gives it back for an undo', async () => {
		const { store, plan } = await withPlan();
		const m = await store.addMark(plan.id, knot());
		const keep = await store.addMark(plan.id, knot({ sensation: 'aching' }));
		expect(await store.removeMark(m.id)).toEqual(m);
		expect((await store.listMarks(plan.id)).map((x) => x.id)).toEqual([keep.id]);
		expect(await store.removeMark(m.id)).toBeUndefined();
	});

	it('refuses an invalid mark and stores nothing, not even the plan’s new time', async () => {
		const { store, plan } = await withPlan();
		const before = (await store.getPlan(plan.id))!.updatedAt;
		await expect(store.addMark(plan.id, knot({ intensity: 11 }))).rejects.toMatchObject({ kind: 'validation' });
		await expect(store.addMark(plan.id, knot({ depth: 'deep', structure: 'soleus' }))).rejects.toBeInstanceOf(StoreError);
		await expect(store.addMark(plan.id, knot({ note: 'x'.repeat(2001) }))).rejects.toBeInstanceOf(StoreError);
		expect(await store.db.marks.count()).toBe(0);
		expect((await store.getPlan(plan.id))!.updatedAt).toBe(before);
	});

	it('refuses an invalid edit and keeps the mark as it was', async () => {
		const { store, plan } = await withPlan();
		const m = await store.addMark(plan.id, knot());
		await expect(store.updateMark(m.id, { intensity: -1 })).rejects.toMatchObject({ kind: 'validation' });
		await expect(store.updateMark(m.id, { sensation: 'itchy' as never })).rejects.toBeInstanceOf(StoreError);
		expect((await store.listMarks(plan.id))[0]).toEqual(m);
		await expect(store.updateMark('nope', { intensity: 2 })).rejects.toMatchObject({ kind: 'not-found' });
	});

	it('refuses a mark for a plan that does not exist', async () => {
		const { store } = await withPlan();
		await expect(store.addMark('missing', knot())).rejects.toMatchObject({ kind: 'not-found' });
		expect(await store.db.marks.count()).toBe(0);
	});

	it('deleting a plan or a client removes its marks, and nobody else’s', async () => {
		const { store, client, plan } = await withPlan();
		const second = await store.createPlan(client.id, { title: 'Back', date: '2026-11-30' });
		const other = await store.createClientWithPlan({ name: 'Lee' }, { title: 'Legs', date: '2026-11-23' });
		await store.addMark(plan.id, knot());
		await store.addMark(second.id, knot());
		const theirs = await store.addMark(other.plan.id, knot());

		await store.deletePlan(plan.id);
		expect(await store.listMarks(plan.id)).toEqual([]);
		expect(await store.listMarks(second.id)).toHaveLength(1);

		await store.deleteClient(client.id);
		expect(await store.listMarks(second.id)).toEqual([]);
		expect(await store.listMarks(other.plan.id)).toEqual([theirs]);
	});

	it('keeps "no pain or tension today" on the plan beside any marks', async () => {
		const { store, plan } = await withPlan();
		await store.addMark(plan.id, knot());
		const p = await store.updatePlan(plan.id, { noPain: true });
		expect(p.noPain).toBe(true);
		expect(await store.listMarks(plan.id)).toHaveLength(1);
	});
});

describe('painted marks and undo', () => {
	const patch = (over: Partial<Patch> = {}): Patch => ({
		modelVersion: 'female:abc',
		vertices: Uint32Array.from([3, 9, 4000]),
		weights: Uint8Array.from([255, 120, 7]),
		regions: [{ region: codeOf('upper-trapezius-l'), area: 12.5 }],
		...over
	});

	it('stores a painted patch with its typed arrays intact', async () => {
		const { store, plan } = await withPlan();
		const m = await store.addMark(plan.id, knot({ region: codeOf('upper-trapezius-l'), patch: patch() }));
		const [back] = await store.listMarks(plan.id);
		expect(back.patch!.vertices).toBeInstanceOf(Uint32Array);
		expect(back.patch!.weights).toBeInstanceOf(Uint8Array);
		expect(back).toEqual(m);
		const repainted = await store.updateMark(m.id, { patch: patch({ vertices: Uint32Array.from([5]), weights: Uint8Array.from([9]) }) });
		expect([...(await store.listMarks(plan.id))[0].patch!.vertices]).toEqual([5]);
		expect(repainted.patch!.weights[0]).toBe(9);
	});

	it('refuses a damaged patch and stores nothing', async () => {
		const { store, plan } = await withPlan();
		const bad: Patch[] = [
			patch({ weights: Uint8Array.from([1, 2]) }), // lengths differ
			patch({ vertices: Uint32Array.from([9, 3, 4000]) }), // not ascending
			patch({ weights: Uint8Array.from([0, 1, 2]) }), // an unpainted vertex listed
			patch({ regions: [{ region: 99, area: 1 }] }), // no such region
			patch({ modelVersion: '' }),
			patch({ vertices: new Uint32Array(0), weights: new Uint8Array(0) })
		];
		for (const p of bad) {
			await expect(store.addMark(plan.id, knot({ patch: p }))).rejects.toMatchObject({ kind: 'validation' });
		}
		expect(await store.listMarks(plan.id)).toEqual([]);
	});

	it('restores a removed or changed mark, stamped as changed now (an older backup cannot win)', async () => {
		const { store, plan } = await withPlan();
		const { updatedAt: _, ...fields } = await store.addMark(plan.id, knot({ patch: patch() }));
		const m = { ...fields, updatedAt: fields.createdAt };
		const removed = (await store.removeMark(m.id))!;
		const back = await store.restoreMark(removed, null);
		expect(back.updatedAt).toBeGreaterThan(removed.updatedAt);
		expect(await store.listMarks(plan.id)).toEqual([{ ...m, updatedAt: back.updatedAt }]);
		const changed = await store.updateMark(m.id, { intensity: 2 });
		const undone = await store.restoreMark(m, changed.updatedAt);
		expect((await store.listMarks(plan.id))[0]).toEqual({ ...m, updatedAt: undone.updatedAt });
		await store.restoreMark(changed, undone.updatedAt);
		expect((await store.listMarks(plan.id))[0].intensity).toBe(2);
	});

	it('an undo never overwrites a change made in between', async () => {
		const { store, plan } = await withPlan();
		const m = await store.addMark(plan.id, knot());
		const mine = await store.updateMark(m.id, { intensity: 2 });
		await store.updateMark(m.id, { note: 'edited in another window' });
		await expect(store.restoreMark(m, mine.updatedAt)).rejects.toMatchObject({ kind: 'validation', message: /changed since/ });
		expect((await store.listMarks(plan.id))[0].note).toBe('edited in another window');
		await expect(store.restoreMark(m, null)).rejects.toMatchObject({ message: /changed since/ }); // it exists
	});

	it('a write based on values another tab changed since is refused as a conflict; other fields pass', async () => {
		const { store, plan } = await withPlan();
		const m = await store.addMark(plan.id, knot({ note: 'first' }));
		// Another tab changes the note; this tab, based on the old note, writes its own.
		await store.updateMark(m.id, { note: 'from the other tab' }, { note: 'first' });
		await expect(store.updateMark(m.id, { note: 'mine' }, { note: 'first' })).rejects.toMatchObject({ kind: 'conflict' });
		expect((await store.listMarks(plan.id))[0].note).toBe('from the other tab');
		// A field the other tab left alone is written; the note stays theirs.
		const after = await store.updateMark(m.id, { intensity: 3 }, { intensity: m.intensity });
		expect(after).toMatchObject({ intensity: 3, note: 'from the other tab' });
		// The note as the store keeps it (trimmed) counts as the same value.
		await store.updateMark(m.id, { note: 'kept ' }, { note: 'from the other tab' });
		expect((await store.updateMark(m.id, { note: 'kept  ' }, { note: 'kept' })).note).toBe('kept');
	});

	it('restores several marks in one write: all or nothing', async () => {
		const { store, plan } = await withPlan();
		const a = (await store.removeMark((await store.addMark(plan.id, knot())).id))!;
		const b = (await store.removeMark((await store.addMark(plan.id, knot({ sensation: 'aching' }))).id))!;
		await expect(store.restoreMarks([a, { ...b, intensity: 40 }])).rejects.toMatchObject({ kind: 'validation' });
		expect(await store.listMarks(plan.id)).toEqual([]);
		expect(await store.restoreMarks([a, b])).toHaveLength(2);
		expect(await store.listMarks(plan.id)).toHaveLength(2);
	});

	it('will not restore a mark into a deleted plan', async () => {
		const { store, plan } = await withPlan();
		const m = await store.addMark(plan.id, knot());
		await store.deletePlan(plan.id);
		await expect(store.restoreMark(m)).rejects.toMatchObject({ kind: 'not-found' });
		expect(await store.listMarks(plan.id)).toEqual([]);
	});

	it('an edit made with the clock set back still makes a newer version', async () => {
		let t = 1_700_000_000_000;
		const store = freshStore(() => t);
		const { plan } = await store.createClientWithPlan({ name: 'Kim' }, { title: 'Neck', date: '2026-11-23' });
		t += 60_000;
		const m = await store.addMark(plan.id, knot());
		t -= 3_600_000; // the device's clock was set back an hour
		const edited = await store.updateMark(m.id, { intensity: 3 });
		expect(edited.updatedAt).toBeGreaterThan(m.updatedAt);
		const restored = (await store.restoreMarks([m]))[0];
		expect(restored.updatedAt).toBeGreaterThan(edited.updatedAt);
	});

	it('an undo cannot put a removed mark back into a plan another tab has filled to the limit', async () => {
		const { store, plan } = await withPlan();
		const removed = await store.addMark(plan.id, knot());
		await store.removeMark(removed.id);
		const now = Date.now();
		await store.db.marks.bulkAdd(
			Array.from({ length: MAX_MARKS_PER_PLAN }, (_, i) => ({ ...removed, id: `m${i}`, createdAt: now, updatedAt: now }))
		);
		const error = await store.restoreMarks([removed]).catch((e) => e);
		expect(error).toBeInstanceOf(StoreError);
		expect(error.message).toMatch(/already has 400 marks/);
		expect(await store.db.marks.where('planId').equals(plan.id).count()).toBe(MAX_MARKS_PER_PLAN);
	});
});
