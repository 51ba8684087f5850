/**
 * Quantisation of the body assets (codec.ts, encode.ts): coarse positions on a 0.1 mm grid
 * (int16: ±3.2 m), normals octahedral (2 x int16); and the hash the model version is made of.
 */

/**
 * Metres per position unit. 0.1 mm: on 0.2 mm a few of the fingers' 1 mm triangles turned
 * over once quantised (a light speck); the face's and hands' normals are fixed up by the asset.
 */
export const POS_UNIT = 1e-4;
/** Octahedral normal range: components in [-OCT_MAX, OCT_MAX]. */
export const OCT_MAX = 511;

/** Round half away from zero, so mirrored values quantise to mirrored integers. */
export function qround(v: number): number {
	return v < 0 ? -Math.round(-v) : Math.round(v);
}

export function quantPos(v: number): number {
	return qround(v / POS_UNIT);
}

export function dequantPos(q: number): number {
	return q * POS_UNIT;
}

/** Octahedral encode of a unit normal to two integers. */
export function octEncode(x: number, y: number, z: number, out: Int16Array, o: number): void {
	const s = Math.abs(x) + Math.abs(y) + Math.abs(z) || 1;
	let u = x / s;
	let v = y / s;
	if (z < 0) {
		const uu = (1 - Math.abs(v)) * (u < 0 ? -1 : 1);
		const vv = (1 - Math.abs(u)) * (v < 0 ? -1 : 1);
		u = uu;
		v = vv;
	}
	out[o] = qround(u * OCT_MAX);
	out[o + 1] = qround(v * OCT_MAX);
}

/** Octahedral decode to a unit normal (written as float32). */
export function octDecode(qu: number, qv: number, out: Float32Array, o: number): void {
	const u = qu / OCT_MAX;
	const v = qv / OCT_MAX;
	let z = 1 - Math.abs(u) - Math.abs(v);
	let x = u;
	let y = v;
	if (z < 0) {
		x = (1 - Math.abs(v)) * (u < 0 ? -1 : 1);
		y = (1 - Math.abs(u)) * (v < 0 ? -1 : 1);
	}
	const l = Math.sqrt(x * x + y * y + z * z);
	out[o] = x / l;
	out[o + 1] = y / l;
	out[o + 2] = z / l;
	if (z === 0) out[o + 2] = 0;
}

/** FNV-1a over bytes, two lanes -> 16 hex chars. Cheap, deterministic, not cryptographic. */
export function hashBytes(parts: ArrayBufferView[]): string {
	let h1 = 0x811c9dc5;
	let h2 = 0x01000193 ^ 0x5bd1e995;
	for (const p of parts) {
		const b = new Uint8Array(p.buffer, p.byteOffset, p.byteLength);
		for (let i = 0; i < b.length; i++) {
			h1 = Math.imul(h1 ^ b[i], 0x01000193);
			h2 = Math.imul(h2 ^ b[i], 0x5bd1e995) ^ (h2 >>> 15);
		}
	}
	return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
