/**
 * Undo steps for changes to a plan's marks, each a store write and its exact reverse. The store
 * puts a mark back byte for byte (`restoreMark`), so redo after undo gives the same record.
 */
import type { Mark } from '$lib/domain/records';
import type { Store } from '$lib/store';
import type { Step } from '$lib/ui/history';

export function addedStep(store: Store, mark: Mark, label: string): Step {
	return {
		label: `adding ${label}`,
		undo: async () => void (await store.removeMark(mark.id)),
		redo: () => store.restoreMark(mark)
	};
}

export function changedStep(store: Store, before: Mark, after: Mark, label: string): Step {
	return {
		label: `changes to ${label}`,
		undo: () => store.restoreMark(before),
		redo: () => store.restoreMark(after)
	};
}

export function removedStep(store: Store, mark: Mark, label: string): Step {
	return {
		label: `removing ${label}`,
		undo: () => store.restoreMark(mark),
		redo: async () => void (await store.removeMark(mark.id))
	};
}
