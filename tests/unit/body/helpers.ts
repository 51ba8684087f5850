/** Shared helpers for the body tests: the committed figures as the browser builds them, rays, welding, the painting surface's mirror. */
import { readBody } from '../../../src/lib/body/makehuman/assetfiles';
import type { BodySurface } from '../../../src/lib/body/makehuman/figure';
import type { BodyBuild, BodyFigure, BodyMesh } from '../../../src/lib/body/types';

const cache = new Map<string, Promise<BodyMesh>>();

export function body(figure: BodyFigure, build: BodyBuild = 'average'): Promise<BodyMesh> {
	const key = `${figure}-${build}`;
	let m = cache.get(key);
	if (!m) {
		m = readBody(figure, build);
		cache.set(key, m);
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

/** Vertex ids welded by exact position (region copies at borders are computed alike, so they become one vertex). */
export function weld(m: BodyMesh): { ids: Uint32Array; count: number } {
	const map = new Map<string, number>();
	const n = m.regions.length;
	const ids = new Uint32Array(n);
	for (let i = 0; i < n; i++) {
		const k = `${m.positions[i * 3]},${m.positions[i * 3 + 1]},${m.positions[i * 3 + 2]}`;
		let id = map.get(k);
		if (id === undefined) {
			id = map.size;
			map.set(k, id);
		}
		ids[i] = id;
	}
	return { ids, count: map.size };
}

/**
 * The mirror partner of every point of the painting surface (the body's vertices, then a point per
 * edge, then one per quad centre): the point of the mirrored edge or quad.
 */
export function fineMirrorOf(surface: BodySurface): Uint32Array {
	const plan = surface.plan, nv = surface.vertexCount, ne = plan.edges.length / 2;
	const edgeAt = new Map<string, number>();
	for (let e = 0; e < ne; e++) edgeAt.set(`${plan.edges[e * 2]},${plan.edges[e * 2 + 1]}`, e);
	const corners = (q: number) => Array.from(surface.quads.subarray(q * 4, q * 4 + 4));
	const quadKey = (vs: number[]): string => vs.sort((a, b) => a - b).join(',');
	const centreAt = new Map<string, number>();
	plan.centres.forEach((q, i) => centreAt.set(quadKey(corners(q)), i));
	const fineMirror = new Uint32Array(plan.vertexCount);
	fineMirror.set(surface.mirror);
	for (let e = 0; e < ne; e++) {
		const [a, b] = [surface.mirror[plan.edges[e * 2]], surface.mirror[plan.edges[e * 2 + 1]]];
		fineMirror[nv + e] = nv + edgeAt.get(`${Math.min(a, b)},${Math.max(a, b)}`)!;
	}
	plan.centres.forEach((q, i) => {
		fineMirror[nv + ne + i] = nv + ne + centreAt.get(quadKey(corners(q).map((v) => surface.mirror[v])))!;
	});
	return fineMirror;
}
