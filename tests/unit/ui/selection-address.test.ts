import { describe, expect, it } from 'vitest';
import { addressWith, selectionFrom } from '../../../src/lib/ui/marks/selection-address';

const at = (href: string) => new URL(href, 'https://somamap.test');

describe('the planner’s selection in its address', () => {
	it('puts the mark, else the region, after the plan’s id and reads them back', () => {
		const plan = at('/plan?id=p1');
		expect(addressWith(plan, { mark: 'm1', region: 29 })).toBe('/plan?id=p1&mark=m1');
		expect(addressWith(plan, { mark: null, region: 29 })).toBe('/plan?id=p1&region=29');
		expect(selectionFrom(at('/plan?id=p1&mark=m1'))).toEqual({ mark: 'm1', region: null });
		expect(selectionFrom(at('/plan?id=p1&region=29'))).toEqual({ mark: null, region: 29 });
	});
	it('says when nothing changes, and clears a selection let go', () => {
		expect(addressWith(at('/plan?id=p1&mark=m1'), { mark: 'm1', region: 3 })).toBeNull();
		expect(addressWith(at('/plan?id=p1&mark=m1'), { mark: null, region: null })).toBe('/plan?id=p1');
	});
	it('ignores a region that is not one', () => {
		expect(selectionFrom(at('/plan?id=p1&region=999')).region).toBeNull();
		expect(selectionFrom(at('/plan?id=p1&region=abc')).region).toBeNull();
	});
});
