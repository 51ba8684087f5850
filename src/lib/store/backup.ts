/**
 * Backup and restore against the database. The file format and every check that needs only the
 * file live in src/lib/domain/backup; this module reads the records out (one read transaction, so
 * the file is a consistent snapshot) and merges a checked file in (one read-write transaction:
 * all or nothing). Any failure is a StoreError whose message says what is wrong.
 */
import type { Client, Id, Mark, Plan } from '$lib/domain/records';
import { backupFileName, backupParts, type Backup, type BackupData, type IntegrityEntry } from '$lib/domain/backup/format';
import { parseBackup } from '$lib/domain/backup/parse';
import { problemInWords } from '$lib/domain/backup/words';
import {
	countsOf,
	idsToLookUp,
	mergeAction,
	planMerge,
	ownersGaining,
	referenceProblem,
	totalsProblem,
	type DeviceTotals,
	type Existing,
	type MergeAction,
	type MergeCounts,
	type MergePlan
} from '$lib/domain/backup/merge';
import { today } from '$lib/domain/records';
import { emptyRecordTables, namesOf, type SignedProblem } from '$lib/domain/backup/records';
import { checkRecords, integrityOf } from '$lib/domain/backup/integrity';
import { BackupProblem } from '$lib/domain/backup/read';
import { planRecordMerge, type RecordCounts, type RecordMergePlan } from '$lib/domain/backup/record-merge';
import type { RecordTables } from '$lib/domain/backup/record-tables';
import { deviceRecords, readRecordRows, recordTables, writeRecordMerge } from './backup-records';
import { readBackupClinic } from '$lib/domain/backup/clinic';
import { clinicTables, planClinic, readClinicRows, writeClinicMerge, type ClinicPlan } from './backup-clinic';
import { StoreError, toStoreError } from './errors';
import { normaliseClient, normaliseMark, normalisePlan } from './normalise';
import type { Store } from './store';

export interface ExportOptions {
	/** Only this client, with their plans and marks; all data when absent. */
	clientId?: Id;
	/** The app's build version, written into the file. */
	appVersion?: string;
	/** Called after each chunk of records is written. */
	onProgress?: (done: number, total: number) => void;
	/** Records per chunk (progress step). */
	chunk?: number;
	now?: number;
}

export interface ExportResult {
	/** The file's text in parts (for a Blob); joined they are the whole file. */
	parts: string[];
	fileName: string;
	counts: { clients: number; plans: number; marks: number; records: number };
	/** Signed rows that fail their check: in the file exactly as stored, and listed in it as failing. */
	integrity: IntegrityEntry[];
}

/** Every record, or one client's, as a consistent snapshot; rows are normalised as when read. */
export async function readBackupData(store: Store, clientId?: Id): Promise<BackupData> {
	const { db } = store;
	try {
		return await db.transaction('r', [db.clients, db.plans, db.marks, ...recordTables(db), ...clinicTables(db)], async () => {
			const clientRows = clientId ? [await db.clients.get(clientId)].filter((c) => c !== undefined) : await db.clients.toArray();
			if (clientId && clientRows.length === 0) throw new StoreError('not-found', 'This client no longer exists.');
			const planRows = clientId ? await db.plans.where('clientId').equals(clientId).toArray() : await db.plans.toArray();
			const markRows = clientId
				? await db.marks.where('planId').anyOf(planRows.map((p) => p.id)).toArray()
				: await db.marks.toArray();
			return {
				clients: clientRows.map(normaliseClient).sort(byCreated),
				plans: planRows.map(normalisePlan).sort(byCreated),
				marks: markRows.map(normaliseMark).sort(byCreated),
				records: await readRecordRows(db, clientId),
				...(await readClinicRows(db, clientId))
			};
		});
	} catch (e) {
		throw toStoreError(e);
	}
}

