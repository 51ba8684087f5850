/** A tiny typed event: listeners added with `add` (which returns its remover), called by `emit`. */
export class Signal<T> {
	readonly #listeners = new Set<(value: T) => void>();

	add(fn: (value: T) => void): () => void {
		this.#listeners.add(fn);
		return () => this.#listeners.delete(fn);
	}

	emit(value: T): void {
		for (const fn of this.#listeners) fn(value);
	}

	clear(): void {
		this.#listeners.clear();
	}
}
