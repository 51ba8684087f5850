import { describe, expect, it } from 'vitest';
import { avoidItems, feltWords, hasCare, positionRuns, shareWords, summarisePlan } from '$lib/domain/summary';
import { codeOf } from '$lib/domain/regions';
import { evaluateCautions, SEE_PROFESSIONAL } from '$lib/domain/cautions';
import { handsOnMinutes } from '$lib/domain/allocation';
import { ruleMark, rulePlan } from '../fixtures';

const mark = ruleMark;
const plan = rulePlan;
/** Every region 0.02 m², plus 0.4 m² unlabelled: a 2 m² body. */
function areas(): Float64Array {
	const a = new Float64Array(81).fill(0.02);
	a[0] = 0.4;
	return a;
}

const TRAP_R = codeOf('upper-trapezius-r');
const LOW_BACK_L = codeOf('lumbar-erector-l');
const KNEE_L = codeOf('knee-l');

describe('summarisePlan', () => {
	it('lists the steps in treatment order with minutes, pressure and what was marked there', () => {
		const s = summarisePlan(
			plan({ pressure: 4 }),
			[
				mark('a', { region: TRAP_R, sensation: 'sharp', intensity: 6 }),
				mark('b', { region: TRAP_R, sensation: 'knot', intensity: 3, pressure: 2 }),
				mark('c', { region: LOW_BACK_L, sensation: 'aching', intensity: 8 })
			],
			areas()
		);
		// Back before shoulders, face down.
		expect(s.steps.map((x) => x.label)).toEqual(['Left low back beside the spine', 'Right top of the shoulder (upper trapezius)']);
		expect(s.steps.reduce((t, x) => t + x.minutes, 0)).toBe(handsOnMinutes(30));
		expect(s.steps[0]).toMatchObject({ kind: 'focus', region: LOW_BACK_L, pressure: 4, pressureLabel: '4 · Firm', before: 8, feels: ['Aching'], position: 'prone' });
		// The gentlest pressure asked for wins; the strongest intensity is "before".
		expect(s.steps[1]).toMatchObject({ pressureLabel: '2 · Light', before: 6, feels: ['Sharp pain', 'Knot'] });
		expect(s.steps[0].minutes).toBeGreaterThan(s.steps[1].minutes);
		expect(s.pressureLabel).toBe('4 · Firm');
		expect(s.handsOn).toBe(25);
	});

	it('counts widespread-pain sites from pain marks only, and the marked share by surface area', () => {
		const s = summarisePlan(
			plan(),
			[
				mark('a', { region: TRAP_R, sensation: 'sharp', intensity: 6 }),
				mark('b', { region: codeOf('upper-trapezius-l'), sensation: 'aching', intensity: 2 }),
				mark('c', { region: codeOf('levator-scapulae-r'), sensation: 'aching', intensity: 4 }), // same site as TRAP_R
				mark('d', { region: LOW_BACK_L, sensation: 'knot', intensity: 9 }), // not pain
				mark('e', { region: codeOf('knee-r'), sensation: 'aching', intensity: 5 }) // knee is no WPI site
			],
			areas()
		);
		expect(s.wpi).toBe(2);
		expect(s.wpiOf).toBe(19);
		// Five regions of 0.02 m² on a 2 m² body.
		expect(s.markedShare).toBeCloseTo(0.05, 10);
		expect(s.markCount).toBe(5);
	});

	it('splits a painted patch into its regions for the figures', () => {
		const patch = {
			modelVersion: 'v1',
			vertices: new Uint32Array([1, 2]),
			weights: new Uint8Array([255, 255]),
			// cm²: half of the trapezius, a quarter of the left one.
			regions: [
				{ region: TRAP_R, area: 100 },
				{ region: codeOf('upper-trapezius-l'), area: 50 }
			]
		};
		const s = summarisePlan(plan(), [mark('a', { region: TRAP_R, patch, sensation: 'aching', intensity: 5 })], areas());
		expect(s.wpi).toBe(2);
		expect(s.markedShare).toBeCloseTo(0.015 / 2, 10);
	});

	it('respects "no pain or tension today": marks are kept but count for nothing', () => {
		const marks = [mark('a', { region: TRAP_R, sensation: 'sharp', intensity: 6 })];
		const s = summarisePlan(plan({ noPain: true }), marks, areas());
		expect(s.noPain).toBe(true);
		expect(s.steps).toEqual([]);
		expect(s.wpi).toBe(0);
		expect(s.markedShare).toBe(0);
		expect(s.markCount).toBe(1);
		// A full-body plan still covers the major areas.
		const full = summarisePlan(plan({ noPain: true, scope: 'full', durationMin: 60 }), marks, areas());
		expect(full.steps.every((x) => x.kind === 'base' && x.before === null)).toBe(true);
		expect(full.steps.reduce((t, x) => t + x.minutes, 0)).toBe(50);
	});

	it('leaves avoided areas out of the steps and says why each is avoided', () => {
		const s = summarisePlan(
			plan({ avoid: [KNEE_L, TRAP_R], health: { pregnancy: true } }),
			[
				mark('a', { region: TRAP_R, intensity: 7 }),
				mark('b', { region: LOW_BACK_L, intensity: 4 }),
				mark('c', { region: codeOf('sole-r'), sensation: 'avoid' })
			],
			areas()
		);
		expect(s.steps.map((x) => x.region)).toEqual([LOW_BACK_L]);
		expect(s.avoid.slice(0, 2)).toEqual([
			{ region: KNEE_L, label: 'Left knee', reason: 'chosen' },
			{ region: TRAP_R, label: 'Right top of the shoulder (upper trapezius)', reason: 'chosen' }
		]);
		expect(s.avoid).toContainEqual({ region: codeOf('sole-r'), label: 'Right sole of the foot', reason: 'marked' });
		expect(s.avoid).toContainEqual({ region: codeOf('abdominals-l'), label: 'Left abdomen', reason: 'health' });
		expect(s.cautions.map((c) => c.id)).toContain('pregnancy');
	});

	it('carries the red flag, consent still to ask, allergies, goals and the client’s words', () => {
		const glute = codeOf('gluteus-maximus-r');
		const s = summarisePlan(
			plan({
				health: { fever: true },
				goals: ['Relaxation'],
				complaints: ['Whiplash'],
				techniques: ['Remedial massage'],
				oil: { preference: ' Unscented ', allergies: ' Nut oils ' },
				clientWords: '  It grabs when I turn my head.  '
			}),
			[mark('a', { region: glute, intensity: 5 })],
			areas()
		);
		expect(s.seeProfessional).toBe(true);
		expect(s.cautions.find((c) => c.redFlag)).toBeDefined();
		expect(SEE_PROFESSIONAL).toMatch(/Ask the client to see a medical professional/);
		expect(s.needsConsent).toEqual(['Right buttock (glutes)']);
		expect(s.allergies).toBe('Nut oils');
		expect(s.oil).toBe('Unscented');
		expect(s).toMatchObject({ goals: ['Relaxation'], complaints: ['Whiplash'], techniques: ['Remedial massage'] });
		expect(s.clientWords).toBe('It grabs when I turn my head.');
		const quiet = summarisePlan(plan(), [], areas());
		expect(quiet.seeProfessional).toBe(false);
		expect(quiet.steps).toEqual([]);
		expect(quiet.markedShare).toBe(0);
	});

	it('has no marked share until the body’s areas are known', () => {
		const s = summarisePlan(plan(), [mark('a', { sensation: 'aching' })], null);
		expect(s.markedShare).toBeNull();
		expect(s.wpi).toBe(1);
		expect(s.steps).toHaveLength(1);
	});
});

