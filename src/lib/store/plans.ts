/**
 * Plans: a client's session plans. A plan owns its marks and its treatment record, so removing
 * plans (record-cascade.ts, with their client or alone) removes those in the same transaction.
 */
import { defaultPlanFields, today, type Id, type Mark, type Plan } from '$lib/domain/records';
import { validatePlan, type PlanInput } from '$lib/domain/validation';
import { asStoredPlan, cleanPlan } from '$lib/domain/clean-text';
import { clientFullMessage, MAX_PLANS_PER_CLIENT } from '$lib/domain/limits';
import { followUpOf } from '$lib/domain/follow-up';
import { StoreError } from './errors';
import { normaliseMark, normalisePlan } from './normalise';
import { fail, failOnFirst, later, newId, read, unchanged, write, type StoreContext } from './core';
import type { SomamapDB } from './schema';
import { recordSigned } from './sealing';
import { PLAN_SEALED } from '$lib/domain/record/locked';

/** A plan as listed on the home screen, with its client's name. */
export interface PlanSummary {
	id: Id;
	clientId: Id;
	clientName: string;
	title: string;
	date: string;
	status: Plan['status'];
	updatedAt: number;
}

export type PlanPatch = Partial<Omit<Plan, 'id' | 'clientId' | 'createdAt' | 'updatedAt'>>;

/** A new plan row for `clientId`, checked (then stamped by `clock`); not yet written. */
export function planRow(clientId: Id, raw: PlanInput, clock: () => number): Plan {
	const input = cleanPlan(raw);
	failOnFirst(validatePlan(input));
	const now = clock();
	return {
		...defaultPlanFields(),
		id: newId(),
		clientId,
		title: input.title.trim(),
		date: input.date,
		status: input.status ?? 'draft',
		createdAt: now,
		updatedAt: now
	};
}

/** Refuses a plan past the cap (domain/limits), inside the caller's transaction. */
export async function roomForPlan(db: SomamapDB, clientId: Id): Promise<void> {
	if ((await db.plans.where('clientId').equals(clientId).count()) >= MAX_PLANS_PER_CLIENT) fail(clientFullMessage());
}

/** Marks the plan as changed now, inside the caller's transaction. */
export async function touchPlan(db: SomamapDB, planId: Id, now: number): Promise<void> {
	const n = await db.plans.where('id').equals(planId).modify((p) => void (p.updatedAt = later(now, p.updatedAt)));
	if (n === 0) throw new StoreError('not-found', 'This plan no longer exists.');
}

export class Plans {
	readonly #ctx: StoreContext;

	constructor(ctx: StoreContext) {
		this.#ctx = ctx;
	}

	async create(clientId: Id, input: PlanInput): Promise<Plan> {
		const { db, clock } = this.#ctx;
		const plan = planRow(clientId, input, clock);
		await write(db, [db.clients, db.plans], async () => {
			if (!(await db.clients.get(clientId))) throw new StoreError('not-found', 'This client no longer exists.');
			await roomForPlan(db, clientId);
			await db.plans.add(plan);
		});
		return plan;
	}

	async update(id: Id, patch: PlanPatch, expected?: PlanPatch): Promise<Plan> {
		const { db, clock } = this.#ctx;
		return write(db, [db.plans, db.records], async () => {
			const current = await db.plans.get(id);
			if (!current) throw new StoreError('not-found', 'This plan no longer exists.');
			if (await recordSigned(db, id)) fail(PLAN_SEALED);
			const clean = asStoredPlan(patch);
			unchanged(normalisePlan(current), clean, expected);
			const next = { ...normalisePlan(current), ...clean, updatedAt: later(clock(), current.updatedAt) };
			failOnFirst(validatePlan(next));
			await db.plans.put(next);
			return next;
		});
	}

	/** See Store.createFollowUp. */
	async followUp(fromPlanId: Id, agreed: { consentId: Id | null; areas: readonly number[] } = { consentId: null, areas: [] }): Promise<{ plan: Plan; marks: Mark[] }> {
		const { db, clock } = this.#ctx;
		const { plans, marks } = db;
		return write(db, [plans, marks, db.consents], async () => {
			const from = await plans.get(fromPlanId);
			if (!from) throw new StoreError('not-found', 'This plan no longer exists.');
			await roomForPlan(db, from.clientId);
			const now = clock();
			const rows = (await marks.where('planId').equals(fromPlanId).toArray()).map(normaliseMark);
			// The consent checked before this transaction must still be this client's and not withdrawn since.
			const held = agreed.consentId ? await db.consents.get(agreed.consentId) : undefined;
			const areas = held && held.clientId === from.clientId && held.withdrawnAt === null ? agreed.areas : [];
			const out = followUpOf(normalisePlan(from), rows, { now, date: today(new Date(now)), newId, agreed: areas });
			failOnFirst(validatePlan(out.plan));
			await plans.add(out.plan);
			await marks.bulkAdd(out.marks);
			return out;
		});
	}

	async get(id: Id): Promise<Plan | undefined> {
		const row = await read(() => this.#ctx.db.plans.get(id));
		return row && normalisePlan(row);
	}

	async listForClient(clientId: Id): Promise<Plan[]> {
		const { db } = this.#ctx;
		const rows = await read(() => db.plans.where('[clientId+date]').between([clientId, ''], [clientId, '\uffff']).toArray());
		return rows.map(normalisePlan).sort(byDateDesc);
	}

	/** The most recently changed plans, with their clients' names. */
	async listRecent(limit: number): Promise<PlanSummary[]> {
		const { db } = this.#ctx;
		return read(async () => {
			const rows = await db.plans.orderBy('updatedAt').reverse().limit(limit).toArray();
			const clientIds = [...new Set(rows.map((p) => p.clientId))];
			const clients = await db.clients.bulkGet(clientIds);
			const names = new Map(clients.filter((c) => c).map((c) => [c!.id, c!.name]));
			return rows.map((p) => ({
				id: p.id,
				clientId: p.clientId,
				clientName: names.get(p.clientId) ?? 'Unknown client',
				title: p.title,
				date: p.date,
				status: p.status,
				updatedAt: p.updatedAt
			}));
		});
	}
}

function byDateDesc(a: Plan, b: Plan): number {
	return a.date === b.date ? b.updatedAt - a.updatedAt : a.date < b.date ? 1 : -1;
}
