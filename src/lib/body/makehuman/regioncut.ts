/**
 * Smooth region borders on the painting surface, computed from the coarse region map and the
 * topology alone, so they can be made at load time after subdivision and hold for every build:
 * 1. Each region's indicator (1 on its vertices, 0 elsewhere) is smoothed over the coarse mesh
 *    by a few steps of "half mine, half my neighbours' mean" (a uniform, topology-only
 *    Laplacian). A midline vertex of a paired region counts half left, half right, so the
 *    fields are mirror images.
 * 2. The fields are carried to the subdivided surface as the subdivision carries positions'
 *    parents (an edge point takes the mean of its two ends, a centre that of its corners); a
 *    fine vertex's region is the field that is largest there.
 * 3. Each triangle whose corners differ is cut where the two regions' fields are equal, the
 *    zero of their difference interpolated along the edge (as cut.ts does with bisection):
 *    the border follows a smooth level curve instead of the triangles' staircase.
 * The result is a plan of new vertices, each a weighted mix of at most three surface vertices,
 * so it places the cut on any figure's positions and normals. Pure and deterministic.
 */
import { REGIONS } from '../../domain/regions';
import type { SubdivisionPlan } from './subdivide';
import type { BodySurface } from './figure';
import { mirrorCode } from './regioncodes';
import { liveRegions, regionFields } from './regionfields';

export { BORDER_SMOOTHING, regionFields } from './regionfields';

export interface RegionSurface {
	/** Region code per fine vertex (before cutting). */
	fineCode: Uint8Array;
	/** Output vertices: the fine ones first (same indices), then the cut points. */
	vertexCount: number;
	/** Per cut point: up to three fine vertices and their weights (unused slots weight 0). */
	mixFrom: Uint32Array;
	mixWeight: Float64Array;
	/** Region per output vertex. */
	regions: Uint8Array;
	/** Triangles over the output vertices, each inside one region. */
	triangles: Uint32Array;
}

/** Fields on the fine surface: coarse values kept, edge points and centres as means. */
function fineFields(plan: SubdivisionPlan, quads: Uint32Array, f: Float32Array, nr: number): (v: number, r: number) => number {
	const nv = plan.coarseCount, ne = plan.edges.length / 2;
	return (v, r) => {
		const o = r * nv;
		if (v < nv) return f[o + v];
		if (v < nv + ne) return (f[o + plan.edges[(v - nv) * 2]] + f[o + plan.edges[(v - nv) * 2 + 1]]) / 2;
		const q = plan.centres[v - nv - ne] * 4;
		return (f[o + quads[q]] + f[o + quads[q + 1]] + f[o + quads[q + 2]] + f[o + quads[q + 3]]) / 4;
		void nr;
	};
}

/**
 * @param staircase cut every mixed edge at its middle instead (what per-vertex labels alone
 *                  give): only for measuring how much smoother the level-curve cut is.
 */
