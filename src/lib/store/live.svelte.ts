/**
 * Dexie live queries as Svelte state. Construct during component initialisation:
 *
 *   const plan = new Live(() => { const id = page.url.searchParams.get('id'); return () => store.getPlan(id) });
 *
 * The outer function runs in an effect, so the reactive values it reads (here the id) restart
 * the query when they change; the inner querier is what Dexie re-runs when the tables change.
 * (Reading reactive values inside the querier itself would not be tracked.)
 */
import { liveQuery } from 'dexie';
import { toStoreError, type StoreError } from './errors';

export class Live<T> {
	#value = $state.raw<T | undefined>(undefined);
	#error = $state.raw<StoreError | null>(null);
	#loading = $state(true);

	/**
	 * `first`: the query's result read already (a route's load, at the same time as the guard's
	 * settings), shown until the live query's own first result replaces it.
	 */
	constructor(build: () => () => Promise<T>, first?: { value: T }) {
		if (first) {
			this.#value = first.value;
			this.#loading = false;
		}
		let seeded = !!first;
		$effect(() => {
			const querier = build();
			if (!seeded) this.#loading = true;
			seeded = false;
			const subscription = liveQuery(querier).subscribe({
				next: (value) => {
					this.#value = value;
					this.#error = null;
					this.#loading = false;
				},
				error: (e) => {
					this.#error = toStoreError(e);
					this.#loading = false;
				}
			});
			return () => subscription.unsubscribe();
		});
	}

	/** The latest result; undefined until the first one arrives (or when the query found nothing). */
	get current(): T | undefined {
		return this.#value;
	}
	get error(): StoreError | null {
		return this.#error;
	}
	/** True until the first result (or error) of the current query has arrived. */
	get loading(): boolean {
		return this.#loading;
	}
}