describe('avoidItems', () => {
	it('lists each region once, the therapist’s choice first', () => {
		const cautions = evaluateCautions({}, [mark('a', { region: KNEE_L, sensation: 'avoid' })]);
		expect(avoidItems({ avoid: [KNEE_L] }, [mark('a', { region: KNEE_L, sensation: 'avoid' })], cautions)).toEqual([
			{ region: KNEE_L, label: 'Left knee', reason: 'chosen' }
		]);
		expect(avoidItems({ avoid: [] }, [mark('a', { region: KNEE_L, sensation: 'avoid' })], cautions)).toEqual([
			{ region: KNEE_L, label: 'Left knee', reason: 'marked' }
		]);
	});
});

describe('shareWords', () => {
	it('says none, under 1% or a whole percentage', () => {
		expect(shareWords(0)).toBe('none');
		expect(shareWords(0.004)).toBe('under 1%');
		expect(shareWords(0.005)).toBe('1%');
		expect(shareWords(0.126)).toBe('13%');
	});
});

describe('positionRuns', () => {
	it('groups consecutive steps by position and numbers them through the session', () => {
		const s = summarisePlan(plan({ scope: 'full', durationMin: 60 }), [mark('a', { region: LOW_BACK_L, intensity: 6 })], areas());
		const runs = positionRuns(s.steps);
		expect(runs.map((r) => r.position)).toEqual(['prone', 'supine']);
		expect(runs[0].start).toBe(1);
		expect(runs[1].start).toBe(runs[0].steps.length + 1);
		expect(runs.reduce((t, r) => t + r.minutes, 0)).toBe(50);
		// A step the therapist moved to another position's run starts a new run.
		const moved = [s.steps.at(-1)!, ...s.steps.slice(0, -1)];
		expect(positionRuns(moved).map((r) => [r.position, r.start])).toEqual([
			['supine', 1],
			['prone', 2],
			['supine', 2 + runs[0].steps.length]
		]);
		expect(positionRuns([])).toEqual([]);
	});
});

describe('feltWords', () => {
	it('says what was marked on a focus step and how strong, in one phrase', () => {
		expect(feltWords({ before: 7, feels: ['Knot', 'Aching'] })).toBe('Knot, aching 7/10');
		expect(feltWords({ before: 0, feels: ['Sharp pain'] })).toBe('Sharp pain 0/10');
		expect(feltWords({ before: null, feels: [] })).toBe('');
	});
});

describe('anything to take care with', () => {
	const none = { cautions: [], avoid: [], needsConsent: [], allergies: '' };
	it('is nothing without cautions, areas to avoid, consent to ask or allergies', () => {
		expect(hasCare(none)).toBe(false);
	});
	it('is something with any one of them, allergies alone included', () => {
		expect(hasCare({ ...none, allergies: 'Nut oils' })).toBe(true);
		expect(hasCare({ ...none, needsConsent: ['Left buttock (glutes)'] })).toBe(true);
	});
});
