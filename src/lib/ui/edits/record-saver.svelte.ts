/**
 * A record's form that saves itself, for the plan and client pages. Construct during component
 * initialisation; the page edits its own copy (`mine`) and calls `changed()` on every edit.
 *
 * - Writes are throttled (Autosave) and carry only the changed fields with the values they were
 *   based on; the store refuses a write when one of them changed since (EditSession).
 * - `observe()` follows the stored record (a live query): other tabs' changes merge in; when
 *   both changed the same text, `conflicts` lists it until the person picks one (`resolve`).
 * - Each change goes at once into the journal (localStorage), which `open()` replays, so closing
 *   the tab or the browser, or a crash, loses nothing.
 * - A failed write (a full disk) leaves the change pending and visibly unsaved, and is retried
 *   with a growing wait, at once when the page becomes visible again, or on `retry()`.
 */
import { untrack } from 'svelte';
import { Autosave, StoreError } from '$lib/store';
import { EditSession, type EditConflict, type Fields, type Stored } from '$lib/domain/edit-session';
import { copyValue, sameValue } from '$lib/domain/merge';
import { Journal } from './journal';
import { notices } from '../notices.svelte';

export type SaveStateKind = 'idle' | 'pending' | 'saved' | 'failed' | 'conflict';

/** Waits between retries of a failed write (ms); the last repeats. */
export const RETRY_WAITS = [1000, 2000, 4000, 8000, 15000, 30000];

/** A stored record: plain data with its id and version. */
export type RecordLike = { id: string; updatedAt: number };

export interface RecordSaverOptions<T extends RecordLike> {
	/** The journal's name for the record, e.g. `plan:<id>` (asked when the record opens). */
	record: (id: string) => string;
	/** The fields the form edits. */
	fields: readonly string[];
	/** The form's copy, as the page holds it (its state). */
	mine: () => T | null;
	/** Reads the record with this id (the one the form opened, whatever the address says now). */
	read: (id: string) => Promise<T | undefined>;
	write: (id: string, patch: Partial<T>, expected: Partial<T>) => Promise<T>;
	/** Throws a validation StoreError for input that must not be written (shown, kept). */
	check?: (mine: T) => void;
	/** Whether a value kept from an earlier page may come back (a blank name was refused then). */
	accept?: (key: string, value: unknown) => boolean;
	/** The edited fields as the store keeps them (domain/clean-text's asStoredPlan, asStoredClient). */
	asStored?: (fields: Partial<T>) => Partial<T>;
	/** Fields that are lists whose order means nothing (merged by what each tab added and removed). */
	sets?: readonly string[];
}

export class RecordSaver<T extends RecordLike> {
	#state = $state<SaveStateKind>('idle');
	#error = $state('');
	#conflicts = $state.raw<EditConflict[]>([]);
	#failures = 0;
	#disposed = false;
	/** The fields of the write under way. */
	#inFlight: Fields | null = null;
	/** The notice saying why writes fail, taken down once one succeeds. */
	#notice: number | null = null;
	#retryTimer: ReturnType<typeof setTimeout> | null = null;
	#orphanTimer: ReturnType<typeof setTimeout> | null = null;
	#session: EditSession | null = null;
	/** The record the form opened: writes go to it, never to another the page moved on to. */
	#id = '';
	#journal: Journal | null = null;
	readonly #autosave: Autosave;
	readonly #o: RecordSaverOptions<T>;

	constructor(options: RecordSaverOptions<T>) {
		this.#o = options;
		this.#autosave = new Autosave(() => this.#save());
		$effect(() => {
			const onVisible = () => document.visibilityState === 'visible' && this.#state === 'failed' && this.retry();
			document.addEventListener('visibilitychange', onVisible);
			return () => {
				document.removeEventListener('visibilitychange', onVisible);
				this.#disposed = true;
				this.#clearTimers();
				// The last write, then what is still unsaved is free for the next page that opens the record.
				void this.#autosave.dispose().finally(() => this.#journal?.leave());
			};
		});
	}

	get state(): SaveStateKind {
		return this.#state;
	}
	/** Why the last save was refused, in words for the field; '' when it was not. */
	get error(): string {
		return this.#error;
	}
	/** Texts both this tab and another changed, waiting for the person's choice. */
	get conflicts(): EditConflict[] {
		return this.#conflicts;
	}

