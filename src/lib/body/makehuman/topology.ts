/**
 * Connectivity of a polygon surface, for the figure build and its tests: vertex neighbours,
 * edge use counts (closed = every edge in exactly two faces, consistently oriented), connected
 * pieces, and the left/right mirror partner of every vertex. Pure.
 */

export interface Polys {
	/** Vertex indices of all faces, face after face. */
	verts: Uint32Array;
	/** Face f uses verts[start[f] .. start[f + 1]). */
	start: Uint32Array;
}

/** Quads (or any polygons) as a flat polygon list. */
export function quadPolys(quads: Uint32Array): Polys {
	const start = new Uint32Array(quads.length / 4 + 1);
	for (let f = 0; f < start.length; f++) start[f] = f * 4;
	return { verts: quads, start };
}

/** Neighbour lists (vertices sharing an edge), sorted, one array per vertex. */
export function neighbours(p: Polys, nv: number): Uint32Array[] {
	const sets: Set<number>[] = Array.from({ length: nv }, () => new Set<number>());
	for (let f = 0; f + 1 < p.start.length; f++) {
		const a = p.start[f], b = p.start[f + 1];
		for (let k = a; k < b; k++) {
			const u = p.verts[k], v = p.verts[k + 1 < b ? k + 1 : a];
			sets[u].add(v);
			sets[v].add(u);
		}
	}
	return sets.map((s) => Uint32Array.from([...s].sort((x, y) => x - y)));
}

/**
 * The same lists as `neighbours` for quads, built by sorting edge keys instead of sets: this
 * runs in the browser at load, where 13,000 sets cost several times more. Needs nv ≤ 65,536.
 */
export function quadNeighbours(quads: Uint32Array, nv: number): Uint32Array[] {
	if (nv > 65536) throw new Error('quadNeighbours: too many vertices');
	const keys = new Uint32Array(quads.length * 2);
	for (let q = 0, o = 0; q < quads.length; q += 4) {
		for (let k = 0; k < 4; k++) {
			const a = quads[q + k], b = quads[q + ((k + 1) & 3)];
			keys[o++] = a * 65536 + b;
			keys[o++] = b * 65536 + a;
		}
	}
	keys.sort();
	const flat = new Uint32Array(keys.length);
	const start = new Uint32Array(nv + 1);
	let n = 0;
	for (let i = 0; i < keys.length; i++) {
		if (i > 0 && keys[i] === keys[i - 1]) continue;
		flat[n++] = keys[i] & 0xffff;
		start[(keys[i] >>> 16) + 1]++;
	}
	for (let v = 0; v < nv; v++) start[v + 1] += start[v];
	return Array.from({ length: nv }, (_, v) => flat.subarray(start[v], start[v + 1]));
}

/**
 * Edge check: counts of edges used once (holes), more than twice (non-manifold) and used twice
 * in the same direction (faces facing opposite ways across the edge).
 */
export function edgeReport(p: Polys): { edges: number; boundary: number; nonManifold: number; misoriented: number } {
	const dir = new Map<number, number>();
	let nvMax = 0;
	for (const v of p.verts) nvMax = Math.max(nvMax, v + 1);
	const count = new Map<number, number>();
	for (let f = 0; f + 1 < p.start.length; f++) {
		const a = p.start[f], b = p.start[f + 1];
		for (let k = a; k < b; k++) {
			const u = p.verts[k], v = p.verts[k + 1 < b ? k + 1 : a];
			const key = u * nvMax + v;
			dir.set(key, (dir.get(key) ?? 0) + 1);
			const und = Math.min(u, v) * nvMax + Math.max(u, v);
			count.set(und, (count.get(und) ?? 0) + 1);
		}
	}
	let boundary = 0, nonManifold = 0, misoriented = 0;
	for (const c of count.values()) {
		if (c === 1) boundary++;
		else if (c > 2) nonManifold++;
	}
	for (const c of dir.values()) if (c > 1) misoriented++;
	return { edges: count.size, boundary, nonManifold, misoriented };
}

/** Number of connected pieces among the vertices used by faces. */
export function pieces(p: Polys, nv: number): number {
	const parent = Int32Array.from({ length: nv }, (_, i) => i);
	const find = (x: number): number => {
		while (parent[x] !== x) x = parent[x] = parent[parent[x]];
		return x;
	};
	const used = new Uint8Array(nv);
	for (let f = 0; f + 1 < p.start.length; f++) {
		const a = p.start[f];
		for (let k = a; k < p.start[f + 1]; k++) {
			used[p.verts[k]] = 1;
			parent[find(p.verts[k])] = find(p.verts[a]);
		}
	}
	let n = 0;
	for (let v = 0; v < nv; v++) if (used[v] && find(v) === v) n++;
	return n;
}

/**
 * Mirror partner of every vertex (x -> -x), matched on exact positions of a symmetric mesh
 * (the base mesh's coordinates have four decimals, so a rounding key is exact). Midline
 * vertices are their own partner. Throws if any vertex has no partner.
 */
export function mirrorMap(pos: ArrayLike<number>, nv: number, scale = 1e4): Uint32Array {
	const key = (x: number, y: number, z: number): string => `${Math.round(x * scale)},${Math.round(y * scale)},${Math.round(z * scale)}`;
	const at = new Map<string, number>();
	for (let v = 0; v < nv; v++) at.set(key(pos[v * 3], pos[v * 3 + 1], pos[v * 3 + 2]), v);
	const out = new Uint32Array(nv);
	for (let v = 0; v < nv; v++) {
		const m = at.get(key(-pos[v * 3], pos[v * 3 + 1], pos[v * 3 + 2]));
		if (m === undefined) throw new Error(`mirrorMap: vertex ${v} has no mirror partner`);
		out[v] = m;
	}
	return out;
}

/** Make positions exactly mirror-symmetric: each pair is set to the mean of itself and its mirrored partner. */
export function symmetrise(pos: Float64Array, mirror: Uint32Array): void {
	const nv = mirror.length;
	for (let v = 0; v < nv; v++) {
		const m = mirror[v];
		if (m < v) continue;
		if (m === v) {
			pos[v * 3] = 0;
			continue;
		}
		const x = (pos[v * 3] - pos[m * 3]) / 2;
		const y = (pos[v * 3 + 1] + pos[m * 3 + 1]) / 2;
		const z = (pos[v * 3 + 2] + pos[m * 3 + 2]) / 2;
		pos[v * 3] = x;
		pos[m * 3] = -x;
		pos[v * 3 + 1] = pos[m * 3 + 1] = y;
		pos[v * 3 + 2] = pos[m * 3 + 2] = z;
	}
}
