/**
 * Moving paintings off the old figures, in the store: it finds only marks painted on an old
 * version, writes every move in one transaction or none, skips a mark that no longer holds the
 * old patch (another tab moved it first), and changes nothing but the patch.
 */
import { describe, expect, it } from 'vitest';
import type { Patch } from '$lib/domain/records';
import { codeOf } from '$lib/domain/regions';
import { marksPaintedOn, replaceOldPatches } from '$lib/store/legacy-paintings';
import { freshStore, tickingClock } from './helpers';
import { markInput } from '../fixtures';

const OLD_F = 'ae13cce0886b083a', OLD_M = '3eda5c6e79132f50', NEW = '783c7ea1344148da';
const trapezius = codeOf('upper-trapezius-l');

function patch(modelVersion: string, first: number): Patch {
	return { modelVersion, vertices: Uint32Array.of(first, first + 1, first + 2), weights: Uint8Array.of(255, 200, 90), regions: [{ region: trapezius, area: 6.5 }] };
}

async function seeded() {
	const store = freshStore(tickingClock());
	const { plan } = await store.createClientWithPlan({ name: 'Kim' }, { title: 'Neck', date: '2026-11-23' });
	const oldF = await store.addMark(plan.id, markInput({ region: trapezius, patch: patch(OLD_F, 10), note: 'after desk work' }));
	const oldM = await store.addMark(plan.id, markInput({ region: trapezius, patch: patch(OLD_M, 20), sensation: 'aching' }));
	const tapped = await store.addMark(plan.id, markInput());
	const current = await store.addMark(plan.id, markInput({ region: trapezius, patch: patch(NEW, 30) }));
	const planBefore = (await store.getPlan(plan.id))!;
	return { store, plan: planBefore, oldF, oldM, tapped, current };
}

describe('paintings on the old figures, in the store', () => {
	it('finds only the marks painted on an old version', async () => {
		const { store, oldF, oldM } = await seeded();
		const found = await marksPaintedOn(store, [OLD_F, OLD_M]);
		expect(found.map((m) => m.id).sort()).toEqual([oldF.id, oldM.id].sort());
		expect(await marksPaintedOn(store, [])).toEqual([]);
	});

	it('replaces the old patches and nothing else: not the note, not when the mark or the plan was changed', async () => {
		const { store, plan, oldF, oldM, tapped, current } = await seeded();
		const toF = patch(NEW, 100), toM = patch(NEW, 200);
		const written = await replaceOldPatches(store, [
			{ id: oldF.id, from: oldF.patch!, to: toF },
			{ id: oldM.id, from: oldM.patch!, to: toM }
		]);
		expect(written.sort()).toEqual([oldF.id, oldM.id].sort());
		const marks = await store.listMarks(plan.id);
		expect(marks.find((m) => m.id === oldF.id)).toEqual({ ...oldF, patch: toF });
		expect(marks.find((m) => m.id === oldM.id)).toEqual({ ...oldM, patch: toM });
		expect(marks.find((m) => m.id === tapped.id)).toEqual(tapped);
		expect(marks.find((m) => m.id === current.id)).toEqual(current);
		expect(await store.getPlan(plan.id)).toEqual(plan);
		expect(await marksPaintedOn(store, [OLD_F, OLD_M])).toEqual([]);
	});

	it('skips a mark another tab already moved, or that was repainted or deleted since', async () => {
		const { store, plan, oldF, oldM } = await seeded();
		const first = patch(NEW, 100);
		await replaceOldPatches(store, [{ id: oldF.id, from: oldF.patch!, to: first }]);
		const repainted = patch(NEW, 300);
		await store.updateMark(oldM.id, { patch: repainted });
		// A second tab, working from what it read before, moves both again.
		const written = await replaceOldPatches(store, [
			{ id: oldF.id, from: oldF.patch!, to: patch(NEW, 111) },
			{ id: oldM.id, from: oldM.patch!, to: patch(NEW, 222) },
			{ id: 'gone', from: oldF.patch!, to: patch(NEW, 333) }
		]);
		expect(written).toEqual([]);
		const marks = await store.listMarks(plan.id);
		expect(marks.find((m) => m.id === oldF.id)!.patch).toEqual(first);
		expect(marks.find((m) => m.id === oldM.id)!.patch).toEqual(repainted);
		expect(marks.map((m) => m.id)).not.toContain('gone');
	});

	it('writes all the moves or none', async () => {
		const { store, plan, oldF, oldM } = await seeded();
		const table = store.db.marks;
		const bulkPut = table.bulkPut.bind(table);
		// The first row goes in, then the disk fills up before the second.
		table.bulkPut = (async (rows: Parameters<typeof bulkPut>[0]) => {
			await bulkPut([rows[0]]);
			throw new DOMException('The disk is full', 'QuotaExceededError');
		}) as unknown as typeof table.bulkPut;
		await expect(
			replaceOldPatches(store, [
				{ id: oldF.id, from: oldF.patch!, to: patch(NEW, 100) },
				{ id: oldM.id, from: oldM.patch!, to: patch(NEW, 200) }
			])
		).rejects.toMatchObject({ kind: 'quota' });
		table.bulkPut = bulkPut;
		const marks = await store.listMarks(plan.id);
		expect(marks.find((m) => m.id === oldF.id)).toEqual(oldF);
		expect(marks.find((m) => m.id === oldM.id)).toEqual(oldM);
	});

	it('refuses a moved patch that is not sound, before writing anything', async () => {
		const { store, plan, oldF } = await seeded();
		const empty: Patch = { modelVersion: NEW, vertices: new Uint32Array(0), weights: new Uint8Array(0), regions: [] };
		await expect(replaceOldPatches(store, [{ id: oldF.id, from: oldF.patch!, to: empty }])).rejects.toThrow(/not sound/);
		expect((await store.listMarks(plan.id)).find((m) => m.id === oldF.id)).toEqual(oldF);
	});
});