	/**
	 * The record as loaded: returns the copy for the form, with whatever earlier pages left
	 * unsaved put back (and saved soon).
	 */
	open(stored: T): T {
		this.#clearTimers();
		const asStored = this.#o.asStored;
		this.#id = stored.id;
		this.#session = new EditSession(this.#o.fields, stored as unknown as Stored, {
			asStored: asStored && ((f) => asStored(f as Partial<T>) as Fields),
			sets: this.#o.sets
		});
		this.#journal = new Journal(this.#o.record(stored.id));
		const copy = copyValue(stored) as T;
		const adopted = this.#adopt(copy as unknown as Fields);
		this.#conflicts = this.#session.conflicts;
		this.#state = this.#conflicts.length ? 'conflict' : 'idle';
		// The page holds the copy as its state once this returns; save from there.
		if (adopted) queueMicrotask(() => this.changed());
		return copy;
	}

	/** The stored record as it is now (a live query): other tabs' changes come into the form. */
	observe(stored: T): void {
		untrack(() => {
			const mine = this.#fields();
			if (!this.#session || !mine || stored.id !== mine.id) return;
			// A write of ours that the store has but whose answer has not come back yet is ours, not another tab's.
			const flying = this.#inFlight;
			if (flying) this.#session.written(Object.fromEntries(Object.entries(flying).filter(([k, v]) => sameValue((stored as unknown as Fields)[k], v))));
			const changed = this.#session.observe(mine, stored as unknown as Stored);
			this.#conflicts = this.#session.conflicts;
			if (changed || this.#state === 'conflict' || this.#conflicts.length) this.#settle();
		});
	}

	/** Call on every edit. */
	changed(): void {
		const mine = this.#fields();
		if (!this.#session || !mine) return;
		this.#journal?.write(this.#session.entry(mine));
		if (this.#state !== 'failed' || this.#retryTimer === null) this.#state = this.#conflicts.length ? 'conflict' : 'pending';
		this.#autosave.schedule();
	}

	/** Keeps this tab's text or the other tab's for a conflict. */
	resolve(key: string, keep: 'mine' | 'theirs'): void {
		const mine = this.#fields();
		if (!this.#session || !mine) return;
		this.#session.resolve(mine, key, keep);
		this.#conflicts = this.#session.conflicts;
		this.changed();
	}

	/** Writes what is waiting now; resolves when every write so far has finished (before signing a record). */
	flush(): Promise<void> {
		return this.#autosave.flush();
	}

	/** Tries a failed write again now. */
	retry(): void {
		if (this.#retryTimer !== null) clearTimeout(this.#retryTimer);
		this.#retryTimer = null;
		this.#autosave.schedule();
		void this.#autosave.flush();
	}

	async #save(): Promise<void> {
		const session = this.#session;
		const mine = this.#fields();
		if (!session || !mine) return;
		const out = session.outgoing(mine);
		if (!out) return this.#settle();
		try {
			this.#o.check?.(mine as unknown as T);
			this.#inFlight = out.patch;
			const stored = await this.#o.write(this.#id, out.patch as Partial<T>, out.expected as Partial<T>).finally(() => (this.#inFlight = null));
			if (session !== this.#session) return;
			session.written(out.patch);
			session.observe(mine, stored as unknown as Stored);
			this.#conflicts = session.conflicts;
			this.#error = '';
			this.#failures = 0;
			if (this.#notice !== null) notices.dismiss(this.#notice);
			this.#notice = null;
			if (this.#retryTimer !== null) clearTimeout(this.#retryTimer);
			this.#retryTimer = null;
			this.#settle();
		} catch (e) {
			if (session !== this.#session) return;
			if (e instanceof StoreError && e.kind === 'conflict') {
				// Another tab wrote first: take its record in, then write what is still ours.
				const stored = await this.#o.read(this.#id).catch(() => undefined);
				if (stored) this.observe(stored);
				this.#autosave.schedule();
				return;
			}
			this.#state = 'failed';
			if (e instanceof StoreError && e.kind === 'validation') {
				this.#error = e.message; // kept on screen and in the journal; the next edit tries again
				return;
			}
			if (this.#failures === 0) this.#notice = notices.error(e);
			if (e instanceof StoreError && (e.kind === 'not-found' || e.kind === 'outdated')) return; // retrying cannot help
			if (this.#disposed) return; // the page left: the journal keeps it for the next one
			const wait = RETRY_WAITS[Math.min(this.#failures, RETRY_WAITS.length - 1)];
			this.#failures++;
			if (this.#retryTimer !== null) clearTimeout(this.#retryTimer);
			this.#retryTimer = setTimeout(() => this.retry(), wait);
		}
	}

	/** Says where things stand after a write or a merge, and journals what is still unsaved. */
	#settle(): void {
		const session = this.#session;
		const mine = this.#fields();
		if (!session || !mine) return;
		this.#journal?.write(session.entry(mine));
		if (this.#state === 'failed' && this.#retryTimer !== null) return; // still failing: stays "Not saved"
		if (this.#conflicts.length) this.#state = 'conflict';
		else if (this.#autosave.pending) this.#state = 'pending';
		else if (session.outgoing(mine)) {
			this.#state = 'pending';
			this.#autosave.schedule(); // merged or chosen: what is ours still goes out
		} else this.#state = this.#state === 'idle' ? 'idle' : 'saved';
	}

	/** Puts back entries left by pages that are gone; looks again for ones whose page seemed alive. */
	#adopt(mine: Fields): boolean {
		const journal = this.#journal;
		const session = this.#session;
		if (!journal || !session) return false;
		const { orphans, again } = journal.orphans();
		let changed = false;
		for (const o of orphans) changed = session.replay(mine, o.entry, this.#o.accept) || changed;
		journal.write(session.entry(mine)); // ours now, before theirs go
		journal.drop(orphans.map((o) => o.key));
		if (again !== null)
			this.#orphanTimer = setTimeout(() => {
				const current = this.#fields();
				if (!current || session !== this.#session) return;
				const more = untrack(() => this.#adopt(current));
				this.#conflicts = session.conflicts;
				if (more) this.changed();
			}, again);
		return changed;
	}

	/** The form's copy, seen as plain fields. */
	#fields(): Fields | null {
		const mine = this.#o.mine();
		return mine && mine.id === this.#id ? (mine as unknown as Fields) : null;
	}

	#clearTimers(): void {
		if (this.#retryTimer !== null) clearTimeout(this.#retryTimer);
		if (this.#orphanTimer !== null) clearTimeout(this.#orphanTimer);
		this.#retryTimer = this.#orphanTimer = null;
	}
}
