/**
 * Whether a record is locked, on its own so the store's deletion checks can ask without loading
 * the rest of the record's code (lifecycle.ts re-exports it).
 */
import type { LockedRecord, TreatmentRecord } from './types';

/** Locked by its status, or by carrying a signature or a hash (a row that claims otherwise). */
export function isLocked(r: TreatmentRecord): boolean {
	const o = r as Partial<LockedRecord>;
	return r.status === 'locked' || o.signature !== undefined || o.hash !== undefined;
}

/** A signed session's marks are part of its record (they draw its body views): said when a change to them is refused. */
export const MARKS_SEALED = "This session's record is signed: its marks cannot change. Add an addendum to correct it.";

/** The same for the rest of a signed session's plan (its sheet, health check, notes and outcome). */
export const PLAN_SEALED = "This session's record is signed: its plan, notes and outcome cannot change. Add an addendum to correct it.";
