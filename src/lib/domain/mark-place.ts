/**
 * Where a mark is, in a few words. A tapped mark is its region. A painted mark spanning several
 * regions is named by its main ones — those that together hold most of its painted area, at most
 * two names — with a left/right pair said once ("Low back beside the spine, both sides"), then
 * how many regions more: "Low back beside the spine, both sides, and 8 more". Pure, so the Marks
 * list, the summary and the printed sheet can say the same.
 */
import type { RegionShare } from './records';
import { regionByCode, shortLabel, type Region } from './regions';

/** The main regions hold at least this share of the painted area (or the two names are used up). */
const MAIN_SHARE = 0.6;
/** A region under this share of the largest one is never main (a brush's edge on a neighbour). */
const MINOR = 0.35;
const MAX_NAMES = 2;

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Names for the painted shares (largest first is not required), and how many regions are left. */
export function placeOfShares(shares: readonly RegionShare[]): string {
	const known = shares.filter((s) => regionByCode(s.region) && s.area > 0).sort((a, b) => b.area - a.area || a.region - b.region);
	if (known.length === 0) return 'Painted area';
	const total = known.reduce((sum, s) => sum + s.area, 0);
	const top = known[0].area;
	const names: string[] = [];
	const named = new Set<number>();
	let covered = 0;
	for (const s of known) {
		if (names.length >= MAX_NAMES || (names.length > 0 && (covered >= MAIN_SHARE * total || s.area < MINOR * top))) break;
		if (named.has(s.region)) continue;
		const r = regionByCode(s.region) as Region;
		const pair = r.side === 'midline' ? undefined : known.find((o) => regionByCode(o.region)?.id === r.pair);
		named.add(s.region);
		covered += s.area;
		if (pair && pair.area >= MINOR * s.area) {
			named.add(pair.region);
			covered += pair.area;
			names.push(`${capital(r.name)}, both sides`);
		} else {
			names.push(shortLabel(r));
		}
	}
	const more = known.length - named.size;
	const main = names.join('; ');
	return more > 0 ? `${main}, and ${more} more` : main;
}

/** A mark's place: its region, or for a painting its main regions and how many more. */
export function placeOfMark(mark: { region: number | null; patch?: { regions: readonly RegionShare[] } | null }): string {
	if (mark.patch && mark.patch.regions.length > 1) return placeOfShares(mark.patch.regions);
	const r = regionByCode(mark.region ?? 0);
	return r ? shortLabel(r) : 'Painted area';
}
