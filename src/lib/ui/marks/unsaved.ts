/**
 * What is typed in a mark editor but not yet added or saved, per region and mark. Kept for the
 * tab's life (sessionStorage), so looking at another region, a reload, or the tablet sending the
 * app to the background loses none of it. Cleared when the mark is saved or the edit is undone.
 */
import type { EditorState } from './MarkEditor.svelte';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

export class UnsavedEdits {
	readonly #key: string;
	readonly #storage: Storage | null;
	readonly #edits: Map<string, EditorState>;

	constructor(planId: string, storage: Storage | null = globalThis.sessionStorage ?? null) {
		this.#key = `somamap:unsaved:${planId}`;
		this.#storage = storage;
		this.#edits = new Map(this.#read());
	}

	get(key: string): EditorState | undefined {
		return this.#edits.get(key);
	}

	/** Keeps `state` for `key`, or forgets it when null (the form matches what is saved). */
	keep(key: string, state: EditorState | null): void {
		if (state) this.#edits.set(key, state);
		else if (!this.#edits.delete(key)) return;
		this.#write();
	}

	forget(key: string): void {
		this.keep(key, null);
	}

	#read(): [string, EditorState][] {
		try {
			const raw = this.#storage?.getItem(this.#key);
			const parsed: unknown = raw ? JSON.parse(raw) : [];
			return Array.isArray(parsed) ? parsed.filter((e) => Array.isArray(e) && typeof e[0] === 'string' && e[1] && typeof e[1] === 'object') : [];
		} catch {
			return []; // unreadable: start clean rather than fail the page
		}
	}

	#write(): void {
		try {
			if (this.#edits.size) this.#storage?.setItem(this.#key, JSON.stringify([...this.#edits]));
			else this.#storage?.removeItem(this.#key);
		} catch {
			// Storage full or disabled: the edits still live for this page.
		}
	}
}
