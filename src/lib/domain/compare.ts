/**
 * Two sessions side by side, as information (never a diagnosis): per region better / worse /
 * new / resolved by the strongest intensity marked there, the marked area of each session, and
 * the overlap of the two marked areas as a Jaccard index |A∩B| / |A∪B|. Pure.
 *
 * What counts in a session: its marks, except marks still carried over from an earlier session
 * and not yet confirmed (nobody has said they are still there), and none when the session says
 * "no pain or tension today". Intensities leave out "do not touch" marks and the thin spill of a
 * painted patch into a neighbouring region, exactly as the planner's focus areas do.
 *
 * The overlap is measured one of two ways, and the result says which:
 * - 'vertex': when every painted mark of both sessions was painted on the body model on show,
 *   per vertex weighted by each vertex's surface area (a tapped region covers all its vertices);
 * - 'region': otherwise (vertex numbers of another model version mean nothing here), from the
 *   marked area per region — a tapped region counts whole, a painted one by its painted area
 *   there — taking the smaller of the two areas as shared: Σ min(A_r, B_r) / Σ max(A_r, B_r).
 *   Within one region the two areas may not really overlap, so this is an upper estimate.
 */
import type { RegionCode } from '$lib/body/types';
import { scoredMarks } from './marks';
import type { Mark, Plan } from './records';
import { jaccard, summariseByRegion } from './scoring';
import { markRegions } from './sensations';
import { focusFromMarks } from './session';

/** The marks a comparison or the progress chart counts for a session (see the module comment). */
export function countedMarks(plan: Pick<Plan, 'noPain'>, marks: readonly Mark[]): Mark[] {
	return plan.noPain ? [] : marks.filter((m) => m.carried !== true);
}

/** Strongest intensity (0–10) per region felt in a session, "do not touch" and edge spill left out. */
export function intensityByRegion(marks: readonly Mark[], regionArea: (code: RegionCode) => number): Map<RegionCode, number> {
	return new Map(focusFromMarks(marks, regionArea).map((f) => [f.region, f.intensity]));
}

export type Change = 'better' | 'worse' | 'same' | 'new' | 'resolved';

export interface RegionChange {
	region: RegionCode;
	/** Strongest intensity in A and in B; null where nothing was felt there. */
	a: number | null;
	b: number | null;
	change: Change;
}

/**
 * Per region, from session A (earlier) to B (later). A region counts as felt when its strongest
 * intensity is above 0: felt only in B is new, only in A resolved; in both, lower is better.
 * Regions marked at 0 in both sessions are left out (nothing was felt either time).
 */
export function compareIntensities(a: ReadonlyMap<RegionCode, number>, b: ReadonlyMap<RegionCode, number>): RegionChange[] {
	const regions = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => x - y);
	const out: RegionChange[] = [];
	for (const region of regions) {
		const x = (a.get(region) ?? 0) > 0 ? a.get(region)! : null;
		const y = (b.get(region) ?? 0) > 0 ? b.get(region)! : null;
		if (x === null && y === null) continue;
		const change: Change =
			x === null ? 'new' : y === null ? 'resolved' : y < x ? 'better' : y > x ? 'worse' : 'same';
		out.push({ region, a: x, b: y, change });
	}
	return out;
}

/** How many regions changed each way. */
export function changeCounts(changes: readonly RegionChange[]): Record<Change, number> {
	const counts: Record<Change, number> = { better: 0, worse: 0, same: 0, new: 0, resolved: 0 };
	for (const c of changes) counts[c.change]++;
	return counts;
}

/** The body model on show, as far as the overlap needs it. */
export interface ModelSurface {
	version: string;
	/** Region code per vertex. */
	regions: ArrayLike<number>;
	/** Surface area (m²) each vertex stands for. */
	vertexArea: ArrayLike<number>;
}

export interface Overlap {
	method: 'vertex' | 'region';
	/** Marked area of each session, the shared part and the union, m². */
	areaA: number;
	areaB: number;
	shared: number;
	union: number;
	/** |A∩B| / |A∪B|, 0–1; 1 when neither session marks anything (nothing changed). */
	jaccard: number;
}

/** Can these marks be drawn vertex by vertex on this model (every painted one painted on it)? */
export function fitsModel(marks: readonly Mark[], version: string): boolean {
	return marks.every((m) => !m.patch || m.patch.modelVersion === version);
}

/**
 * 1 for each vertex of the model on show (`version`, `regions`) that a session marks: the painted
 * vertices of a painting made on this model, every vertex of a tapped region, and every vertex of
 * the regions a painting from another model version is on (its vertex numbers mean nothing here).
 */
