/**
 * Moving paintings made on the old procedural figures onto the new ones (pure, Node-testable).
 *
 * Build time: `buildRemap` aligns each old region onto the same region of the new reference
 * figure (align.ts) and, for every NEW vertex, finds the nearest point of the aligned old surface
 * in the same region and keeps that point's nearest corner: one old vertex (a blend of three made
 * the shipped table seven times larger, and old edges are about 1 cm, under the alignment's own
 * error). A new vertex takes its paint from there: new-from-old, so a painted area has no holes
 * however the two meshes' densities differ. One farther than MAX_GAP from its aligned old region
 * takes none (a safeguard: on the two figures the farthest is under 8 cm, at the face and fingers).
 *
 * Run time: `remapPatch` reads an old patch's coverage through the table.
 */
import type { Patch } from '$lib/domain/records';
import { REGIONS } from '$lib/domain/regions';
import { patchRegions } from '../brush';
import { buildSurface, type Surface } from '../surface';
import type { BodyMesh } from '../types';
import { ICP_ROUNDS, alignRegion, applyAffine, type Affine, type Cloud } from './align';

/** What a table needs of a figure. */
export interface FigureShape {
	positions: ArrayLike<number>;
	regions: ArrayLike<number>;
	indices: ArrayLike<number>;
}

/** For each new vertex, the old vertex it takes its paint from (−1: none). */
export interface RemapTable {
	oldVersion: string;
	newVersion: string;
	oldVertexCount: number;
	sources: Int32Array;
}

/**
 * A new vertex farther than this from the aligned old region takes no paint (m). Not less: where
 * a new region reaches beyond the old one's outline (the male hamstrings, deltoid), a tighter
 * bound left unpainted points inside a region painted whole.
 */
export const MAX_GAP = 0.08;

export interface RemapStats {
	/** Per region: area-weighted mean and 95th percentile distance of new vertices to the aligned old region (m). */
	gap: Map<number, { mean: number; p95: number }>;
	/** New vertices that take no paint. */
	unmatched: number;
	maps: Map<number, Affine>;
}

/** Area per vertex (a third of each triangle around it). */
export function vertexAreas(f: FigureShape): Float64Array {
	const P = f.positions, I = f.indices;
	const out = new Float64Array(P.length / 3);
	for (let t = 0; t < I.length; t += 3) {
		const a = I[t] * 3, b = I[t + 1] * 3, c = I[t + 2] * 3;
		const ux = P[b] - P[a], uy = P[b + 1] - P[a + 1], uz = P[b + 2] - P[a + 2];
		const vx = P[c] - P[a], vy = P[c + 1] - P[a + 1], vz = P[c + 2] - P[a + 2];
		const area = 0.5 * Math.hypot(uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx);
		for (const v of [I[t], I[t + 1], I[t + 2]]) out[v] += area / 3;
	}
	return out;
}

/** Points per region the alignment looks at: a regular subsample of larger regions (the face, hands). */
const CLOUD_POINTS = 800;

function regionCloud(f: FigureShape, areas: Float64Array, code: number): { cloud: Cloud; ids: number[] } {
	const all: number[] = [];
	for (let v = 0; v < f.regions.length; v++) if (f.regions[v] === code && areas[v] > 0) all.push(v);
	// Every k-th point stands for its k neighbours' share of the area (approximately: the
	// subsample is regular in vertex order, which follows the surface).
	const k = Math.ceil(all.length / CLOUD_POINTS);
	const ids = all.filter((_, i) => i % k === 0);
	if (k > 1) {
		const sum = (xs: number[]) => xs.reduce((s, v) => s + areas[v], 0);
		const scale = sum(all) / sum(ids);
		return regionCloudOf(f, ids, (v) => areas[v] * scale);
	}
	return regionCloudOf(f, ids, (v) => areas[v]);
}

function regionCloudOf(f: FigureShape, ids: number[], weight: (v: number) => number): { cloud: Cloud; ids: number[] } {
	const points = new Float64Array(ids.length * 3);
	ids.forEach((v, i) => {
		for (let k = 0; k < 3; k++) points[i * 3 + k] = f.positions[v * 3 + k];
	});
	return { cloud: { points, weights: Float64Array.from(ids, weight) }, ids };
}

/** The per-region maps of old onto new: code -> affine. */
export function alignFigures(old: FigureShape, neu: FigureShape, rounds = ICP_ROUNDS): Map<number, Affine> {
	const oa = vertexAreas(old), na = vertexAreas(neu);
	const codes = [...new Set(Array.from(neu.regions))].filter((c) => c > 0).sort((a, b) => a - b);
	const maps = new Map<number, Affine>();
	// Both figures are exact mirrors: the left and midline regions are aligned, and each right
	// region takes its left partner's map mirrored, so a painting and its mirror image move alike.
	for (const code of codes) {
		const side = REGIONS[code - 1].side;
		if (side === 'right') continue;
		const from = regionCloud(old, oa, code).cloud, to = regionCloud(neu, na, code).cloud;
		if (!from.weights.length || !to.weights.length) continue;
		const A = alignRegion(from, to, rounds);
		if (side === 'left') {
			maps.set(code, A);
			maps.set(code + 1, mirrored(A));
		} else {
			const B = mirrored(A);
			maps.set(code, A.map((a, i) => (a + B[i]) / 2));
		}
	}
	return maps;
}

