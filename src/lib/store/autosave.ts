/**
 * Throttled saving for forms: a change is written at most every `delayMs`, and `flushAll()`
 * writes everything pending at once, before the page is hidden or the app reloads for an
 * update, so the last keystrokes are never lost.
 */
const pending = new Set<Autosave>();

export class Autosave {
	#timer: ReturnType<typeof setTimeout> | null = null;
	#save: () => Promise<void>;
	#delayMs: number;
	#inFlight: Promise<void> = Promise.resolve();
	#onError: (e: unknown) => void;

	constructor(save: () => Promise<void>, options: { delayMs?: number; onError?: (e: unknown) => void } = {}) {
		this.#save = save;
		this.#delayMs = options.delayMs ?? 400;
		this.#onError = options.onError ?? (() => {});
	}

	/** A change happened: save it soon. */
	schedule(): void {
		if (this.#timer !== null) return;
		pending.add(this);
		this.#timer = setTimeout(() => void this.flush(), this.#delayMs);
	}

	get pending(): boolean {
		return this.#timer !== null;
	}

	/** Saves now if a change is waiting; resolves when every save so far has finished. */
	flush(): Promise<void> {
		if (this.#timer !== null) {
			clearTimeout(this.#timer);
			this.#timer = null;
			pending.delete(this);
			// Saves run one after another so an older write can never land after a newer one.
			this.#inFlight = this.#inFlight.then(() => this.#save()).catch(this.#onError);
		}
		return this.#inFlight;
	}

	/** Flushes and stops (component teardown). */
	dispose(): Promise<void> {
		return this.flush();
	}
}

/** Writes every pending change now. */
export function flushAll(): Promise<void> {
	return Promise.all([...pending].map((a) => a.flush())).then(() => undefined);
}
