/**
 * The body asset formats (decoding side; encoding is in encode.ts, Node only). The figures ship coarse and are subdivided and cut into regions
 * at load (bodymesh.ts): one shared topology file and one small file per sex and build.
 * Little-endian throughout.
 *
 * topology.bin — shared by every figure:
 *   0 magic 'SMBT'  4 format u16 (3)  6 0 u16  8 model version hash (8 bytes)
 *   16 vertex count u32  20 quad count u32  24 edge count u32
 *   28 byte lengths of the five streams u32 x5   48 streams:
 *   A quads (vertex indices, 4 per quad, in their order; quadcode.ts: by shared edges and
 *     neighbours, a third smaller gzipped than meshopt's index codec and no decoder to ship)
 *   B which edges split, one bit per distinct edge in the order the quads first meet it
 *   C each quad's diagonal, one bit per quad (1 = corners 0–2)
 *   D the coarse region map, one code per vertex
 *   E each vertex's side, one byte per vertex (1 left, 2 right, 0 midline)
 *   B–E are raw bytes: the server's gzip compresses them better than a codec of ours would.
 *
 * <sex>-<build>.bin — one figure:
 *   0 magic 'SMBF'  4 format u16 (2)  6 figure u8 (1 female, 2 male)  7 build u8 (1 slim, 2 average, 3 broad)
 *   8 model version hash (8 bytes)  16 vertex count u32  20 position stream length u32
 *   24 normal fix count u32   28 streams:
 *   A coarse positions on a 0.1 mm grid, as residuals from a prediction (positionPredictors:
 *     the quad parallelogram from earlier vertices where there is one), zigzag int16, in six
 *     byte planes (x low bytes, x high bytes, y low, …): small residuals gzip to a third less
 *     than meshopt's vertex codec on the positions themselves
 *   B normal fixes: vertex ids as u16 gaps from the previous one, then octahedral int16 u, v each.
 *   Normals are computed at load from the positions; where the face and hands' 2–4 mm quads
 *   make that computation sensitive to the grid (over 2° off the unquantised normal), the
 *   asset carries the right one.
 */
import type { BodyBuild, BodyFigure } from './types';
import type { SubdivisionChoices } from './makehuman/subdivide';
import { POS_UNIT } from './quantize';
import { decodeQuads, MAX_QUADS, MAX_VERTICES } from './quadcode';

export const TOPOLOGY_MAGIC = 0x54424d53; // 'SMBT'
export const FIGURE_MAGIC = 0x46424d53; // 'SMBF'
export const TOPOLOGY_FORMAT = 3;
export const FIGURE_FORMAT = 2;
export const TOPOLOGY_HEADER = 48;
export const FIGURE_HEADER = 28;

export const FIGURE_CODES: Record<BodyFigure, number> = { female: 1, male: 2 };
export const BUILD_CODES: Record<BodyBuild, number> = { slim: 1, average: 2, broad: 3 };

/** The shared topology, decoded. */
export interface Topology {
	version: string;
	vertexCount: number;
	quads: Uint32Array;
	choices: SubdivisionChoices;
	/** Region code per coarse vertex. */
	regionMap: Uint8Array;
	/** 1 left (x > 0), −1 right, 0 midline, per coarse vertex. */
	sides: Int8Array;
}

/** One figure's coarse positions, decoded. */
export interface FigureAsset {
	figure: BodyFigure;
	build: BodyBuild;
	version: string;
	/** xyz per coarse vertex, metres. */
	positions: Float64Array;
	/** Coarse vertices whose normal the asset gives, and those normals (octahedral, quantize.ts). */
	normalFixes: { ids: Uint32Array; oct: Int16Array };
}

/**
 * How each coarse vertex's position is predicted from vertices before it (by index), from the
 * topology alone: per vertex [a, c, b] for the parallelogram a + c − b (a quad whose other three
 * corners come earlier: a and c its neighbours in the quad, b the opposite corner), or [a, −1,
 * −1] for an earlier quad neighbour, or [−1, −1, −1] for the previous vertex.
 */
export function positionPredictors(quads: Uint32Array, nv: number): Int32Array {
	let out = PREDICTORS.get(quads);
	if (out) return out;
	out = new Int32Array(nv * 3).fill(-1);
	const kind = new Uint8Array(nv);
	for (let i = 0; i < quads.length; i += 4) {
		for (let k = 0; k < 4; k++) {
			const v = quads[i + k], a = quads[i + ((k + 1) & 3)], b = quads[i + ((k + 2) & 3)], c = quads[i + ((k + 3) & 3)];
			if (kind[v] < 2 && a < v && b < v && c < v) {
				out.set([a, c, b], v * 3);
				kind[v] = 2;
			} else if (kind[v] < 1 && (a < v || c < v)) {
				out[v * 3] = a < v && c < v ? Math.max(a, c) : a < v ? a : c;
				kind[v] = 1;
			}
		}
	}
	PREDICTORS.set(quads, out);
	return out;
}
const PREDICTORS = new WeakMap<Uint32Array, Int32Array>();

/** The prediction of vertex v's coordinate k from the grid positions q (x, y, z per vertex) before it. */
export function predict(pred: Int32Array, q: Int32Array, v: number, k: number): number {
	const a = pred[v * 3];
	if (a < 0) return v > 0 ? q[(v - 1) * 3 + k] : 0;
	if (pred[v * 3 + 1] < 0) return q[a * 3 + k];
	return q[a * 3 + k] + q[pred[v * 3 + 1] * 3 + k] - q[pred[v * 3 + 2] * 3 + k];
}

