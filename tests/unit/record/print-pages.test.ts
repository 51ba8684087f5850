import { describe, expect, it } from 'vitest';
import { bestLayout, offFirstPage, pageSections, paginate, type PageFlow } from '$lib/domain/record/print-pages';

const b = (section: string, first = false, more: Partial<PageFlow> = {}): PageFlow => ({ section, first, ...more });

describe('the printed record over pages', () => {
	it('fills a page, then the next; a section going on repeats its heading, which takes room', () => {
		const blocks = [b('title', true), b('s', true), b('s'), b('s'), b('o', true)];
		// 100 per page: 30 + 30 + 30 fit; the third s piece needs 30 + 10 heading on page 2.
		expect(paginate(blocks, [30, 30, 30, 30, 30], { page: 100, heading: 10 })).toEqual([[0, 1, 2], [3, 4]]);
		expect(pageSections(blocks, [3, 4])).toEqual([
			{ section: 's', heading: 'continued', indices: [3] },
			{ section: 'o', heading: 'first', indices: [4] }
		]);
	});

	it('starts a new page where a block says so, and gives a part’s first page the running head’s room', () => {
		const blocks = [b('title', true), b('s', true), b('title', true, { newPage: true }), b('s', true), b('s')];
		expect(paginate(blocks, [10, 10, 10, 85, 10], { page: 90, heading: 5, partStart: 10 })).toEqual([[0, 1], [2, 3], [4]]);
		// With the extra room the last piece fits on its part's first page.
		expect(paginate(blocks, [10, 10, 10, 75, 10], { page: 90, heading: 5, partStart: 10 })).toEqual([[0, 1], [2, 3, 4]]);
	});

	it('gives a block taller than a page a page of its own, never an empty page', () => {
		expect(paginate([b('a', true), b('b', true), b('c', true)], [50, 500, 50], { page: 100, heading: 5 })).toEqual([[0], [1], [2]]);
		expect(paginate([b('a', true)], [500], { page: 100, heading: 5 })).toEqual([[0]]);
	});

	it('counts the blocks that wanted their part’s first page and are not on it', () => {
		const blocks = [b('title', true), b('closing', true, { onFirstPage: true }), b('title', true, { newPage: true }), b('closing', true, { onFirstPage: true })];
		expect(offFirstPage(blocks, [[0, 1], [2, 3]])).toBe(0);
		expect(offFirstPage(blocks, [[0], [1], [2], [3]])).toBe(2);
	});

	it('chooses the largest type that keeps each record on its first page, then the fewest pages', () => {
		const blocks = [b('title', true), b('s', true), b('closing', true, { onFirstPage: true }), b('addendum:1', true)];
		const at: Record<number, number[][]> = { 1: [[0, 1], [2, 3]], 0.95: [[0, 1, 2], [3]], 0.9: [[0, 1, 2], [3]] };
		expect(bestLayout(blocks, (s) => at[s])).toEqual({ scale: 0.95, pages: [[0, 1, 2], [3]] });
		const same = [[0, 1, 2], [3]];
		expect(bestLayout(blocks, () => same).scale).toBe(1);
		const never: Record<number, number[][]> = { 1: [[0, 1], [2], [3]], 0.95: [[0, 1], [2, 3]], 0.9: [[0, 1], [2, 3]] };
		expect(bestLayout(blocks, (s) => never[s]).scale).toBe(0.95);
	});
});
