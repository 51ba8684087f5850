/**
 * The treatment record's side of backup and restore (./backup.ts), inside the caller's
 * transaction: reading the seven tables out as they are stored (a signed row exactly as sealed),
 * the device's rows a file's records meet, and writing a planned merge (domain/backup/record-merge).
 */
import type { Table } from 'dexie';
import type { Id } from '$lib/domain/records';
import { chainOrder } from '$lib/domain/backup/record-verify';
import type { DeviceRecords, RecordMergePlan } from '$lib/domain/backup/record-merge';
import type { RecordTables } from '$lib/domain/backup/record-tables';
import type { Addendum, HistoryEntry } from '$lib/domain/record/types';
import type { SomamapDB } from './schema';

/** The record's tables, for a transaction's scope. */
export function recordTables(db: SomamapDB): Table[] {
	return [db.practitioners, db.clientDetails, db.consents, db.records, db.recordHistory, db.addenda, db.chainHeads];
}

const defined = <T>(rows: (T | undefined)[]): T[] => rows.filter((r): r is T => r !== undefined);
const withoutSeq = ({ seq: _seq, ...entry }: HistoryEntry & { seq?: number }): HistoryEntry => entry;

/** Each record's addenda in chain order, records in the given order: how a file lists them. */
function inChainOrder(records: { id: Id; hash?: string }[], addenda: Addendum[]): Addendum[] {
	const per = new Map<Id, Addendum[]>();
	for (const a of addenda) per.set(a.recordId, [...(per.get(a.recordId) ?? []), a]);
	return records.flatMap((r) => chainOrder({ hash: r.hash ?? '' }, per.get(r.id) ?? []));
}

/**
 * A row with its keys sorted at every level: the same row writes the same bytes on every device,
 * whatever order its keys were stored in (a signed row's hash does not depend on the order).
 */
function sortedKeys<T>(v: T): T {
	if (Array.isArray(v)) return v.map(sortedKeys) as T;
	if (typeof v !== 'object' || v === null) return v;
	return Object.fromEntries(
		Object.keys(v)
			.sort()
			.map((k) => [k, sortedKeys((v as Record<string, unknown>)[k])])
	) as T;
}

function sortedTables(t: RecordTables): RecordTables {
	return Object.fromEntries(Object.entries(t).map(([k, rows]) => [k, (rows as unknown[]).map(sortedKeys)])) as unknown as RecordTables;
}

/**
 * Every record row (or one client's: their details, consents, records with history, addenda and
 * heads, and the practitioners those records name), as stored. Inside the caller's transaction.
 */
export async function readRecordRows(db: SomamapDB, clientId?: Id): Promise<RecordTables> {
	return sortedTables(await readRows(db, clientId));
}

async function readRows(db: SomamapDB, clientId?: Id): Promise<RecordTables> {
	const byCreated = (a: { createdAt: number; id: Id }, b: { createdAt: number; id: Id }) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);
	if (!clientId) {
		const records = (await db.records.toArray()).sort(byCreated);
		return {
			practitioners: (await db.practitioners.toArray()).sort(byCreated),
			clientDetails: await db.clientDetails.toArray(),
			consents: (await db.consents.toArray()).sort((a, b) => a.signedAt - b.signedAt || (a.id < b.id ? -1 : 1)),
			records,
			recordHistory: (await db.recordHistory.toArray()).map(withoutSeq),
			addenda: inChainOrder(records, await db.addenda.toArray()),
			chainHeads: await db.chainHeads.toArray()
		};
	}
	const records = (await db.records.where('clientId').equals(clientId).toArray()).sort(byCreated);
	const ids = records.map((r) => r.id);
	const recordHistory = (await db.recordHistory.where('recordId').anyOf(ids).sortBy('seq')).map(withoutSeq);
	const named = new Set<Id>();
	for (const r of records) if (r.practitionerId) named.add(r.practitionerId);
	for (const h of recordHistory) if (h.practitionerId) named.add(h.practitionerId);
	return {
		practitioners: defined(await db.practitioners.bulkGet([...named])).sort(byCreated),
		clientDetails: defined([await db.clientDetails.get(clientId)]),
		consents: (await db.consents.where('clientId').equals(clientId).toArray()).sort((a, b) => a.signedAt - b.signedAt || (a.id < b.id ? -1 : 1)),
		records,
		recordHistory,
		addenda: inChainOrder(records, await db.addenda.where('recordId').anyOf(ids).toArray()),
		chainHeads: defined(await db.chainHeads.bulkGet(ids))
	};
}

/** The device's rows that a file's records meet. Inside the caller's transaction. */
export async function deviceRecords(db: SomamapDB, file: RecordTables): Promise<DeviceRecords> {
	const rows = [...defined(await db.records.bulkGet(file.records.map((r) => r.id))), ...(await db.records.where('planId').anyOf(file.records.map((r) => r.planId)).toArray())];
	const records = [...new Map(rows.map((r) => [r.id, r])).values()];
	const ids = records.map((r) => r.id);
	const clientIds = [...new Set([...file.records, ...file.consents, ...file.clientDetails].map((r) => r.clientId))];
	const planIds = [...new Set(file.records.map((r) => r.planId))];
	const [addenda, heads, history, practitioners, consents, details, clients, plans] = await Promise.all([
		db.addenda.where('recordId').anyOf(ids).toArray(),
		db.chainHeads.bulkGet(ids),
		db.recordHistory.where('recordId').anyOf(ids).toArray(),
		db.practitioners.bulkGet(file.practitioners.map((p) => p.id)),
		db.consents.bulkGet(file.consents.map((c) => c.id)),
		db.clientDetails.bulkGet(file.clientDetails.map((d) => d.clientId)),
		db.clients.bulkGet(clientIds),
		db.plans.bulkGet(planIds)
	]);
	return {
		records,
		addenda,
		heads: defined(heads),
		history: history.map(withoutSeq),
		practitioners: new Map(defined(practitioners).map((p) => [p.id, p])),
		consents: new Map(defined(consents).map((c) => [c.id, c])),
		clientDetails: new Map(defined(details).map(({ clientId, ...d }) => [clientId, d])),
		clients: new Set(defined(clients).map((c) => c.id)),
		plans: new Map(defined(plans).map((p) => [p.id, p.clientId]))
	};
}

/** Writes a planned merge. Inside the caller's read-write transaction over recordTables. */
export async function writeRecordMerge(db: SomamapDB, plan: RecordMergePlan): Promise<void> {
	await db.practitioners.bulkPut(plan.practitioners);
	await db.clientDetails.bulkPut(plan.clientDetails);
	await db.consents.bulkPut(plan.consents);
	// A replaced draft goes first: one record per session (the planId index is unique).
	await db.records.bulkDelete(plan.removeDrafts);
	for (const { from, to } of plan.moveHistory) await db.recordHistory.where('recordId').equals(from).modify({ recordId: to });
	await db.records.bulkPut(plan.records);
	await db.chainHeads.bulkPut(plan.heads);
	await db.addenda.bulkPut(plan.addenda);
	await db.recordHistory.bulkAdd(plan.history);
}
