import { describe, expect, it } from 'vitest';
import { signedRecordsInKeeping } from '$lib/store/record-keeping';
import { RETENTION_KEY } from '$lib/store/records';
import { clinic, NOW } from '../backup/record-clinic';

describe('what erasing everything would throw away that must be kept', () => {
	it('counts signed records inside their keeping period (not drafts), under the clinic’s rule; erasing still works', async () => {
		const { store } = await clinic();
		expect(await signedRecordsInKeeping(store, NOW)).toMatchObject({ count: 1, until: '2033-12-03', rule: { id: 'seven-years' } });
		await store.setSetting(RETENTION_KEY, 'ten-years');
		expect(await signedRecordsInKeeping(store, NOW)).toMatchObject({ count: 1, until: '2036-12-03' });
		// Past the period, nothing needs keeping.
		expect(await signedRecordsInKeeping(store, new Date(2036, 11, 3, 12).getTime())).toMatchObject({ count: 0, until: null });
		await store.eraseEverything();
		expect(await signedRecordsInKeeping(store, NOW)).toMatchObject({ count: 0, until: null });
	});
});
