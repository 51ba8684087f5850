// Web Crypto in Node (globalThis.crypto.subtle), as in the browser.
import { describe, expect, it } from 'vitest';
import { equalBytes, hashPin, isPinHash, PIN_ITERATIONS, verifyPin } from '$lib/security/pin-hash';

describe('PIN hashing', () => {
	it('uses PBKDF2-SHA-256 with at least 200 000 iterations, a 16-byte salt and a 32-byte hash', async () => {
		const h = await hashPin('4821');
		expect(PIN_ITERATIONS).toBeGreaterThanOrEqual(200_000);
		expect(h.algorithm).toBe('PBKDF2-SHA-256');
		expect(h.iterations).toBe(PIN_ITERATIONS);
		expect(atob(h.salt)).toHaveLength(16);
		expect(atob(h.hash)).toHaveLength(32);
		expect(JSON.stringify(h)).not.toContain('4821');
		expect(isPinHash(h)).toBe(true);
	});

	it('accepts the right PIN and refuses a wrong one', async () => {
		const h = await hashPin('4821', 1000);
		expect(await verifyPin('4821', h)).toBe(true);
		expect(await verifyPin('4822', h)).toBe(false);
		expect(await verifyPin('48210', h)).toBe(false);
		expect(await verifyPin('', h)).toBe(false);
	});

	it('salts every PIN afresh: the same PIN twice gives different salts and hashes', async () => {
		const a = await hashPin('4821', 1000);
		const b = await hashPin('4821', 1000);
		expect(a.salt).not.toBe(b.salt);
		expect(a.hash).not.toBe(b.hash);
		expect(await verifyPin('4821', b)).toBe(true);
	});

	it('matches the PBKDF2-HMAC-SHA256 reference vector (RFC 7914 §11)', async () => {
		const salt = btoa('salt');
		const stored = {
			algorithm: 'PBKDF2-SHA-256' as const,
			iterations: 1,
			salt,
			hash: btoa(String.fromCharCode(...hex('120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b')))
		};
		expect(await verifyPin('password', stored)).toBe(true);
	});

	it('compares bytes whatever their length', () => {
		expect(equalBytes(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
		expect(equalBytes(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
		expect(equalBytes(new Uint8Array([1, 2]), new Uint8Array([1, 2, 0]))).toBe(false);
		expect(equalBytes(new Uint8Array([]), new Uint8Array([]))).toBe(true);
	});

	it('treats anything else stored as no PIN', () => {
		expect(isPinHash(null)).toBe(false);
		expect(isPinHash('1234')).toBe(false);
		expect(isPinHash({ algorithm: 'PBKDF2-SHA-256', iterations: 0, salt: '', hash: '' })).toBe(false);
	});
});

function hex(s: string): number[] {
	return s.match(/../g)!.map((b) => parseInt(b, 16));
}
