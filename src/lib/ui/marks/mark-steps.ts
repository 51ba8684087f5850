/**
 * Undo steps for changes to a plan's marks: each a store write and its reverse. A step puts back
 * only its own fields, with the values it left as the base (`store.updateMark(id, before, after)`),
 * so the store's field-level check refuses an undo over a change made since (e.g. in another tab)
 * and any other field changed meanwhile is left alone. Undoing an addition removes the mark only
 * while it is still as this tab last wrote it.
 */
import type { MarkInput } from '$lib/domain/marks';
import { sameValue } from '$lib/domain/merge';
import type { Mark } from '$lib/domain/records';
import type { Store } from '$lib/store';
import { StoreError } from '$lib/store/errors';
import type { MarkPatch } from '$lib/store/store';
import { stale, type History, type Step } from '$lib/ui/history';

/** A mark's fields a step may change (not its id, plan or times). */
export const STEP_FIELDS = ['region', 'patch', 'sensation', 'intensity', 'depth', 'structure', 'pressure', 'note', 'author', 'carried'] as const;
export type StepField = (typeof STEP_FIELDS)[number];

/** What a refused undo (or redo) says: the data stays as it is. */
export const CHANGED_SINCE = "Changed in another tab since — can't undo that.";
const refused = (what: 'Changed' | 'Removed', action: Action) => `${what} in another tab since — can't ${action} that.`;
type Action = 'undo' | 'redo';

const pick = (m: Mark, fields: readonly string[]): MarkPatch => Object.fromEntries(fields.map((k) => [k, m[k as StepField]])) as MarkPatch;

/** The fields in which two versions of a mark differ. */
export function changedFields(a: Mark, b: Mark): StepField[] {
	return STEP_FIELDS.filter((k) => !sameValue(a[k] ?? null, b[k] ?? null));
}

const lastWrites = new WeakMap<Store, Map<string, Mark>>();
function lastOf(store: Store): Map<string, Mark> {
	let v = lastWrites.get(store);
	if (!v) lastWrites.set(store, (v = new Map()));
	return v;
}

/** This tab wrote `mark` (the mark editor's saves, the steps below): undoing its addition checks against it. */
export function wrote(store: Store, mark: Mark): Mark {
	lastOf(store).set(mark.id, mark);
	return mark;
}

/** Sets `fields` of the mark to their values in `to`, provided they still hold their values in `from`. */
async function putFields(store: Store, id: string, to: Mark, from: Mark, fields: readonly string[], action: Action): Promise<void> {
	try {
		wrote(store, await store.updateMark(id, pick(to, fields), pick(from, fields)));
	} catch (e) {
		if (e instanceof StoreError && e.kind === 'conflict') throw stale(new StoreError('conflict', refused('Changed', action), { cause: e }));
		if (e instanceof StoreError && e.kind === 'not-found') throw stale(new StoreError('not-found', refused('Removed', action), { cause: e }));
		throw e;
	}
}

/** Removes the mark, provided it is still as this tab last wrote it (else refused, nothing changed). */
async function removeIt(store: Store, planId: string, id: string, action: Action): Promise<void> {
	const now = (await store.listMarks(planId)).find((m) => m.id === id);
	if (!now) return; // already gone
	const mine = lastOf(store).get(id);
	if (mine && changedFields(now, mine).length) throw stale(new StoreError('conflict', refused('Changed', action)));
	await store.removeMark(id);
	lastOf(store).delete(id);
}

export function addedStep(store: Store, mark: Mark, label: string): Step {
	wrote(store, mark);
	return {
		label: `adding ${label}`,
		undo: () => removeIt(store, mark.planId, mark.id, 'undo'),
		redo: async () => void wrote(store, await store.restoreMark(mark, null))
	};
}

/**
 * A change this tab wrote (`before` → `after`): `fields` are the ones it wrote, by default all that
 * differ. Only those are put back, so another tab's change to the rest stays.
 */
