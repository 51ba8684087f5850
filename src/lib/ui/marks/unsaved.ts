/**
 * Drafts of marks not stored yet: a new mark before what it feels like is chosen (then it is added
 * and saves as it goes: mark-form), and the description of a painting in progress. Kept for the
 * tab's life (sessionStorage), so looking at another region, a reload, or the tablet sending the
 * app to the background loses none of it; and journalled in localStorage (../edits/journal), so a
 * closed tab or browser or a crash loses none of it either: the plan's page takes back what a
 * page that is gone left. Forgotten when the mark is saved, removed or changed (keys carry the
 * mark's version); the tab's copy all at once when the tablet is handed over or locked (the
 * journal stays: only this plan's page reads it, which client mode never shows); and everywhere,
 * for good, when the plan is deleted (forgetPlans).
 */
import type { EditorState } from './editor-state';
import { Journal } from '../edits/journal';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Every key of unsaved work in this tab starts so (the painting in progress too: ./unsaved-painting). */
export const UNSAVED_PREFIX = 'somamap:unsaved:';

/**
 * Plans deleted in this page's life: nothing of theirs is written again, even by an editor that
 * is still on screen while the page navigates away.
 */
const deletedPlans = new Set<string>();
export const isDeletedPlan = (planId: string) => deletedPlans.has(planId);

/** A plan (or a client's plans) was deleted: its unsaved edits and painting go, for good. */
export function forgetPlans(planIds: Iterable<string>, storage: Pick<globalThis.Storage, 'removeItem'> | null = globalThis.sessionStorage ?? null): void {
	for (const id of planIds) {
		deletedPlans.add(id);
		// The plan form's, the new-mark drafts' and each mark's unsaved edits (mark-form's markRecord) and an unwritten repaint, in every tab.
		Journal.forget([`plan:${id}`, `marks:${id}`, `mark:${id}`, `repaint:${id}`]);
		try {
			storage?.removeItem(`${UNSAVED_PREFIX}${id}`);
			storage?.removeItem(`${UNSAVED_PREFIX}${id}:painting`);
		} catch {
			// Storage disabled: nothing was kept either.
		}
	}
}

export class UnsavedEdits {
	readonly #key: string;
	readonly #storage: Storage | null;
	readonly #edits: Map<string, EditorState>;

	readonly #planId: string;
	readonly #journal: Journal | null;
	#timer: ReturnType<typeof setTimeout> | null = null;

	readonly #onadopt: () => void;

	/** `onadopt`: edits left by a page that is gone arrived after the start (open editors should show them). */
	constructor(
		planId: string,
		storage: Storage | null = globalThis.sessionStorage ?? null,
		journal: Journal | null = new Journal(`marks:${planId}`),
		onadopt: () => void = () => {}
	) {
		this.#onadopt = onadopt;
		this.#planId = planId;
		this.#key = `${UNSAVED_PREFIX}${planId}`;
		this.#storage = storage;
		this.#journal = journal;
		this.#edits = new Map(editsOf(this.#read()));
		this.#adopt();
	}

	/** The editor is gone from the page: what it left is free for the next page of the plan. */
	dispose(): void {
		if (this.#timer !== null) clearTimeout(this.#timer);
		this.#timer = null;
		this.#journal?.leave();
	}

	/** Takes in what pages that are gone left in the journal (this tab's own copy wins). */
	#adopt(): boolean {
		if (!this.#journal) return false;
		const { orphans, again } = this.#journal.orphans();
		let added = false;
		for (const o of orphans)
			for (const [k, state] of editsOf(o.entry.mine.edits))
				if (!this.#edits.has(k)) {
					this.#edits.set(k, state);
					added = true;
				}
		if (orphans.length) this.#write(); // ours now, before theirs go
		this.#journal.drop(orphans.map((o) => o.key));
		this.#timer = again === null ? null : setTimeout(() => this.#adopt() && this.#onadopt(), again);
		return added;
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

	/**
	 * Forgets edits of marks that are gone or changed: keys are `region:markId:updatedAt`, and
	 * `current` holds `markId:updatedAt` for the marks as they are now. New-mark edits stay.
	 */
	keepOnly(current: ReadonlySet<string>): void {
		let changed = false;
		for (const key of this.#edits.keys()) {
			const [, id, version] = key.split(':');
			if (id === 'new' || key.startsWith('paint:')) continue;
			if (!current.has(`${id}:${version}`)) changed = this.#edits.delete(key) || changed;
		}
		if (changed) this.#write();
	}

	/** Forgets every plan's unsaved edits in this tab (the tablet goes to a client, or locks). */
	static clearAll(storage: Pick<globalThis.Storage, 'key' | 'length' | 'removeItem'> | null = globalThis.sessionStorage ?? null): void {
		if (!storage) return;
		const keys: string[] = [];
		for (let i = 0; i < storage.length; i++) {
			const k = storage.key(i);
			if (k?.startsWith(UNSAVED_PREFIX)) keys.push(k);
		}
		keys.forEach((k) => storage.removeItem(k));
	}

	#read(): unknown {
		try {
			const raw = this.#storage?.getItem(this.#key);
			return raw ? JSON.parse(raw) : [];
		} catch {
			return []; // unreadable: start clean rather than fail the page
		}
	}

	#write(): void {
		if (deletedPlans.has(this.#planId)) return;
		const edits = [...this.#edits];
		this.#journal?.write(edits.length ? { base: {}, mine: { edits } } : null);
		try {
			if (edits.length) this.#storage?.setItem(this.#key, JSON.stringify(edits));
			else this.#storage?.removeItem(this.#key);
		} catch {
			// Storage full or disabled: the edits still live for this page.
		}
	}
}

/** The well-formed [key, state] pairs of a stored list. */
function editsOf(parsed: unknown): [string, EditorState][] {
	return Array.isArray(parsed) ? parsed.filter((e) => Array.isArray(e) && typeof e[0] === 'string' && e[1] && typeof e[1] === 'object') : [];
}
