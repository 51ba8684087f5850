/**
 * The planner's selection in its address (`/plan?id=…&mark=…`, or `&region=…` before a mark is
 * added), as the app keeps every id in the query string: a reload comes back to the same mark,
 * on the side of the body that shows it. Pure: URLs in, URLs out.
 */
import { regionByCode } from '$lib/domain/regions';

export interface Selection {
	mark: string | null;
	region: number | null;
}

export function selectionFrom(url: URL): Selection {
	const mark = url.searchParams.get('mark');
	const code = Number(url.searchParams.get('region'));
	return { mark: mark || null, region: Number.isInteger(code) && regionByCode(code) ? code : null };
}

/** The address with `selection` in it, or null when it already has it. */
export function addressWith(url: URL, selection: Selection): string | null {
	const next = new URL(url);
	next.searchParams.delete('mark');
	next.searchParams.delete('region');
	if (selection.mark) next.searchParams.set('mark', selection.mark);
	else if (selection.region !== null) next.searchParams.set('region', String(selection.region));
	const href = next.pathname + next.search + next.hash;
	return href === url.pathname + url.search + url.hash ? null : href;
}