export function cutRegions(plan: SubdivisionPlan, quads: Uint32Array, field: Float32Array, side: Int8Array, staircase = false): RegionSurface {
	const nr = REGIONS.length;
	const F = fineFields(plan, quads, field, nr);
	const n = plan.vertexCount;
	const fineSide = fineSides(plan, quads, side);
	const fineCode = new Uint8Array(n);
	// Only the regions whose field is non-zero at a vertex's parents can be largest there;
	// taken in ascending order, ties go to the lowest code as in a scan over all 80. The
	// field is summed over the parents in fineFields' order, so the values are the same.
	const nv = plan.coarseCount, ne = plan.edges.length / 2;
	const live = liveRegions(field, nr, nv);
	const cand = new Int32Array(4 * nr);
	const par = new Int32Array(4);
	for (let v = 0; v < n; v++) {
		let np: number;
		if (v < nv) {
			par[0] = v;
			np = 1;
		} else if (v < nv + ne) {
			par[0] = plan.edges[(v - nv) * 2];
			par[1] = plan.edges[(v - nv) * 2 + 1];
			np = 2;
		} else {
			const q = plan.centres[v - nv - ne] * 4;
			for (let k = 0; k < 4; k++) par[k] = quads[q + k];
			np = 4;
		}
		// Inside a region (each parent has just the one live region, the same): that region.
		const s0 = live.start[par[0]], r0 = live.regions[s0];
		let alone = live.start[par[0] + 1] === s0 + 1;
		for (let i = 1; alone && i < np; i++) alone = live.start[par[i] + 1] === live.start[par[i]] + 1 && live.regions[live.start[par[i]]] === r0;
		if (alone) {
			fineCode[v] = r0 + 1;
			continue;
		}
		// Insertion into a short sorted list without duplicates.
		let m = 0;
		for (let i = 0; i < np; i++) {
			for (let k = live.start[par[i]]; k < live.start[par[i] + 1]; k++) {
				const r = live.regions[k];
				let j = m;
				while (j > 0 && cand[j - 1] > r) j--;
				if (j > 0 && cand[j - 1] === r) continue;
				cand.copyWithin(j + 1, j, m);
				cand[j] = r;
				m++;
			}
		}
		let best = 0, bv = -Infinity;
		for (let j = 0; j < m; j++) {
			const o = cand[j] * nv;
			let x: number;
			if (np === 1) x = field[o + par[0]];
			else if (np === 2) x = (field[o + par[0]] + field[o + par[1]]) / 2;
			else x = (field[o + par[0]] + field[o + par[1]] + field[o + par[2]] + field[o + par[3]]) / 4;
			if (x > bv) {
				bv = x;
				best = cand[j];
			}
		}
		fineCode[v] = best + 1;
	}
	const from: number[] = [];
	const weight: number[] = [];
	const regions: number[] = Array.from(fineCode);
	const out: number[] = [];
	// Numeric keys (edge lo·K + hi, then × 256 + region; K above any vertex id, output ones
	// included): string keys cost several times more at load.
	const K = 1 << 22;
	if (n * 8 > K) throw new Error('cutRegions: too many vertices for the edge keys');
	const cutT = new Map<number, number>();
	const copies = new Map<number, number>();
	// A triangle's corners' codes: a midline corner of a paired region counts for the side the
	// triangle is on, so the left and right halves of a region meet exactly on the midline.
	const codeAt = new Map<number, number>();
	/** Where on edge lo-hi the fields of the two ends' regions are equal, from lo. */
	const border = (a: number, b: number): number => {
		const lo = Math.min(a, b), hi = Math.max(a, b);
		const key = lo * K + hi;
		let t = cutT.get(key);
		if (t === undefined) {
			const cl = codeAt.get(lo)! - 1, ch = codeAt.get(hi)! - 1;
			const gl = F(source(lo), cl) - F(source(lo), ch), gh = F(source(hi), cl) - F(source(hi), ch);
			t = !staircase && gl - gh > 0 ? Math.min(1, Math.max(0, gl / (gl - gh))) : 0.5;
			cutT.set(key, t);
		}
		return a < b ? t : 1 - t;
	};
	/** The fine vertex an output vertex stands for (a midline copy stands for its original). */
	const source = (v: number): number => (v < n ? v : from[(v - n) * 3]);
	const addVertex = (ids: number[], ws: number[], r: number): number => {
		from.push(ids[0], ids[1] ?? ids[0], ids[2] ?? ids[0]);
		weight.push(ws[0], ws[1] ?? 0, ws[2] ?? 0);
		regions.push(r);
		return regions.length - 1;
	};
	const cutVertex = (a: number, b: number, r: number): number => {
		const lo = Math.min(a, b), hi = Math.max(a, b);
		const key = (lo * K + hi) * 256 + r;
		let v = copies.get(key);
		if (v === undefined) {
			const t = border(lo, hi);
			v = addVertex([source(lo), source(hi)], [1 - t, t], r);
			copies.set(key, v);
		}
		return v;
	};
	const fan = (poly: number[]): void => {
		for (let k = 1; k + 1 < poly.length; k++) out.push(poly[0], poly[k], poly[k + 1]);
	};
	const T = plan.triangles;
	for (let f = 0; f < T.length; f += 3) {
		// Most triangles lie inside one region off the midline: kept as they are, with no
		// allocation (this loop runs in the browser at load).
		const c0 = fineCode[T[f]];
		if (c0 === fineCode[T[f + 1]] && c0 === fineCode[T[f + 2]] && fineSide[T[f]] !== 0 && fineSide[T[f + 1]] !== 0 && fineSide[T[f + 2]] !== 0) {
			out.push(T[f], T[f + 1], T[f + 2]);
			continue;
		}
		const v = [T[f], T[f + 1], T[f + 2]];
		const c = v.map((i) => fineCode[i]);
		const right = fineSide[v[0]] < 0 || fineSide[v[1]] < 0 || fineSide[v[2]] < 0;
		for (let k = 0; k < 3; k++) {
			if (right && fineSide[v[k]] === 0 && mirrorCode(c[k]) !== c[k]) {
				// The right-hand copy of a midline corner.
				c[k] = mirrorCode(c[k]);
				const key = -(v[k] * 256 + c[k]) - 1;
				let m = copies.get(key);
				if (m === undefined) {
					m = addVertex([v[k]], [1], c[k]);
					copies.set(key, m);
				}
				v[k] = m;
			}
		}
		codeAt.clear();
		for (let k = 0; k < 3; k++) codeAt.set(v[k], c[k]);
		if (c[0] === c[1] && c[1] === c[2]) {
			out.push(v[0], v[1], v[2]);
			continue;
		}
		if (c[0] !== c[1] && c[1] !== c[2] && c[0] !== c[2]) {
			// Three regions meet: the centre of the three border points, one copy per region.
			const ids: number[] = [], ws: number[] = [];
			for (let k = 0; k < 3; k++) {
				const t = border(v[k], v[(k + 1) % 3]);
				ids.push(source(v[k]));
				ws.push((1 - t) / 3);
			}
			for (let k = 0; k < 3; k++) ws[(k + 1) % 3] += border(v[k], v[(k + 1) % 3]) / 3;
			for (let k = 0; k < 3; k++) {
				const cv = addVertex(ids, ws, c[k]);
				fan([v[k], cutVertex(v[k], v[(k + 1) % 3], c[k]), cv, cutVertex(v[(k + 2) % 3], v[k], c[k])]);
			}
			continue;
		}
		const polys = new Map<number, number[]>();
		for (let k = 0; k < 3; k++) {
			const a = v[k], b = v[(k + 1) % 3], ra = c[k], rb = c[(k + 1) % 3];
			if (!polys.has(ra)) polys.set(ra, []);
			if (!polys.has(rb)) polys.set(rb, []);
			polys.get(ra)!.push(a);
			if (ra !== rb) {
				polys.get(ra)!.push(cutVertex(a, b, ra));
				polys.get(rb)!.push(cutVertex(a, b, rb));
			}
		}
		for (const poly of polys.values()) fan(poly);
	}
	return {
		fineCode,
		vertexCount: regions.length,
		mixFrom: Uint32Array.from(from),
		mixWeight: Float64Array.from(weight),
		regions: Uint8Array.from(regions),
		triangles: Uint32Array.from(out)
	};
}

