/**
 * The body's surface as a graph, for painting: vertices welded by position (region borders are
 * cut with one copy of each border vertex per side, so the raw index does not connect regions),
 * neighbours of each welded vertex, and the surface area each raw vertex stands for. Pure: built
 * once per model in the browser, and in Node for tests and the bench.
 */
import type { BodyMesh } from './types';

export interface Surface {
	/** Raw vertex count (BodyMesh order). */
	readonly vertexCount: number;
	/** Welded vertex id per raw vertex. */
	readonly weldOf: Uint32Array;
	/** Raw vertices of welded vertex w: members[memberStart[w] .. memberStart[w + 1]). */
	readonly memberStart: Uint32Array;
	readonly members: Uint32Array;
	/** Neighbours of welded vertex w: neighbours[neighbourStart[w] .. neighbourStart[w + 1]). */
	readonly neighbourStart: Uint32Array;
	readonly neighbours: Uint32Array;
	/** A third of the area (m²) of the triangles around each raw vertex; sums to the body's area. */
	readonly vertexArea: Float32Array;
	readonly positions: Float32Array;
	readonly regions: Uint8Array;
}

export function buildSurface(mesh: BodyMesh): Surface {
	const P = mesh.positions;
	const I = mesh.indices;
	const n = P.length / 3;

	// Weld on exact coordinates: border copies are written from the same float.
	const weldOf = new Uint32Array(n);
	const ids = new Map<string, number>();
	for (let v = 0; v < n; v++) {
		const key = `${P[v * 3]},${P[v * 3 + 1]},${P[v * 3 + 2]}`;
		let w = ids.get(key);
		if (w === undefined) ids.set(key, (w = ids.size));
		weldOf[v] = w;
	}
	const welded = ids.size;

	const memberStart = new Uint32Array(welded + 1);
	for (let v = 0; v < n; v++) memberStart[weldOf[v] + 1]++;
	for (let w = 0; w < welded; w++) memberStart[w + 1] += memberStart[w];
	const members = new Uint32Array(n);
	const fill = memberStart.slice(0, welded);
	for (let v = 0; v < n; v++) members[fill[weldOf[v]]++] = v;

	// Each triangle edge once per direction, then dedupe per vertex.
	const lists: number[][] = Array.from({ length: welded }, () => []);
	const vertexArea = new Float32Array(n);
	for (let t = 0; t < I.length; t += 3) {
		const a = I[t], b = I[t + 1], c = I[t + 2];
		const wa = weldOf[a], wb = weldOf[b], wc = weldOf[c];
		lists[wa].push(wb, wc);
		lists[wb].push(wa, wc);
		lists[wc].push(wa, wb);
		const third = triangleArea(P, a, b, c) / 3;
		vertexArea[a] += third;
		vertexArea[b] += third;
		vertexArea[c] += third;
	}
	const neighbourStart = new Uint32Array(welded + 1);
	const flat: number[] = [];
	for (let w = 0; w < welded; w++) {
		const unique = [...new Set(lists[w])].filter((x) => x !== w);
		flat.push(...unique);
		neighbourStart[w + 1] = flat.length;
	}
	return {
		vertexCount: n,
		weldOf,
		memberStart,
		members,
		neighbourStart,
		neighbours: Uint32Array.from(flat),
		vertexArea,
		positions: P,
		regions: mesh.regions
	};
}

function triangleArea(P: Float32Array, a: number, b: number, c: number): number {
	const ax = P[a * 3], ay = P[a * 3 + 1], az = P[a * 3 + 2];
	const ux = P[b * 3] - ax, uy = P[b * 3 + 1] - ay, uz = P[b * 3 + 2] - az;
	const vx = P[c * 3] - ax, vy = P[c * 3 + 1] - ay, vz = P[c * 3 + 2] - az;
	const cx = uy * vz - uz * vy, cy = uz * vx - ux * vz, cz = ux * vy - uy * vx;
	return 0.5 * Math.sqrt(cx * cx + cy * cy + cz * cz);
}
