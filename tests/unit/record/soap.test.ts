import { describe, expect, it } from 'vitest';
import { areasFromSummary, markLine, prefillSoap, subjectiveText } from '$lib/domain/record/soap';
import { defaultPlanFields, type Plan } from '$lib/domain/records';
import { codeOf } from '$lib/domain/regions';
import { summarisePlan } from '$lib/domain/summary';
import { markRecord } from '../fixtures';

const plan = (over: Partial<Plan> = {}): Plan => ({
	...defaultPlanFields(),
	id: 'plan-1',
	clientId: 'client-1',
	date: '2026-12-03',
	title: 'Shoulder',
	createdAt: 0,
	updatedAt: 0,
	...over
});
const TRAP_R = codeOf('upper-trapezius-r');
const KNEE_L = codeOf('knee-l');

describe('markLine', () => {
	it('says where, what, how strong and who marked it, with the note in quotes', () => {
		expect(markLine(markRecord('m1', 'plan-1', { note: '  worse at the\ndesk ' }))).toBe(
			'Right top of the shoulder (upper trapezius): knot or trigger point, 7/10 (marked by the client). “worse at the desk”'
		);
		expect(markLine(markRecord('m2', 'plan-1', { region: KNEE_L, sensation: 'avoid', author: 'therapist' }))).toBe('Left knee: do not touch (marked by the therapist).');
	});
});

describe('subjectiveText', () => {
	it('lists the marks strongest first, then the client’s complaints, goals and own words', () => {
		const marks = [
			markRecord('a', 'plan-1', { region: KNEE_L, sensation: 'aching', intensity: 3 }),
			markRecord('b', 'plan-1', { intensity: 8, depth: 'deep', structure: 'levator scapulae' })
		];
		const s = subjectiveText(plan({ complaints: ['Postural tension'], goals: ['Less stress', 'Relaxation'], clientWords: '  Sore after long drives ' }), marks);
		expect(s).toBe(
			[
				'Where the client feels it:',
				'- Right top of the shoulder (upper trapezius): knot or trigger point, 8/10, deep (levator scapulae) (marked by the client).',
				'- Left knee: aching pain, 3/10 (marked by the client).',
				'',
				'The client reports: Postural tension.',
				'',
				'The client would like: Less stress; relaxation.',
				'',
				"In the client's words: “Sore after long drives”"
			].join('\n')
		);
	});

	it('says "no pain today" when the client said so, and leaves out carried marks not yet confirmed', () => {
		const marks = [markRecord('a', 'plan-1'), markRecord('c', 'plan-1', { region: KNEE_L, carried: true })];
		expect(subjectiveText(plan({ noPain: true }), marks)).toBe('The client reports no pain or tension today.');
		expect(subjectiveText(plan(), marks)).not.toContain('knee');
		expect(subjectiveText(plan(), [])).toBe('');
	});

	it('is the same whatever order the marks come in', () => {
		const marks = [markRecord('a', 'p', { intensity: 5 }), markRecord('b', 'p', { region: KNEE_L, intensity: 5 }), markRecord('c', 'p', { region: KNEE_L, intensity: 9, sensation: 'sharp' })];
		expect(subjectiveText(plan(), [...marks].reverse())).toBe(subjectiveText(plan(), marks));
	});

	it('never states a diagnosis: complaints are the client’s report, and no finding is made up', () => {
		const s = subjectiveText(plan({ complaints: ['Whiplash', 'Arthritis'] }), [markRecord('a', 'p')]);
		expect(s).toContain('The client reports: Whiplash; Arthritis.');
		expect(s).not.toMatch(/diagnos|suggests|indicates|consistent with|likely/i);
	});
});

describe('prefillSoap', () => {
	it('takes areas with minutes, the techniques and the pressure from the plan', () => {
		const p = plan({ scope: 'local', durationMin: 30, pressure: 3, techniques: ['Trigger point therapy', 'Stretching'] });
		const marks = [markRecord('a', 'plan-1', { intensity: 8, pressure: 2 })];
		const pre = prefillSoap(p, marks);
		const summary = summarisePlan(p, marks, null);
		const minutes = summary.steps.reduce((sum, s) => sum + s.minutes, 0);
		expect(pre.techniques).toEqual(['Trigger point therapy', 'Stretching']);
		expect(pre.areas.length).toBe(summary.steps.filter((s) => s.minutes > 0).length);
		expect(pre.areas.join('\n')).toContain('Right top of the shoulder (upper trapezius), ');
		// The trapezius asked for a lighter touch than the plan's, so its line says so.
		expect(pre.areas.find((a) => a.startsWith('Right top'))).toMatch(/, pressure 2 · Light$/);
		expect(pre.pressure).toBe('3 · Moderate, lighter on some areas (see areas treated)');
		expect(minutes).toBe(summary.handsOn);
		expect(pre.s).toContain('8/10');
	});

	it('the plan’s pressure alone when no area differs, and no areas from an empty plan of no minutes', () => {
		expect(prefillSoap(plan({ pressure: 2 }), []).pressure).toBe('2 · Light');
		expect(areasFromSummary({ pressureLabel: '3 · Moderate', steps: [] })).toEqual([]);
		expect(areasFromSummary({ pressureLabel: '3 · Moderate', steps: [{ label: 'Neck', minutes: 0, pressureLabel: '3 · Moderate' } as never] })).toEqual([]);
	});
});
