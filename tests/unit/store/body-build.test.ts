import { describe, expect, it } from 'vitest';
import { bodyFor, defaultBody, describeBody } from '$lib/domain/body-choice';
import { asStoredClient } from '$lib/domain/clean-text';
import { freshStore } from './helpers';

describe('a client’s body build', () => {
	it('is null (the default from settings) for a new client, and is stored when chosen', async () => {
		const store = freshStore();
		const kim = await store.createClient({ name: 'Kim' });
		expect(kim.build).toBeNull();
		await store.updateClient(kim.id, { build: 'broad' }, { build: null });
		expect((await store.getClient(kim.id))?.build).toBe('broad');
		// Back to the default.
		await store.updateClient(kim.id, { build: null }, { build: 'broad' });
		expect((await store.getClient(kim.id))?.build).toBeNull();
	});

	it('reads a row written before builds existed (no key) as the default, in the list too', async () => {
		const store = freshStore();
		await store.db.clients.add({ id: 'old', name: 'Old row', contact: '', notes: '', figure: 'male', createdAt: 1, updatedAt: 2 } as never);
		expect(await store.getClient('old')).toMatchObject({ figure: 'male', build: null });
		expect((await store.listClients())[0].build).toBeNull();
		// A later write keeps the rest and stores the key.
		await store.updateClient('old', { build: 'slim' });
		expect(await store.db.clients.get('old')).toMatchObject({ figure: 'male', build: 'slim', notes: '' });
	});

	it('reads a build this app does not know as the default, and refuses to write one', async () => {
		const store = freshStore();
		await store.db.clients.add({ id: 'odd', name: 'Odd', contact: '', notes: '', figure: null, build: 'huge', createdAt: 1, updatedAt: 2 } as never);
		expect((await store.getClient('odd'))?.build).toBeNull();
		await expect(store.updateClient('odd', { build: 'huge' as never })).rejects.toMatchObject({
			kind: 'validation',
			message: 'Please choose a build: slim, average or broad.'
		});
		expect((await store.db.clients.get('odd'))?.updatedAt).toBe(2);
	});

	it('a stale build write from another tab is refused as a conflict', async () => {
		const store = freshStore();
		const kim = await store.createClient({ name: 'Kim' });
		await store.updateClient(kim.id, { build: 'slim' }, { build: null });
		await expect(store.updateClient(kim.id, { build: 'broad' }, { build: null })).rejects.toMatchObject({ kind: 'conflict' });
		expect((await store.getClient(kim.id))?.build).toBe('slim');
	});

	it('the client form compares it as stored: asStoredClient leaves it as it is', () => {
		expect(asStoredClient({ name: ' Kim ', build: 'broad' as const })).toEqual({ name: 'Kim', build: 'broad' });
	});
});

describe('which body a page shows', () => {
	it('takes the client’s figure and build where chosen, each on its own, else the settings', () => {
		const defaults = defaultBody('male', 'slim');
		expect(bodyFor({ figure: null, build: null }, defaults)).toEqual({ figure: 'male', build: 'slim' });
		expect(bodyFor({ figure: 'female', build: null }, defaults)).toEqual({ figure: 'female', build: 'slim' });
		expect(bodyFor({ figure: null, build: 'broad' }, defaults)).toEqual({ figure: 'male', build: 'broad' });
		expect(bodyFor(null, defaults)).toEqual(defaults);
	});

	it('settings never set, or holding an unknown value, give a female figure of average build', () => {
		expect(defaultBody(undefined, undefined)).toEqual({ figure: 'female', build: 'average' });
		expect(defaultBody('robot', 'huge')).toEqual({ figure: 'female', build: 'average' });
		expect(defaultBody('male', 'huge')).toEqual({ figure: 'male', build: 'average' });
	});

	it('says the body in plain words', () => {
		expect(describeBody({ figure: 'female', build: 'average' })).toBe('Female figure, average build');
		expect(describeBody({ figure: 'male', build: 'broad' })).toBe('Male figure, broad build');
	});
});
