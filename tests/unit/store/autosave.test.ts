import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosave, flushAll } from '$lib/store/autosave';

describe('Autosave', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('saves once per burst of changes, after the delay', async () => {
		const save = vi.fn(async () => {});
		const a = new Autosave(save, { delayMs: 400 });
		a.schedule();
		a.schedule();
		a.schedule();
		expect(save).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(400);
		expect(save).toHaveBeenCalledTimes(1);
		expect(a.pending).toBe(false);
	});

	it('a change made while a save runs is still pending when that save ends (so nobody says "saved" over it)', async () => {
		let release: () => void = () => {};
		let pendingAtEnd: boolean | null = null;
		const a: Autosave = new Autosave(async () => {
			await new Promise<void>((ok) => (release = ok));
			pendingAtEnd = a.pending;
		});
		a.schedule();
		await vi.advanceTimersByTimeAsync(400);
		a.schedule(); // typed while the first save runs
		release();
		await vi.advanceTimersByTimeAsync(0);
		expect(pendingAtEnd).toBe(true);
		await vi.advanceTimersByTimeAsync(400);
		release();
		await vi.advanceTimersByTimeAsync(0);
		expect(pendingAtEnd).toBe(false);
	});

	it('flushAll writes pending changes at once (page hidden, update reload)', async () => {
		const saved: string[] = [];
		const a = new Autosave(async () => void saved.push('a'));
		const b = new Autosave(async () => void saved.push('b'));
		a.schedule();
		b.schedule();
		await flushAll();
		expect(saved.sort()).toEqual(['a', 'b']);
		await vi.advanceTimersByTimeAsync(1000);
		expect(saved).toHaveLength(2);
	});

	it('runs saves in order and reports failures', async () => {
		const order: number[] = [];
		const onError = vi.fn();
		let n = 0;
		const a = new Autosave(
			async () => {
				const mine = ++n;
				if (mine === 1) {
					await new Promise((r) => setTimeout(r, 50));
					throw new Error('disk');
				}
				order.push(mine);
			},
			{ delayMs: 10, onError }
		);
		a.schedule();
		await vi.advanceTimersByTimeAsync(10);
		a.schedule();
		const done = a.flush();
		await vi.advanceTimersByTimeAsync(100);
		await done;
		expect(onError).toHaveBeenCalledTimes(1);
		expect(order).toEqual([2]);
	});
});
