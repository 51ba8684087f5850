import { describe, expect, it } from 'vitest';
import { groupRegions, regionsInWords } from '$lib/domain/region-groups';
import { codeOf, REGIONS } from '$lib/domain/regions';
import { avoidItems, avoidLines } from '$lib/domain/summary';
import { evaluateCautions } from '$lib/domain/cautions';

const inGroups = (...groups: string[]) => REGIONS.filter((r) => groups.includes(r.group)).map((r) => r.code);

describe('groupRegions', () => {
	it('names a whole part once: both legs, not 22 regions', () => {
		const legs = inGroups('thigh', 'knee', 'lower leg', 'foot');
		expect(legs).toHaveLength(22);
		expect(groupRegions(legs)).toEqual([{ label: 'Both legs', regions: legs }]);
	});

	it('names one side of a part, and what is left region by region, in body order', () => {
		const leftLeg = REGIONS.filter((r) => ['thigh', 'knee', 'lower leg', 'foot'].includes(r.group) && r.side === 'left').map((r) => r.code);
		expect(regionsInWords([...leftLeg, codeOf('knee-r'), codeOf('abdominals-l')])).toBe('Left abdomen, Left leg, Right knee');
	});

	it('both sides of a one-region part is that part; one side stays the region', () => {
		expect(regionsInWords([codeOf('abdominals-l'), codeOf('abdominals-r')])).toBe('Abdomen');
		expect(regionsInWords([codeOf('abdominals-r')])).toBe('Right abdomen');
	});

	it('every region is named once, and all of them are the whole body', () => {
		const some = [codeOf('hand-l'), ...inGroups('arm').filter((c) => c !== codeOf('hand-r')), codeOf('sacrum')];
		const groups = groupRegions(some);
		expect(groups.flatMap((g) => g.regions).sort((a, b) => a - b)).toEqual([...new Set(some)].sort((a, b) => a - b));
		expect(groups.map((g) => g.label)).toEqual(['Base of the spine (sacrum, SI joints)', 'Left arm', ...groups.slice(2).map((g) => g.label)]);
		expect(groupRegions(REGIONS.map((r) => r.code))).toEqual([{ label: 'The whole body', regions: REGIONS.map((r) => r.code) }]);
		expect(groupRegions([])).toEqual([]);
	});
});

describe('avoidLines', () => {
	it('a blood clot avoids both legs in one line, from the health check', () => {
		const cautions = evaluateCautions({ clot: true });
		const lines = avoidLines(avoidItems({ avoid: [codeOf('upper-trapezius-l')] }, [], cautions));
		expect(lines.map((l) => [l.places, l.reason])).toEqual([
			['Left top of the shoulder (upper trapezius)', 'chosen'],
			['Both legs', 'health']
		]);
	});
});
