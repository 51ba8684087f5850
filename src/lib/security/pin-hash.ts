/**
 * Hashing the PIN with Web Crypto (in the browser and in Node 20+): a random 16-byte salt per
 * PIN and PBKDF2-HMAC-SHA-256. Only the salt, the iteration count and the 32-byte result are
 * stored, never the PIN. Comparison runs over every byte, whatever the first difference.
 *
 * A 4–8 digit PIN cannot resist someone who copies the database and tries every PIN offline;
 * the hash keeps the PIN itself out of the storage, and the wait after wrong tries (pin-rules)
 * is what slows guessing in the app.
 */

/** Iterations for new PINs: about a third of a second on a mid-range tablet. */
export const PIN_ITERATIONS = 310_000;

export interface PinHash {
	algorithm: 'PBKDF2-SHA-256';
	iterations: number;
	/** Base64. */
	salt: string;
	/** Base64, 32 bytes. */
	hash: string;
}

const SALT_BYTES = 16;
const HASH_BITS = 256;

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
	const subtle = globalThis.crypto.subtle;
	const key = await subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
	const bits = await subtle.deriveBits(
		{ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
		key,
		HASH_BITS
	);
	return new Uint8Array(bits);
}

/** A new hash of `pin` with a fresh random salt. */
export async function hashPin(pin: string, iterations = PIN_ITERATIONS): Promise<PinHash> {
	const salt = globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES));
	const hash = await derive(pin, salt, iterations);
	return { algorithm: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt), hash: toBase64(hash) };
}

/** Whether `pin` is the one `stored` was made from. */
export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
	const expected = fromBase64(stored.hash);
	const actual = await derive(pin, fromBase64(stored.salt), stored.iterations);
	return equalBytes(actual, expected);
}

/** Compares in time that depends only on the lengths, never on where the bytes differ. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
	let diff = a.length ^ b.length;
	const n = Math.max(a.length, b.length);
	for (let i = 0; i < n; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
	return diff === 0;
}

/** Whether a stored value looks like a PinHash (anything else counts as no PIN). */
export function isPinHash(v: unknown): v is PinHash {
	const h = v as PinHash | null;
	return (
		!!h &&
		h.algorithm === 'PBKDF2-SHA-256' &&
		Number.isInteger(h.iterations) &&
		h.iterations > 0 &&
		typeof h.salt === 'string' &&
		typeof h.hash === 'string'
	);
}

function toBase64(bytes: Uint8Array): string {
	let s = '';
	for (const b of bytes) s += String.fromCharCode(b);
	return btoa(s);
}

function fromBase64(text: string): Uint8Array {
	const s = atob(text);
	const out = new Uint8Array(s.length);
	for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
	return out;
}
