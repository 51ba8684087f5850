import { describe, expect, it } from 'vitest';
import { History } from '../../../src/lib/ui/history';
import { changeGroups, continues, editStep, recordEdit } from '../../../src/lib/ui/marks/mark-steps';
import { freshStore, tickingClock } from '../store/helpers';
import { markInput } from '../fixtures';

/** What the planner does after each write of the mark editor (PlanMarks' `edited`). */
function record(history: History, store: ReturnType<typeof freshStore>) {
	return (before: Parameters<typeof editStep>[1], after: Parameters<typeof editStep>[2], fields: string[], at: number) => {
		const top = history.top;
		if (!history.canRedo && continues(top, after.id, fields, at)) top.extend(after, 'x', at);
		else history.push(editStep(store, before, after, 'x', fields, at));
	};
}

describe('undo steps of the mark editor', () => {
	it('a note typed in several writes is one step; a sensation chosen after it is another', async () => {
		const store = freshStore(tickingClock());
		const { plan } = await store.createClientWithPlan({ name: 'Ann' }, { title: 'Neck', date: '2026-11-23' });
		const m0 = await store.addMark(plan.id, markInput({ note: '' }));
		const history = new History();
		const edited = record(history, store);

		const m1 = await store.updateMark(m0.id, { note: 'worse' });
		edited(m0, m1, ['note'], 1000);
		const m2 = await store.updateMark(m0.id, { note: 'worse after desk' });
		edited(m1, m2, ['note'], 1800);
		const m3 = await store.updateMark(m0.id, { note: 'worse after desk work' });
		edited(m2, m3, ['note'], 2600);
		const m4 = await store.updateMark(m0.id, { sensation: 'aching' });
		edited(m3, m4, ['sensation'], 3000);
		const m5 = await store.updateMark(m0.id, { sensation: 'sharp' });
		edited(m4, m5, ['sensation'], 3100);

		const now = async () => (await store.listMarks(plan.id))[0];
		await history.undo();
		expect((await now()).sensation).toBe('aching');
		await history.undo();
		expect(await now()).toMatchObject({ sensation: 'knot', note: 'worse after desk work' });
		await history.undo(); // the whole note at once
		expect((await now()).note).toBe('');
		expect(history.canUndo).toBe(false);
		await history.redo();
		expect((await now()).note).toBe('worse after desk work');
	});

	it('a slider moved in one go is one step; moved again later, another', async () => {
		const store = freshStore(tickingClock());
		const { plan } = await store.createClientWithPlan({ name: 'Ben' }, { title: 'Back', date: '2026-11-23' });
		const m0 = await store.addMark(plan.id, markInput({ intensity: 2 }));
		const history = new History();
		const edited = record(history, store);
		const a = await store.updateMark(m0.id, { intensity: 4 });
		edited(m0, a, ['intensity'], 0);
		const b = await store.updateMark(m0.id, { intensity: 6 });
		edited(a, b, ['intensity'], 500);
		const c = await store.updateMark(m0.id, { intensity: 9 });
		edited(b, c, ['intensity'], 5000);
		await history.undo();
		expect((await store.listMarks(plan.id))[0].intensity).toBe(6);
		await history.undo();
		expect((await store.listMarks(plan.id))[0].intensity).toBe(2);
		expect(history.canUndo).toBe(false);
	});

	it('after an undo, the next write is a new step (the undone one is not grown)', () => {
		const history = new History();
		const step = editStep(freshStore(), markInput() as never, { id: 'a', updatedAt: 1 } as never, 'x', ['note'], 0);
		history.push(step);
		expect(continues(history.top, 'a', ['note'], 100)).toBe(true);
		expect(continues(history.top, 'b', ['note'], 100)).toBe(false);
		expect(continues(history.top, 'a', ['note', 'sensation'], 100)).toBe(false);
		expect(continues(history.top, 'a', ['note'], 20_000)).toBe(false);
	});

	it('one write with a feeling and a strength changed is two steps, undone one at a time', async () => {
		const store = freshStore(tickingClock());
		const { plan } = await store.createClientWithPlan({ name: 'Cy' }, { title: 'Neck', date: '2026-11-23' });
		const m0 = await store.addMark(plan.id, markInput({ sensation: 'tension', intensity: 5 }));
		const history = new History();
		const m1 = await store.updateMark(m0.id, { sensation: 'knot', intensity: 9 });
		recordEdit(history, store, m0, m1, ['sensation', 'intensity'], 'x', 0);
		await history.undo();
		expect((await store.listMarks(plan.id))[0]).toMatchObject({ sensation: 'knot', intensity: 5 });
		await history.undo();
		expect((await store.listMarks(plan.id))[0]).toMatchObject({ sensation: 'tension', intensity: 5 });
		expect(changeGroups(['depth', 'structure', 'note'])).toEqual([['depth', 'structure'], ['note']]);
	});
});
