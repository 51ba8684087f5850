/**
 * A plan's treatment record for reading only (the printed record): the stored one, or, for a plan
 * whose record was never opened, the draft its Record tab would make, built in memory and never
 * stored. Printing is a read; the draft is written only when someone opens the Record tab.
 */
import type { Id } from '$lib/domain/records';
import { newDraft } from '$lib/domain/record/lifecycle';
import { readTreatmentRecord } from '$lib/domain/record/read';
import { fitPrefill, prefillSoap } from '$lib/domain/record/soap';
import type { LockedRecord, TreatmentRecord } from '$lib/domain/record/types';
import { fail, ON_DEVICE, read, type StoreContext } from './core';
import { normaliseMark, normalisePlan } from './normalise';

/** The record and whether it is stored; null when the plan is not on this device. */
export async function previewRecord(ctx: StoreContext, planId: Id): Promise<{ record: TreatmentRecord | LockedRecord; stored: boolean } | null> {
	const { db, clock } = ctx;
	// One read-only transaction: the plan, its marks and its record as of the same moment.
	const [plan, marks, row] = await read(() =>
		db.transaction('r', [db.plans, db.marks, db.records], () =>
			Promise.all([db.plans.get(planId), db.marks.where('planId').equals(planId).toArray(), db.records.where('planId').equals(planId).first()])
		)
	);
	if (row) {
		const r = readTreatmentRecord(row, ON_DEVICE);
		if (!r.ok) fail(`This treatment record is damaged: ${r.problem}`);
		return { record: r.value, stored: true };
	}
	if (!plan) return null;
	const p = normalisePlan(plan);
	const draft = newDraft({ id: `unsaved-${planId}`, planId, clientId: p.clientId }, p.durationMin, fitPrefill(prefillSoap(p, marks.map(normaliseMark))), clock());
	// Through the same strict reader as a stored draft, so it prints exactly as the Record tab would show it.
	const r = readTreatmentRecord(draft, ON_DEVICE);
	if (!r.ok) fail(`This plan's draft record could not be made: ${r.problem}`);
	return { record: r.value, stored: false };
}
