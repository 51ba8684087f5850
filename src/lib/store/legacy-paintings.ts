/**
 * Paintings made on an older body model, moved onto the current one (issue 10). The move only
 * changes how a painting is stored (the vertices of another mesh), not what the person painted
 * or wrote: no other field, no `updatedAt`, and not the plan's (it is not an edit, and a backup
 * restored later compares `updatedAt` and keeps the moved patch, which is the same or newer).
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
	const wanted = new Set(versions);
	const rows = await read(() => store.db.marks.filter((m) => !!m.patch && wanted.has(m.patch.modelVersion)).toArray());
	return rows.map(normaliseMark);
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
