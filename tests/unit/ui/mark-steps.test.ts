import { describe, expect, it } from 'vitest';
import { History } from '../../../src/lib/ui/history';
import { addedStep, CHANGED_SINCE, changeGroups, changedStep, continues, editStep, recordEdit, saveRepaint } from '../../../src/lib/ui/marks/mark-steps';
import type { Patch } from '$lib/domain/records';
import { codeOf } from '$lib/domain/regions';
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

describe('undo next to another tab', () => {
	const setup = async (over = {}) => {
		const store = freshStore(tickingClock());
		const { plan } = await store.createClientWithPlan({ name: 'Dee' }, { title: 'Back', date: '2026-11-29' });
		const m0 = await store.addMark(plan.id, markInput({ intensity: 5, note: '', ...over }));
		const now = async () => (await store.listMarks(plan.id)).find((m) => m.id === m0.id);
		return { store, plan, m0, now, history: new History() };
	};
	/** This tab's mark editor writes `patch` over what it last saw, as the form does. */
	const edit = async (store: ReturnType<typeof freshStore>, history: History, id: string, patch: Record<string, unknown>, base: Record<string, unknown>, at: number) => {
		const after = await store.updateMark(id, patch, base);
		recordEdit(history, store, { ...after, ...base }, after, Object.keys(patch), 'x', at);
		return after;
	};

	it("undoing two steps keeps a note another tab typed between them", async () => {
		const { store, m0, now, history } = await setup();
		await edit(store, history, m0.id, { intensity: 8 }, { intensity: 5 }, 0); // step 1
		await store.updateMark(m0.id, { note: 'from the other tab' }, { note: '' }); // tab B; A's form merges it
		await edit(store, history, m0.id, { pressure: 4 }, { pressure: null }, 60_000); // step 2
		await history.undo();
		await history.undo();
		expect(await now()).toMatchObject({ intensity: 5, pressure: null, note: 'from the other tab' });
		await history.redo();
		expect(await now()).toMatchObject({ intensity: 8, note: 'from the other tab' });
	});

	it('an undo over a value another tab changed since is refused in words, and changes nothing', async () => {
		const { store, m0, now, history } = await setup();
		await edit(store, history, m0.id, { intensity: 8 }, { intensity: 5 }, 0);
		await store.updateMark(m0.id, { intensity: 3 }, { intensity: 8 }); // tab B
		await expect(history.undo()).rejects.toThrow(CHANGED_SINCE);
		expect((await now())!.intensity).toBe(3);
	});

	it('a refused undo is dropped, so the change before it can still be undone', async () => {
		const { store, m0, now, history } = await setup();
		await edit(store, history, m0.id, { note: 'first' }, { note: '' }, 0); // step 1
		await edit(store, history, m0.id, { intensity: 8 }, { intensity: 5 }, 60_000); // step 2
		await store.updateMark(m0.id, { intensity: 3 }, { intensity: 8 }); // tab B
		await expect(history.undo()).rejects.toThrow(CHANGED_SINCE);
		expect(history.undoLabel).not.toBeNull();
		await history.undo(); // step 1: the note goes, tab B's strength stays
		expect(await now()).toMatchObject({ note: '', intensity: 3 });
		expect(history.canUndo).toBe(false);
	});

	it("undoing the adding of a mark another tab has typed into since is refused; the mark stays", async () => {
		const { store, m0, now, history } = await setup();
		history.push(addedStep(store, m0, 'x'));
		await store.updateMark(m0.id, { note: 'typed in the other tab' }, { note: '' }); // tab B
		await expect(history.undo()).rejects.toThrow(CHANGED_SINCE);
		expect((await now())!.note).toBe('typed in the other tab');
	});

	it('undoing the adding of a mark only this tab changed removes it', async () => {
		const { store, m0, now, history } = await setup();
		history.push(addedStep(store, m0, 'x'));
		await edit(store, history, m0.id, { note: 'mine' }, { note: '' }, 0);
		await history.undo();
		await history.undo();
		expect(await now()).toBeUndefined();
		await history.redo();
		expect((await now())!.note).toBe('');
	});

	const patch = (vertices: number[]): Patch => ({
		modelVersion: 'female:abc',
		vertices: Uint32Array.from(vertices),
		weights: Uint8Array.from(vertices.map(() => 200)),
		regions: [{ region: codeOf('upper-trapezius-l'), area: 12.5 }]
	});

	it("saving a repaint keeps a note and strength another tab saved meanwhile, and its undo puts back only the painting", async () => {
		const { store, m0, now, history } = await setup({ patch: patch([1, 2, 3]), region: codeOf('upper-trapezius-l') });
		const before = (await now())!; // the repaint begins: the form is filled from this
		await store.updateMark(m0.id, { note: 'worse today', intensity: 9 }, { note: '', intensity: 5 }); // tab B
		// The form as it was when the repaint began, with the pressure changed here.
		const input = { ...markInput(), region: codeOf('upper-trapezius-l'), intensity: 5, note: '', pressure: 2 as const, patch: patch([4, 5]) };
		const { mark, fields } = await saveRepaint(store, before, input);
		expect(mark).toMatchObject({ note: 'worse today', intensity: 9, pressure: 2 });
		expect([...mark.patch!.vertices]).toEqual([4, 5]);
		history.push(changedStep(store, before, mark, 'x', fields));
		await history.undo();
		const back = (await now())!;
		expect(back).toMatchObject({ note: 'worse today', intensity: 9, pressure: null });
		expect([...back.patch!.vertices]).toEqual([1, 2, 3]);
	});

	it('a repaint another page already wrote the same way (a closed tab’s stroke taken up) is no clash', async () => {
		const { store, m0, now } = await setup({ patch: patch([1, 2, 3]), region: codeOf('upper-trapezius-l') });
		const before = (await now())!;
		const input = { ...markInput(), region: codeOf('upper-trapezius-l'), intensity: 5, note: '', patch: patch([4, 5]) };
		await store.updateMark(m0.id, { patch: patch([4, 5]) }); // the closed tab's write landed after all
		const { mark } = await saveRepaint(store, before, input);
		expect([...mark.patch!.vertices]).toEqual([4, 5]);
		expect((await now())!.updatedAt).toBe(mark.updatedAt);
	});

	it('a repaint whose painting or note another tab also changed is refused, naming what, and writes nothing', async () => {
		const { store, m0, now } = await setup({ patch: patch([1, 2, 3]), region: codeOf('upper-trapezius-l') });
		const before = (await now())!;
		await store.updateMark(m0.id, { note: 'theirs', patch: patch([7]) }); // tab B
		const input = { ...markInput(), region: codeOf('upper-trapezius-l'), intensity: 5, note: 'mine', patch: patch([4, 5]) };
		await expect(saveRepaint(store, before, input)).rejects.toThrow(/changed in another tab \(its painted area, the note\)/);
		const stored = (await now())!;
		expect(stored.note).toBe('theirs');
		expect([...stored.patch!.vertices]).toEqual([7]);
	});
});
