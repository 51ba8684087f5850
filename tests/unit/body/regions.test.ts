import { describe, expect, it } from 'vitest';
import {
	REGIONS,
	WPI_SITES,
	codeOf,
	mirrorCode,
	regionByCode,
	regionById,
	regionLabel,
	regionsByGroup,
	shortLabel,
	wpiSiteById
} from '../../../src/lib/domain/regions';

describe('region catalogue', () => {
	it('has 80 regions with codes 1..80 in order and unique ids', () => {
		expect(REGIONS).toHaveLength(80);
		REGIONS.forEach((r, i) => expect(r.code).toBe(i + 1));
		expect(new Set(REGIONS.map((r) => r.id)).size).toBe(80);
		expect(REGIONS.filter((r) => r.side === 'midline').map((r) => r.id).sort()).toEqual(['face', 'sacrum', 'sternum', 'throat']);
	});

	it('pairs every sided region with its mirror', () => {
		for (const r of REGIONS) {
			const p = regionById(r.pair)!;
			expect(p, r.id).toBeDefined();
			expect(p.pair).toBe(r.id);
			expect(p.base).toBe(r.base);
			if (r.side === 'midline') expect(p.id).toBe(r.id);
			else expect(p.side).toBe(r.side === 'left' ? 'right' : 'left');
			expect(mirrorCode(mirrorCode(r.code))).toBe(r.code);
		}
	});

	it('looks regions up by code, id and group', () => {
		expect(regionByCode(0)).toBeUndefined();
		expect(regionByCode(81)).toBeUndefined();
		expect(regionByCode(codeOf('sternum'))!.id).toBe('sternum');
		expect(regionById('nope')).toBeUndefined();
		expect(() => codeOf('nope')).toThrow();
		expect(regionsByGroup('foot').map((r) => r.id)).toEqual(['ankle-l', 'ankle-r', 'sole-l', 'sole-r']);
		const groups = new Set(REGIONS.map((r) => r.group));
		expect(groups.size).toBe(13);
	});

	it('labels with the side first', () => {
		expect(shortLabel(regionById('hamstrings-l')!)).toBe('Left back of the thigh (hamstrings)');
		expect(regionLabel(regionById('upper-trapezius-r')!)).toBe('Right top of the shoulder (upper trapezius)');
		expect(regionLabel(regionById('rhomboids-l')!)).toBe('Left between the shoulder blade and spine (rhomboids, middle trapezius)');
		expect(regionLabel(regionById('tibialis-anterior-l')!)).toBe('Left shin (tibialis anterior)');
		expect(regionLabel(regionById('sternum')!)).toBe('Breastbone (sternum)');
	});

	it('marks exactly the sensitive regions of REGIONS.md', () => {
		const sensitive = new Set(REGIONS.filter((r) => r.sensitive).map((r) => r.base));
		expect([...sensitive].sort()).toEqual(['abdominals', 'adductors', 'gluteus-maximus', 'gluteus-medius', 'groin', 'pectoralis', 'sternum'].sort());
	});

	it('rolls regions up into the 19 WPI sites on the same side', () => {
		expect(WPI_SITES).toHaveLength(19);
		expect(new Set(WPI_SITES.map((s) => s.id)).size).toBe(19);
		const used = new Set<string>();
		for (const r of REGIONS) {
			if (r.wpi === null) continue;
			const site = wpiSiteById(r.wpi)!;
			expect(site, r.id).toBeDefined();
			used.add(site.id);
			if (site.side !== 'midline') expect(site.side).toBe(r.side);
		}
		expect(used.size).toBe(19);
		expect(regionById('hand-l')!.wpi).toBeNull();
		expect(regionById('gluteus-maximus-r')!.wpi).toBe('hip-r');
		expect(regionById('gluteus-maximus-r')!.mbm).toBe('buttocks-r');
	});
});
