/**
 * How the printed record runs over pages, pure: blocks (as measured, a section's first block with
 * its heading) go on the current page while they fit, else start the next; a block marked
 * `newPage` (each session of a whole record) always starts one. A section going on from an earlier
 * page repeats its heading, "(continued)", which takes room too. A block taller than a page still
 * gets a page of its own. Every page has the same room (its running head and foot are fixed), but
 * a part's first page, which has no running head, has `partStart` more.
 */
export interface PageFlow {
	section: string;
	first: boolean;
	newPage?: boolean;
	/** Best on its part's first page (a record's signatures, so the record itself is one page). */
	onFirstPage?: boolean;
}

export interface Room {
	/** Height of a page's body, between its running head and its foot. */
	page: number;
	/** Height a section's "(continued)" heading adds. */
	heading: number;
	/** More room on a part's first page, which shows no running head (its title names the client). */
	partStart?: number;
}

/** The blocks' indices per page, in order; never an empty page. */
export function paginate(blocks: readonly PageFlow[], heights: readonly number[], room: Room): number[][] {
	const pages: number[][] = [];
	let left = 0;
	blocks.forEach((block, i) => {
		let page = pages.at(-1);
		const need = (on: number[]) => heights[i] + (continues(blocks, on, i) ? room.heading : 0);
		if (!page || block.newPage || (need(page) > left && page.length > 0)) {
			pages.push((page = []));
			left = room.page + (!pages[1] || block.newPage ? (room.partStart ?? 0) : 0);
		}
		left -= need(page);
		page.push(i);
	});
	return pages;
}

/** Whether block `i`, placed next on a page holding `on`, heads it as its section "(continued)". */
function continues(blocks: readonly PageFlow[], on: readonly number[], i: number): boolean {
	const block = blocks[i];
	if (block.first) return false;
	const prev = on.length ? blocks[on[on.length - 1]] : null;
	return prev?.section !== block.section;
}

/** One section's run of blocks on a page: its heading ('continued' when it began on an earlier page). */
export interface PageSection {
	section: string;
	heading: 'first' | 'continued' | null;
	indices: number[];
}

/** A page's blocks grouped by section, for drawing. */
export function pageSections(blocks: readonly PageFlow[], indices: readonly number[]): PageSection[] {
	const out: PageSection[] = [];
	for (const i of indices) {
		const last = out.at(-1);
		if (last && last.section === blocks[i].section && !blocks[i].first) last.indices.push(i);
		else out.push({ section: blocks[i].section, heading: blocks[i].first ? 'first' : 'continued', indices: [i] });
	}
	return out;
}

/** Which part (session) each page belongs to: the part of its first block. `partOf[i]` is block i's part. */
export function pageParts(pages: readonly number[][], partOf: readonly number[]): number[] {
	return pages.map((p) => partOf[p[0]]);
}

/** Type scales tried for the printed record, largest first: 10 pt, 9.5 pt, 9 pt (never smaller). */
export const RECORD_SCALES = [1, 0.95, 0.9] as const;

/** How many blocks wanting their part's first page (`onFirstPage`) are not on it. */
export function offFirstPage(blocks: readonly PageFlow[], pages: readonly number[][]): number {
	let off = 0;
	let partFirst = 0;
	pages.forEach((page, n) => {
		if (n === 0 || blocks[page[0]].newPage) partFirst = n;
		for (const i of page) if (blocks[i].onFirstPage && n !== partFirst) off++;
	});
	return off;
}

/**
 * The best layout of the record, at the largest type that gives it: first each record on its own
 * first page (its signatures there: `offFirstPage`), then the fewest pages. `pagesAt(scale)`
 * paginates the record as measured at that scale. A record that fits one page at 9 pt is not kept
 * at 10 pt over two; one that cannot fit at any size keeps the largest type.
 */
export function bestLayout(blocks: readonly PageFlow[], pagesAt: (scale: number) => number[][], scales: readonly number[] = RECORD_SCALES): { scale: number; pages: number[][] } {
	let best: { scale: number; pages: number[][]; score: [number, number] } | null = null;
	for (const scale of scales) {
		const pages = pagesAt(scale);
		const score: [number, number] = [offFirstPage(blocks, pages), pages.length];
		if (!best || score[0] < best.score[0] || (score[0] === best.score[0] && score[1] < best.score[1])) best = { scale, pages, score };
	}
	return { scale: best!.scale, pages: best!.pages };
}
