/**
 * Mirror the labelled left half into a whole body, take normals from the field gradient
 * (smooth, and continuous across region cuts because cut vertices sit on the same surface),
 * quantise, weld duplicates, order for the GPU cache and the meshopt codec, and hash.
 */
import { MeshoptDecoder, MeshoptEncoder } from 'meshoptimizer';
import { mirrorCode } from '../domain/regions';
import type { BodyFigure, BodyMesh } from './types';
import type { Field } from './field';
import { dequantPos, hashBytes, octDecode, octEncode, quantPos } from './quantize';

export interface HalfMesh {
	positions: Float32Array;
	regions: Uint8Array;
	indices: Uint32Array;
}

export function mirrorHalf(h: HalfMesh): HalfMesh {
	const n = h.positions.length / 3;
	const pos = new Float32Array(n * 6);
	const reg = new Uint8Array(n * 2);
	pos.set(h.positions);
	reg.set(h.regions);
	for (let i = 0; i < n; i++) {
		const x = h.positions[i * 3];
		pos[(n + i) * 3] = x === 0 ? 0 : -x;
		pos[(n + i) * 3 + 1] = h.positions[i * 3 + 1];
		pos[(n + i) * 3 + 2] = h.positions[i * 3 + 2];
		reg[n + i] = mirrorCode(h.regions[i]);
	}
	const m = h.indices.length;
	const idx = new Uint32Array(m * 2);
	idx.set(h.indices);
	for (let i = 0; i < m; i += 3) {
		// Mirroring flips handedness: swap two corners to keep the outside facing out.
		idx[m + i] = h.indices[i] + n;
		idx[m + i + 1] = h.indices[i + 2] + n;
		idx[m + i + 2] = h.indices[i + 1] + n;
	}
	return { positions: pos, regions: reg, indices: idx };
}

/** Unit gradient of the field by central differences. */
export function fieldNormal(f: Field, x: number, y: number, z: number, out: Float64Array): void {
	const e = 0.0007;
	let gx = f(x + e, y, z) - f(x - e, y, z);
	const gy = f(x, y + e, z) - f(x, y - e, z);
	const gz = f(x, y, z + e) - f(x, y, z - e);
	if (x === 0) gx = 0;
	const l = Math.sqrt(gx * gx + gy * gy + gz * gz) || 1;
	out[0] = gx / l;
	out[1] = gy / l;
	out[2] = gz / l;
}

export function finalise(figure: BodyFigure, whole: HalfMesh, field: Field): BodyMesh {
	const n = whole.positions.length / 3;
	const qp = new Int16Array(n * 3);
	const qn = new Int16Array(n * 2);
	const g = new Float64Array(3);
	const tmp = new Float32Array(3);
	for (let i = 0; i < n; i++) {
		const x = whole.positions[i * 3];
		const ax = x < 0 ? -x : x;
		// Normals of the right half are mirrored from the left so both sides match exactly.
		fieldNormal(field, ax, whole.positions[i * 3 + 1], whole.positions[i * 3 + 2], g);
		if (x < 0) g[0] = -g[0];
		qp[i * 3] = quantPos(x);
		qp[i * 3 + 1] = quantPos(whole.positions[i * 3 + 1]);
		qp[i * 3 + 2] = quantPos(whole.positions[i * 3 + 2]);
		octEncode(g[0], g[1], g[2], qn, i * 2);
		// Canonical form: the one the codec gets back when it re-encodes a decoded normal
		// (the octahedron's folded edge has two spellings of some directions).
		octDecode(qn[i * 2], qn[i * 2 + 1], tmp, 0);
		octEncode(tmp[0], tmp[1], tmp[2], qn, i * 2);
	}
	// Weld identical vertices (the mirror seam; equal region and normal only).
	const key = new Map<string, number>();
	const remap = new Uint32Array(n);
	const keep: number[] = [];
	for (let i = 0; i < n; i++) {
		const k = `${qp[i * 3]},${qp[i * 3 + 1]},${qp[i * 3 + 2]},${whole.regions[i]},${qn[i * 2]},${qn[i * 2 + 1]}`;
		let j = key.get(k);
		if (j === undefined) {
			j = keep.length;
			keep.push(i);
			key.set(k, j);
		}
		remap[i] = j;
	}
	const tri: number[] = [];
	for (let i = 0; i < whole.indices.length; i += 3) {
		const a = remap[whole.indices[i]];
		const b = remap[whole.indices[i + 1]];
		const c = remap[whole.indices[i + 2]];
		if (a !== b && b !== c && a !== c) tri.push(a, b, c);
	}
	const indices = new Uint32Array(tri);
	const [order, unique] = MeshoptEncoder.reorderMesh(indices, true, true);
	const qpos = new Int16Array(unique * 3);
	const qnor = new Int16Array(unique * 2);
	const regions = new Uint8Array(unique);
	for (let j = 0; j < keep.length; j++) {
		const d = order[j];
		if (d === 0xffffffff || d >= unique) continue;
		const i = keep[j];
		qpos.set(qp.subarray(i * 3, i * 3 + 3), d * 3);
		qnor.set(qn.subarray(i * 2, i * 2 + 2), d * 2);
		regions[d] = whole.regions[i];
	}
	// The index codec may rotate a triangle's corners; store them as the decoder returns them.
	const enc = MeshoptEncoder.encodeIndexBuffer(new Uint8Array(indices.buffer), indices.length, 4);
	const canon = new Uint32Array(indices.length);
	MeshoptDecoder.decodeIndexBuffer(new Uint8Array(canon.buffer), indices.length, 4, enc);
	return fromQuantised(figure, qpos, qnor, regions, canon);
}

/** Build the float mesh from quantised data (shared with the decoder, so both agree). */
export function fromQuantised(
	figure: BodyFigure,
	qpos: Int16Array,
	qnor: Int16Array,
	regions: Uint8Array,
	indices: Uint32Array
): BodyMesh {
	const n = regions.length;
	const positions = new Float32Array(n * 3);
	const normals = new Float32Array(n * 3);
	for (let i = 0; i < n * 3; i++) positions[i] = dequantPos(qpos[i]);
	for (let i = 0; i < n; i++) octDecode(qnor[i * 2], qnor[i * 2 + 1], normals, i * 3);
	const version = hashBytes([new Uint8Array([figure === 'female' ? 1 : 2]), qpos, qnor, regions, indices]);
	return { figure, version, positions, normals, regions, indices };
}
