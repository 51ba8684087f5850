import { describe, expect, it } from 'vitest';
import { History, type Step } from '../../../src/lib/ui/history';

/** A counter changed by steps, so tests see what undo and redo really did. */
function counter() {
	const state = { value: 0 };
	const add = (n: number, tag?: string): Step => ({
		label: `add ${n}`,
		tag,
		undo: () => void (state.value -= n),
		redo: () => void (state.value += n)
	});
	const doAdd = (h: History, n: number, tag?: string) => {
		state.value += n;
		h.push(add(n, tag));
	};
	return { state, doAdd };
}

describe('History', () => {
	it('undoes and redoes in order', async () => {
		const h = new History();
		const { state, doAdd } = counter();
		doAdd(h, 1);
		doAdd(h, 10);
		expect(h.undoLabel).toBe('add 10');
		expect(await h.undo()).toBe('add 10');
		expect(state.value).toBe(1);
		expect(await h.undo()).toBe('add 1');
		expect(state.value).toBe(0);
		expect(await h.undo()).toBeNull();
		expect(h.canUndo).toBe(false);
		await h.redo();
		await h.redo();
		expect(state.value).toBe(11);
		expect(h.canRedo).toBe(false);
	});

	it('a new step clears what could be redone', async () => {
		const h = new History();
		const { state, doAdd } = counter();
		doAdd(h, 1);
		await h.undo();
		doAdd(h, 5);
		expect(h.canRedo).toBe(false);
		expect(await h.redo()).toBeNull();
		expect(state.value).toBe(5);
	});

	it('runs async steps one at a time, in order', async () => {
		const log: string[] = [];
		const h = new History();
		const slow = (name: string, ms: number): Step => ({
			label: name,
			undo: () => new Promise<void>((ok) => setTimeout(() => (log.push(`undo ${name}`), ok()), ms)),
			redo: () => void log.push(`redo ${name}`)
		});
		h.push(slow('a', 1));
		h.push(slow('b', 30));
		await Promise.all([h.undo(), h.undo()]);
		expect(log).toEqual(['undo b', 'undo a']);
	});

	it('a failing step stays undoable and reports its error', async () => {
		const h = new History();
		let fail = true;
		h.push({
			label: 'x',
			undo: () => {
				if (fail) throw new Error('storage full');
			},
			redo: () => {}
		});
		await expect(h.undo()).rejects.toThrow('storage full');
		expect(h.canUndo).toBe(true);
		fail = false;
		expect(await h.undo()).toBe('x');
		expect(h.canRedo).toBe(true);
	});

	it('drops tagged steps together and keeps the others', async () => {
		const h = new History();
		const { state, doAdd } = counter();
		doAdd(h, 1);
		doAdd(h, 2, 'draft');
		doAdd(h, 4, 'draft');
		h.drop('draft');
		expect(h.undoLabel).toBe('add 1');
		await h.undo();
		expect(state.value).toBe(6);
	});

	it('keeps at most `limit` steps', async () => {
		const h = new History(undefined, 3);
		const { doAdd } = counter();
		for (let i = 1; i <= 5; i++) doAdd(h, i);
		let n = 0;
		while (await h.undo()) n++;
		expect(n).toBe(3);
	});

	it('tells its owner about every change', async () => {
		let changes = 0;
		const h = new History(() => changes++);
		const { doAdd } = counter();
		doAdd(h, 1);
		await h.undo();
		await h.redo();
		expect(changes).toBe(3);
	});
});

describe('History while a step is still saving', () => {
	/** A step whose undo waits until released, like a slow store write. */
	function slowStep(label: string) {
		let release = () => {};
		const step: Step = { label, undo: () => new Promise<void>((ok) => (release = ok)), redo: () => {} };
		return { step, release: () => release() };
	}

	it('a step pushed during an undo is kept, and the undone step moves to redo', async () => {
		const h = new History();
		const slow = slowStep('slow');
		h.push(slow.step);
		const undoing = h.undo();
		await Promise.resolve();
		h.push({ label: 'new', undo: () => {}, redo: () => {} });
		slow.release();
		expect(await undoing).toBe('slow');
		expect(h.undoLabel).toBe('new');
		expect(h.redoLabel).toBe(null); // the push cleared redo; "slow" was undone before it
	});

	it('a drop during an undo does not leave the undone step undoable', async () => {
		const h = new History();
		const slow = slowStep('slow');
		h.push({ label: 'kept', undo: () => {}, redo: () => {} });
		h.push({ ...slow.step, tag: 'draft' });
		const undoing = h.undo();
		await Promise.resolve();
		h.drop('draft');
		slow.release();
		await undoing;
		expect(h.undoLabel).toBe('kept');
	});
});
