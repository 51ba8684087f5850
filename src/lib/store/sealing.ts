/**
 * Whether a plan's treatment record is signed, asked inside the caller's transaction: a signed
 * session's plan and marks are part of its record (they draw its sheet, its body views and what
 * was planned), so the stores that change them refuse, or leave that plan out, in the same write.
 */
import type { Id } from '$lib/domain/records';
import { isLocked } from '$lib/domain/record/locked';
import type { TreatmentRecord } from '$lib/domain/record/types';
import type { SomamapDB } from './schema';

export async function recordSigned(db: SomamapDB, planId: Id): Promise<boolean> {
	const row = await db.records.where('planId').equals(planId).first();
	return !!row && isLocked(row as TreatmentRecord);
}
