/**
 * Figures worth showing beside a plan, as information and never as a diagnosis: the Widespread
 * Pain Index count, the marked share of the body, intensity summaries, and the overlap of two
 * sessions' marked areas.
 */
import { REGIONS, regionByCode, WPI_SITES } from './regions';
import type { Mark, Sensation } from './records';
import type { RegionCode } from '$lib/body/types';

const PAIN: ReadonlySet<Sensation> = new Set(['aching', 'sharp']);

export interface ScoredMark {
	region: RegionCode | null;
	sensation: Sensation;
	intensity: number;
	/** Marked surface in m² (a tapped region: its whole area). */
	area: number;
	/** The mark this piece comes from, when it comes from one. */
	mark?: Mark;
}

/** How many of the 19 WPI sites hold at least one pain mark (0–19). */
export function widespreadPainCount(marks: readonly ScoredMark[]): number {
	const sites = new Set<string>();
	for (const m of marks) {
		if (!PAIN.has(m.sensation) || m.region === null || m.intensity <= 0) continue;
		const site = regionByCode(m.region)?.wpi;
		if (site) sites.add(site);
	}
	return sites.size;
}

export const WPI_SITE_COUNT = WPI_SITES.length;

export interface RegionSummary {
	region: RegionCode;
	area: number;
	maxIntensity: number;
	meanIntensity: number;
	sensations: Sensation[];
}

/** Marks grouped per region; a region's area never exceeds the region itself. */
export function summariseByRegion(
	marks: readonly ScoredMark[],
	regionArea: (code: RegionCode) => number
): RegionSummary[] {
	const groups = new Map<RegionCode, ScoredMark[]>();
	for (const m of marks) {
		if (m.region === null) continue;
		const list = groups.get(m.region) ?? [];
		list.push(m);
		groups.set(m.region, list);
	}
	return [...groups.entries()]
		.map(([region, list]) => ({
			region,
			area: Math.min(regionArea(region), list.reduce((s, m) => s + m.area, 0)),
			maxIntensity: Math.max(...list.map((m) => m.intensity)),
			meanIntensity: list.reduce((s, m) => s + m.intensity, 0) / list.length,
			sensations: [...new Set(list.map((m) => m.sensation))]
		}))
		.sort((a, b) => a.region - b.region);
}

/** Share of the whole body surface that is marked, 0–1, weighted by surface area. */
export function markedShare(summaries: readonly RegionSummary[], bodyArea: number): number {
	if (bodyArea <= 0) return 0;
	return Math.min(1, summaries.reduce((s, r) => s + r.area, 0) / bodyArea);
}

/**
 * Overlap of two marked areas as a Jaccard index |A∩B| / |A∪B|, from per-vertex coverage
 * weighted by each vertex's surface area. 1 when both are empty (nothing changed).
 */
export function jaccard(a: ArrayLike<number>, b: ArrayLike<number>, vertexArea: ArrayLike<number>): number {
	let inter = 0;
	let union = 0;
	for (let i = 0; i < vertexArea.length; i++) {
		const x = a[i] > 0;
		const y = b[i] > 0;
		if (x && y) inter += vertexArea[i];
		if (x || y) union += vertexArea[i];
	}
	return union === 0 ? 1 : inter / union;
}

export const ALL_REGION_CODES: readonly RegionCode[] = REGIONS.map((r) => r.code);
