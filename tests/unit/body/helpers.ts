/** Shared helpers for the body tests: generate once per figure, rays, welding. */
import { bodyReady, generateBody } from '../../../src/lib/body/generate';
import type { BodyFigure, BodyMesh } from '../../../src/lib/body/types';
import { quantPos } from '../../../src/lib/body/quantize';

const cache = new Map<BodyFigure, BodyMesh>();

export async function body(figure: BodyFigure): Promise<BodyMesh> {
	await bodyReady;
	let m = cache.get(figure);
	if (!m) {
		m = generateBody(figure);
		cache.set(figure, m);
	}
	return m;
}

/** Region of the first triangle hit by a ray (Möller–Trumbore over all triangles), or 0. */
export function raycastRegion(m: BodyMesh, o: number[], d: number[]): number {
	const p = m.positions;
	const I = m.indices;
	let best = Infinity;
	let region = 0;
	for (let i = 0; i < I.length; i += 3) {
		const a = I[i] * 3, b = I[i + 1] * 3, c = I[i + 2] * 3;
		const e1x = p[b] - p[a], e1y = p[b + 1] - p[a + 1], e1z = p[b + 2] - p[a + 2];
		const e2x = p[c] - p[a], e2y = p[c + 1] - p[a + 1], e2z = p[c + 2] - p[a + 2];
		const px = d[1] * e2z - d[2] * e2y, py = d[2] * e2x - d[0] * e2z, pz = d[0] * e2y - d[1] * e2x;
		const det = e1x * px + e1y * py + e1z * pz;
		if (Math.abs(det) < 1e-14) continue;
		const inv = 1 / det;
		const tx = o[0] - p[a], ty = o[1] - p[a + 1], tz = o[2] - p[a + 2];
		const u = (tx * px + ty * py + tz * pz) * inv;
		if (u < 0 || u > 1) continue;
		const qx = ty * e1z - tz * e1y, qy = tz * e1x - tx * e1z, qz = tx * e1y - ty * e1x;
		const v = (d[0] * qx + d[1] * qy + d[2] * qz) * inv;
		if (v < 0 || u + v > 1) continue;
		const t = (e2x * qx + e2y * qy + e2z * qz) * inv;
		if (t > 0 && t < best) {
			best = t;
			region = m.regions[I[i]];
		}
	}
	return region;
}

/** Vertex ids welded by quantised position (region copies at borders become one vertex). */
export function weld(m: BodyMesh): { ids: Uint32Array; count: number } {
	const map = new Map<string, number>();
	const n = m.regions.length;
	const ids = new Uint32Array(n);
	for (let i = 0; i < n; i++) {
		const k = `${quantPos(m.positions[i * 3])},${quantPos(m.positions[i * 3 + 1])},${quantPos(m.positions[i * 3 + 2])}`;
		let id = map.get(k);
		if (id === undefined) {
			id = map.size;
			map.set(k, id);
		}
		ids[i] = id;
	}
	return { ids, count: map.size };
}
