/**
 * Paintings made on an older body model, moved onto the current one (issue 10). The move only
 * changes how a painting is stored (the vertices of another mesh), not what the person painted
 * or wrote: no other field, no `updatedAt`, and not the plan's (it is not an edit, and a backup
 * restored later compares `updatedAt` and keeps the moved patch, which is the same or newer).
 *
 * Once a look finds none left, a settings row remembers it (with the old versions looked for),
 * so a start need not read every mark again; marks coming in (a restore, a hand-off) forget it.
 */
import type { Id, Mark, Patch } from '$lib/domain/records';
import { patchProblem } from '$lib/domain/marks';
import { read, write } from './core';
import { samePatches } from './marks';
import { normaliseMark } from './normalise';
import type { Store } from './store';

/** Marks whose painting was made on one of `versions` (any plan, any client). */
export async function marksPaintedOn(store: Store, versions: readonly string[]): Promise<Mark[]> {
	if (!versions.length) return [];
	const rows = await read(() => paintedOn(store, versions).toArray());
	return rows.map(normaliseMark);
}

const paintedOn = (store: Store, versions: readonly string[]) => {
	const wanted = new Set(versions);
	return store.db.marks.filter((m) => !!m.patch && wanted.has(m.patch.modelVersion));
};

/** The settings row: the old versions a look found no painting on. */
const SETTLED = 'paintingsSettled';
const versionKey = (versions: readonly string[]) => [...versions].sort().join(' ');

/** True when a look found no painting left on `versions` and no marks came in since (one row read). */
export async function paintingsSettled(store: Store, versions: readonly string[]): Promise<boolean> {
	return (await read(() => store.db.settings.get(SETTLED)))?.value === versionKey(versions);
}

/**
 * Looks for paintings on `versions` and, when there are none, remembers it: in one transaction,
 * so marks a restore writes meanwhile are either seen here or forget it after. True when none.
 */
export async function settleIfNoneLeft(store: Store, versions: readonly string[]): Promise<boolean> {
	const { db } = store;
	return write(db, [db.marks, db.settings], async () => {
		if (await paintedOn(store, versions).first()) return false;
		await db.settings.put({ key: SETTLED, value: versionKey(versions) });
		return true;
	});
}

/** Marks came in that may be painted on an old figure: the next start looks again. */
export async function forgetPaintingsSettled(store: Store): Promise<void> {
	const { db } = store;
	await write(db, [db.settings], () => db.settings.delete(SETTLED));
}

export interface PatchMove {
	id: Id;
	/** The patch as it was read: the move is made only if the mark still holds it. */
	from: Patch;
	to: Patch;
}

/**
 * Replaces each mark's old patch with its moved one, in one transaction (all or nothing). A mark
 * that no longer holds `from` (moved by another tab meanwhile, repainted, or deleted) is left as
 * it is. Returns the ids written.
 */
export async function replaceOldPatches(store: Store, moves: readonly PatchMove[]): Promise<Id[]> {
	for (const m of moves) {
		const problem = patchProblem(m.to);
		if (problem) throw new Error(`moved painting for mark ${m.id} is not sound: ${problem}`);
	}
	const { db } = store;
	return write(db, [db.marks], async () => {
		const current = await db.marks.bulkGet(moves.map((m) => m.id));
		const written: Mark[] = [];
		moves.forEach((m, i) => {
			const row = current[i];
			if (row?.patch && samePatches(row.patch, m.from)) written.push({ ...row, patch: m.to });
		});
		if (written.length) await db.marks.bulkPut(written);
		return written.map((m) => m.id);
	});
}