/** The map seen in a mirror (x -> -x on both sides): entry (i, j) times the signs of row i and column j. */
function mirrored(A: Affine): Affine {
	const sign = [-1, 1, 1, 1];
	return A.map((a, i) => a * sign[i >> 2] * sign[i & 3]);
}

export function buildRemap(old: FigureShape & { version: string }, neu: FigureShape & { version: string }, rounds = ICP_ROUNDS): { table: RemapTable; stats: RemapStats } {
	const maps = alignFigures(old, neu, rounds);
	const nv = neu.regions.length;
	const sources = new Int32Array(nv).fill(-1);
	const gap = new Map<number, { mean: number; p95: number }>();
	const na = vertexAreas(neu);
	let unmatched = 0;
	// Old triangles by region, with corners already carried through the region's map.
	const byRegion = new Map<number, number[]>();
	for (let t = 0; t < old.indices.length; t += 3) {
		const code = old.regions[old.indices[t]];
		if (!byRegion.has(code)) byRegion.set(code, []);
		byRegion.get(code)!.push(t);
	}
	const q = [0, 0, 0], bary = [0, 0, 0];
	for (const [code, A] of maps) {
		const tris = byRegion.get(code) ?? [];
		const corners = new Float64Array(tris.length * 9);
		tris.forEach((t, i) => {
			for (let k = 0; k < 3; k++) {
				const v = old.indices[t + k] * 3;
				applyAffine(A, old.positions[v], old.positions[v + 1], old.positions[v + 2], corners, i * 9 + k * 3);
			}
		});
		// Each triangle's bounding sphere: a triangle whose sphere is farther than the best
		// distance so far cannot be nearer, which skips most exact tests.
		const sphere = new Float64Array(tris.length * 4);
		for (let i = 0; i < tris.length; i++) {
			const o = i * 9;
			for (let k = 0; k < 3; k++) sphere[i * 4 + k] = (corners[o + k] + corners[o + 3 + k] + corners[o + 6 + k]) / 3;
			for (let c = 0; c < 3; c++) {
				const r = Math.hypot(corners[o + c * 3] - sphere[i * 4], corners[o + c * 3 + 1] - sphere[i * 4 + 1], corners[o + c * 3 + 2] - sphere[i * 4 + 2]);
				sphere[i * 4 + 3] = Math.max(sphere[i * 4 + 3], r);
			}
		}
		const centreDist = new Float64Array(tris.length);
		const dists: [number, number][] = [];
		for (let v = 0; v < nv; v++) {
			if (neu.regions[v] !== code) continue;
			const p = [neu.positions[v * 3], neu.positions[v * 3 + 1], neu.positions[v * 3 + 2]];
			let first = 0;
			for (let i = 0; i < tris.length; i++) {
				centreDist[i] = Math.hypot(p[0] - sphere[i * 4], p[1] - sphere[i * 4 + 1], p[2] - sphere[i * 4 + 2]);
				if (centreDist[i] < centreDist[first]) first = i;
			}
			let best = tris.length ? closestOnTriangle(p, corners, first * 9, q, bary) : Infinity;
			let at = tris.length ? first : -1, bb = [...bary];
			for (let i = 0; i < tris.length; i++) {
				const lower = centreDist[i] - sphere[i * 4 + 3];
				if (i === first || (lower > 0 && lower * lower >= best)) continue;
				const d = closestOnTriangle(p, corners, i * 9, q, bary);
				if (d < best) (best = d), (at = i), (bb = [...bary]);
			}
			const dist = Math.sqrt(best);
			dists.push([dist, na[v]]);
			if (at < 0 || dist > MAX_GAP) {
				unmatched++;
				continue;
			}
			const k = bb[0] >= bb[1] && bb[0] >= bb[2] ? 0 : bb[1] >= bb[2] ? 1 : 2;
			sources[v] = old.indices[tris[at] + k];
		}
		gap.set(code, summarise(dists));
	}
	return {
		table: { oldVersion: old.version, newVersion: neu.version, oldVertexCount: old.regions.length, sources },
		stats: { gap, unmatched, maps }
	};
}

