import { describe, expect, it } from 'vitest';
import {
	afterFailure,
	describeWait,
	NO_ATTEMPTS,
	newPinProblems,
	pinProblem,
	readAttempts,
	remainingWait,
	startTry,
	triesBeforeWait,
	waitAfter
} from '$lib/security/pin-rules';

describe('pinProblem', () => {
	it('accepts 4 to 8 digits', () => {
		for (const pin of ['0000', '1234', '12345678', '0192837']) expect(pinProblem(pin)).toBeNull();
	});
	it('refuses too short, too long, and anything but digits', () => {
		expect(pinProblem('')).toMatch(/4 to 8 digits/);
		expect(pinProblem('123')).toMatch(/4 to 8 digits/);
		expect(pinProblem('123456789')).toMatch(/4 to 8 digits/);
		expect(pinProblem('12a4')).toMatch(/digits only/);
		expect(pinProblem('12 34')).toMatch(/digits only/);
		expect(pinProblem('١٢٣٤')).toMatch(/digits only/); // other scripts' digits are not 0–9
	});
});

describe('the wait after wrong tries', () => {
	it('lets two wrong tries pass, then waits 30 s, 60 s, 2 min … up to 30 min', () => {
		expect([0, 1, 2, 3, 4, 5, 6].map(waitAfter)).toEqual([0, 0, 0, 30_000, 60_000, 120_000, 240_000]);
		expect(waitAfter(20)).toBe(30 * 60_000);
	});

	it('starts the wait at the third wrong try, counted from that moment', () => {
		let a = NO_ATTEMPTS;
		a = afterFailure(a, 1000);
		a = afterFailure(a, 2000);
		expect(a).toEqual({ failures: 2, lockedUntil: 0 });
		expect(triesBeforeWait(a)).toBe(1);
		a = afterFailure(a, 3000);
		expect(a).toEqual({ failures: 3, lockedUntil: 33_000 });
		expect(remainingWait(a, 3000)).toBe(30_000);
		expect(remainingWait(a, 32_000)).toBe(1000);
		expect(remainingWait(a, 33_000)).toBe(0);
		a = afterFailure(a, 40_000);
		expect(remainingWait(a, 40_000)).toBe(60_000);
		expect(triesBeforeWait(a)).toBe(0);
	});

	it('never waits longer than the schedule allows, even with a clock set back', () => {
		const a = { failures: 3, lockedUntil: Date.UTC(2100, 0, 1) };
		expect(remainingWait(a, Date.UTC(2026, 0, 1))).toBe(30_000);
	});

	it('reads odd stored values as no attempts', () => {
		expect(readAttempts(undefined)).toEqual(NO_ATTEMPTS);
		expect(readAttempts({ failures: -2, lockedUntil: 'soon' })).toEqual(NO_ATTEMPTS);
		expect(readAttempts({ failures: 4, lockedUntil: 5 })).toEqual({ failures: 4, lockedUntil: 5 });
	});

	it('says the wait in plain words, rounded up', () => {
		expect(describeWait(30_000)).toBe('30 seconds');
		expect(describeWait(1)).toBe('1 second');
		expect(describeWait(59_001)).toBe('1 minute');
		expect(describeWait(60_000)).toBe('1 minute');
		expect(describeWait(150_000)).toBe('2 minutes 30 seconds');
	});
});

describe('startTry', () => {
	it('counts the try before it is checked, and refuses while a wait runs', () => {
		const now = 1_000_000;
		expect(startTry(NO_ATTEMPTS, now)).toEqual({ allowed: true, attempts: { failures: 1, lockedUntil: 0 } });
		const third = startTry({ failures: 2, lockedUntil: 0 }, now);
		expect(third).toEqual({ allowed: true, attempts: { failures: 3, lockedUntil: now + 30_000 } });
		expect(startTry({ failures: 3, lockedUntil: now + 30_000 }, now + 1000)).toEqual({ allowed: false, waitMs: 29_000 });
		expect(startTry({ failures: 3, lockedUntil: now + 30_000 }, now + 30_000)).toMatchObject({ allowed: true, attempts: { failures: 4 } });
	});
});

describe('a new PIN typed twice', () => {
	it('names the field to mend: the PIN first, then the repeat', () => {
		expect(newPinProblems('12a4', '12a4')).toEqual({ pin: 'Use digits only (0–9).' });
		expect(newPinProblems('123', '123')).toEqual({ pin: 'Use 4 to 8 digits.' });
		expect(newPinProblems('2468', '2486')).toEqual({ again: 'The two PINs are not the same.' });
		expect(newPinProblems('2468', '2468')).toEqual({});
	});
});
