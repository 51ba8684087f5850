/**
 * What is typed in a mark editor but not yet added or saved, per region and mark. Kept for the
 * tab's life (sessionStorage), so looking at another region, a reload, or the tablet sending the
 * app to the background loses none of it. Forgotten when the mark is saved, removed or changed
 * (keys carry the mark's version), all at once when the tablet is handed over or locked, and
 * for good when the plan is deleted (forgetPlans).
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
		Journal.forget([`plan:${id}`]); // the plan form's unsaved edits, in every tab
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

	constructor(planId: string, storage: Storage | null = globalThis.sessionStorage ?? null) {
		this.#planId = planId;
		this.#key = `${UNSAVED_PREFIX}${planId}`;
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
		if (deletedPlans.has(this.#planId)) return;
		try {
			if (this.#edits.size) this.#storage?.setItem(this.#key, JSON.stringify([...this.#edits]));
			else this.#storage?.removeItem(this.#key);
		} catch {
			// Storage full or disabled: the edits still live for this page.
		}
	}
}
