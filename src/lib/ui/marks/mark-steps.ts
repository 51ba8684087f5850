/**
 * Undo steps for changes to a plan's marks: each a store write and its reverse. A step only
 * puts a mark back if nobody changed it since this tab last wrote it, so an undo never
 * overwrites an edit made in between, e.g. in another window. "Since this tab last wrote it":
 * steps of one mark follow each other (undoing two changes in a row is two writes of this tab),
 * so the version each write left is kept per store and mark, shared by all steps.
 */
import type { Mark } from '$lib/domain/records';
import type { Store } from '$lib/store';
import type { History, Step } from '$lib/ui/history';

const versions = new WeakMap<Store, Map<string, number>>();
function versionsOf(store: Store): Map<string, number> {
	let v = versions.get(store);
	if (!v) versions.set(store, (v = new Map()));
	return v;
}

/** This tab wrote `mark` (the mark editor's saves, the steps below): the next undo builds on it. */
export function wrote(store: Store, mark: Mark): Mark {
	versionsOf(store).set(mark.id, mark.updatedAt);
	return mark;
}

/** Puts `mark` back, provided it is still as this tab last wrote it (`fallback` when it never did). */
async function putBack(store: Store, mark: Mark, fallback: number | null): Promise<void> {
	const expected = versionsOf(store).get(mark.id) ?? fallback;
	wrote(store, await store.restoreMark(mark, expected));
}

async function removeIt(store: Store, id: string): Promise<void> {
	await store.removeMark(id);
	versionsOf(store).delete(id);
}

export function addedStep(store: Store, mark: Mark, label: string): Step {
	wrote(store, mark);
	return {
		label: `adding ${label}`,
		undo: () => removeIt(store, mark.id),
		redo: async () => void wrote(store, await store.restoreMark(mark, null))
	};
}

export function changedStep(store: Store, before: Mark, after: Mark, label: string): Step {
	wrote(store, after);
	return {
		label: `changes to ${label}`,
		undo: () => putBack(store, before, after.updatedAt),
		redo: () => putBack(store, after, after.updatedAt)
	};
}

export function removedStep(store: Store, mark: Mark, label: string): Step {
	return {
		label: `removing ${label}`,
		undo: async () => void wrote(store, await store.restoreMark(mark, null)),
		redo: () => removeIt(store, mark.id)
	};
}

/** A change made in the mark editor, which saves as it goes: one step per change, not per write. */
export interface EditStep extends Step {
	readonly markId: string;
	/** The fields the change touched, sorted and joined ('note', 'intensity'). */
	readonly fields: string;
	/** When its last write landed (ms). */
	lastAt: number;
	/** Another write of the same change landed: the step now ends there. */
	extend(after: Mark, label: string, at: number): void;
}

/** How long a run of writes to one field counts as one change: typing a note, a slider dragged. */
export const RUN_MS: Record<string, number> = { note: 10_000, intensity: 1500 };

export function editStep(store: Store, before: Mark, after: Mark, label: string, fields: readonly string[], at: number): EditStep {
	wrote(store, after);
	let target = after;
	const step: EditStep = {
		label: `changes to ${label}`,
		markId: after.id,
		fields: [...fields].sort().join(','),
		lastAt: at,
		undo: () => putBack(store, before, target.updatedAt),
		redo: () => putBack(store, target, target.updatedAt),
		extend(a, l, t) {
			wrote(store, a);
			target = a;
			step.label = `changes to ${l}`;
			step.lastAt = t;
		}
	};
	return step;
}

/**
 * One write of the editor may carry several changes made within its throttle (a feeling chosen,
 * then the strength): each is its own step, in the order of the fields. A depth and the deeper
 * muscle it offers are one change.
 */
export function changeGroups(fields: readonly string[]): string[][] {
	const out: string[][] = [];
	for (const f of fields) {
		if (f === 'structure' && fields.includes('depth')) continue;
		out.push(f === 'depth' && fields.includes('structure') ? ['depth', 'structure'] : [f]);
	}
	return out;
}

/**
 * Records a write of the mark editor on `history`: a step per change, each grown by more of the
 * same change (continues) while it is on top and nothing was undone.
 */
export function recordEdit(history: History, store: Store, before: Mark, after: Mark, fields: readonly string[], label: string, at: number): void {
	let from = before;
	for (const group of changeGroups(fields)) {
		const to: Mark = { ...from, ...Object.fromEntries(group.map((k) => [k, after[k as keyof Mark]])), updatedAt: after.updatedAt };
		const top = history.top;
		if (!history.canRedo && continues(top, after.id, group, at)) {
			top.extend(to, label, at);
			history.touched();
		} else history.push(editStep(store, from, to, label, group, at));
		from = to;
	}
}

/**
 * Whether a write continues the step on top rather than making a new one: more of the same
 * note being typed, or the intensity slider still moving, on the same mark. A choice (a
 * sensation, a depth, a pressure) is always a step of its own.
 */
export function continues(top: Step | undefined, markId: string, fields: readonly string[], at: number): top is EditStep {
	if (!top || !('extend' in top)) return false;
	const step = top as EditStep;
	const key = [...fields].sort().join(',');
	const run = RUN_MS[key];
	return step.markId === markId && step.fields === key && run !== undefined && at - step.lastAt <= run;
}
