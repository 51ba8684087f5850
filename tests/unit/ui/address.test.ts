import { describe, expect, it } from 'vitest';
import { tidyAddress, tidyPath } from '$lib/ui/address';

const at = (rest: string) => tidyAddress(`http://127.0.0.1:4173${rest}`);

describe('tidyAddress', () => {
	it('leaves the addresses the app writes alone', () => {
		for (const rest of ['/', '/plan?id=abc', '/client?id=a%20b', '/settings#main', '/import#h=AbC-_', '/print?id=%C3%A9']) expect(at(rest), rest).toBeNull();
	});

	it('drops doubled and trailing slashes, keeping the query and the fragment', () => {
		expect(at('//plan?id=abc')).toBe('/plan?id=abc');
		expect(at('//')).toBe('/');
		expect(at('/client-mode/?plan=p1')).toBe('/client-mode?plan=p1');
		expect(at('/a//b///c/#x')).toBe('/a/b/c#x');
	});

	it('drops a fragment the router could not decode', () => {
		expect(at('/settings#%ff')).toBe('/settings');
		expect(at('/settings?x=%ff#%E0%A4%A')).toBe('/settings?x=%ff');
		expect(at('/settings#%25ff')).toBeNull();
	});

	it('keeps a path that cannot be decoded as typed, for the not-found page', () => {
		expect(at('/%ff')).toBe('/%25ff');
		expect(tidyPath('/%25ff')).toBe('/%25ff');
	});
});
