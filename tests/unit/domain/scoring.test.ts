import { describe, expect, it } from 'vitest';
import { jaccard, markedShare, summariseByRegion, widespreadPainCount, WPI_SITE_COUNT } from '$lib/domain/scoring';
import { codeOf, REGIONS } from '$lib/domain/regions';

const mark = (id: string, sensation: 'aching' | 'sharp' | 'tension' | 'knot', intensity = 5, area = 0.01) => ({
	region: codeOf(id),
	sensation,
	intensity,
	area
});

describe('widespread pain count', () => {
	it('counts each WPI site once, from pain marks only', () => {
		expect(WPI_SITE_COUNT).toBe(19);
		expect(
			widespreadPainCount([
				mark('upper-trapezius-l', 'aching'),
				mark('deltoid-l', 'sharp'), // same site: left shoulder girdle
				mark('upper-trapezius-r', 'aching'),
				mark('back-of-neck-l', 'aching'),
				mark('side-of-neck-r', 'sharp'), // same site: neck
				mark('hamstrings-l', 'tension'), // not pain
				mark('hand-l', 'aching') // hand is not a WPI site
			])
		).toBe(3);
	});

	it('reaches 19 when every site hurts', () => {
		const all = REGIONS.map((r) => ({ region: r.code, sensation: 'aching' as const, intensity: 3, area: 0.01 }));
		expect(widespreadPainCount(all)).toBe(19);
	});

	it('ignores pain marked at zero', () => {
		expect(widespreadPainCount([mark('jaw-l', 'aching', 0)])).toBe(0);
	});
});

describe('region summaries', () => {
	it('groups marks by region with max and mean intensity, area capped at the region', () => {
		const s = summariseByRegion(
			[mark('hamstrings-l', 'tension', 4, 0.02), mark('hamstrings-l', 'knot', 8, 0.05), mark('jaw-r', 'aching', 2, 0.001)],
			() => 0.06
		);
		expect(s).toHaveLength(2);
		const ham = s.find((r) => r.region === codeOf('hamstrings-l'))!;
		expect(ham).toMatchObject({ maxIntensity: 8, meanIntensity: 6, area: 0.06 });
		expect(ham.sensations.sort()).toEqual(['knot', 'tension']);
		expect(markedShare(s, 1.7)).toBeCloseTo(0.061 / 1.7);
	});
});

describe('jaccard', () => {
	it('weighs overlap by surface area', () => {
		const area = [1, 1, 2, 4];
		expect(jaccard([1, 1, 0, 0], [1, 1, 0, 0], area)).toBe(1);
		expect(jaccard([1, 0, 0, 0], [0, 1, 0, 0], area)).toBe(0);
		expect(jaccard([1, 0, 1, 0], [0, 0, 1, 1], area)).toBeCloseTo(2 / 7);
		expect(jaccard([0, 0, 0, 0], [0, 0, 0, 0], area)).toBe(1);
	});
});
