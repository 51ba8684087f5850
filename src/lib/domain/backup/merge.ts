/**
 * How a checked backup meets the records already on the device. Pure: the store looks up the
 * device's copies and passes them in. A record is matched by id; the file's copy replaces the
 * device's only when it was changed later (updatedAt). Nothing on the device is ever deleted.
 */
import type { Client, Id, Mark, Plan } from '$lib/domain/records';
import type { BackupData } from './format';

/** The device's copies of the records the file names (by id or by reference). */
export interface Existing {
	clients: ReadonlyMap<Id, Pick<Client, 'id' | 'updatedAt'>>;
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

export function planMerge(data: BackupData, existing: Existing): MergePlan {
	return {
		clients: mergeTable(data.clients, existing.clients),
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
	for (const [i, p] of data.plans.entries()) {
		if (!clientIds.has(p.clientId) && !existing.clients.has(p.clientId)) {
			return `plans[${i}].clientId names a client that is neither in the file nor on this device.`;
		}
		const device = existing.plans.get(p.id);
		if (device && device.clientId !== p.clientId) {
			return `plans[${i}] has the id of a plan that belongs to another client on this device.`;
		}
	}
	for (const [i, m] of data.marks.entries()) {
		if (!planIds.has(m.planId) && !existing.plans.has(m.planId)) {
			return `marks[${i}].planId names a plan that is neither in the file nor on this device.`;
		}
		const device = existing.marks.get(m.id);
		if (device && device.planId !== m.planId) {
			return `marks[${i}] has the id of a mark that belongs to another plan on this device.`;
		}
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
