/**
 * Removing plans (alone or with their client) with everything they own: marks and treatment
 * records, inside the caller's transaction. Only deletions.ts removes plans, and it loads with the
 * records (store.ts), so none of this, nor the retention rule, is in the store's first load (the
 * planner's byte budget).
 */
import type { Table } from 'dexie';
import { today, type Id } from '$lib/domain/records';
import { isLocked } from '$lib/domain/record/locked';
import { canDelete, retentionRule } from '$lib/domain/record/retention';
import type { LockedRecord, TreatmentRecord } from '$lib/domain/record/types';
import { fail } from './core';
import type { SomamapDB } from './schema';

/** The settings key of the clinic's retention rule (domain/record/retention RETENTION_RULES id). */
export const RETENTION_KEY = 'retentionRule';

/** The tables removing plans touches (the plans and what they own: marks, treatment records). */
export function planCascade(db: SomamapDB): Table[] {
	return [db.plans, db.marks, ...recordCascade(db)];
}

/**
 * Removes plans with everything they own, inside the caller's transaction (planCascade's tables);
 * refused whole while one of their signed records must still be kept.
 */
export async function removePlans(db: SomamapDB, planIds: Id[], now: number): Promise<void> {
	await removeRecordsOfPlans(db, planIds, now);
	await db.marks.where('planId').anyOf(planIds).delete();
	await db.plans.bulkDelete(planIds);
}

/** The tables removing records touches (and the retention check reads). */
export function recordCascade(db: SomamapDB): Table[] {
	return [db.records, db.recordHistory, db.addenda, db.chainHeads, db.clientDetails, db.settings];
}

/**
 * Removes the records of `planIds` with their history, addenda and heads, inside the caller's
 * transaction (recordCascade's tables). Refuses, whole, when one is a signed record still inside
 * its keeping period; a draft may go (the screen asks for a reason and warns first).
 */
export async function removeRecordsOfPlans(db: SomamapDB, planIds: Id[], now: number): Promise<void> {
	const rows = await db.records.where('planId').anyOf(planIds).toArray();
	if (!rows.length) return;
	await refuseInsidePeriod(db, rows, now);
	const ids = rows.map((r) => r.id);
	await db.recordHistory.where('recordId').anyOf(ids).delete();
	await db.addenda.where('recordId').anyOf(ids).delete();
	await db.chainHeads.bulkDelete(ids);
	await db.records.bulkDelete(ids);
}

async function refuseInsidePeriod(db: SomamapDB, rows: (TreatmentRecord | LockedRecord)[], now: number): Promise<void> {
	const rule = retentionRule((await db.settings.get(RETENTION_KEY))?.value);
	for (const clientId of new Set(rows.map((r) => r.clientId))) {
		const details = await db.clientDetails.get(clientId);
		const kept = rows
			.filter((r) => r.clientId === clientId)
			// A row carrying a signature or a hash counts as locked, whatever its status says.
			.map((r) => ({ status: isLocked(r) ? ('locked' as const) : ('draft' as const), startedAt: r.startedAt, endedAt: r.endedAt, createdAt: r.createdAt }));
		const check = canDelete(kept, { dateOfBirth: details?.dateOfBirth ?? null }, rule, today(new Date(now)));
		if (!check.allowed) fail(`Nothing was deleted. ${check.reasons.join(' ')}`);
	}
}
