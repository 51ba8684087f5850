/**
 * Encoding side of the body assets (formats in codec.ts). Build time / Node only.
 */
import { BUILD_CODES, FIGURE_CODES, FIGURE_FORMAT, FIGURE_HEADER, FIGURE_MAGIC, TOPOLOGY_FORMAT, TOPOLOGY_HEADER, TOPOLOGY_MAGIC, dequantise, positionPredictors, predict, type Topology } from './codec';
import { octEncode, quantPos } from './quantize';
import { vertexNormals } from './makehuman/mesh';
import { encodeQuads } from './quadcode';
import type { BodyBuild, BodyFigure } from './types';

function putVersion(out: Uint8Array, version: string): void {
	if (!/^[0-9a-f]{16}$/.test(version)) throw new Error('body asset: version must be 16 hex chars');
	for (let i = 0; i < 8; i++) out[8 + i] = parseInt(version.slice(i * 2, i * 2 + 2), 16);
}

const packBits = (bits: Uint8Array): Uint8Array => {
	const out = new Uint8Array(Math.ceil(bits.length / 8));
	for (let i = 0; i < bits.length; i++) if (bits[i]) out[i >> 3] |= 1 << (i & 7);
	return out;
};

export function encodeTopology(t: Topology): Uint8Array {
	const nv = t.vertexCount, nq = t.quads.length / 4;
	const sides = Uint8Array.from(t.sides, (s) => (s > 0 ? 1 : s < 0 ? 2 : 0));
	const streams = [
		encodeQuads(t.quads, nv),
		packBits(t.choices.split),
		packBits(t.choices.diagonal),
		t.regionMap,
		sides
	];
	const out = new Uint8Array(TOPOLOGY_HEADER + streams.reduce((a, s) => a + s.length, 0));
	const dv = new DataView(out.buffer);
	dv.setUint32(0, TOPOLOGY_MAGIC, true);
	dv.setUint16(4, TOPOLOGY_FORMAT, true);
	putVersion(out, t.version);
	dv.setUint32(16, nv, true);
	dv.setUint32(20, nq, true);
	dv.setUint32(24, t.choices.split.length, true);
	let o = TOPOLOGY_HEADER;
	streams.forEach((s, i) => {
		dv.setUint32(28 + i * 4, s.length, true);
		out.set(s, o);
		o += s.length;
	});
	return out;
}

/** Quantised coarse positions of one figure (the grid the asset stores), x, y, z per vertex. */
export function quantisedPositions(positions: ArrayLike<number>): Int32Array {
	return Int32Array.from(positions as ArrayLike<number>, (x) => quantPos(x));
}

/** Normals computed from the quantised positions that are off by more than this get a fix in the asset. */
export const NORMAL_FIX_DEGREES = 2;

/**
 * @param positions   the figure's unquantised coarse positions
 * @param triangles   the coarse triangles the decoder computes normals on
 */
export function encodeFigure(figure: BodyFigure, build: BodyBuild, version: string, positions: ArrayLike<number>, triangles: Uint32Array, quads: Uint32Array): Uint8Array {
	const nv = positions.length / 3;
	const q = quantisedPositions(positions);
	const pred = positionPredictors(quads, nv);
	const planes = new Uint8Array(nv * 6);
	for (let v = 0; v < nv; v++) {
		for (let k = 0; k < 3; k++) {
			const r = q[v * 3 + k] - predict(pred, q, v, k);
			if (r < -32768 || r > 32767) throw new Error('body figure: position residual out of range');
			const z = ((r << 1) ^ (r >> 31)) & 0xffff;
			planes[2 * k * nv + v] = z & 0xff;
			planes[(2 * k + 1) * nv + v] = z >> 8;
		}
	}
	const exact = vertexNormals(positions, triangles, nv);
	const loaded = vertexNormals(dequantise(q), triangles, nv);
	const cos = Math.cos((NORMAL_FIX_DEGREES * Math.PI) / 180);
	const ids: number[] = [];
	for (let v = 0; v < nv; v++) {
		const d = exact[v * 3] * loaded[v * 3] + exact[v * 3 + 1] * loaded[v * 3 + 1] + exact[v * 3 + 2] * loaded[v * 3 + 2];
		if (d < cos) ids.push(v);
	}
	const gaps = Uint16Array.from(ids, (v, i) => v - (i ? ids[i - 1] : 0));
	const oct = new Int16Array(ids.length * 2);
	ids.forEach((v, i) => octEncode(exact[v * 3], exact[v * 3 + 1], exact[v * 3 + 2], oct, i * 2));
	const out = new Uint8Array(FIGURE_HEADER + planes.length + ids.length * 6);
	const dv = new DataView(out.buffer);
	dv.setUint32(0, FIGURE_MAGIC, true);
	dv.setUint16(4, FIGURE_FORMAT, true);
	dv.setUint8(6, FIGURE_CODES[figure]);
	dv.setUint8(7, BUILD_CODES[build]);
	putVersion(out, version);
	dv.setUint32(16, nv, true);
	dv.setUint32(20, planes.length, true);
	dv.setUint32(24, ids.length, true);
	out.set(planes, FIGURE_HEADER);
	out.set(new Uint8Array(gaps.buffer), FIGURE_HEADER + planes.length);
	out.set(new Uint8Array(oct.buffer), FIGURE_HEADER + planes.length + gaps.byteLength);
	return out;
}
