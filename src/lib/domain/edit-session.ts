/**
 * One tab's edits of one record (a plan's or a client's form), against what is stored. Pure: no
 * DOM, no storage; the caller owns `mine` (the form's copy, mutated in place) and tells the
 * session what is stored whenever it learns it.
 *
 * - Only fields this tab changed are written, each with the value it had when this tab last saw
 *   it (`expected`), so the store can refuse the write when another tab changed it since.
 * - What other tabs stored is merged into `mine` field by field (merge.ts).
 * - When both changed the same text differently, the text stays as this tab has it but is not
 *   written: a conflict waits for the person to keep theirs or the other tab's.
 * - `entry()` is what must survive a crash: the changed fields with their base values, so a
 *   replay on the next open tells "never written" (stored = base) from "changed elsewhere since".
 * - `asStored` is how the store keeps the fields it is given (hidden characters taken out, a title
 *   trimmed). `mine` is compared through it, so what the store made of this tab's own text (a
 *   space at the end of a title being typed) is neither written again nor taken for another
 *   tab's change, and the text stays in the form as typed.
 */
import { copyValue, getPath, isPlainObject, merge3, pathKey, sameValue, setPath, type Conflict, type Path } from './merge';

export type Fields = Record<string, unknown>;

/** Stored fields plus the record's version (its updatedAt). */
export type Stored = Fields & { updatedAt: number };

export interface EditConflict {
	key: string;
	path: Path;
	/** The text as this tab last saw it stored before both changed it. */
	base: unknown;
	/** What the other tab stored. */
	theirs: string;
}

/** Changed fields with the value each had when this tab last saw it stored. */
export interface JournalEntry {
	base: Fields;
	mine: Fields;
}

export interface Outgoing {
	patch: Fields;
	expected: Fields;
}

export class EditSession {
	readonly fields: readonly string[];
	#base: Fields;
	#version: number;
	#conflicts = new Map<string, EditConflict>();
	readonly #asStored: (fields: Fields) => Fields;
	readonly #isSet: (path: Path) => boolean;

	/**
	 * `asStored`: how the store keeps the fields (see above). `sets`: fields that are lists whose
	 * order means nothing (goals, areas to avoid), merged by what each side added and removed.
	 */
	constructor(fields: readonly string[], stored: Stored, options: { asStored?: (fields: Fields) => Fields; sets?: readonly string[] } = {}) {
		this.fields = fields;
		this.#asStored = options.asStored ?? ((f) => f);
		const sets = options.sets ?? [];
		this.#isSet = (path) => sets.includes(pathKey(path));
		this.#base = this.#pick(stored);
		this.#version = stored.updatedAt;
	}

