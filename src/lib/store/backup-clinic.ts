/**
 * The clinic's side of backup and restore (./backup.ts), inside the caller's transaction: the
 * deletions log and the carried settings read out as stored, the device's rows a file meets, and a
 * planned merge written (domain/backup/deleted: the log only grows, deleted stays deleted, a
 * setting is replaced only by a newer one).
 */
import type { Table } from 'dexie';
import type { Id } from '$lib/domain/records';
import type { BackupData } from '$lib/domain/backup/format';
import { CARRIED_SETTINGS, type ClinicSetting } from '$lib/domain/backup/record-tables';
import { mergeClinicSettings, mergeDeletionLog, withholdDeleted, type Withheld } from '$lib/domain/backup/deleted';
import type { Deletion } from '$lib/domain/record/deletion';
import type { SomamapDB } from './schema';

/** The clinic's tables, for a transaction's scope. */
export function clinicTables(db: SomamapDB): Table[] {
	return [db.deletions, db.settings];
}

/** A row with its keys sorted: the same log writes the same bytes on every device. */
function sorted<T extends object>(row: T): T {
	return Object.fromEntries(
		Object.keys(row)
			.sort()
			.map((k) => [k, (row as Record<string, unknown>)[k]])
	) as T;
}

type StoredSetting = { key: string; value: unknown; changedAt?: number };

/**
 * The deletions log (all of it, or one client's) and, for a whole-device backup, the carried
 * settings, as stored. Inside the caller's transaction.
 */
export async function readClinicRows(db: SomamapDB, clientId?: Id): Promise<Pick<BackupData, 'deletions' | 'settings'>> {
	const rows = clientId ? await db.deletions.where('clientId').equals(clientId).toArray() : await db.deletions.toArray();
	const deletions = rows.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1)).map(sorted);
	if (clientId) return { deletions };
	const stored = (await db.settings.bulkGet([...CARRIED_SETTINGS])) as (StoredSetting | undefined)[];
	const settings: ClinicSetting[] = [];
	CARRIED_SETTINGS.forEach((key, i) => {
		const row = stored[i];
		// Only a value the app itself could have written; anything else stays behind (the default then applies).
		if (row && typeof row.value === 'string') settings.push({ key, value: row.value, changedAt: row.changedAt ?? null });
	});
	return { deletions, settings };
}

export interface ClinicPlan extends Withheld {
	/** Log rows to add, and settings to write. */
	log: Deletion[];
	settings: ClinicSetting[];
	/** The log rows added and the settings taken. */
	counts: { deletions: number; settings: number };
}

/**
 * What restoring `data` does with the clinic's tables, against the device, inside the caller's
 * transaction: refused in words (a log row that differs), or the plan. `onDevice`: the file's
 * clients and plans already here.
 */
export async function planClinic(db: SomamapDB, data: BackupData, onDevice: { clients: ReadonlySet<Id>; plans: ReadonlySet<Id> }): Promise<{ ok: true; plan: ClinicPlan } | { ok: false; problem: string }> {
	const file = data.deletions ?? [];
	const clientIds = [...new Set([...data.clients.map((c) => c.id), ...data.plans.map((p) => p.clientId), ...file.map((d) => d.clientId)])];
	const device = await db.deletions.where('clientId').anyOf(clientIds).toArray();
	// Rows are compared by id: a file row may share its id with a row of another client here.
	const sameIds = (await db.deletions.bulkGet(file.map((d) => d.id))).filter((d): d is Deletion => !!d);
	const log = mergeDeletionLog(file, new Map([...device, ...sameIds].map((d) => [d.id, d])));
	if (!log.ok) return log;
	// The new rows' clients and sessions this device holds (not in the file): said to be kept.
	const named = { clients: [...new Set(log.add.map((d) => d.clientId))], plans: [...new Set(log.add.flatMap((d) => d.planIds))] };
	const [heldClients, heldPlans] = await Promise.all([db.clients.bulkGet(named.clients), db.plans.bulkGet(named.plans)]);
	const here = {
		clients: new Set([...onDevice.clients, ...named.clients.filter((_, i) => heldClients[i])]),
		plans: new Set([...onDevice.plans, ...named.plans.filter((_, i) => heldPlans[i])])
	};
	// Only this device's rows withhold: the file's own rows never drop the file's own clients (deleted.ts).
	const withheld = withholdDeleted(data, device, log.add, here);
	const stored = (await db.settings.bulkGet([...CARRIED_SETTINGS])) as (StoredSetting | undefined)[];
	const current = new Map(CARRIED_SETTINGS.flatMap((key, i) => (stored[i] ? [[key, { value: stored[i]!.value, changedAt: stored[i]!.changedAt ?? null }] as const] : [])));
	const settings = mergeClinicSettings(data.settings ?? [], current);
	return {
		ok: true,
		plan: {
			...withheld,
			notes: [...withheld.notes, ...settings.notes],
			log: log.add,
			settings: settings.put,
			counts: { deletions: log.add.length, settings: settings.put.length }
		}
	};
}

/** Writes a planned clinic merge. Inside the caller's read-write transaction over clinicTables. */
export async function writeClinicMerge(db: SomamapDB, plan: ClinicPlan): Promise<void> {
	await db.deletions.bulkAdd(plan.log);
	await db.settings.bulkPut(plan.settings.map((s) => ({ key: s.key, value: s.value, ...(s.changedAt === null ? {} : { changedAt: s.changedAt }) })));
}
