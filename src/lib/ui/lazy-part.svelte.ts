/**
 * A part of a page that a tab shows (the planner's later tabs), loaded when first wanted. Unlike
 * loadPart (lazy.ts), a part that cannot be fetched is not a notice: the tab itself says so with
 * "Try again", and the page asks again when it comes back online or into view.
 */
import { untrack } from 'svelte';

export class LazyPart<T> {
	/** The loaded module, or null. */
	module = $state.raw<T | null>(null);
	/** The last attempt failed (not on this device, no network). */
	missing = $state(false);
	#asking = false;
	#load: (() => Promise<T>) | null = null;

	/**
	 * Loads it unless it is loaded or on its way; after a failure, tries again. The page passes the
	 * `import()` here, from its effect: SvelteKit puts the stylesheet of an import written at the
	 * top of a page's script into the page itself, which the planner's byte budget cannot carry.
	 */
	want(load: () => Promise<T>): void {
		this.#load = load;
		untrack(() => {
			if (this.module || this.#asking) return;
			this.#asking = true;
			this.missing = false;
			load().then(
				(m) => ((this.module = m), (this.#asking = false)),
				() => ((this.missing = true), (this.#asking = false))
			);
		});
	}

	/** Tries again only if the last attempt failed ("Try again", back online, back in view). */
	retry(): void {
		if (this.#load && untrack(() => this.missing)) this.want(this.#load);
	}
}