/** Which side of the body each coarse vertex is on, from any figure's positions: 1 left (x > 0), −1 right, 0 midline. */
export function vertexSides(pos: ArrayLike<number>, nv: number): Int8Array {
	const out = new Int8Array(nv);
	for (let v = 0; v < nv; v++) out[v] = pos[v * 3] > 0 ? 1 : pos[v * 3] < 0 ? -1 : 0;
	return out;
}

/** Sides carried to the fine vertices: a new point is on the side of any of its parents off the midline. */
function fineSides(plan: SubdivisionPlan, quads: Uint32Array, side: Int8Array): Int8Array {
	const nv = plan.coarseCount, ne = plan.edges.length / 2;
	const out = new Int8Array(plan.vertexCount);
	out.set(side);
	for (let e = 0; e < ne; e++) out[nv + e] = side[plan.edges[e * 2]] || side[plan.edges[e * 2 + 1]];
	for (let i = 0; i < plan.centres.length; i++) {
		const q = plan.centres[i] * 4;
		out[nv + ne + i] = side[quads[q]] || side[quads[q + 1]] || side[quads[q + 2]] || side[quads[q + 3]];
	}
	return out;
}

/** Per-vertex values (positions or normals, `k` per vertex) of the cut surface from the fine surface's. */
export function applyCut(cut: RegionSurface, fine: ArrayLike<number>, k = 3, normalise = false): Float64Array {
	const nf = fine.length / k;
	const out = new Float64Array(cut.vertexCount * k);
	for (let i = 0; i < nf * k; i++) out[i] = fine[i];
	for (let c = 0; c + nf < cut.vertexCount; c++) {
		const o = (nf + c) * k;
		for (let j = 0; j < 3; j++) {
			const w = cut.mixWeight[c * 3 + j];
			if (w === 0) continue;
			const s = cut.mixFrom[c * 3 + j] * k;
			for (let d = 0; d < k; d++) out[o + d] += w * fine[s + d];
		}
		if (normalise) {
			let l = 0;
			for (let d = 0; d < k; d++) l += out[o + d] * out[o + d];
			l = Math.sqrt(l) || 1;
			for (let d = 0; d < k; d++) out[o + d] /= l;
		}
	}
	return out;
}

