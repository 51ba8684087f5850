/**
 * Messages for the user: failed saves, storage trouble, what an action did. The layout shows them
 * in an alert region; pages call `notices.error(e)`. A notice belongs to the page it was raised on
 * and goes when the person moves to another page ("The addendum is signed" has nothing to say on
 * the session sheet), unless it was raised for the next page: an action that ends by going
 * elsewhere ("The plan … was deleted", then home) says so there, once. The store's status (a newer
 * tab, a blocked update) is not a notice and stays.
 */
import { toStoreError, type StoreStatus } from '$lib/store';

export interface Notice {
	id: number;
	kind: 'error' | 'info';
	text: string;
	/** Raised just before going to another page, to be read there. */
	carry?: boolean;
}

class Notices {
	#list = $state.raw<Notice[]>([]);
	#status = $state<StoreStatus>('ok');
	#next = 1;
	/** The notices on show when the person began to leave the page. */
	#leaving = new Set<number>();

	get list(): Notice[] {
		return this.#list;
	}

	/** 'outdated' when another tab upgraded the database: this tab must reload. */
	get status(): StoreStatus {
		return this.#status;
	}
	set status(value: StoreStatus) {
		this.#status = value;
	}

	/** Shows what went wrong in words a user can act on; returns the notice's id (to dismiss it once mended). */
	error(e: unknown): number {
		const text = toStoreError(e).message;
		// The same message twice in a row adds nothing.
		const same = this.#list.find((n) => n.text === text);
		if (same) return same.id;
		const id = this.#next++;
		this.#list = [...this.#list, { id, kind: 'error', text }];
		return id;
	}

	/** A problem that is not the store's, in the app's own words. */
	problem(text: string): void {
		if (this.#list.some((n) => n.text === text)) return;
		this.#list = [...this.#list, { id: this.#next++, kind: 'error', text }];
	}

	/** `next`: the action goes on to another page, where the notice is shown (and then belongs). */
	info(text: string, next = false): void {
		this.#list = [...this.#list, { id: this.#next++, kind: 'info', text, carry: next }];
	}

	/** A navigation starts: what shows now belongs to the page being left (a carried notice is for the next). */
	leaving(): void {
		this.#leaving = new Set(this.#list.filter((n) => !n.carry).map((n) => n.id));
	}

	/** A navigation ended: the old page's notices go; carried ones and any raised on the way stay, now this page's. */
	arrived(): void {
		const gone = this.#leaving;
		this.#leaving = new Set();
		if (!gone.size && !this.#list.some((n) => n.carry)) return;
		this.#list = this.#list.filter((n) => !gone.has(n.id)).map((n) => (n.carry ? { ...n, carry: false } : n));
	}

	/** Takes every notice down (a lock or a hand-over: they may name a client). */
	clear(): void {
		this.#list = [];
	}

	dismiss(id: number): void {
		this.#list = this.#list.filter((n) => n.id !== id);
	}
}

export const notices = new Notices();
