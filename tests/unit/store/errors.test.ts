import { describe, expect, it } from 'vitest';
import { StoreError, toStoreError } from '$lib/store/errors';

describe('toStoreError', () => {
	it('recognises a quota error wrapped by Dexie', () => {
		const wrapped = { name: 'AbortError', inner: { name: 'QuotaExceededError' } };
		const e = toStoreError({ name: 'OpenFailedError', inner: wrapped });
		expect(e.kind).toBe('quota');
		expect(e.message).toMatch(/storage is full/);
		expect(e.message).toMatch(/Nothing was half-saved/);
	});

	it('says to reload when the database was closed by a newer tab', () => {
		expect(toStoreError({ name: 'DatabaseClosedError' }).kind).toBe('outdated');
		expect(toStoreError({ name: 'VersionError' }).kind).toBe('outdated');
	});

	it('explains when storage is not available at all', () => {
		expect(toStoreError({ name: 'MissingAPIError' }).message).toMatch(/not letting Somamap store data/);
	});

	it('keeps StoreErrors as they are and falls back to a generic message', () => {
		const own = new StoreError('validation', 'Please enter a name.');
		expect(toStoreError(own)).toBe(own);
		expect(toStoreError(new Error('boom')).kind).toBe('unknown');
	});
});