/** Connected pieces of each region's triangles on the cut surface: code -> count. */
export function regionPieces(cut: RegionSurface): Map<number, number> {
	// Every triangle's corners carry its region (border points have one copy per region),
	// so pieces of one region never join through another's vertex.
	const parent = Int32Array.from({ length: cut.vertexCount }, (_, i) => i);
	const find = (x: number): number => {
		while (parent[x] !== x) x = parent[x] = parent[parent[x]];
		return x;
	};
	const T = cut.triangles;
	for (let t = 0; t < T.length; t += 3) {
		parent[find(T[t + 1])] = find(T[t]);
		parent[find(T[t + 2])] = find(T[t]);
	}
	const roots = new Map<number, Set<number>>();
	for (let t = 0; t < T.length; t += 3) {
		const r = cut.regions[T[t]];
		if (!roots.has(r)) roots.set(r, new Set());
		roots.get(r)!.add(find(T[t]));
	}
	return new Map([...roots].map(([r, s]) => [r, s.size]));
}

/**
 * How smooth the borders are: the median angle (degrees) by which a border turns at each of
 * its points, over every region's outline on the given positions. A staircase along triangle
 * edges turns by tens of degrees at every step; a smooth curve by a few.
 */
export function borderTurning(cut: RegionSurface, pos: ArrayLike<number>): number {
	const T = cut.triangles;
	// Outline edges: edges of a region's triangles used once within that region.
	const count = new Map<string, number>();
	for (let t = 0; t < T.length; t += 3) {
		for (let k = 0; k < 3; k++) {
			const a = T[t + k], b = T[t + ((k + 1) % 3)];
			const key = a < b ? `${a},${b}` : `${b},${a}`;
			count.set(key, (count.get(key) ?? 0) + 1);
		}
	}
	const next = new Map<number, number[]>();
	for (const [key, n] of count) {
		if (n !== 1) continue;
		const [a, b] = key.split(',').map(Number);
		next.set(a, [...(next.get(a) ?? []), b]);
		next.set(b, [...(next.get(b) ?? []), a]);
	}
	const angles: number[] = [];
	for (const [v, ns] of next) {
		if (ns.length !== 2) continue;
		const d = (u: number): number[] => [0, 1, 2].map((k) => pos[u * 3 + k] - pos[v * 3 + k]);
		const [p, q] = [d(ns[0]), d(ns[1])];
		const lp = Math.hypot(p[0], p[1], p[2]), lq = Math.hypot(q[0], q[1], q[2]);
		if (lp < 1e-6 || lq < 1e-6) continue;
		const c = -(p[0] * q[0] + p[1] * q[1] + p[2] * q[2]) / (lp * lq);
		angles.push((Math.acos(Math.max(-1, Math.min(1, c))) * 180) / Math.PI);
	}
	angles.sort((x, y) => x - y);
	return angles.length ? angles[angles.length >> 1] : NaN;
}

/** The whole step: fields from the region map, then the cut painting surface (topology only). */
export function regionSurface(surface: Pick<BodySurface, 'plan' | 'quads' | 'nbr'>, map: Uint8Array, side: Int8Array, staircase = false): RegionSurface {
	return cutRegions(surface.plan, surface.quads, regionFields(map, surface.nbr, side), side, staircase);
}
