/**
 * Typed arrays as base64 text, for painted patches in a backup. Pure and strict: no DOM (`btoa`
 * works on "binary strings" and its availability varies), little-endian bytes on every device,
 * and decoding refuses anything a careful encoder would not have written (stray characters,
 * wrong padding, non-zero spare bits), so one file has one meaning.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

export function bytesToBase64(bytes: Uint8Array): string {
	const parts: string[] = [];
	// Chunks keep String.fromCharCode's argument list short on large patches.
	const CHUNK = 3 * 4096;
	for (let start = 0; start < bytes.length; start += CHUNK) {
		const end = Math.min(bytes.length, start + CHUNK);
		const codes: number[] = [];
		for (let i = start; i < end; i += 3) {
			const n = (bytes[i] << 16) | ((i + 1 < end ? bytes[i + 1] : 0) << 8) | (i + 2 < end ? bytes[i + 2] : 0);
			codes.push(ALPHABET.charCodeAt((n >> 18) & 63), ALPHABET.charCodeAt((n >> 12) & 63));
			codes.push(i + 1 < end ? ALPHABET.charCodeAt((n >> 6) & 63) : 61);
			codes.push(i + 2 < end ? ALPHABET.charCodeAt(n & 63) : 61);
		}
		parts.push(String.fromCharCode(...codes));
	}
	return parts.join('');
}

/** The bytes of a canonical base64 string, or null when it is not one. */
export function base64ToBytes(text: string): Uint8Array | null {
	if (text.length % 4 !== 0) return null;
	const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
	const out = new Uint8Array((text.length / 4) * 3 - pad);
	let o = 0;
	for (let i = 0; i < text.length; i += 4) {
		const last = i + 4 === text.length;
		const v = [0, 1, 2, 3].map((k) => {
			const c = text.charCodeAt(i + k);
			if (last && c === 61 && k >= 4 - pad) return 0;
			return c < 128 ? VALUE[c] : -1;
		});
		if (v.some((x) => x < 0)) return null;
		const n = (v[0] << 18) | (v[1] << 12) | (v[2] << 6) | v[3];
		out[o++] = (n >> 16) & 255;
		if (!(last && pad === 2)) out[o++] = (n >> 8) & 255;
		if (!(last && pad >= 1)) out[o++] = n & 255;
		// Spare bits under the padding must be zero, or two texts would mean the same bytes.
		if (last && ((pad === 2 && (n & 0xffff) !== 0) || (pad === 1 && (n & 0xff) !== 0))) return null;
	}
	return o === out.length ? out : null;
}

/** Uint32 values as little-endian bytes, then base64. */
export function encodeUint32(values: Uint32Array): string {
	const bytes = new Uint8Array(values.length * 4);
	const view = new DataView(bytes.buffer);
	for (let i = 0; i < values.length; i++) view.setUint32(i * 4, values[i], true);
	return bytesToBase64(bytes);
}

export function decodeUint32(text: string): Uint32Array | null {
	const bytes = base64ToBytes(text);
	if (!bytes || bytes.length % 4 !== 0) return null;
	const view = new DataView(bytes.buffer);
	const out = new Uint32Array(bytes.length / 4);
	for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4, true);
	return out;
}

export function encodeUint8(values: Uint8Array): string {
	return bytesToBase64(values);
}

export function decodeUint8(text: string): Uint8Array | null {
	return base64ToBytes(text);
}
