import { describe, expect, it } from 'vitest';
import { createDatabase, databaseExists } from '$lib/store/schema';
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

	it('opens as before when the browser cannot say which databases it has', async () => {
		const name = `unknown-${Math.random()}`;
		expect(await databaseExists(name, Promise.resolve(null))).toBe(true);
		expect(await databaseExists(name, Promise.reject(new Error('denied')))).toBe(true);
		const store = new Store(createDatabase(name));
		store.openAtStart(Promise.resolve(true));
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
