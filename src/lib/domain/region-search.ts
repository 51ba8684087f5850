/**
 * Finding a region by the words a person types: its name, the plain-words hint, the muscles
 * under it, its body area and its side (the client's own left or right, or the middle). Pure,
 * so every picker searches the same way.
 */
import { REGIONS, type Region, type Side } from './regions';

export type SideFilter = 'all' | Side;

/** Words a person might type for a region: name, hint, id, group, deep muscles, side. */
export function regionSearchText(r: Region): string {
	const side = r.side === 'midline' ? 'middle midline centre center' : r.side;
	return [r.name, r.hint, r.id, r.group, side, ...r.deep].join(' ').toLowerCase();
}

const INDEX = REGIONS.map((region) => ({ region, text: regionSearchText(region) }));

/**
 * Regions whose words contain every word typed (in any order), on the chosen side, in
 * catalogue order. An empty query lists every region on that side.
 */
export function findRegions(query: string, side: SideFilter = 'all'): Region[] {
	const words = query.toLowerCase().split(/\s+/).filter(Boolean);
	return INDEX.filter(({ region, text }) => (side === 'all' || region.side === side) && words.every((w) => text.includes(w))).map(
		(e) => e.region
	);
}
