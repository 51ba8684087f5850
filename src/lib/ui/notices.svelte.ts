/**
 * Messages for the user that outlive a page: failed saves, storage trouble, a newer tab.
 * The layout shows them in an alert region; pages call `notices.error(e)`.
 */
import { toStoreError, type StoreStatus } from '$lib/store';

export interface Notice {
	id: number;
	kind: 'error' | 'info';
	text: string;
}

class Notices {
	#list = $state.raw<Notice[]>([]);
	#status = $state<StoreStatus>('ok');
	#next = 1;

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

	info(text: string): void {
		this.#list = [...this.#list, { id: this.#next++, kind: 'info', text }];
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
