/**
 * A live query over the treatment record's store calls, whose code loads on first use
 * (store.ts #rec). A live query must read only Dexie while it runs (anything else awaited can lose
 * which tables it follows), so the first answer comes from a plain call that loads the code, and
 * the live query starts after it. Construct during component initialisation, like Live.
 */
import { Live } from '$lib/store';
import { notices } from '$lib/ui/notices.svelte';

export class LiveRecords<T> {
	#ready = $state(false);
	#first = $state.raw<T | undefined>(undefined);
	readonly #live: Live<T>;

	/** `build` as for Live: reads its reactive inputs, returns the querier. */
	constructor(build: () => () => Promise<T>) {
		$effect(() => {
			const querier = build();
			querier().then((v) => ((this.#first = v), (this.#ready = true)), notices.error.bind(notices));
		});
		this.#live = new Live(() => {
			const querier = build();
			return this.#ready ? querier : () => new Promise<T>(() => {});
		});
	}

	get current(): T | undefined {
		return this.#ready && !this.#live.loading ? this.#live.current : this.#first;
	}
	get loading(): boolean {
		return !this.#ready;
	}
}
