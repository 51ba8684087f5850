import { describe, expect, it } from 'vitest';
import { createDatabase } from '$lib/store/schema';
import { Store } from '$lib/store/store';
import { freshStore } from './helpers';

describe('store.updateSettings', () => {
	it('reads, changes and writes in one transaction: ten connections adding at once lose nothing', async () => {
		const name = `settings-${process.pid}-${Math.random()}`;
		const tabs = Array.from({ length: 10 }, () => new Store(createDatabase(name)));
		const add = (s: Store) =>
			s.updateSettings(['count'], ([n]) => {
				const next = (typeof n === 'number' ? n : 0) + 1;
				return { set: { count: next }, result: next };
			});
		const seen = await Promise.all(tabs.flatMap((s) => [add(s), add(s)]));
		expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
		expect(await tabs[3].getSetting('count', 0)).toBe(20);
		tabs.forEach((s) => s.db.close());
	});

	it('writes several rows together, or none when the change fails', async () => {
		const store = freshStore();
		await store.updateSettings([], () => ({ set: { a: 1, b: 'two' }, result: null }));
		expect([await store.getSetting('a', 0), await store.getSetting('b', '')]).toEqual([1, 'two']);
		// The second row cannot be stored (a function): the first is not written either.
		await expect(store.updateSettings([], () => ({ set: { a: 5, c: () => 1 }, result: null }))).rejects.toThrow();
		expect(await store.getSetting('a', 0)).toBe(1);
		await expect(
			store.updateSettings(['a'], () => {
				throw new Error('no');
			})
		).rejects.toThrow();
		expect(await store.getSetting('a', 0)).toBe(1);
		// Missing rows come as undefined; returning no `set` writes nothing.
		expect(await store.updateSettings(['missing'], ([v]) => ({ result: v }))).toBeUndefined();
		expect(await store.getSetting('missing', 'none')).toBe('none');
	});
});