export function changedStep(store: Store, before: Mark, after: Mark, label: string, fields: readonly StepField[] = changedFields(before, after)): Step {
	wrote(store, after);
	return {
		label: `changes to ${label}`,
		undo: () => putFields(store, after.id, before, after, fields, 'undo'),
		redo: () => putFields(store, after.id, after, before, fields, 'redo')
	};
}

export function removedStep(store: Store, mark: Mark, label: string): Step {
	return {
		label: `removing ${label}`,
		undo: async () => void wrote(store, await store.restoreMark(mark, null)),
		redo: () => removeIt(store, mark.planId, mark.id, 'redo')
	};
}

/** A repaint could not be saved: another tab changed what the person changed too. */
export class RepaintClash extends Error {
	/** The mark as stored now: the next save builds on it. */
	readonly stored: Mark;
	constructor(stored: Mark, fields: readonly StepField[]) {
		const words = [...new Set(fields.map((f) => FIELD_WORDS[f]))].join(', ');
		super(`While you repainted it, this mark was changed in another tab (${words}). Your painting is still here: paint on (or undo) to save yours over it.`);
		this.name = 'RepaintClash';
		this.stored = stored;
	}
}

const FIELD_WORDS: Record<StepField, string> = {
	region: 'its painted area',
	patch: 'its painted area',
	sensation: 'what it feels like',
	intensity: 'its strength',
	depth: 'its depth',
	structure: 'the deeper muscle',
	pressure: 'the pressure',
	note: 'the note',
	author: 'who made it',
	carried: 'whether it is still there'
};

/**
 * Saves a repainted mark: the painting, and those fields the person changed in its form since the
 * repaint began (`before`), each with its value then as the base. A field another tab changed
 * meanwhile that the person left alone stays as that tab saved it; one both changed is refused
 * as a RepaintClash (nothing written). Returns the mark as written and the fields written.
 */
export async function saveRepaint(store: Store, before: Mark, input: MarkInput): Promise<{ mark: Mark; fields: StepField[] }> {
	const mine: Mark = { ...before, ...pick({ ...before, ...input, patch: input.patch ?? null } as Mark, STEP_FIELDS) };
	const fields = STEP_FIELDS.filter((k) => k === 'patch' || k === 'region' || !sameValue(mine[k] ?? null, before[k] ?? null));
	try {
		return { mark: wrote(store, await store.updateMark(before.id, pick(mine, fields), pick(before, fields))), fields };
	} catch (e) {
		if (!(e instanceof StoreError && e.kind === 'conflict')) throw e;
		const now = (await store.listMarks(before.planId)).find((m) => m.id === before.id);
		if (!now) throw e;
		// Already as this tab would write it (another page wrote the same strokes): nothing to refuse.
		if (fields.every((k) => sameValue(now[k] ?? null, mine[k] ?? null))) return { mark: wrote(store, now), fields };
		const clash = fields.filter((k) => !sameValue(now[k] ?? null, before[k] ?? null) && !sameValue(now[k] ?? null, mine[k] ?? null));
		throw new RepaintClash(now, clash.length ? clash : fields);
	}
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
	// The first change to a mark carried from last session also confirmed it: undone together.
	const own = before.carried && !after.carried ? [...fields, 'carried'] : fields;
	const step: EditStep = {
		label: `changes to ${label}`,
		markId: after.id,
		fields: [...fields].sort().join(','),
		lastAt: at,
		undo: () => putFields(store, after.id, before, target, own, 'undo'),
		redo: () => putFields(store, after.id, target, before, own, 'redo'),
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
		const to: Mark = { ...from, ...Object.fromEntries(group.map((k) => [k, after[k as keyof Mark]])), carried: after.carried, updatedAt: after.updatedAt };
		const top = history.top;
		if (!history.canRedo && continues(top, after.id, group, at)) {
			top.extend(to, label, at);
			history.touched();
		} else history.push(editStep(store, from, to, label, group, at));
		from = to;
	}
	wrote(store, after); // the mark as stored after the write, other tabs' merged changes and all
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