export function vertexCoverage(marks: readonly Mark[], regions: ArrayLike<number>, version: string): Uint8Array {
	const out = new Uint8Array(regions.length);
	const whole = new Set<number>();
	for (const m of marks) {
		if (m.patch?.modelVersion === version) for (const v of m.patch.vertices) out[v] = 1;
		else for (const r of markRegions(m)) whole.add(r);
	}
	if (whole.size) for (let v = 0; v < regions.length; v++) if (whole.has(regions[v])) out[v] = 1;
	return out;
}

/** The two sessions on one body: the vertices only the earlier one marks, only the later, or both. */
export interface OverlayVertices {
	before: Uint32Array;
	after: Uint32Array;
	both: Uint32Array;
}

export function overlayVertices(a: readonly Mark[], b: readonly Mark[], regions: ArrayLike<number>, version: string): OverlayVertices {
	const ca = vertexCoverage(a, regions, version);
	const cb = vertexCoverage(b, regions, version);
	const parts = { before: [] as number[], after: [] as number[], both: [] as number[] };
	for (let v = 0; v < ca.length; v++) {
		if (ca[v] && cb[v]) parts.both.push(v);
		else if (ca[v]) parts.before.push(v);
		else if (cb[v]) parts.after.push(v);
	}
	return { before: Uint32Array.from(parts.before), after: Uint32Array.from(parts.after), both: Uint32Array.from(parts.both) };
}

/** Marked area per region (m²), each at most the region's own area. */
function areaByRegion(marks: readonly Mark[], regionArea: (code: RegionCode) => number): Map<RegionCode, number> {
	return new Map(summariseByRegion(scoredMarks(marks, regionArea), regionArea).map((r) => [r.region, r.area]));
}

/**
 * The overlap of two sessions' marked areas. `model` is the body on show (null until it has
 * loaded: then only the region estimate is possible).
 */
export function overlap(
	a: readonly Mark[],
	b: readonly Mark[],
	regionArea: (code: RegionCode) => number,
	model: ModelSurface | null
): Overlap {
	if (model && fitsModel(a, model.version) && fitsModel(b, model.version)) {
		const ca = vertexCoverage(a, model.regions, model.version);
		const cb = vertexCoverage(b, model.regions, model.version);
		let areaA = 0, areaB = 0, shared = 0, union = 0;
		for (let v = 0; v < ca.length; v++) {
			const w = model.vertexArea[v];
			if (ca[v]) areaA += w;
			if (cb[v]) areaB += w;
			if (ca[v] && cb[v]) shared += w;
			if (ca[v] || cb[v]) union += w;
		}
		// scoring.jaccard is the one definition; the sums above are its parts, shown as figures.
		return { method: 'vertex', areaA, areaB, shared, union, jaccard: jaccard(ca, cb, model.vertexArea) };
	}
	const ra = areaByRegion(a, regionArea);
	const rb = areaByRegion(b, regionArea);
	let areaA = 0, areaB = 0, shared = 0, union = 0;
	for (const region of new Set([...ra.keys(), ...rb.keys()])) {
		const x = ra.get(region) ?? 0;
		const y = rb.get(region) ?? 0;
		areaA += x;
		areaB += y;
		shared += Math.min(x, y);
		union += Math.max(x, y);
	}
	return { method: 'region', areaA, areaB, shared, union, jaccard: union === 0 ? 1 : shared / union };
}

/**
 * The quick view that shows these regions best: 'back' when their surface lies mostly behind the
 * body's middle (the front view looks along -z), so marks on the back are not hidden at first.
 */
export function bestView(codes: Iterable<number>, positions: ArrayLike<number>, regions: ArrayLike<number>): 'front' | 'back' {
	const wanted = new Set(codes);
	if (!wanted.size) return 'front';
	let all = 0, mine = 0, count = 0;
	for (let v = 0; v < regions.length; v++) {
		const z = positions[v * 3 + 2];
		all += z;
		if (wanted.has(regions[v])) {
			mine += z;
			count++;
		}
	}
	return count > 0 && mine / count < all / regions.length ? 'back' : 'front';
}

/** The overlap as people say it: '0.42 (42%)'. */
export function jaccardWords(j: number): string {
	return `${j.toFixed(2)} (${Math.round(j * 100)}%)`;
}

/** An area in cm², rounded for reading. */
export function cm2(m2: number): string {
	const c = m2 * 1e4;
	return `${c < 10 ? c.toFixed(1) : Math.round(c)} cm²`;
}