function summarise(d: [number, number][]): { mean: number; p95: number } {
	if (!d.length) return { mean: 0, p95: 0 };
	const total = d.reduce((s, [, w]) => s + w, 0);
	const mean = d.reduce((s, [x, w]) => s + x * w, 0) / total;
	d.sort((a, b) => a[0] - b[0]);
	let acc = 0, p95 = d[d.length - 1][0];
	for (const [x, w] of d) if ((acc += w) >= 0.95 * total) (p95 = x), (acc = -Infinity);
	return { mean, p95 };
}

/**
 * Squared distance from p to triangle (corners at c[o..o+9]); writes the closest point to q and
 * its barycentric weights to bary (Ericson, Real-Time Collision Detection, 5.1.5).
 */
export function closestOnTriangle(p: number[], c: Float64Array, o: number, q: number[], bary: number[]): number {
	const ax = c[o], ay = c[o + 1], az = c[o + 2];
	const abx = c[o + 3] - ax, aby = c[o + 4] - ay, abz = c[o + 5] - az;
	const acx = c[o + 6] - ax, acy = c[o + 7] - ay, acz = c[o + 8] - az;
	const apx = p[0] - ax, apy = p[1] - ay, apz = p[2] - az;
	const d1 = abx * apx + aby * apy + abz * apz, d2 = acx * apx + acy * apy + acz * apz;
	const set = (u: number, v: number, w: number): number => {
		bary[0] = u, bary[1] = v, bary[2] = w;
		q[0] = ax + abx * v + acx * w;
		q[1] = ay + aby * v + acy * w;
		q[2] = az + abz * v + acz * w;
		return (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2 + (p[2] - q[2]) ** 2;
	};
	if (d1 <= 0 && d2 <= 0) return set(1, 0, 0);
	const bpx = p[0] - c[o + 3], bpy = p[1] - c[o + 4], bpz = p[2] - c[o + 5];
	const d3 = abx * bpx + aby * bpy + abz * bpz, d4 = acx * bpx + acy * bpy + acz * bpz;
	if (d3 >= 0 && d4 <= d3) return set(0, 1, 0);
	const vc = d1 * d4 - d3 * d2;
	if (vc <= 0 && d1 >= 0 && d3 <= 0) {
		const v = d1 / (d1 - d3);
		return set(1 - v, v, 0);
	}
	const cpx = p[0] - c[o + 6], cpy = p[1] - c[o + 7], cpz = p[2] - c[o + 8];
	const d5 = abx * cpx + aby * cpy + abz * cpz, d6 = acx * cpx + acy * cpy + acz * cpz;
	if (d6 >= 0 && d5 <= d6) return set(0, 0, 1);
	const vb = d5 * d2 - d1 * d6;
	if (vb <= 0 && d2 >= 0 && d6 <= 0) {
		const w = d2 / (d2 - d6);
		return set(1 - w, 0, w);
	}
	const va = d3 * d6 - d5 * d4;
	if (va <= 0 && d4 - d3 >= 0 && d5 - d6 >= 0) {
		const w = (d4 - d3) / (d4 - d3 + (d5 - d6));
		return set(0, 1 - w, w);
	}
	const denom = 1 / (va + vb + vc);
	const v = vb * denom, w = vc * denom;
	return set(1 - v - w, v, w);
}

/**
 * An old painting on the new figure: each new vertex takes its source's coverage (border copies
 * the strongest of theirs);
 * the painted area per region measured again on the new mesh. Null when nothing lands (an empty
 * patch, or one that does not belong to this table).
 */
export function remapPatch(patch: Patch, table: RemapTable, mesh: BodyMesh, surface: Surface = buildSurface(mesh)): Patch | null {
	if (patch.modelVersion !== table.oldVersion || mesh.version !== table.newVersion) return null;
	const cover = new Uint8Array(table.oldVertexCount);
	patch.vertices.forEach((v, i) => {
		if (v < cover.length) cover[v] = patch.weights[i];
	});
	const S = table.sources;
	const out = new Uint8Array(S.length);
	for (let v = 0; v < S.length; v++) out[v] = S[v] >= 0 ? cover[S[v]] : 0;
	// The copies of a point on a region border come from two regions' maps, which need not agree
	// there: all copies take the strongest, so a painting crossing a border has no seam along it.
	for (let w = 0; w + 1 < surface.memberStart.length; w++) {
		const a = surface.memberStart[w], b = surface.memberStart[w + 1];
		if (b - a < 2) continue;
		let most = 0;
		for (let k = a; k < b; k++) most = Math.max(most, out[surface.members[k]]);
		for (let k = a; k < b; k++) out[surface.members[k]] = most;
	}
	const vertices: number[] = [], weights: number[] = [];
	for (let v = 0; v < out.length; v++) if (out[v] > 0) vertices.push(v), weights.push(out[v]);
	if (!vertices.length) return null;
	const list = Uint32Array.from(vertices), cov = Uint8Array.from(weights);
	return { modelVersion: mesh.version, vertices: list, weights: cov, regions: patchRegions(surface, list, cov) };
}
