/**
 * A set of regions in the fewest words: where a set covers a whole body part (on both sides or
 * on one), it is named by that part ("Both legs", "Left arm", "Abdomen") instead of region by
 * region; what is left is named region by region. Pure, so the planner, the summary and the
 * printed sheet say the same.
 */
import type { RegionCode } from '$lib/body/types';
import { REGIONS, regionByCode, shortLabel, type BodyGroup, type Region } from './regions';

interface Part {
	groups: readonly BodyGroup[];
	/** Name when both sides (and any middle region) are covered. */
	both: string;
	/** Name of one side, e.g. 'Left leg'; null where one side alone is not named as a part. */
	side: string | null;
}

// Larger parts first, so "Both legs" is said before "Both thighs".
const PARTS: readonly Part[] = [
	{ groups: ['thigh', 'knee', 'lower leg', 'foot'], both: 'Both legs', side: 'leg' },
	{ groups: ['arm'], both: 'Both arms', side: 'arm' },
	{ groups: ['upper back', 'lower back'], both: 'The whole back', side: 'side of the back' },
	{ groups: ['head'], both: 'Head and face', side: null },
	{ groups: ['neck'], both: 'Neck', side: 'side of the neck' },
	{ groups: ['shoulder'], both: 'Both shoulders', side: 'shoulder' },
	{ groups: ['upper back'], both: 'Upper back', side: 'upper back' },
	{ groups: ['lower back'], both: 'Lower back', side: null },
	{ groups: ['chest'], both: 'Chest', side: null },
	{ groups: ['abdomen'], both: 'Abdomen', side: null },
	{ groups: ['hip'], both: 'Both hips', side: 'hip' },
	{ groups: ['thigh'], both: 'Both thighs', side: 'thigh' },
	{ groups: ['lower leg'], both: 'Both lower legs', side: 'lower leg' },
	{ groups: ['foot'], both: 'Both feet', side: 'foot' }
];

export interface RegionGroup {
	label: string;
	regions: RegionCode[];
}

/** The regions named by body part where a whole part is covered, else one by one, in body order. */
export function groupRegions(codes: Iterable<RegionCode>): RegionGroup[] {
	const left = new Set([...codes].filter((c) => regionByCode(c)));
	const out: { at: number; group: RegionGroup }[] = [];
	const take = (label: string, regions: Region[]) => {
		const list = regions.map((r) => r.code);
		for (const c of list) left.delete(c);
		out.push({ at: Math.min(...list), group: { label, regions: list } });
	};
	const covered = (rs: Region[]) => rs.length > 0 && rs.every((r) => left.has(r.code));

	if (left.size === REGIONS.length) return [{ label: 'The whole body', regions: REGIONS.map((r) => r.code) }];
	for (const part of PARTS) {
		const all = REGIONS.filter((r) => part.groups.includes(r.group));
		if (covered(all)) {
			take(part.both, all);
			continue;
		}
		if (!part.side) continue;
		for (const side of ['left', 'right'] as const) {
			const one = all.filter((r) => r.side === side);
			// A part of one region is that region's own name.
			if (one.length > 1 && covered(one)) take(`${side === 'left' ? 'Left' : 'Right'} ${part.side}`, one);
		}
	}
	for (const c of left) take(shortLabel(regionByCode(c)!), [regionByCode(c)!]);
	return out.sort((a, b) => a.at - b.at).map((x) => x.group);
}

/** The same as one phrase: 'Both legs, Left hip'. */
export function regionsInWords(codes: Iterable<RegionCode>): string {
	return groupRegions(codes)
		.map((g) => g.label)
		.join(', ');
}
