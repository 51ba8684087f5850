/**
 * Deleting treatment records with a reason (issue 12): which of a client's or a plan's sessions
 * count as records to keep, the reason a person gives, and the row that keeps what was deleted
 * (never the health data itself: who, which ids, when, why, by whom). Pure; the store writes the
 * row in the same transaction as the deletion (store/deletions.ts).
 */
import { cleanText } from '../clean-text';
import type { Id, Plan, Timestamp } from '../records';
import type { TreatmentRecord } from './types';
import { isLocked } from './locked';

/** What a deletion kept a row for. */
export type DeletionKind = 'client' | 'plan';

/** One deletion of treatment records, kept after them (schema v4, table `deletions`). */
export interface Deletion {
	id: Id;
	kind: DeletionKind;
	clientId: Id;
	/** The client's name as it was, so the log still says whose records went. */
	clientName: string;
	planIds: Id[];
	recordIds: Id[];
	/** Sessions that counted as treatment records (done, or with a record), and how many were signed. */
	sessions: number;
	signed: number;
	/** Signed consents that went with a client (absent when none, and in rows made before it was counted). */
	consents?: number;
	at: Timestamp;
	reason: string;
	/** The practitioner chosen on this device when it was deleted, if any, and their name then. */
	practitionerId: Id | null;
	practitionerName: string;
}

/** What the person gives with a deletion. */
export interface DeletionWhy {
	reason: string;
	practitionerId: Id | null;
}

export const REASON_MAX = 1000;

/** The reason as kept: hidden characters out, trimmed; or the problem in words. */
export function readReason(v: unknown): { ok: true; value: string } | { ok: false; problem: string } {
	const s = typeof v === 'string' ? cleanText(v, true).trim() : '';
	if ((s.match(/\p{L}/gu) ?? []).length < 3) {
		return { ok: false, problem: 'Please give a reason for deleting these records (for example “the client asked for their records to be transferred”). It is kept.' };
	}
	if (s.length > REASON_MAX) return { ok: false, problem: `The reason is too long (${s.length} characters; at most ${REASON_MAX}).` };
	return { ok: true, value: s };
}

type KeptRecord = Pick<TreatmentRecord, 'status' | 'startedAt' | 'endedAt' | 'createdAt'>;
type SessionPlan = Pick<Plan, 'id' | 'date' | 'status' | 'outcome'>;
type StoredRecord = Pick<TreatmentRecord, 'planId' | 'status' | 'startedAt' | 'endedAt' | 'createdAt'>;

/** Midday of a 'YYYY-MM-DD' day in local time: a moment whose local day is that day. */
function middayOf(day: string): number {
	const [y, m, d] = day.split('-').map(Number);
	return new Date(y, m - 1, d, 12).getTime();
}

/**
 * The sessions that are treatment records, as the retention rule reads them: each plan's record
 * (draft or signed; a row with a signature or hash counts as signed), and a plan with no record
 * that took place (done, or with an outcome) as an unsigned record of its day. A plan never
 * carried out and never recorded is only a plan: it needs no keeping.
 */
export function keptSessions(plans: readonly SessionPlan[], records: readonly StoredRecord[]): KeptRecord[] {
	const byPlan = new Map(records.map((r) => [r.planId, r]));
	const out: KeptRecord[] = [];
	for (const p of plans) {
		const r = byPlan.get(p.id);
		if (r) out.push({ status: isLocked(r as TreatmentRecord) ? 'locked' : 'draft', startedAt: r.startedAt, endedAt: r.endedAt, createdAt: r.createdAt });
		else if (p.status === 'done' || p.outcome) out.push({ status: 'draft', startedAt: null, endedAt: null, createdAt: middayOf(p.date) });
	}
	return out;
}