function byCreated(a: { createdAt: number; id: Id }, b: { createdAt: number; id: Id }): number {
	return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Yields to the event loop, so progress can be drawn between chunks. */
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Writes a backup of all data (or one client). A signed row that fails its check never stops it
 * (a backup matters most when something is wrong): it is written exactly as stored and listed in
 * the file's `integrity`. The written text is read back with the same checks as a restore, so a
 * file that would not restore is never handed out.
 */
export async function exportBackup(store: Store, options: ExportOptions = {}): Promise<ExportResult> {
	const now = options.now ?? Date.now();
	// What is on the device is read back without the "in the future" check, which is for files
	// from elsewhere: a tablet whose clock was set back must still be able to back up.
	const readNow = Infinity;
	const data = await readBackupData(store, options.clientId);
	let integrity: IntegrityEntry[];
	try {
		integrity = await integrityOf(data, now, readNow);
	} catch (e) {
		if (!(e instanceof BackupProblem)) throw e;
		throw new StoreError('validation', `The backup was not made: a record on this device cannot be read (${e.message}).`);
	}
	const parts: string[] = [];
	let yielded = Date.now();
	for (const part of backupParts(data, { exportedAt: now, appVersion: options.appVersion, integrity }, options.chunk)) {
		parts.push(part.text);
		options.onProgress?.(part.done, part.total);
		// Let the page draw the progress now and then; a yield per chunk would cost more than the work.
		if (Date.now() - yielded > 30) {
			await tick();
			yielded = Date.now();
		}
	}
	const check = await checkedFile(parts.join(''), readNow);
	if (!check.ok) {
		throw new StoreError(
			'validation',
			`The backup was not made: a record on this device does not pass the restore checks (${check.problem}).`
		);
	}
	return {
		parts,
		fileName: backupFileName(today(new Date(now)), options.clientId ? data.clients[0].name : undefined),
		counts: { clients: data.clients.length, plans: data.plans.length, marks: data.marks.length, records: data.records?.records.length ?? 0 },
		integrity
	};
}

/**
 * A file read and checked completely: every record read strictly, then every signature verified
 * on the rows exactly as the file holds them (domain/backup/records, record-verify). A failing
 * signed row passes only when the file declares it (domain/backup/integrity); it is in `failing`.
 */
async function checkedFile(
	text: string,
	now: number
): Promise<{ ok: true; backup: Backup; records: RecordTables; failing: SignedProblem[] } | { ok: false; problem: string }> {
	const parsed = parseBackup(text, { now });
	if (!parsed.ok) return parsed;
	let read;
	try {
		read = await checkRecords(parsed.backup.recordRows ?? {}, now, parsed.backup.data, parsed.backup.integrity ?? []);
	} catch (e) {
		if (e instanceof BackupProblem) return { ok: false, problem: e.message };
		throw e;
	}
	if (!read.ok) return read;
	const clinic = readBackupClinic(parsed.backup.clinicRows, now);
	if (!clinic.ok) return clinic;
	const data = { ...parsed.backup.data, records: read.tables, ...clinic.tables };
	const failingConsents = read.failing.filter((f) => f.kind === 'consent').map((f) => f.id);
	return { ok: true, backup: { ...parsed.backup, data, failingConsents }, records: read.tables, failing: read.failing };
}

export interface ImportSummary {
	clients: MergeCounts;
	plans: MergeCounts;
	marks: MergeCounts;
	/** The treatment records (format 4): records, addenda, history, consents, practitioners, details. */
	records: RecordCounts;
	/** Rows added to the deletions log, and carried settings taken from the file (format 5). */
	clinic: { deletions: number; settings: number };
	/**
	 * In words: what stays deleted and what came back despite a deletion, and which settings were
	 * kept or taken (the file's or this device's).
	 */
	notes: string[];
}

/** A checked file and what restoring it would do now. */
export interface ImportPreview {
	backup: Backup;
	counts: ImportSummary;
	/** The file's clients by name, with what happens to each. */
	clients: { id: Id; name: string; action: MergeAction | 'deleted' }[];
	/** What restoring does to signed records and details, in words (what is kept and why). */
	recordNotes: string[];
	/** Signed records and consents the file declares as failing their check: restored exactly as they are. */
	failing: SignedProblem[];
}

/** The device's copies of every record the file names, read inside the caller's transaction. */
async function lookUp(store: Store, data: BackupData): Promise<Existing> {
	const ids = idsToLookUp(data);
	const { db } = store;
	const [clients, plans, marks] = await Promise.all([
		db.clients.bulkGet(ids.clients),
		db.plans.bulkGet(ids.plans),
		db.marks.bulkGet(ids.marks)
	]);
	const byId = <T extends { id: Id }>(rows: (T | undefined)[]) =>
		new Map(rows.filter((r): r is T => r !== undefined).map((r) => [r.id, r]));
	return { clients: byId<Client>(clients), plans: byId<Plan>(plans), marks: byId<Mark>(marks) };
}

/** The device's counts for the owners a merge adds to, read inside the caller's transaction. */
async function deviceTotals(store: Store, plan: MergePlan): Promise<DeviceTotals> {
	const { db } = store;
	const owners = ownersGaining(plan);
	const [plans, clients] = await Promise.all([db.plans.bulkGet(owners.plans), db.clients.bulkGet(owners.clients)]);
	const marksPerPlan = new Map<Id, number>();
	const plansPerClient = new Map<Id, number>();
	for (const id of owners.plans) marksPerPlan.set(id, await db.marks.where('planId').equals(id).count());
	for (const id of owners.clients) plansPerClient.set(id, await db.plans.where('clientId').equals(id).count());
	return {
		marksPerPlan,
		plansPerClient,
		planTitles: new Map(plans.filter((p) => p !== undefined).map((p) => [p.id, { title: p.title, date: p.date }])),
		clientNames: new Map(clients.filter((c) => c !== undefined).map((c) => [c.id, c.name]))
	};
}

/** Reference and size problems of merging `data` into the device, in words; throws when there is one. */
async function checkMerge(store: Store, data: BackupData, existing: Existing, plan: MergePlan): Promise<void> {
	const problem = referenceProblem(data, existing);
	if (problem) throw refused(problemInWords(problem, data));
	const tooMany = totalsProblem(data, plan, await deviceTotals(store, plan));
	if (tooMany) throw refused(tooMany.charAt(0).toUpperCase() + tooMany.slice(1));
}

function refused(problem: string): StoreError {
	return new StoreError('validation', `This file cannot be restored: ${problem} Nothing on this device was changed.`);
}

function summary(plan: MergePlan, records: RecordMergePlan, clinic: ClinicPlan): ImportSummary {
	return { clients: countsOf(plan.clients), plans: countsOf(plan.plans), marks: countsOf(plan.marks), records: records.counts, clinic: clinic.counts, notes: clinic.notes };
}

/**
 * The deletions log and settings against the device: what the log keeps deleted is taken out of
 * the data before anything else is planned. Inside the caller's transaction; refused in words.
 */
async function planClinicMerge(store: Store, data: BackupData, existing: Existing): Promise<ClinicPlan> {
	const planned = await planClinic(store.db, data, { clients: new Set(existing.clients.keys()), plans: new Set(existing.plans.keys()) });
	if (!planned.ok) throw refused(planned.problem);
	return planned.plan;
}

/** The record merge against the device, inside the caller's transaction; refused in words. */
async function planRecords(store: Store, data: BackupData, clients: MergePlan['clients'], failingConsents: readonly string[] = []): Promise<RecordMergePlan> {
	const tables = data.records ?? emptyRecordTables();
	const device = await deviceRecords(store.db, tables);
	const merged = planRecordMerge(
		tables,
		device,
		{
			clientIds: new Set(data.clients.map((c) => c.id)),
			plans: new Map(data.plans.map((p) => [p.id, p.clientId])),
			clientWins: new Set([...clients.add, ...clients.update].map((c) => c.id)),
			failingConsents: new Set(failingConsents)
		},
		namesOf(data)
	);
	if (!merged.ok) throw refused(merged.problem);
	return merged.plan;
}

/** Checks a file completely and says what restoring it would do; writes nothing. */
export async function previewImport(store: Store, text: string, options: { now?: number } = {}): Promise<ImportPreview> {
	const parsed = await checkedFile(text, options.now ?? Date.now());
	if (!parsed.ok) throw refused(parsed.problem);
	const { backup } = parsed;
	const { db } = store;
	let existing: Existing;
	let plan: MergePlan;
	let records: RecordMergePlan;
	let clinic: ClinicPlan;
	try {
		[existing, plan, records, clinic] = await db.transaction('r', [db.clients, db.plans, db.marks, ...recordTables(db), ...clinicTables(db)], async () => {
			const found = await lookUp(store, backup.data);
			const kept = await planClinicMerge(store, backup.data, found);
			const merge = planMerge(kept.data, found, backup.fileVersion);
			await checkMerge(store, kept.data, found, merge);
			return [found, merge, await planRecords(store, kept.data, merge.clients, backup.failingConsents), kept] as const;
		});
	} catch (e) {
		throw toStoreError(e);
	}
	const clients = backup.data.clients.map((c) => ({
		id: c.id,
		name: c.name,
		action: clinic.clients.has(c.id) ? ('deleted' as const) : mergeAction(c, existing.clients.get(c.id))
	}));
	// A failing row of a client or session that stays deleted is not restored: not listed either.
	const file = backup.data.records;
	const gone = new Set([
		...(file?.records ?? []).filter((r) => clinic.plans.has(r.planId) || clinic.clients.has(r.clientId)).map((r) => r.id),
		...(file?.consents ?? []).filter((c) => clinic.clients.has(c.clientId)).map((c) => c.id)
	]);
	const failing = parsed.failing.filter((f) => !gone.has(f.recordId ?? f.id));
	return { backup, counts: summary(plan, records, clinic), clients, recordNotes: [...clinic.notes, ...records.notes], failing };
}

/**
 * Restores a checked backup (previewImport's, whose signatures were verified) in one transaction.
 * The device is read again inside it, so a change made since the preview is respected; the
 * returned counts are what was actually done.
 */
export async function applyImport(store: Store, backup: Backup): Promise<ImportSummary> {
	const { db } = store;
	try {
		return await db.transaction('rw', [db.clients, db.plans, db.marks, ...recordTables(db), ...clinicTables(db)], async () => {
			const existing = await lookUp(store, backup.data);
			const clinic = await planClinicMerge(store, backup.data, existing);
			const plan = planMerge(clinic.data, existing, backup.fileVersion);
			await checkMerge(store, clinic.data, existing, plan);
			const records = await planRecords(store, clinic.data, plan.clients, backup.failingConsents);
			await db.clients.bulkPut([...plan.clients.add, ...plan.clients.update]);
			await db.plans.bulkPut([...plan.plans.add, ...plan.plans.update]);
			await db.marks.bulkPut([...plan.marks.add, ...plan.marks.update]);
			await writeRecordMerge(db, records);
			await writeClinicMerge(db, clinic);
			return summary(plan, records, clinic);
		});
	} catch (e) {
		throw toStoreError(e);
	}
}
