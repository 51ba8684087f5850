/**
 * A component the planner loads when first needed (the mark editor, the carried-over marks): opening
 * a plan shows the body and the list without them. Missing from the device (`missing`), it is asked
 * for again next time.
 */
import { loadPart } from '$lib/ui/lazy';

export class LazyComponent<C> {
	current = $state.raw<C | null>(null);
	missing = $state(false);
	#load: Promise<void> | null = null;
	readonly #what: string;
	readonly #import: () => Promise<{ default: C }>;

	/** `what` names it in the notice when it cannot load ("The mark editor"). */
	constructor(what: string, load: () => Promise<{ default: C }>) {
		this.#what = what;
		this.#import = load;
	}

	need(): Promise<void> {
		this.#load ??= loadPart(this.#what, this.#import).then((m) => {
			this.current = m?.default ?? null;
			this.missing = !m;
			if (!m) this.#load = null;
		});
		return this.#load;
	}
}
