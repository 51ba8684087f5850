import { describe, expect, it, vi } from 'vitest';
import { createDatabase } from '$lib/store/schema';
import { databaseExists } from '$lib/store/first-start';
import { Store } from '$lib/store/store';
import { freshStore } from './helpers';

/** Whether the browser lists a database named `name`. */
async function listed(name: string): Promise<boolean> {
	return (await indexedDB.databases()).some((d) => d.name === name);
}

const EMPTY = { clients: [] as unknown[], recent: [] as unknown[] };
const firstScreen = (store: Store) =>
	store.beforeCreating(async () => ({ clients: await store.listClients(), recent: await store.listRecentPlans(10) }), EMPTY);

describe('the first start of a device with no database', () => {
	it('answers the first screen as an empty database would, without creating one', async () => {
		const store = freshStore();
		store.openAtStart();
		expect(await firstScreen(store)).toBe(EMPTY);
		expect(await store.beforeCreating(() => store.getSetting('appLock', true), false)).toBe(false);
		expect(await listed(store.db.name)).toBe(false);
	});

	it('creates the database with the first live query, and from then reads it', async () => {
		const store = freshStore();
		store.openAtStart();
		await firstScreen(store);
		const seen = await new Promise((ok, fail) => {
			const sub = store.live(() => store.listClients()).subscribe({ next: (v) => (sub.unsubscribe(), ok(v)), error: fail });
		});
		expect(seen).toEqual([]);
		expect(await listed(store.db.name)).toBe(true);
		await store.createClient({ name: 'Ada Lovelace' });
		expect((await firstScreen(store)).clients).toHaveLength(1);
	});

	it('reads for real once a write has begun to create it (nothing written is hidden)', async () => {
		const store = freshStore();
		store.openAtStart();
		const writing = store.createClient({ name: 'Grace Hopper' });
		const seen = await firstScreen(store);
		await writing;
		expect(seen).not.toBe(EMPTY);
		expect((await firstScreen(store)).clients.map((c) => (c as { name: string }).name)).toEqual(['Grace Hopper']);
	});

	it('opens an existing database at once and reads it', async () => {
		const name = `existing-${Math.random()}`;
		const before = new Store(createDatabase(name));
		await before.createClient({ name: 'Mary Somerville' });
		before.db.close();

		const store = new Store(createDatabase(name));
		store.openAtStart();
		const seen = await firstScreen(store);
		expect(seen.clients.map((c) => (c as { name: string }).name)).toEqual(['Mary Somerville']);
		expect(store.db.isOpen()).toBe(true);
	});

	it('reads for real when another tab made the database since the page started (the early answer is old)', async () => {
		const name = `made-meanwhile-${Math.random()}`;
		const store = new Store(createDatabase(name));
		store.openAtStart(databaseExists(name)); // asked while there was none
		await store.beforeCreating(async () => null, null);
		const other = new Store(createDatabase(name)); // another tab: a client, then the PIN's lock
		await other.createClient({ name: 'Locked Later' });
		await other.setSetting('appLock', true);

		expect(await store.beforeCreating(() => store.getSetting('appLock', false), false)).toBe(true);
	});

	it('opens as before when the browser cannot say which databases it has, or does not answer in time', async () => {
		const name = `unknown-${Math.random()}`;
		expect(await databaseExists(name, Promise.resolve(null))).toBe(true);
		expect(await databaseExists(name, Promise.reject(new Error('denied')))).toBe(true);
		vi.useFakeTimers();
		try {
			const waiting = databaseExists(name, new Promise(() => {}));
			await vi.advanceTimersByTimeAsync(500);
			expect(await waiting).toBe(true);
		} finally {
			vi.useRealTimers();
		}
		const store = new Store(createDatabase(name));
		store.openAtStart(databaseExists(name, Promise.resolve(null)));
		expect(await firstScreen(store)).not.toBe(EMPTY);
		expect(await listed(name)).toBe(true);
	});

	it('takes the list asked for as the page started, when there is one', async () => {
		const name = `asked-${Math.random()}`;
		expect(await databaseExists(name, Promise.resolve([{ name, version: 40 }]))).toBe(true);
		expect(await databaseExists(name, Promise.resolve([{ name: 'other', version: 1 }]))).toBe(false);
		expect(await databaseExists(name)).toBe(false);
	});
});
