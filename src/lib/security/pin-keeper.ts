/**
 * The therapist's PIN in the settings table: set, remove, and check with the wait after wrong
 * tries. Rows (key → value):
 *   'pin'          PinHash | null   (salted PBKDF2; never the PIN)
 *   'pinAttempts'  Attempts          (wrong tries in a row, and until when to wait)
 * Checks run one at a time, so two quick taps cannot both count as a first try.
 */
import { hashPin, isPinHash, verifyPin, PIN_ITERATIONS, type PinHash } from './pin-hash';
import {
	afterFailure,
	NO_ATTEMPTS,
	pinProblem,
	readAttempts,
	remainingWait,
	triesBeforeWait,
	type Attempts
} from './pin-rules';

/** The part of the store the keeper needs (the Store class fits). */
export interface SettingsPort {
	getSetting<T>(key: string, fallback: T): Promise<T>;
	setSetting<T>(key: string, value: T): Promise<void>;
}

export type PinCheck =
	| { ok: true }
	| { ok: false; reason: 'no-pin' }
	/** Still waiting after earlier wrong tries: this try was not checked. */
	| { ok: false; reason: 'wait'; waitMs: number }
	/** Wrong; `waitMs` > 0 when this try started a wait. */
	| { ok: false; reason: 'wrong'; waitMs: number; triesLeft: number };

export const PIN_KEY = 'pin';
export const ATTEMPTS_KEY = 'pinAttempts';

export class PinKeeper {
	#settings: SettingsPort;
	#clock: () => number;
	#iterations: number;
	#queue: Promise<unknown> = Promise.resolve();

	constructor(settings: SettingsPort, clock: () => number = () => Date.now(), iterations = PIN_ITERATIONS) {
		this.#settings = settings;
		this.#clock = clock;
		this.#iterations = iterations;
	}

	/** Runs `fn` after every earlier call has finished. */
	#serial<T>(fn: () => Promise<T>): Promise<T> {
		const next = this.#queue.then(fn, fn);
		this.#queue = next.catch(() => undefined);
		return next;
	}

	async #hash(): Promise<PinHash | null> {
		const v = await this.#settings.getSetting<unknown>(PIN_KEY, null);
		return isPinHash(v) ? v : null;
	}

	async #attempts(): Promise<Attempts> {
		return readAttempts(await this.#settings.getSetting<unknown>(ATTEMPTS_KEY, NO_ATTEMPTS));
	}

	/** Whether a PIN is set. */
	async isSet(): Promise<boolean> {
		return (await this.#hash()) !== null;
	}

	/** Sets (or replaces) the PIN; throws with words for the field when it is not 4–8 digits. */
	set(pin: string): Promise<void> {
		return this.#serial(async () => {
			const problem = pinProblem(pin);
			if (problem) throw new Error(problem);
			await this.#settings.setSetting(PIN_KEY, await hashPin(pin, this.#iterations));
			await this.#settings.setSetting(ATTEMPTS_KEY, NO_ATTEMPTS);
		});
	}

	/** Removes the PIN (the caller has checked the current one). */
	remove(): Promise<void> {
		return this.#serial(async () => {
			await this.#settings.setSetting(PIN_KEY, null);
			await this.#settings.setSetting(ATTEMPTS_KEY, NO_ATTEMPTS);
		});
	}

	/** Milliseconds to wait before the next try is checked (0 = now). */
	async waitMs(): Promise<number> {
		return remainingWait(await this.#attempts(), this.#clock());
	}

	/** Checks a try: right resets the count; wrong counts, and from the third on starts a wait. */
	check(pin: string): Promise<PinCheck> {
		return this.#serial(async () => {
			const stored = await this.#hash();
			if (!stored) return { ok: false, reason: 'no-pin' } as const;
			const attempts = await this.#attempts();
			const wait = remainingWait(attempts, this.#clock());
			if (wait > 0) return { ok: false, reason: 'wait', waitMs: wait } as const;
			if (await verifyPin(pin, stored)) {
				if (attempts.failures) await this.#settings.setSetting(ATTEMPTS_KEY, NO_ATTEMPTS);
				return { ok: true } as const;
			}
			const now = this.#clock();
			const next = afterFailure(attempts, now);
			await this.#settings.setSetting(ATTEMPTS_KEY, next);
			return { ok: false, reason: 'wrong', waitMs: remainingWait(next, now), triesLeft: triesBeforeWait(next) } as const;
		});
	}
}
