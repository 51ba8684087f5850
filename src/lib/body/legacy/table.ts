/**
 * The remap table as a file (static/body/legacy/<old version>.bin), decoding side: the browser
 * fetches it only when a painting on an old figure exists. Little-endian:
 *   0 'SMRT'  4 format u16 (1)  6 0 u16  8 old version (8 bytes)  16 new version (8 bytes)
 *   24 old vertex count u32  28 new vertex count u32  32 deflate-raw body:
 *   per new vertex, (source + 1) (0 = takes no paint) minus the same value of the vertex it is
 *   predicted from, zigzag, as a LEB128 varint. A vertex is predicted from the highest-numbered
 *   earlier vertex it shares a triangle with (else the one before it): neighbours on the new
 *   figure take paint from neighbours on the old one, so most differences are small. Measured:
 *   29 KB per figure against 225 KB for three sources and weights per vertex.
 */
import type { RemapTable } from './remap';

export const TABLE_MAGIC = 0x54524d53; // 'SMRT'
export const TABLE_FORMAT = 1;
export const TABLE_HEADER = 32;
/** Inflated body at most this many bytes per new vertex (a varint of a u16 range). */
const MAX_VARINT = 3;

/** Per new vertex, the vertex its value is predicted from (−1: none), from the triangles alone. */
export function predictors(indices: ArrayLike<number>, vertexCount: number): Int32Array {
	const pred = Int32Array.from({ length: vertexCount }, (_, v) => v - 1);
	const best = new Int32Array(vertexCount).fill(-1);
	for (let t = 0; t < indices.length; t += 3) {
		for (let a = 0; a < 3; a++) {
			for (let b = 0; b < 3; b++) {
				const u = indices[t + a], v = indices[t + b];
				if (u < v && u > best[v]) best[v] = u;
			}
		}
	}
	for (let v = 0; v < vertexCount; v++) if (best[v] >= 0) pred[v] = best[v];
	return pred;
}

function hex(bytes: Uint8Array, at: number): string {
	let s = '';
	for (let i = at; i < at + 8; i++) s += bytes[i].toString(16).padStart(2, '0');
	return s;
}

export interface TableHeader {
	oldVersion: string;
	newVersion: string;
	oldVertexCount: number;
	newVertexCount: number;
}

export function readTableHeader(bytes: Uint8Array): TableHeader {
	if (bytes.byteLength < TABLE_HEADER) throw new Error('remap table: too short');
	const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (dv.getUint32(0, true) !== TABLE_MAGIC) throw new Error('remap table: bad magic');
	if (dv.getUint16(4, true) !== TABLE_FORMAT) throw new Error('remap table: unsupported format');
	return { oldVersion: hex(bytes, 8), newVersion: hex(bytes, 16), oldVertexCount: dv.getUint32(24, true), newVertexCount: dv.getUint32(28, true) };
}

/** Reads a table for the new figure whose triangles are `indices` (its vertex count must match). */
export async function decodeTable(bytes: Uint8Array, indices: ArrayLike<number>): Promise<RemapTable> {
	const h = readTableHeader(bytes);
	const n = h.newVertexCount;
	const body = await inflate(bytes.subarray(TABLE_HEADER), n * MAX_VARINT);
	const pred = predictors(indices, n);
	const value = new Int32Array(n);
	let o = 0;
	for (let v = 0; v < n; v++) {
		let z = 0, shift = 0, byte: number;
		do {
			if (o >= body.length || shift > 21) throw new Error('remap table: truncated');
			byte = body[o++];
			z |= (byte & 0x7f) << shift;
			shift += 7;
		} while (byte & 0x80);
		const delta = (z >>> 1) ^ -(z & 1);
		value[v] = delta + (pred[v] >= 0 ? value[pred[v]] : 0);
		if (value[v] < 0 || value[v] > h.oldVertexCount) throw new Error('remap table: source out of range');
	}
	if (o !== body.length) throw new Error('remap table: length mismatch');
	return { oldVersion: h.oldVersion, newVersion: h.newVersion, oldVertexCount: h.oldVertexCount, sources: value.map((x) => x - 1) };
}

async function inflate(bytes: Uint8Array, limit: number): Promise<Uint8Array> {
	const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
	const out = new Uint8Array(await new Response(stream).arrayBuffer());
	if (out.length > limit) throw new Error('remap table: too long');
	return out;
}
