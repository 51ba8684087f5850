/**
 * Deleting a client or a plan, with the retention rule (issue 12): a signed record inside its
 * keeping period refuses the whole deletion; an unsigned one inside it needs a reason; whenever
 * treatment records go, a `deletions` row (schema v4) keeps what went, when, why and by whom, in
 * the same transaction as the deletion; so does every deletion of a client. `check` tells the screen
 * the same before it asks.
 * Loaded on first use (store.ts), so pages that never delete do not carry it.
 */
import { today, type Id } from '$lib/domain/records';
import { canDelete, consentsCheck, retentionRule, type DeleteCheck } from '$lib/domain/record/retention';
import { keptSessions, readReason, type Deletion, type DeletionKind, type DeletionWhy } from '$lib/domain/record/deletion';
import { StoreError } from './errors';
import { fail, newId, read, write, type StoreContext } from './core';
import { planCascade, removePlans, RETENTION_KEY } from './record-cascade';
import type { SomamapDB } from './schema';

/** What deleting would do: the retention check, and how many sessions are treatment records. */
export interface DeletionCheck extends DeleteCheck {
	/** Sessions that are treatment records (done or recorded), and how many of them are signed. */
	sessions: number;
	signed: number;
	plans: number;
	/** The client's signed consents (a client deletion only). */
	consents: number;
}

export type DeletionTarget = { kind: DeletionKind; id: Id };

const noClient = () => new StoreError('not-found', 'This client no longer exists.');
const noPlan = () => new StoreError('not-found', 'This plan no longer exists.');

/** The client and plans a target covers (inside the caller's transaction or read). */
async function scope(db: SomamapDB, target: DeletionTarget): Promise<{ clientId: Id; planIds: Id[] }> {
	if (target.kind === 'client') {
		if (!(await db.clients.get(target.id))) throw noClient();
		return { clientId: target.id, planIds: await db.plans.where('clientId').equals(target.id).primaryKeys() };
	}
	const plan = await db.plans.get(target.id);
	if (!plan) throw noPlan();
	return { clientId: plan.clientId, planIds: [plan.id] };
}

async function assess(db: SomamapDB, target: DeletionTarget, clientId: Id, planIds: Id[], now: number) {
	const [plans, records, details, rule, consents] = await Promise.all([
		db.plans.bulkGet(planIds),
		db.records.where('planId').anyOf(planIds).toArray(),
		db.clientDetails.get(clientId),
		db.settings.get(RETENTION_KEY),
		target.kind === 'client' ? db.consents.where('clientId').equals(clientId).toArray() : []
	]);
	const kept = keptSessions(plans.filter((p) => p !== undefined).map((p) => ({ ...p, outcome: p.outcome ?? null })), records);
	const client = { dateOfBirth: details?.dateOfBirth ?? null };
	const day = today(new Date(now));
	const check = canDelete(kept, client, retentionRule(rule?.value), day);
	// A signed consent is part of the clinical record: inside its period, deleting it needs a reason too.
	const signedAt = consents.map((c) => c.signedAt).filter((t) => Number.isFinite(t));
	const byConsent = consentsCheck(signedAt.map((t) => ({ signedAt: t })), client, retentionRule(rule?.value), day);
	const needsReason = check.allowed && (check.needsReason || byConsent.needsReason);
	return { allowed: check.allowed, needsReason, reasons: [...check.reasons, ...(check.allowed ? byConsent.reasons : [])], sessions: kept.length, signed: kept.filter((k) => k.status === 'locked').length, plans: planIds.length, consents: consents.length, recordIds: records.map((r) => r.id) };
}

export class Deletions {
	readonly #ctx: StoreContext;

	constructor(ctx: StoreContext) {
		this.#ctx = ctx;
	}

	/** What deleting the client or plan would meet, for the screen to say before it asks. */
	async check(target: DeletionTarget): Promise<DeletionCheck> {
		const { db, clock } = this.#ctx;
		return read(() =>
			db.transaction('r', [db.clients, db.plans, db.records, db.clientDetails, db.settings, db.consents], async () => {
				const { clientId, planIds } = await scope(db, target);
				const { recordIds: _, ...check } = await assess(db, target, clientId, planIds, clock());
				return check;
			})
		);
	}

	/**
	 * Deletes a client (with everything they own) or a plan (with its marks and record). Refused
	 * whole when a signed record must still be kept, or when unsigned records inside their period
	 * go without a reason. Returns the plans and treatment records that went (for the screens to
	 * forget their unsaved edits).
	 */
	async delete(target: DeletionTarget, why?: DeletionWhy): Promise<{ plans: number; planIds: Id[]; recordIds: Id[] }> {
		const { db, clock } = this.#ctx;
		const tables = [db.clients, db.consents, ...planCascade(db), db.deletions, db.practitioners];
		return write(db, tables, async () => {
			const now = clock();
			const { clientId, planIds } = await scope(db, target);
			const check = await assess(db, target, clientId, planIds, now);
			if (!check.allowed) fail(`Nothing was deleted. ${check.reasons.join(' ')}`);
			let reason = '';
			// Every screen that deletes asks first (DeleteDialog); a caller that did not is refused.
			if (!why && check.needsReason) fail(`Nothing was deleted. ${check.reasons.join(' ')} Please give the reason for deleting it.`);
			if (why || check.needsReason) {
				const r = readReason(why?.reason);
				if (r.ok) reason = r.value;
				else if (check.needsReason) fail(r.problem);
			}
			// Every client deletion is logged, records or not (a consent-only client too): the log is
			// what keeps a restore of an older backup from bringing them back (domain/backup/deleted).
			// A plan that was never a session is only a plan: it leaves no row.
			if (target.kind === 'client' || check.sessions > 0) {
				const client = await db.clients.get(clientId);
				const by = why?.practitionerId ? await db.practitioners.get(why.practitionerId) : undefined;
				const row: Deletion = {
					id: newId(), kind: target.kind, clientId, clientName: client?.name ?? '', planIds, recordIds: check.recordIds,
					sessions: check.sessions, signed: check.signed, ...(check.consents ? { consents: check.consents } : {}), at: now, reason, practitionerId: by?.id ?? null, practitionerName: by?.fullName ?? ''
				};
				await db.deletions.add(row);
			}
			await removePlans(db, planIds, now);
			if (target.kind === 'client') {
				await db.consents.where('clientId').equals(clientId).delete();
				await db.clientDetails.delete(clientId);
				await db.clients.delete(clientId);
			}
			return { plans: planIds.length, planIds, recordIds: check.recordIds };
		});
	}

	/** Every deletion kept, newest first. */
	async list(): Promise<Deletion[]> {
		const rows = await read(() => this.#ctx.db.deletions.toArray());
		return rows.sort((a, b) => b.at - a.at);
	}
}
