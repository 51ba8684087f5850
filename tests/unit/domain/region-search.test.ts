import { describe, expect, it } from 'vitest';
import { findRegions } from '$lib/domain/region-search';
import { REGIONS, shortLabel } from '$lib/domain/regions';

const labels = (q: string, side?: Parameters<typeof findRegions>[1]) => findRegions(q, side).map(shortLabel);

describe('findRegions', () => {
	it('finds by name, hint or deeper muscle, every word in any order', () => {
		expect(labels('knee')).toEqual(['Left knee', 'Right knee']);
		expect(labels('calf')).toEqual(['Left upper calf (gastrocnemius)', 'Right upper calf (gastrocnemius)', 'Left lower calf and Achilles', 'Right lower calf and Achilles']);
		expect(labels('piriformis')).toEqual(['Left buttock (glutes)', 'Right buttock (glutes)']);
		expect(labels('back low right')).toEqual(['Right low back beside the spine']);
		expect(labels('  QUADRATUS  ')).toEqual(['Left low back beside the spine', 'Right low back beside the spine']);
	});

	it('keeps to one side: the client’s left, right, or the middle', () => {
		expect(labels('knee', 'left')).toEqual(['Left knee']);
		expect(labels('', 'midline').every((l) => !/^(Left|Right) /.test(l))).toBe(true);
		expect(labels('middle')).toContain('Base of the spine (sacrum, SI joints)');
		expect(findRegions('', 'right')).toHaveLength(38);
		expect(findRegions('', 'right').every((r) => r.side === 'right')).toBe(true);
	});

	it('lists everything for an empty query and nothing for nonsense', () => {
		expect(findRegions('')).toHaveLength(REGIONS.length);
		expect(findRegions('zebra')).toEqual([]);
	});
});
