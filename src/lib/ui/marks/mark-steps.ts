/**
 * Undo steps for changes to a plan's marks: each a store write and its reverse. A step only
 * puts a mark back if nobody changed it since (the `updatedAt` it last wrote), so an undo never
 * overwrites an edit made in between, e.g. in another window.
 */
import type { Mark } from '$lib/domain/records';
import type { Store } from '$lib/store';
import type { Step } from '$lib/ui/history';

export function addedStep(store: Store, mark: Mark, label: string): Step {
	return {
		label: `adding ${label}`,
		undo: async () => void (await store.removeMark(mark.id)),
		redo: async () => void (await store.restoreMark(mark, null))
	};
}

export function changedStep(store: Store, before: Mark, after: Mark, label: string): Step {
	let current = after.updatedAt;
	return {
		label: `changes to ${label}`,
		undo: async () => void (current = (await store.restoreMark(before, current)).updatedAt),
		redo: async () => void (current = (await store.restoreMark(after, current)).updatedAt)
	};
}

export function removedStep(store: Store, mark: Mark, label: string): Step {
	return {
		label: `removing ${label}`,
		undo: async () => void (await store.restoreMark(mark, null)),
		redo: async () => void (await store.removeMark(mark.id))
	};
}
