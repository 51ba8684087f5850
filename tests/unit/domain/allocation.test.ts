import { describe, expect, it } from 'vitest';
import { allocate, distribute, focusWeight, handsOnMinutes, BASE_AREAS } from '$lib/domain/allocation';
import { codeOf } from '$lib/domain/regions';

const sum = (xs: { minutes: number }[]) => xs.reduce((s, x) => s + x.minutes, 0);
const trapL = codeOf('upper-trapezius-l');
const lumbarR = codeOf('lumbar-erector-r');
const calfL = codeOf('gastrocnemius-l');
const quadR = codeOf('quadriceps-r');

describe('distribute', () => {
	it('adds up exactly and follows the weights', () => {
		expect(distribute(25, [1, 1, 1])).toEqual([9, 8, 8]);
		expect(distribute(10, [3, 1])).toEqual([8, 2]);
		for (let total = 1; total < 90; total += 7) {
			expect(distribute(total, [0.3, 2, 5.5, 1.1]).reduce((a, b) => a + b)).toBe(total);
		}
	});
	it('gives every weighted item a minute when it can', () => {
		expect(distribute(10, [100, 0.01, 0.01])).toEqual([8, 1, 1]);
	});
});

describe('allocate', () => {
	it('a local session spends all hands-on time on the focus areas, stronger complaints longer', () => {
		const plan = allocate({
			scope: 'local',
			durationMin: 30,
			defaultPressure: 3,
			focus: [
				{ region: trapL, intensity: 8, area: 0.02 },
				{ region: lumbarR, intensity: 3, area: 0.02 }
			]
		});
		expect(plan.handsOn).toBe(handsOnMinutes(30));
		expect(sum(plan.steps)).toBe(plan.handsOn);
		const trap = plan.steps.find((s) => s.region === trapL)!;
		const back = plan.steps.find((s) => s.region === lumbarR)!;
		expect(trap.minutes).toBeGreaterThan(back.minutes);
		// Back before neck and shoulders.
		expect(plan.steps.map((s) => s.region)).toEqual([lumbarR, trapL]);
	});

	it('a larger marked area gets more time at the same intensity', () => {
		expect(focusWeight(5, 0.04)).toBeGreaterThan(focusWeight(5, 0.005));
		expect(focusWeight(8, 0.01)).toBeGreaterThan(focusWeight(2, 0.01));
	});

	it('a full-body session also covers the unmarked major areas and still adds up', () => {
		const plan = allocate({
			scope: 'full',
			durationMin: 60,
			defaultPressure: 3,
			focus: [{ region: calfL, intensity: 6, area: 0.03 }]
		});
		expect(sum(plan.steps)).toBe(50);
		expect(plan.steps.filter((s) => s.kind === 'base').map((s) => s.label)).toEqual(
			expect.arrayContaining(BASE_AREAS.map((b) => (b.id === 'legs-back' ? b.rest : b.label)))
		);
		const focus = plan.steps.filter((s) => s.kind === 'focus');
		expect(sum(focus)).toBeGreaterThanOrEqual(25);
		// Prone work first, then supine.
		const positions = plan.steps.map((s) => s.position);
		expect(positions.indexOf('supine')).toBeGreaterThan(positions.lastIndexOf('prone'));
	});

	it('a base share beside a focus area inside it is named for what it covers: "Rest of the back"', () => {
		const plan = allocate({
			scope: 'full',
			durationMin: 60,
			defaultPressure: 3,
			focus: [
				{ region: lumbarR, intensity: 6, area: 0.02 },
				{ region: trapL, intensity: 5, area: 0.02 }
			]
		});
		const labels = plan.steps.map((s) => s.label);
		expect(labels).toContain('Rest of the back');
		expect(labels).toContain('Rest of the neck and shoulders');
		expect(labels).not.toContain('Back');
		expect(labels).not.toContain('Neck and shoulders');
		// Areas with no focus inside keep their plain name.
		expect(labels).toContain('Arms and hands');
	});

	it('a full-body session with no marks shares the time among the major areas', () => {
		const plan = allocate({ scope: 'full', durationMin: 90, defaultPressure: 2, focus: [] });
		expect(sum(plan.steps)).toBe(80);
		expect(plan.steps.every((s) => s.kind === 'base' && s.minutes > 0 && s.pressure === 2)).toBe(true);
	});

	it('keeps a figure the therapist typed and rebalances the rest', () => {
		const base = { scope: 'local' as const, durationMin: 45, defaultPressure: 3 as const };
		const plan = allocate({
			...base,
			focus: [
				{ region: trapL, intensity: 8, area: 0.02, fixedMinutes: 5 },
				{ region: lumbarR, intensity: 3, area: 0.02 },
				{ region: quadR, intensity: 3, area: 0.02 }
			]
		});
		expect(plan.steps.find((s) => s.region === trapL)).toMatchObject({ minutes: 5, fixed: true });
		expect(sum(plan.steps)).toBe(40);
		expect(plan.overBy).toBe(0);
	});

	it('says by how much fixed figures overrun the session', () => {
		const plan = allocate({
			scope: 'local',
			durationMin: 30,
			defaultPressure: 3,
			focus: [{ region: trapL, intensity: 5, area: 0.01, fixedMinutes: 40 }]
		});
		expect(plan.overBy).toBe(15);
	});

	it('gives CranioSacral therapy its own share at the end', () => {
		const plan = allocate({
			scope: 'local',
			durationMin: 60,
			defaultPressure: 4,
			focus: [{ region: lumbarR, intensity: 7, area: 0.02 }],
			craniosacralShare: 0.3
		});
		expect(plan.steps.at(-1)).toMatchObject({ kind: 'craniosacral', minutes: 15, pressure: 1 });
		expect(sum(plan.steps)).toBe(50);
	});

	it('leaves out avoided areas and caps pressure', () => {
		const plan = allocate({
			scope: 'local',
			durationMin: 30,
			defaultPressure: 5,
			focus: [
				{ region: trapL, intensity: 8, area: 0.02 },
				{ region: calfL, intensity: 8, area: 0.02 }
			],
			avoid: new Set([calfL]),
			caps: new Map([[trapL, 1]])
		});
		expect(plan.steps).toHaveLength(1);
		expect(plan.steps[0]).toMatchObject({ region: trapL, pressure: 1, minutes: 25 });
	});

	it('follows the therapist’s order when given', () => {
		const plan = allocate({
			scope: 'local',
			durationMin: 30,
			defaultPressure: 3,
			focus: [
				{ region: trapL, intensity: 5, area: 0.01 },
				{ region: lumbarR, intensity: 5, area: 0.01 }
			],
			order: [`r${trapL}`]
		});
		expect(plan.steps.map((s) => s.region)).toEqual([trapL, lumbarR]);
	});
});
