import { describe, expect, it } from 'vitest';
import { clientOfMapping, practiceName, requestFor, setPracticeName } from '$lib/store/mapping-requests';
import { freshStore } from '../store/helpers';

describe('mapping requests on the therapist’s device', () => {
	it('gives each client one request id, and finds the client from it while the client is here', async () => {
		const store = freshStore();
		const sam = await store.createClient({ name: 'Sam Taylor' });
		const kim = await store.createClient({ name: 'Kim' });
		const a = (await requestFor(store, sam.id)).id;
		expect((await requestFor(store, sam.id)).id).toBe(a);
		const b = (await requestFor(store, kim.id)).id;
		expect(b).not.toBe(a);
		expect((await clientOfMapping(store, a))?.name).toBe('Sam Taylor');
		expect((await clientOfMapping(store, b))?.id).toBe(kim.id);
		// A client's own id, or a name, is not a request.
		expect(await clientOfMapping(store, sam.id)).toBeNull();
		expect(await clientOfMapping(store, 'Sam Taylor')).toBeNull();
		await store.deleteClient(sam.id);
		expect(await clientOfMapping(store, a)).toBeNull();
	});

	it('no longer finds the client once the link expired (90 days), and says until when it works', async () => {
		const store = freshStore();
		const sam = await store.createClient({ name: 'Sam Taylor' });
		const made = Date.UTC(2026, 0, 1);
		const req = await requestFor(store, sam.id, made);
		expect(req.expires).toBe(made + 90 * 86_400_000);
		expect((await clientOfMapping(store, req.id, req.expires - 1))?.id).toBe(sam.id);
		expect(await clientOfMapping(store, req.id, req.expires)).toBeNull();
	});

	it('keeps the practice name as one clean line', async () => {
		const store = freshStore();
		expect(await practiceName(store)).toBe('');
		expect(await setPracticeName(store, '  Bodywise\u202E\nMassage  ')).toBe('Bodywise Massage');
		expect(await practiceName(store)).toBe('Bodywise Massage');
	});
});
