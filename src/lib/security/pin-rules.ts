/**
 * The therapist's PIN, as pure rules: what a valid PIN looks like, and how long to wait after
 * wrong tries. No DOM, no storage, no clock of its own: the caller passes `now`.
 */

export const PIN_MIN = 4;
export const PIN_MAX = 8;

/** Why a new PIN is refused, in words for the field; null when it is fine. */
export function pinProblem(pin: string): string | null {
	if (!/^\d*$/.test(pin)) return 'Use digits only (0–9).';
	if (pin.length < PIN_MIN || pin.length > PIN_MAX) return `Use ${PIN_MIN} to ${PIN_MAX} digits.`;
	return null;
}

/** What is wrong with a new PIN typed twice, per field (empty when it is fine). */
export function newPinProblems(pin: string, again: string): { pin?: string; again?: string } {
	const problem = pinProblem(pin);
	if (problem) return { pin: problem };
	return pin === again ? {} : { again: 'The two PINs are not the same.' };
}

/** Wrong tries so far and until when no try is checked; persisted so a reload changes nothing. */
export interface Attempts {
	failures: number;
	/** Milliseconds since the epoch; 0 = no wait. */
	lockedUntil: number;
}

export const NO_ATTEMPTS: Attempts = { failures: 0, lockedUntil: 0 };

/** Wrong tries allowed before the first wait. */
export const FREE_TRIES = 3;
const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 30 * 60_000;

/**
 * The wait after `failures` wrong tries in a row: none for the first two, 30 s after the third,
 * then doubling (60 s, 2 min, 4 min, …) up to 30 minutes.
 */
export function waitAfter(failures: number): number {
	if (failures < FREE_TRIES) return 0;
	return Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** (failures - FREE_TRIES));
}

/** The attempts after one more wrong try at `now`. */
export function afterFailure(a: Attempts, now: number): Attempts {
	const failures = a.failures + 1;
	const wait = waitAfter(failures);
	return { failures, lockedUntil: wait ? now + wait : 0 };
}

/**
 * Milliseconds still to wait at `now`. Never more than the schedule allows, so a clock that
 * was set back (or a tampered value) cannot lock the therapist out for longer.
 */
export function remainingWait(a: Attempts, now: number): number {
	const left = a.lockedUntil - now;
	return left > 0 ? Math.min(left, waitAfter(a.failures)) : 0;
}

/** A try about to be checked: refused while a wait runs, else already counted. */
export type TryStart = { allowed: false; waitMs: number } | { allowed: true; attempts: Attempts };

/**
 * Starts a try at `now`. It counts as wrong before it is checked (a right one clears the count
 * afterwards), so tries checked at the same moment, in many tabs, each see the ones before them:
 * no more than FREE_TRIES are checked before the first wait, then one per wait.
 */
export function startTry(a: Attempts, now: number): TryStart {
	const waitMs = remainingWait(a, now);
	return waitMs > 0 ? { allowed: false, waitMs } : { allowed: true, attempts: afterFailure(a, now) };
}

/** Wrong tries left before a wait starts (0 once waits have begun). */
export function triesBeforeWait(a: Attempts): number {
	return Math.max(0, FREE_TRIES - a.failures);
}

/** A wait in plain words, rounded up: '30 seconds', '1 minute', '2 minutes 30 seconds'. */
export function describeWait(ms: number): string {
	const total = Math.max(1, Math.ceil(ms / 1000));
	const min = Math.floor(total / 60);
	const sec = total % 60;
	const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
	if (!min) return part(sec, 'second');
	return sec ? `${part(min, 'minute')} ${part(sec, 'second')}` : part(min, 'minute');
}

/** Reads stored attempts defensively (a missing or odd value counts as none). */
export function readAttempts(value: unknown): Attempts {
	const v = value as Partial<Attempts> | null | undefined;
	const failures = Number.isInteger(v?.failures) && v!.failures! > 0 ? v!.failures! : 0;
	const lockedUntil = typeof v?.lockedUntil === 'number' && Number.isFinite(v.lockedUntil) ? v.lockedUntil : 0;
	return { failures, lockedUntil };
}
