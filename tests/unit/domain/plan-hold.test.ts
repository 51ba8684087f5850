import { describe, expect, it } from 'vitest';
import { evaluateCautions } from '$lib/domain/cautions';
import { holdWords, planHold } from '$lib/domain/plan-hold';
import { planSession } from '$lib/domain/session';
import { avoidItems, summarisePlan } from '$lib/domain/summary';
import { defaultPlanFields, type Mark, type Plan } from '$lib/domain/records';
import { codeOf, regionByCode } from '$lib/domain/regions';

const area = () => 0.02;
const sensitive = (c: number) => regionByCode(c)!.sensitive;
const DELTOID_R = codeOf('deltoid-r');
const TRAP_L = codeOf('upper-trapezius-l');

function mark(id: string, over: Partial<Mark>): Mark {
	return {
		id, planId: 'p', region: TRAP_L, patch: null, sensation: 'knot', intensity: 5,
		depth: 'surface', structure: null, pressure: null, note: '', author: 'client', createdAt: 1, updatedAt: 1, ...over
	};
}
function plan(over: Partial<Plan> = {}): Plan {
	return { ...defaultPlanFields(), id: 'p', clientId: 'c', date: '2026-11-23', title: 'T', createdAt: 1, updatedAt: 1, ...over };
}

describe('a red flag puts the timed plan on hold', () => {
	it('a fever: on hold, postponed until recovered; the draft minutes still add up', () => {
		const s = planSession(plan({ scope: 'full', durationMin: 60, health: { fever: true } }), [], area, sensitive);
		expect(s.hold).toEqual({ reasons: ['fever or infection'], postpone: true, professional: false });
		expect(s.allocation.steps.reduce((a, x) => a + x.minutes, 0)).toBe(50);
		expect(holdWords(s.hold!)).toEqual({
			title: 'Timed plan on hold',
			why: 'Red flag: fever or infection. Postpone the massage until the client has recovered.',
			draft: 'Draft plan, for when the client has recovered'
		});
	});

	it('a red flag other than a fever asks for a medical professional first; with a fever, both', () => {
		const clot = planHold(evaluateCautions({ clot: true }))!;
		expect(holdWords(clot).why).toBe('Red flag: blood clot. Ask the client to see a medical professional before treatment.');
		expect(holdWords(clot).draft).toBe('Draft plan, only if you go ahead after medical advice');
		const both = planHold(evaluateCautions({ fever: true, surgery: true }))!;
		expect(holdWords(both).why).toBe(
			'Red flags: fever or infection, recent operation. Postpone the massage until the client has recovered, and ask them to see a medical professional before treatment.'
		);
	});

	it('no red flag, no hold: a caution alone (blood thinners) only caps the pressure', () => {
		expect(planSession(plan({ health: { thinners: true, fever: false } }), [mark('a', {})], area, sensitive).hold).toBeNull();
		expect(planSession(plan(), [mark('a', {})], area, sensitive).hold).toBeNull();
	});

	it('numbness marked on the right deltoid with Yes to the nerve question: on hold, and the deltoid gets no minutes, with the reason', () => {
		const marks = [mark('n', { region: DELTOID_R, sensation: 'numbness', intensity: 6 }), mark('k', { region: TRAP_L, intensity: 5 })];
		const p = plan({ health: { nerve: true }, pressure: 3 });
		const s = planSession(p, marks, area, sensitive);
		expect(s.hold?.reasons).toEqual(['unexplained numbness or tingling']);
		expect(s.allocation.steps.map((x) => x.region)).toEqual([TRAP_L]);
		expect(s.allocation.steps[0].minutes).toBe(25);
		expect(avoidItems(p, marks, s.cautions)).toEqual([{ region: DELTOID_R, label: expect.stringMatching(/^Right .*deltoid/), reason: 'flagged' }]);
		const summary = summarisePlan(p, marks, null, s);
		expect(summary.avoid.map((a) => a.reason)).toEqual(['flagged']);
		expect(summary.hold).toEqual(s.hold);
	});

	it('numbness marked without a nerve answer is flagged from the marks, and kept out of a full-body base share too', () => {
		const marks = [mark('n', { region: DELTOID_R, sensation: 'numbness', intensity: 6 })];
		const s = planSession(plan({ scope: 'full', durationMin: 60 }), marks, area, sensitive);
		expect(s.hold?.reasons).toEqual(['numbness or tingling marked']);
		expect(s.cautions.flagged).toEqual(new Set([DELTOID_R]));
		expect(s.cautions.avoid.has(DELTOID_R)).toBe(true);
		expect(s.allocation.steps.some((x) => x.region === DELTOID_R)).toBe(false);
		expect(s.allocation.steps.reduce((a, x) => a + x.minutes, 0)).toBe(50);
	});

	it('"no pain today" sets the numbness mark aside: no flag, no hold', () => {
		const marks = [mark('n', { region: DELTOID_R, sensation: 'numbness', intensity: 6 })];
		const s = planSession(plan({ noPain: true }), marks, area, sensitive);
		expect(s.hold).toBeNull();
		expect(s.cautions.flagged.size).toBe(0);
	});
});

describe('the summary says the health check as answered', () => {
	it('carries the answers in words', () => {
		expect(summarisePlan(plan({ health: { fever: true } }), [], null).health).toBe('Yes: fever or infection; 10 not answered');
		expect(summarisePlan(plan(), [], null).health).toBe('None of the 11 questions answered');
	});
});
