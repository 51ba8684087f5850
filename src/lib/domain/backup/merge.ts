/**
 * How a checked backup meets the records already on the device. Pure: the store looks up the
 * device's copies and passes them in. A record is matched by id; the file's copy replaces the
 * device's only when it was changed later (updatedAt). Nothing on the device is ever deleted.
 */
import type { Client, Id, Mark, Plan } from '$lib/domain/records';
import type { BackupData } from './format';
import { formatDate } from '$lib/domain/dates';
import { count, MAX_MARKS_PER_PLAN, MAX_PLANS_PER_CLIENT } from '$lib/domain/limits';

/** The device's copies of the records the file names (by id or by reference). */
export interface Existing {
	clients: ReadonlyMap<Id, Pick<Client, 'id' | 'updatedAt'> & Partial<Pick<Client, 'build'>>>;
	plans: ReadonlyMap<Id, Pick<Plan, 'id' | 'clientId' | 'updatedAt'>>;
	marks: ReadonlyMap<Id, Pick<Mark, 'id' | 'planId' | 'updatedAt'>>;
}

/** What happens to one record of the file. */
export type MergeAction = 'add' | 'update' | 'older' | 'same';

export interface TableMerge<T> {
	/** New to this device. */
	add: T[];
	/** Newer than the device's copy: replaces it. */
	update: T[];
	/** The device's copy is newer: kept as it is. */
	older: number;
	/** Same date as the device's copy: kept as it is. */
	same: number;
}

export interface MergePlan {
	clients: TableMerge<Client>;
	plans: TableMerge<Plan>;
	marks: TableMerge<Mark>;
}

export function mergeAction(incoming: { updatedAt: number }, device: { updatedAt: number } | undefined): MergeAction {
	if (!device) return 'add';
	if (incoming.updatedAt > device.updatedAt) return 'update';
	return incoming.updatedAt < device.updatedAt ? 'older' : 'same';
}

function mergeTable<T extends { id: Id; updatedAt: number }>(
	rows: readonly T[],
	device: ReadonlyMap<Id, { updatedAt: number }>
): TableMerge<T> {
	const out: TableMerge<T> = { add: [], update: [], older: 0, same: 0 };
	for (const row of rows) {
		const action = mergeAction(row, device.get(row.id));
		if (action === 'add' || action === 'update') out[action].push(row);
		else out[action]++;
	}
	return out;
}

/**
 * @param fileVersion the file's format version: a file from before the body build (format 3)
 *                    knows nothing of it, so a client it updates keeps the build chosen here.
 */
export function planMerge(data: BackupData, existing: Existing, fileVersion = 3): MergePlan {
	const clients = mergeTable(data.clients, existing.clients);
	if (fileVersion < 3) clients.update = clients.update.map((c) => ({ ...c, build: existing.clients.get(c.id)?.build ?? c.build }));
	return {
		clients,
		plans: mergeTable(data.plans, existing.plans),
		marks: mergeTable(data.marks, existing.marks)
	};
}

/** Ids the store must look up: every id in the file and every id a record refers to. */
export function idsToLookUp(data: BackupData): { clients: Id[]; plans: Id[]; marks: Id[] } {
	const clients = new Set(data.clients.map((c) => c.id));
	for (const p of data.plans) clients.add(p.clientId);
	const plans = new Set(data.plans.map((p) => p.id));
	for (const m of data.marks) plans.add(m.planId);
	return { clients: [...clients], plans: [...plans], marks: data.marks.map((m) => m.id) };
}

/**
 * The first broken reference, or null: each plan's client and each mark's plan must be in the
 * file or on the device, and a record may not move to another owner (same id, other client).
 */
export function referenceProblem(data: BackupData, existing: Existing): string | null {
	const clientIds = new Set(data.clients.map((c) => c.id));
	const planIds = new Set(data.plans.map((p) => p.id));
	return (
		ownerProblem('plans', data.plans, 'clientId', clientIds, existing.clients, existing.plans) ??
		ownerProblem('marks', data.marks, 'planId', planIds, existing.plans, existing.marks)
	);
}

