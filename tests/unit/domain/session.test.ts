import { describe, expect, it } from 'vitest';
import { focusFromMarks, planSession } from '$lib/domain/session';
import { defaultPlanFields, type Mark, type Plan } from '$lib/domain/records';
import { codeOf, regionByCode } from '$lib/domain/regions';

const area = () => 0.02;
const sensitive = (c: number) => regionByCode(c)!.sensitive;

function mark(id: string, over: Partial<Mark>): Mark {
	return {
		id, planId: 'p', region: codeOf('upper-trapezius-l'), patch: null, sensation: 'knot', intensity: 5,
		depth: 'surface', structure: null, pressure: null, note: '', author: 'client', createdAt: 1, updatedAt: 1, ...over
	};
}
function plan(over: Partial<Plan> = {}): Plan {
	return { ...defaultPlanFields(), id: 'p', clientId: 'c', date: '2026-11-23', title: 'T', createdAt: 1, updatedAt: 1, ...over };
}

describe('focusFromMarks', () => {
	it('one focus area per region: strongest intensity, gentlest asked pressure; "do not touch" is no focus', () => {
		const trap = codeOf('upper-trapezius-l');
		const f = focusFromMarks(
			[
				mark('a', { intensity: 3, pressure: 4 }),
				mark('b', { intensity: 8, pressure: 2 }),
				mark('c', { region: codeOf('knee-r'), sensation: 'avoid' }),
				mark('d', { region: null })
			],
			area
		);
		expect(f).toEqual([{ region: trap, intensity: 8, area: 0.02, pressure: 2 }]);
	});

	it('a painted patch counts the area it covers in each region, and ignores spill-over at its edge', () => {
		const trap = codeOf('upper-trapezius-l');
		const rhomboid = codeOf('rhomboids-l');
		const neck = codeOf('back-of-neck-l');
		const patch = {
			modelVersion: 'v1',
			vertices: Uint32Array.from([1]),
			weights: Uint8Array.from([255]),
			regions: [
				{ region: trap, area: 60 }, // cm²
				{ region: rhomboid, area: 35 },
				{ region: neck, area: 5 } // 5% of the patch: an edge, not a focus
			]
		};
		const f = focusFromMarks([mark('p', { patch, intensity: 6 })], () => 0.02);
		expect(f).toEqual([
			{ region: trap, intensity: 6, area: 0.006, pressure: undefined },
			{ region: rhomboid, intensity: 6, area: 0.0035, pressure: undefined }
		]);
	});

	it('a region marked by tap and by paint never counts more than its own area', () => {
		const trap = codeOf('upper-trapezius-l');
		const patch = { modelVersion: 'v1', vertices: Uint32Array.from([1]), weights: Uint8Array.from([255]), regions: [{ region: trap, area: 90 }] };
		const f = focusFromMarks([mark('a', {}), mark('p', { patch, intensity: 9 })], () => 0.02);
		expect(f).toEqual([{ region: trap, intensity: 9, area: 0.02, pressure: undefined }]);
	});
});

describe('planSession', () => {
	it('turns marks and answers into a timed plan with caps, avoid-zones and consent still to ask', () => {
		const glute = codeOf('gluteus-maximus-r');
		const knee = codeOf('knee-l');
		const s = planSession(
			plan({ health: { thinners: true }, pressure: 4 }),
			[mark('a', { region: glute, intensity: 6 }), mark('b', { region: knee, sensation: 'avoid' })],
			area,
			sensitive
		);
		expect(s.allocation.steps).toHaveLength(1);
		expect(s.allocation.steps[0]).toMatchObject({ region: glute, pressure: 2, minutes: 25 });
		expect(s.cautions.avoid.has(knee)).toBe(true);
		expect(s.needsConsent).toEqual([glute]);

		const consented = planSession(plan({ consent: { [glute]: true } }), [mark('a', { region: glute })], area, sensitive);
		expect(consented.needsConsent).toEqual([]);
	});

	it('keeps the therapist’s minutes and adds CranioSacral time when that technique is chosen', () => {
		const trap = codeOf('upper-trapezius-l');
		const s = planSession(
			plan({
				durationMin: 60,
				techniques: ['Remedial massage', 'CranioSacral therapy'],
				planning: { fixed: { [`r${trap}`]: 20 }, order: [], craniosacralShare: 0.2 }
			}),
			[mark('a', { region: trap }), mark('b', { region: codeOf('hamstrings-r') })],
			area,
			sensitive
		);
		const steps = s.allocation.steps;
		expect(steps.find((x) => x.region === trap)?.minutes).toBe(20);
		expect(steps.at(-1)).toMatchObject({ kind: 'craniosacral', minutes: 10 });
		expect(steps.reduce((t, x) => t + x.minutes, 0)).toBe(50);
	});

	it('"no pain today" plans without focus areas', () => {
		const s = planSession(plan({ noPain: true, scope: 'full', durationMin: 60 }), [mark('a', {})], area, sensitive);
		expect(s.allocation.steps.every((x) => x.kind === 'base')).toBe(true);
	});

	it('a painted "do not touch" avoids every region it covers, and an injury painted over two regions caps both', () => {
		const knee = codeOf('knee-l');
		const shin = codeOf('tibialis-anterior-l');
		const patch = (regions: { region: number; area: number }[]) => ({ modelVersion: 'v', vertices: Uint32Array.from([1]), weights: Uint8Array.from([255]), regions });
		const s = planSession(
			plan({ scope: 'full', durationMin: 60 }),
			[
				mark('a', { region: knee, sensation: 'avoid', patch: patch([{ region: knee, area: 90 }, { region: shin, area: 4 }]) }),
				mark('i', { region: codeOf('deltoid-r'), sensation: 'injury', intensity: 6, patch: patch([{ region: codeOf('deltoid-r'), area: 50 }, { region: codeOf('biceps-r'), area: 30 }]) })
			],
			area,
			sensitive
		);
		expect([...s.cautions.avoid].sort()).toEqual([knee, shin].sort());
		expect(s.cautions.caps.get(codeOf('biceps-r'))).toBe(1);
		expect(s.cautions.caps.get(codeOf('deltoid-r'))).toBe(1);
	});

	it('"no pain today" sets symptom cautions aside but keeps "do not touch"', () => {
		const knee = codeOf('knee-l');
		const s = planSession(
			plan({ noPain: true }),
			[mark('s', { sensation: 'sharp', intensity: 9 }), mark('a', { region: knee, sensation: 'avoid' })],
			area,
			sensitive
		);
		expect(s.cautions.cautions.map((c) => c.id)).not.toContain('severe-pain');
		expect(s.cautions.avoid.has(knee)).toBe(true);
		expect(s.allocation.steps).toEqual([]);
	});
});
