/**
 * A form that saves itself: throttled writes through Autosave, plus what the user should see,
 * the save state ("Saving…", "Saved on this device", "Not saved") and a field message when the
 * store refused the input. Construct during component initialisation.
 *
 * With `keep`, every change is also copied at once, synchronously, into the tab's
 * sessionStorage until a write has it: a reload or a closed tab within the throttle (when an
 * IndexedDB write started on the way out never finishes) loses nothing; the page takes the copy
 * back with `FormSaver.kept` when it loads.
 */
import { Autosave, StoreError } from '$lib/store';
import { notices } from './notices.svelte';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface KeptCopy<T> {
	/** When the copy was made (ms): newer than the stored record means the write never landed. */
	at: number;
	data: T;
}

export interface Keep<T> {
	/** sessionStorage key (asked at each change); start it with UNSAVED_PREFIX so a hand-over or the lock clears it. */
	key: () => string;
	/** What the write would save, as plain data. */
	snapshot: () => T;
}

export type SaveStateKind = 'idle' | 'pending' | 'saved' | 'failed';

export class FormSaver {
	#state = $state<SaveStateKind>('idle');
	#error = $state('');
	#autosave: Autosave;

	readonly #keep: Keep<unknown> | null;
	readonly #storage: Storage | null;

	/** `write` saves the form; a validation StoreError becomes the field message. */
	constructor(write: () => Promise<unknown>, keep: Keep<unknown> | null = null, storage: Storage | null = globalThis.sessionStorage ?? null) {
		this.#keep = keep;
		this.#storage = storage;
		this.#autosave = new Autosave(async () => {
			try {
				await write();
				this.#error = '';
				// A change made while this write ran is not saved yet: never say "Saved" over it.
				this.#state = this.#autosave.pending ? 'pending' : 'saved';
				if (this.#state === 'saved' && keep) tryStorage(() => storage?.removeItem(keep.key()));
			} catch (e) {
				this.#state = 'failed';
				if (e instanceof StoreError && e.kind === 'validation') this.#error = e.message;
				else notices.error(e);
			}
		});
		$effect(() => () => void this.#autosave.dispose());
	}

	get state(): SaveStateKind {
		return this.#state;
	}
	/** Why the last save was refused, in words for the field; '' when it was not. */
	get error(): string {
		return this.#error;
	}

	/** Call on every edit. */
	changed(): void {
		this.#state = 'pending';
		const keep = this.#keep;
		if (keep) tryStorage(() => this.#storage?.setItem(keep.key(), JSON.stringify({ at: Date.now(), data: keep.snapshot() })));
		this.#autosave.schedule();
	}

	/** The copy a page left unsaved under `key` (see `keep`), or null. */
	static kept<T>(key: string, storage: Storage | null = globalThis.sessionStorage ?? null): KeptCopy<T> | null {
		try {
			const raw = storage?.getItem(key);
			const o: unknown = raw ? JSON.parse(raw) : null;
			if (!o || typeof o !== 'object') return null;
			const { at, data } = o as { at: unknown; data: unknown };
			return typeof at === 'number' && data && typeof data === 'object' ? { at, data: data as T } : null;
		} catch {
			return null; // unreadable: the stored record stands
		}
	}
}

function tryStorage(fn: () => void): void {
	try {
		fn();
	} catch {
		// Storage full or disabled: the change still saves through IndexedDB.
	}
}