/**
 * The first of the file's `table` whose owner (`key`) is neither in the file (`inFile`) nor on the
 * device (`owners`), or that has the id of a row of another owner on the device (`rows`); or null.
 */
function ownerProblem<K extends 'clientId' | 'planId'>(
	table: 'plans' | 'marks',
	list: readonly ({ id: Id } & Record<K, Id>)[],
	key: K,
	inFile: ReadonlySet<Id>,
	owners: ReadonlyMap<Id, unknown>,
	rows: ReadonlyMap<Id, Record<K, Id>>
): string | null {
	const owner = key === 'clientId' ? 'client' : 'plan';
	const row = table === 'plans' ? 'plan' : 'mark';
	for (const [i, r] of list.entries()) {
		if (!inFile.has(r[key]) && !owners.has(r[key])) return `${table}[${i}].${key} names a ${owner} that is neither in the file nor on this device.`;
		const device = rows.get(r.id);
		if (device && device[key] !== r[key]) return `${table}[${i}] has the id of a ${row} that belongs to another ${owner} on this device.`;
	}
	return null;
}

/** How many records of each kind a merge adds, updates and keeps. */
export interface MergeCounts {
	added: number;
	updated: number;
	older: number;
	same: number;
}

export function countsOf<T>(t: TableMerge<T>): MergeCounts {
	return { added: t.add.length, updated: t.update.length, older: t.older, same: t.same };
}

/** Who gains records in a merge: the plans that get new marks, the clients that get new plans. */
export function ownersGaining(plan: MergePlan): { plans: Id[]; clients: Id[] } {
	return {
		plans: [...new Set(plan.marks.add.map((m) => m.planId))],
		clients: [...new Set(plan.plans.add.map((p) => p.clientId))]
	};
}

/** What the device already holds for the owners that gain records. */
export interface DeviceTotals {
	marksPerPlan: ReadonlyMap<Id, number>;
	plansPerClient: ReadonlyMap<Id, number>;
	/** Names for the message, for owners that are on the device but not in the file. */
	planTitles: ReadonlyMap<Id, { title: string; date: string }>;
	clientNames: ReadonlyMap<Id, string>;
}

/**
 * The first cap (domain/limits) the merged device would pass, in words, or null. The parser
 * checks a file's own counts; this checks what the file and the device hold together, so a
 * restore cannot fill a plan past what the store itself lets anyone add.
 */
export function totalsProblem(data: BackupData, plan: MergePlan, device: DeviceTotals): string | null {
	const gained = <K extends string>(keys: K[]) => {
		const n = new Map<K, number>();
		for (const k of keys) n.set(k, (n.get(k) ?? 0) + 1);
		return n;
	};
	for (const [planId, added] of gained(plan.marks.add.map((m) => m.planId))) {
		const total = (device.marksPerPlan.get(planId) ?? 0) + added;
		if (total <= MAX_MARKS_PER_PLAN) continue;
		const named = data.plans.find((p) => p.id === planId) ?? device.planTitles.get(planId);
		const which = named ? `the plan “${named.title.slice(0, 60)}” (${formatDate(named.date)})` : 'a plan';
		return `with it, ${which} would have ${count(total, 'mark', 'marks')}; one plan can hold at most ${count(MAX_MARKS_PER_PLAN, 'mark', 'marks')}.`;
	}
	for (const [clientId, added] of gained(plan.plans.add.map((p) => p.clientId))) {
		const total = (device.plansPerClient.get(clientId) ?? 0) + added;
		if (total <= MAX_PLANS_PER_CLIENT) continue;
		const name = data.clients.find((c) => c.id === clientId)?.name ?? device.clientNames.get(clientId);
		const who = name ? `the client “${name.slice(0, 60)}”` : 'a client';
		return `with it, ${who} would have ${count(total, 'plan', 'plans')}; one client can have at most ${count(MAX_PLANS_PER_CLIENT, 'plan', 'plans')}.`;
	}
	return null;
}
