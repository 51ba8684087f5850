import { describe, expect, it } from 'vitest';
import { changeWords, emptyOutcome, outcomeRows, parseIntensity, recordOutcome, withIntensityAfter } from '$lib/domain/outcome';
import { LIMITS, validateAvoid, validateOutcome, validatePlan } from '$lib/domain/validation';
import { codeOf } from '$lib/domain/regions';

const TRAP_R = codeOf('upper-trapezius-r');
const KNEE_L = codeOf('knee-l');

describe('recordOutcome', () => {
	it('makes the plan done when its first outcome is recorded', () => {
		const o = { ...emptyOutcome(), done: 'Trigger point work on the trapezius' };
		expect(recordOutcome({ status: 'planned', outcome: null }, o)).toEqual({ status: 'done', outcome: o, nowDone: true });
		expect(recordOutcome({ status: 'done', outcome: null }, o)).toMatchObject({ status: 'done', nowDone: false });
	});

	it('leaves the status alone on later edits (the therapist may have changed it back)', () => {
		const o = emptyOutcome();
		expect(recordOutcome({ status: 'planned', outcome: o }, { ...o, advice: 'Heat at night' })).toMatchObject({ status: 'planned', nowDone: false });
	});
});

describe('parseIntensity', () => {
	it('reads a whole 0–10, empty as not recorded, and refuses anything else with a message', () => {
		expect(parseIntensity('')).toEqual({ value: null });
		expect(parseIntensity(' 0 ')).toEqual({ value: 0 });
		expect(parseIntensity('10')).toEqual({ value: 10 });
		for (const bad of ['11', '-1', '2.5', 'a lot', '1e1x']) expect(parseIntensity(bad)).toHaveProperty('error');
	});
});

describe('withIntensityAfter', () => {
	it('sets and clears one region without touching the rest', () => {
		const o = withIntensityAfter(withIntensityAfter(emptyOutcome(), TRAP_R, 3), KNEE_L, 1);
		expect(o.after).toEqual({ [TRAP_R]: 3, [KNEE_L]: 1 });
		expect(withIntensityAfter(o, TRAP_R, null).after).toEqual({ [KNEE_L]: 1 });
		expect(o.after[TRAP_R]).toBe(3);
	});
});

describe('outcomeRows', () => {
	it('lists the focus areas in order with before and after, then areas recorded earlier', () => {
		const low = codeOf('lumbar-erector-l');
		const rows = outcomeRows(
			[
				{ region: low, before: 7 },
				{ region: TRAP_R, before: 5 }
			],
			{ ...emptyOutcome(), after: { [TRAP_R]: 6, [KNEE_L]: 2, 999: 4 } }
		);
		expect(rows).toEqual([
			{ region: low, label: 'Left low back beside the spine', before: 7, after: null, change: '', focus: true },
			{ region: TRAP_R, label: 'Right top of the shoulder (upper trapezius)', before: 5, after: 6, change: 'worse by 1', focus: true },
			{ region: KNEE_L, label: 'Left knee', before: null, after: 2, change: '', focus: false }
		]);
		expect(outcomeRows([{ region: TRAP_R, before: 5 }], null)[0].after).toBeNull();
	});

	it('says the change in words', () => {
		expect(changeWords(7, 3)).toBe('better by 4');
		expect(changeWords(3, 3)).toBe('no change');
		expect(changeWords(null, 3)).toBe('');
	});
});

describe('validateOutcome', () => {
	it('accepts an outcome with texts and intensities 0–10 on known regions', () => {
		expect(validateOutcome(emptyOutcome())).toEqual({});
		expect(validateOutcome({ done: 'Neck release', response: 'Looser', advice: 'Stretch', after: { [TRAP_R]: 0, [KNEE_L]: 10 } })).toEqual({});
	});

	it('refuses texts that are too long and intensities out of range, naming the area', () => {
		const long = 'x'.repeat(LIMITS.outcome + 1);
		expect(validateOutcome({ ...emptyOutcome(), done: long }).done).toMatch(/What was done is too long/);
		expect(validateOutcome({ ...emptyOutcome(), advice: long }).advice).toMatch(/too long/);
		expect(validateOutcome({ ...emptyOutcome(), after: { [TRAP_R]: 11 } }).after).toBe(
			'Intensity afterwards for Right top of the shoulder (upper trapezius) is a whole number from 0 to 10.'
		);
		expect(validateOutcome({ ...emptyOutcome(), after: { [TRAP_R]: 2.5 } })).toHaveProperty('after');
		expect(validateOutcome({ ...emptyOutcome(), after: { 81: 2 } })).toHaveProperty('after');
		expect(validateOutcome({ ...emptyOutcome(), response: 3 as never })).toHaveProperty('response');
	});

	it('is part of the plan’s rules, so the store refuses a bad outcome', () => {
		const base = { title: 'T', date: '2026-11-23' };
		expect(validatePlan({ ...base, outcome: null })).toEqual({});
		expect(validatePlan({ ...base, outcome: { ...emptyOutcome(), after: { [TRAP_R]: -1 } } }).outcome).toMatch(/0 to 10/);
	});
});

describe('validateAvoid', () => {
	it('wants known regions, each once', () => {
		expect(validateAvoid([])).toBeUndefined();
		expect(validateAvoid([TRAP_R, KNEE_L])).toBeUndefined();
		expect(validateAvoid([0])).toMatch(/not a region/);
		expect(validateAvoid([TRAP_R, TRAP_R])).toMatch(/twice/);
		expect(validatePlan({ title: 'T', date: '2026-11-23', avoid: [81] }).avoid).toBeDefined();
	});
});
