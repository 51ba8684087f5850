/**
 * The journal of unsaved form edits: each change is copied at once, synchronously, into
 * localStorage under its record and this page's id, and removed once a write has it. Unlike
 * sessionStorage it outlives a closed tab, a closed browser and a crashed renderer; the record's
 * own page replays it when it opens (EditSession.replay).
 *
 * It holds health notes, so it is read only on the record's own page, which client mode and the
 * lock screen never render. A hand-over or the lock does not wipe it (that would lose the work);
 * deleting the record or erasing everything does.
 *
 * Several tabs may have one record open: each page journals under its own id and beats (renews
 * the entry's time) every second while it has unsaved edits, and marks its entries as left when
 * the page goes (pagehide). Another page adopts an entry once it is left or its beat stopped
 * (a crash), never while its page is alive and still writing it.
 */
import type { JournalEntry } from '$lib/domain/edit-session';
import { isPlainObject } from '$lib/domain/merge';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export const JOURNAL_PREFIX = 'somamap:journal:';
/** A page that has not renewed its entry for this long is gone (it beats every BEAT_MS). */
export const STALE_MS = 3000;
const BEAT_MS = 1000;

interface Saved extends JournalEntry {
	v: 1;
	/** When the page last renewed the entry (ms); 0 once the page has gone. */
	beat: number;
}

export interface Orphan {
	key: string;
	entry: JournalEntry;
}

const defaultStorage = (): Storage | null => {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		return null; // storage disabled: the journal is off, saves still run
	}
};

const PAGE = globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`;

/** The entries this page wrote, by storage: renewed while the page lives, left when it goes. */
const mine = new Map<string, Storage>();
let beating: ReturnType<typeof setInterval> | null = null;

function renewAll(beat: number): void {
	for (const [key, storage] of mine) {
		const s = parse(attempt(() => storage.getItem(key)) ?? null);
		if (s) attempt(() => storage.setItem(key, JSON.stringify({ ...s, beat })));
	}
}

function startBeating(): void {
	if (beating === null && mine.size) beating = setInterval(() => (mine.size ? renewAll(Date.now()) : stopBeating()), BEAT_MS);
}
function stopBeating(): void {
	if (beating !== null) clearInterval(beating);
	beating = null;
}

if (typeof window !== 'undefined') {
	// Leaving (reload, close, another page): the entries are free for the next page at once.
	window.addEventListener('pagehide', () => {
		stopBeating();
		renewAll(0);
	});
	// Back from the back/forward cache: alive again.
	window.addEventListener('pageshow', (e) => {
		if (!e.persisted) return;
		renewAll(Date.now());
		startBeating();
	});
}

function parse(raw: string | null): Saved | null {
	if (!raw) return null;
	try {
		const o: unknown = JSON.parse(raw);
		if (!isPlainObject(o) || o.v !== 1 || typeof o.beat !== 'number' || !isPlainObject(o.base) || !isPlainObject(o.mine)) return null;
		return { v: 1, beat: o.beat, base: o.base, mine: o.mine };
	} catch {
		return null;
	}
}

function attempt<T>(fn: () => T): T | undefined {
	try {
		return fn();
	} catch {
		return undefined; // storage full or disabled: the edit still lives on the page and saves
	}
}

function keysOf(storage: Storage, prefix: string): string[] {
	const keys: string[] = [];
	for (let i = 0; i < storage.length; i++) {
		const k = storage.key(i);
		if (k?.startsWith(prefix)) keys.push(k);
	}
	return keys;
}

export class Journal {
	readonly #prefix: string;
	readonly #key: string;
	readonly #storage: Storage | null;
	readonly #clock: () => number;

	/** `record`: e.g. `plan:<id>`. `page` and `clock` are for tests. */
	constructor(record: string, storage: Storage | null = defaultStorage(), clock: () => number = Date.now, page: string = PAGE) {
		this.#prefix = `${JOURNAL_PREFIX}${record}:`;
		this.#key = `${this.#prefix}${page}`;
		this.#storage = storage;
		this.#clock = clock;
	}

	/** Journals this page's unsaved edits of the record (null: none left). */
	write(entry: JournalEntry | null): void {
		const storage = this.#storage;
		if (!storage) return;
		if (entry) {
			const saved: Saved = { v: 1, beat: this.#clock(), ...entry };
			attempt(() => storage.setItem(this.#key, JSON.stringify(saved)));
			mine.set(this.#key, storage);
			startBeating();
		} else {
			attempt(() => storage.removeItem(this.#key));
			mine.delete(this.#key);
		}
	}

	/**
	 * Entries of this record left by other pages, oldest first, ready to adopt; and in how many ms
	 * to look again for entries whose page seemed alive (null: none).
	 */
	orphans(): { orphans: Orphan[]; again: number | null } {
		const storage = this.#storage;
		if (!storage) return { orphans: [], again: null };
		const now = this.#clock();
		const found: (Orphan & { beat: number })[] = [];
		let again: number | null = null;
		for (const key of keysOf(storage, this.#prefix)) {
			const s = parse(attempt(() => storage.getItem(key)) ?? null);
			if (!s) {
				attempt(() => storage.removeItem(key)); // unreadable: nothing to give back
				continue;
			}
			const left = now - s.beat;
			// This page's own entry is left by an earlier form of it (the page went elsewhere and came back).
			if (key === this.#key || left >= STALE_MS) found.push({ key, entry: { base: s.base, mine: s.mine }, beat: s.beat });
			else again = Math.min(again ?? Infinity, STALE_MS - left + 50);
		}
		found.sort((a, b) => a.beat - b.beat);
		return { orphans: found.map(({ key, entry }) => ({ key, entry })), again };
	}

	/** Adopted entries go (this page journals what is still unsaved under its own key). */
	drop(keys: readonly string[]): void {
		for (const k of keys) if (k !== this.#key) attempt(() => this.#storage?.removeItem(k));
	}

	/** The form is gone from this page (it went elsewhere): what it left is free for any page now. */
	leave(): void {
		const storage = this.#storage;
		const s = storage && parse(attempt(() => storage.getItem(this.#key)) ?? null);
		if (s) attempt(() => storage.setItem(this.#key, JSON.stringify({ ...s, beat: 0 })));
		mine.delete(this.#key);
	}

	/** Forgets every page's edits of these records (deleted), or of all records (`null`: erased). */
	static forget(records: readonly string[] | null, storage: Storage | null = defaultStorage()): void {
		if (!storage) return;
		const prefixes = records ? records.map((r) => `${JOURNAL_PREFIX}${r}:`) : [JOURNAL_PREFIX];
		for (const p of prefixes)
			for (const k of keysOf(storage, p)) {
				attempt(() => storage.removeItem(k));
				mine.delete(k);
			}
	}
}
