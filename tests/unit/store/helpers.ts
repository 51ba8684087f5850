import { createDatabase } from '$lib/store/schema';
import { Store } from '$lib/store/store';

let counter = 0;

/** A Store over a fresh, uniquely named fake-IndexedDB database. */
export function freshStore(clock?: () => number): Store {
	counter++;
	return new Store(createDatabase(`test-${process.pid}-${counter}-${Math.random()}`), clock);
}

/** A clock that advances one second per call, so updatedAt orders are deterministic. */
export function tickingClock(start = 1_700_000_000_000): () => number {
	let t = start;
	return () => (t += 1000);
}