/** Grid units to metres, the one way both the encoder and the decoder do it. */
export function dequantise(q: Int32Array): Float64Array {
	return Float64Array.from(q, (x) => x * POS_UNIT);
}

export function hexVersion(bytes: Uint8Array, at: number): string {
	let s = '';
	for (let i = at; i < at + 8; i++) s += bytes[i].toString(16).padStart(2, '0');
	return s;
}

function view(bytes: Uint8Array, header: number, magic: number, wanted: number, what: string): DataView {
	if (bytes.byteLength < header) throw new Error(`${what}: too short`);
	const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (dv.getUint32(0, true) !== magic) throw new Error(`${what}: bad magic`);
	const format = dv.getUint16(4, true);
	if (format !== wanted) throw new Error(`${what}: unsupported format ${format}`);
	return dv;
}

const unpackBits = (src: Uint8Array, n: number): Uint8Array => {
	if (src.length !== Math.ceil(n / 8)) throw new Error('body topology: bit stream length mismatch');
	const out = new Uint8Array(n);
	for (let i = 0; i < n; i++) out[i] = (src[i >> 3] >> (i & 7)) & 1;
	return out;
};

/** Decode the shared topology (browser or Node). Rejects on a corrupt or foreign file. */
export async function decodeTopology(bytes: Uint8Array): Promise<Topology> {
	const dv = view(bytes, TOPOLOGY_HEADER, TOPOLOGY_MAGIC, TOPOLOGY_FORMAT, 'body topology');
	const nv = dv.getUint32(16, true), nq = dv.getUint32(20, true), ne = dv.getUint32(24, true);
	const lens = [0, 1, 2, 3, 4].map((i) => dv.getUint32(28 + i * 4, true));
	if (TOPOLOGY_HEADER + lens.reduce((a, b) => a + b, 0) !== bytes.byteLength) throw new Error('body topology: length mismatch');
	const streams: Uint8Array[] = [];
	let o = TOPOLOGY_HEADER;
	for (const l of lens) {
		streams.push(bytes.subarray(o, o + l));
		o += l;
	}
	// Every count against the streams' lengths (and the caps) before anything is sized from it:
	// a damaged count must not allocate gigabytes first.
	if (nv > MAX_VERTICES || nq > MAX_QUADS) throw new Error('body topology: damaged (vertex or quad count out of range)');
	if (streams[3].length !== nv || streams[4].length !== nv) throw new Error('body topology: per-vertex stream length mismatch');
	if (streams[2].length !== Math.ceil(nq / 8)) throw new Error('body topology: bit stream length mismatch');
	const quads = decodeQuads(streams[0], nq, nv);
	const sides = new Int8Array(nv);
	for (let v = 0; v < nv; v++) {
		const s = streams[4][v];
		if (s > 2) throw new Error('body topology: bad side');
		sides[v] = s === 1 ? 1 : s === 2 ? -1 : 0;
	}
	return {
		version: hexVersion(bytes, 8),
		vertexCount: nv,
		quads,
		choices: { split: unpackBits(streams[1], ne), diagonal: unpackBits(streams[2], nq) },
		regionMap: streams[3].slice(),
		sides
	};
}

/** Decode one figure's coarse positions on its topology (browser or Node). Rejects on a corrupt or foreign file. */
export async function decodeFigure(bytes: Uint8Array, topology: Pick<Topology, 'quads' | 'vertexCount'>): Promise<FigureAsset> {
	const dv = view(bytes, FIGURE_HEADER, FIGURE_MAGIC, FIGURE_FORMAT, 'body figure');
	const fig = dv.getUint8(6), build = dv.getUint8(7);
	const figure = (Object.keys(FIGURE_CODES) as BodyFigure[]).find((f) => FIGURE_CODES[f] === fig);
	const b = (Object.keys(BUILD_CODES) as BodyBuild[]).find((k) => BUILD_CODES[k] === build);
	if (!figure || !b) throw new Error('body figure: bad figure or build');
	const nv = dv.getUint32(16, true), len = dv.getUint32(20, true), nfix = dv.getUint32(24, true);
	if (nv !== topology.vertexCount || len !== nv * 6) throw new Error('body figure: vertex count does not match the topology');
	if (FIGURE_HEADER + len + nfix * 6 !== bytes.byteLength) throw new Error('body figure: length mismatch');
	const planes = bytes.subarray(FIGURE_HEADER, FIGURE_HEADER + len);
	const pred = positionPredictors(topology.quads, nv);
	const q = new Int32Array(nv * 3);
	for (let v = 0; v < nv; v++) {
		for (let k = 0; k < 3; k++) {
			const z = planes[2 * k * nv + v] | (planes[(2 * k + 1) * nv + v] << 8);
			q[v * 3 + k] = predict(pred, q, v, k) + ((z >>> 1) ^ -(z & 1));
		}
	}
	const positions = dequantise(q);
	// Copied out: the fix streams need not be 2-byte aligned within the file.
	const fix = bytes.slice(FIGURE_HEADER + len);
	const gaps = new Uint16Array(fix.buffer, 0, nfix);
	const ids = new Uint32Array(nfix);
	for (let i = 0, v = 0; i < nfix; i++) {
		v += gaps[i];
		if (v >= nv || (i > 0 && gaps[i] === 0)) throw new Error('body figure: bad normal fix');
		ids[i] = v;
	}
	const oct = new Int16Array(fix.buffer, nfix * 2, nfix * 2);
	return { figure, build: b, version: hexVersion(bytes, 8), positions, normalFixes: { ids, oct } };
}