	get conflicts(): EditConflict[] {
		return [...this.#conflicts.values()];
	}

	/** True while `mine` holds anything not stored: a change to write or a conflict to settle. */
	pending(mine: Fields): boolean {
		return this.#conflicts.size > 0 || this.outgoing(mine) !== null;
	}

	/** What to write now (conflicting texts left as stored), or null when nothing changed. */
	outgoing(mine: Fields): Outgoing | null {
		const patch: Fields = {};
		const expected: Fields = {};
		for (const k of this.fields) {
			const holder: Fields = { [k]: copyValue(mine[k]) };
			for (const c of this.#conflictsUnder(k)) setPath(holder, c.path, getPath(this.#base, c.path));
			if (!sameValue(this.#asStored(holder)[k], this.#base[k])) {
				patch[k] = holder[k];
				expected[k] = copyValue(this.#base[k]);
			}
		}
		return Object.keys(patch).length ? { patch, expected } : null;
	}

	/** The store has `patch` now (call before observing the record the write returned). */
	written(patch: Fields): void {
		const kept = this.#asStored(patch);
		for (const k of Object.keys(patch)) if (this.fields.includes(k)) this.#base[k] = copyValue(kept[k]);
	}

	/**
	 * The record as stored now: other tabs' changes go into `mine`, conflicts are noted. An older
	 * version than one already seen is ignored. Returns whether `mine` changed.
	 */
	observe(mine: Fields, stored: Stored): boolean {
		if (stored.updatedAt < this.#version) return false;
		let changed = false;
		for (const k of this.fields) changed = this.#absorb(mine, k, this.#base[k], stored[k]) || changed;
		this.#base = this.#pick(stored);
		this.#version = stored.updatedAt;
		// A conflict settles by itself when both sides came to hold the same text.
		const ours = this.#asStored(mine);
		for (const [key, c] of this.#conflicts) if (sameValue(getPath(ours, c.path), getPath(stored, c.path))) this.#conflicts.delete(key);
		return changed;
	}

	/**
	 * Puts back edits kept from an earlier page (a reload, a crash) into `mine`, which holds the
	 * stored record: a field still as it was when the edit was made gets the edit; one changed
	 * elsewhere since merges, or conflicts. `accept` may refuse a value (a blank name that was
	 * refused then). Returns whether `mine` changed.
	 */
	replay(mine: Fields, entry: JournalEntry, accept: (key: string, value: unknown) => boolean = () => true): boolean {
		let changed = false;
		for (const k of this.fields) {
			if (!(k in entry.mine) || !accept(k, entry.mine[k])) continue;
			const m = merge3(entry.base[k], entry.mine[k], mine[k], [k], this.#isSet);
			changed = this.#applyMerged(mine, k, m.value, m.conflicts) || changed;
		}
		return changed;
	}

	/** The person chose: keep this tab's text (it is written next) or the other tab's. */
	resolve(mine: Fields, key: string, keep: 'mine' | 'theirs'): void {
		const c = this.#conflicts.get(key);
		if (!c) return;
		this.#conflicts.delete(key);
		if (keep === 'theirs') setPath(mine, c.path, c.theirs);
	}

	/** What to journal so the edits survive the page: null when nothing is unsaved. */
	entry(mine: Fields): JournalEntry | null {
		const base: Fields = {};
		const kept: Fields = {};
		for (const k of this.fields) {
			const under = this.#conflictsUnder(k);
			if (!under.length && sameValue(this.#ours(mine, k), this.#base[k])) continue;
			const holder: Fields = { [k]: copyValue(this.#base[k]) };
			// A conflict journals the base from before both changes, so a replay finds it again.
			for (const c of under) setPath(holder, c.path, c.base);
			base[k] = holder[k];
			kept[k] = copyValue(mine[k]);
		}
		return Object.keys(kept).length ? { base, mine: kept } : null;
	}

	#pick(stored: Fields): Fields {
		return Object.fromEntries(this.fields.map((k) => [k, copyValue(stored[k])]));
	}

	#conflictsUnder(k: string): EditConflict[] {
		return this.conflicts.filter((c) => c.path[0] === k);
	}

	/** This tab's value of `k` as the store would keep it. */
	#ours(mine: Fields, k: string): unknown {
		return this.#asStored({ [k]: mine[k] })[k];
	}

	#absorb(mine: Fields, k: string, base: unknown, theirs: unknown): boolean {
		const ours = this.#ours(mine, k);
		const m = merge3(base, ours, theirs, [k], this.#isSet);
		// Ours stands: the form keeps it as typed.
		if (!m.conflicts.length && sameValue(m.value, ours)) return false;
		return this.#applyMerged(mine, k, m.value, m.conflicts);
	}

	#applyMerged(mine: Fields, k: string, value: unknown, conflicts: Conflict[]): boolean {
		for (const c of conflicts) {
			// Texts wait for the person; for any other kind of value this tab's choice, the later one, is written.
			if (typeof c.mine !== 'string' || typeof c.theirs !== 'string') continue;
			const key = pathKey(c.path);
			const before = this.#conflicts.get(key);
			this.#conflicts.set(key, { key, path: c.path, base: before ? before.base : c.base, theirs: c.theirs });
		}
		return applyInto(mine, k, value);
	}
}

/** Sets `target[k]` to `value`, changing only what differs (a form keeps its objects). */
function applyInto(target: Fields, k: string, value: unknown): boolean {
	const cur = target[k];
	if (sameValue(cur, value)) return false;
	if (isPlainObject(cur) && isPlainObject(value)) {
		for (const key of Object.keys(cur)) if (!(key in value)) delete cur[key];
		for (const key of Object.keys(value)) applyInto(cur, key, value[key]);
		return true;
	}
	target[k] = copyValue(value);
	return true;
}
