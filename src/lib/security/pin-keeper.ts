/**
 * The therapist's PIN and recovery code in the settings table: set, remove, and check with the
 * wait after wrong tries. Rows (key → value):
 *   'pin'          PinHash | null   (salted PBKDF2; never the PIN)
 *   'pinRecovery'  PinHash | null   (the recovery code, hashed the same way; absent for PINs set
 *                                    before recovery codes existed)
 *   'pinAttempts'  Attempts          (wrong tries in a row, and until when to wait)
 *
 * Every tab shares the count: a try is counted in one transaction (read the attempts, refuse
 * while waiting, record the try) before PBKDF2 runs outside it, so tabs checking at once cannot
 * each start from the same count. A right PIN or code then clears the count. The PIN and the
 * recovery code share one count and one wait.
 */
import { hashPin, isPinHash, verifyPin, PIN_ITERATIONS, type PinHash } from './pin-hash';
import {
	NO_ATTEMPTS,
	pinProblem,
	readAttempts,
	remainingWait,
	startTry,
	triesBeforeWait,
	type Attempts
} from './pin-rules';
import { makeRecoveryCode, normaliseRecoveryCode, recoveryCodeProblem } from './recovery-code';

/** The part of the store the keeper needs (the Store class fits). */
export interface SettingsPort {
	getSetting<T>(key: string, fallback: T): Promise<T>;
	updateSettings<R>(keys: string[], change: (values: unknown[]) => { set?: Record<string, unknown>; result: R }): Promise<R>;
}

export type PinCheck =
	| { ok: true }
	/** Nothing to check against: no PIN (or, for a recovery code, no code) is set. */
	| { ok: false; reason: 'no-pin' }
	/** Still waiting after earlier wrong tries: this try was not checked. */
	| { ok: false; reason: 'wait'; waitMs: number }
	/** Wrong; `waitMs` > 0 when this try started a wait. */
	| { ok: false; reason: 'wrong'; waitMs: number; triesLeft: number };

/** A recovery: when right, the new PIN is set and `code` is the new recovery code to show once. */
export type RecoveryCheck = { ok: true; code: string } | Exclude<PinCheck, { ok: true }>;

export const PIN_KEY = 'pin';
export const RECOVERY_KEY = 'pinRecovery';
export const ATTEMPTS_KEY = 'pinAttempts';

type Start =
	| { kind: 'none' }
	| { kind: 'wait'; waitMs: number }
	| { kind: 'check'; stored: PinHash; attempts: Attempts; now: number };

const randomBytes = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));

export class PinKeeper {
	#settings: SettingsPort;
	#clock: () => number;
	#iterations: number;

	constructor(settings: SettingsPort, clock: () => number = () => Date.now(), iterations = PIN_ITERATIONS) {
		this.#settings = settings;
		this.#clock = clock;
		this.#iterations = iterations;
	}

	async #stored(key: string): Promise<PinHash | null> {
		const v = await this.#settings.getSetting<unknown>(key, null);
		return isPinHash(v) ? v : null;
	}

	#write(values: Record<string, unknown>): Promise<void> {
		return this.#settings.updateSettings([], () => ({ set: values, result: undefined }));
	}

	/** Whether a PIN is set. */
	async isSet(): Promise<boolean> {
		return (await this.#stored(PIN_KEY)) !== null;
	}

	/** Whether a recovery code is set (PINs set before recovery codes existed have none). */
	async hasRecoveryCode(): Promise<boolean> {
		return (await this.#stored(RECOVERY_KEY)) !== null;
	}

	/**
	 * Sets (or replaces) the PIN; throws with words for the field when it is not 4–8 digits. With
	 * `newCode` a new recovery code is made too (the old one stops working) and returned, to be
	 * shown once; without, the recovery code stays as it is and null is returned.
	 */
	async set(pin: string, newCode = true): Promise<string | null> {
		const problem = pinProblem(pin);
		if (problem) throw new Error(problem);
		const code = newCode ? makeRecoveryCode(randomBytes) : null;
		const values: Record<string, unknown> = { [PIN_KEY]: await hashPin(pin, this.#iterations) };
		if (code) values[RECOVERY_KEY] = await hashPin(code, this.#iterations);
		values[ATTEMPTS_KEY] = NO_ATTEMPTS;
		await this.#write(values);
		return code;
	}

	/** A new recovery code for the PIN set now (the caller has checked the PIN); the old one stops working. */
	async newRecoveryCode(): Promise<string> {
		const code = makeRecoveryCode(randomBytes);
		await this.#write({ [RECOVERY_KEY]: await hashPin(code, this.#iterations) });
		return code;
	}

	/** Removes the PIN and its recovery code (the caller has checked the current PIN). */
	remove(): Promise<void> {
		return this.#write({ [PIN_KEY]: null, [RECOVERY_KEY]: null, [ATTEMPTS_KEY]: NO_ATTEMPTS });
	}

	/** Milliseconds to wait before the next try is checked (0 = now). */
	async waitMs(): Promise<number> {
		const attempts = readAttempts(await this.#settings.getSetting<unknown>(ATTEMPTS_KEY, NO_ATTEMPTS));
		return remainingWait(attempts, this.#clock());
	}

	/**
	 * Counts a try against the secret under `key`, in one transaction: refused while a wait
	 * runs, else recorded as wrong before it is checked. No hashing in here: PBKDF2 is not
	 * IndexedDB work, and awaiting it would end the transaction.
	 */
	#start(key: string): Promise<Start> {
		return this.#settings.updateSettings<Start>([key, ATTEMPTS_KEY], ([secret, saved]) => {
			if (!isPinHash(secret)) return { result: { kind: 'none' } };
			const now = this.#clock();
			const start = startTry(readAttempts(saved), now);
			if (!start.allowed) return { result: { kind: 'wait', waitMs: start.waitMs } };
			return { set: { [ATTEMPTS_KEY]: start.attempts }, result: { kind: 'check', stored: secret, attempts: start.attempts, now } };
		});
	}

	/** Checks `typed` against the secret under `key`; counted first, cleared when right. */
	async #try(key: string, typed: string, onRight: () => Promise<void>): Promise<PinCheck> {
		const start = await this.#start(key);
		if (start.kind === 'none') return { ok: false, reason: 'no-pin' };
		if (start.kind === 'wait') return { ok: false, reason: 'wait', waitMs: start.waitMs };
		if (await verifyPin(typed, start.stored)) {
			await onRight();
			return { ok: true };
		}
		const { attempts, now } = start;
		return { ok: false, reason: 'wrong', waitMs: remainingWait(attempts, now), triesLeft: triesBeforeWait(attempts) };
	}

	/** Checks a try: right clears the count; wrong counts, and from the third on starts a wait. */
	check(pin: string): Promise<PinCheck> {
		return this.#try(PIN_KEY, pin, () => this.#write({ [ATTEMPTS_KEY]: NO_ATTEMPTS }));
	}

	/**
	 * The PIN is forgotten: checks the recovery code (with the same count and wait as the PIN)
	 * and, when it is right, sets `newPin` and a new recovery code (the used one is spent), with
	 * nothing else touched. Throws with words for the field when the code or PIN is malformed;
	 * such a slip does not count as a try.
	 */
	async recover(code: string, newPin: string): Promise<RecoveryCheck> {
		const problem = recoveryCodeProblem(code) ?? pinProblem(newPin);
		if (problem) throw new Error(problem);
		let next: string | null = null;
		const result = await this.#try(RECOVERY_KEY, normaliseRecoveryCode(code), async () => {
			next = await this.set(newPin);
		});
		return result.ok ? { ok: true, code: next! } : result;
	}
}
