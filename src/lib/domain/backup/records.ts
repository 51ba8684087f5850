/**
 * The treatment record in a backup file (format version 4; docs/RECORD.md "Backup and restore").
 * Pure. Each row is read through the record domain's strict readers (domain/record/read: exact
 * keys, caps, clean text). A signed row (a locked record, an addendum, a consent) must read back
 * exactly as the file holds it: it is never normalised into something else, because its hash is of
 * exactly what was stored. Whether the hashes hold is checked after this, with Web Crypto
 * (./record-verify.ts), on these very rows.
 */
import { formatDate, isoDayOf } from '$lib/domain/dates';
import { MAX_ADDENDA, MAX_CLIENTS, MAX_HISTORY } from '$lib/domain/limits';
import { isLocked } from '$lib/domain/record/locked';
import { signedRowProblem } from '$lib/domain/record/signed';
import { readAddendum, readClientDetails, readConsent, readHistoryEntry, readPractitioner, readTreatmentRecord, type Read } from '$lib/domain/record/read';
import { BackupProblem, id, integer, isPlainObject, problem } from './read';
import type { Backup } from './format';
import { RECORD_TABLES, type RecordTables } from './record-tables';

export { RECORD_TABLES, type RecordTables } from './record-tables';

export function emptyRecordTables(): RecordTables {
	return { practitioners: [], clientDetails: [], consents: [], records: [], recordHistory: [], addenda: [], chainHeads: [] };
}

/** Most rows per table a file may hold (a hostile file must not exhaust the device). */
export const RECORD_LIMITS = {
	practitioners: 1_000,
	clientDetails: MAX_CLIENTS,
	consents: 100_000,
	records: 100_000,
	recordHistory: 1_000_000,
	addenda: 200_000,
	chainHeads: 100_000
} as const;

const TABLE_WORDS: Record<(typeof RECORD_TABLES)[number], string> = {
	practitioners: 'practitioners',
	clientDetails: 'client details',
	consents: 'consents',
	records: 'treatment records',
	recordHistory: 'changes in the records’ history',
	addenda: 'addenda',
	chainHeads: 'signed-record marks'
};

/** "Jo Bloggs’s session of Dec 3, 2026": how every message names a record. */
export function sessionName(record: { clientId?: unknown; startedAt?: unknown; signedAt?: unknown; createdAt?: unknown }, names: ReadonlyMap<string, string>): string {
	const who = typeof record.clientId === 'string' ? names.get(record.clientId) : undefined;
	const at = [record.startedAt, record.signedAt, record.createdAt].find((t) => typeof t === 'number' && Number.isFinite(t)) as number | undefined;
	const day = at === undefined ? 'an unknown day' : formatDate(isoDayOf(at));
	return `${who ? `${who.slice(0, 60)}’s` : 'a client’s'} session of ${day}`;
}

/** Client names by id, from the file's own (already checked) clients. */
export type Names = ReadonlyMap<string, string>;

function must<T>(r: Read<T>, what: string): T {
	if (!r.ok) problem(`${what}: ${r.problem}`);
	return r.value;
}

/**
 * A signed row must be exactly what its reader gives back: nothing cleaned, trimmed or reshaped.
 * `keep` may take it as it is instead (a row the file declares as failing; see ./integrity.ts).
 */
function asSigned<T>(raw: unknown, read: T, what: string, keep?: (problem: string) => boolean): T {
	const wrong = signedRowProblem(raw, read, what);
	if (wrong) {
		if (keep?.(wrong)) return raw as T;
		problem(wrong);
	}
	return read;
}

/** A signed row that did not read back exactly: its kind, id (and record), and the problem in words. */
export interface SignedProblem {
	kind: 'record' | 'addendum' | 'consent';
	id: string;
	recordId?: string;
	problem: string;
}

/**
 * Which signed rows that do not read back exactly may be taken as the file holds them (each is
 * then listed in `changed`); none when absent.
 */
export interface Lenient {
	keeps: (p: SignedProblem) => boolean;
	changed: SignedProblem[];
}

function keeper(lenient: Lenient | undefined, row: SignedProblem): ((problem: string) => boolean) | undefined {
	if (!lenient) return undefined;
	return (problem) => {
		const p = { ...row, problem };
		if (!lenient.keeps(p)) return false;
		lenient.changed.push(p);
		return true;
	};
}

const idOf = (v: unknown, key = 'id') => (isPlainObject(v) && typeof v[key] === 'string' ? (v[key] as string) : '');

function rows(root: Partial<Record<string, unknown>>, key: (typeof RECORD_TABLES)[number]): unknown[] {
	const v = root[key];
	if (v === undefined) return [];
	if (!Array.isArray(v)) problem(`The list of ${TABLE_WORDS[key]} is damaged (it is not a list).`);
	if (v.length > RECORD_LIMITS[key]) problem(`The file has ${v.length.toLocaleString('en')} ${TABLE_WORDS[key]}; a backup holds at most ${RECORD_LIMITS[key].toLocaleString('en')}.`);
	return v;
}

function unique<T>(list: T[], key: (x: T) => string, what: (x: T) => string): void {
	const seen = new Set<string>();
	for (const x of list) {
		const k = key(x);
		if (seen.has(k)) problem(`${what(x)} appears twice in the file.`);
		seen.add(k);
	}
}

/**
 * Reads the seven tables of a version 4 file (absent tables are empty) and checks what needs only
 * the file: ids unique, one record per session, every history entry, addendum and head belonging to
 * a record in the file, a head for each signed record and none for a draft.
 */
export function readRecordTables(root: Partial<Record<string, unknown>>, now: number, names: Names, lenient?: Lenient): RecordTables {
	const practitioners = rows(root, 'practitioners').map((v, i) => must(readPractitioner(v, now), `Practitioner ${i + 1}`));
	const clientDetails = rows(root, 'clientDetails').map((v, i) => {
		const what = `The details of client ${i + 1}`;
		if (!isPlainObject(v)) problem(`${what} are damaged.`);
		const { clientId, ...rest } = v;
		const owner = id(clientId, `${what}: its client`);
		const who = names.get(owner);
		return { ...must(readClientDetails(rest, now), who ? `The details of ${who.slice(0, 60)}` : what), clientId: owner };
	});
	const consents = rows(root, 'consents').map((v, i) => {
		const who = isPlainObject(v) && typeof v.clientId === 'string' ? names.get(v.clientId) : undefined;
		const what = who ? `The consent ${who.slice(0, 60)} signed` : `Consent ${i + 1}`;
		return asSigned(v, must(readConsent(v, now), what), what, keeper(lenient, { kind: 'consent', id: idOf(v), problem: '' }));
	});
	const records = rows(root, 'records').map((v) => {
		const what = `The record of ${sessionName(isPlainObject(v) ? v : {}, names)}`;
		const read = must(readTreatmentRecord(v, now), what);
		return isLocked(read) ? asSigned(v, read, what, keeper(lenient, { kind: 'record', id: read.id, recordId: read.id, problem: '' })) : read;
	});
	const byId = new Map(records.map((r) => [r.id, r]));
	const nameOf = (recordId: string) => {
		const r = byId.get(recordId);
		return r ? `the record of ${sessionName(r, names)}` : 'a record that is not in the file';
	};
	const recordHistory = rows(root, 'recordHistory').map((v, i) => must(readHistoryEntry(v, now), `Change ${i + 1} in the records’ history`));
	const addenda = rows(root, 'addenda').map((v, i) => {
		const owner = isPlainObject(v) && typeof v.recordId === 'string' ? nameOf(v.recordId) : 'a record';
		const what = `Addendum ${i + 1} (to ${owner})`;
		return asSigned(v, must(readAddendum(v, now), what), what, keeper(lenient, { kind: 'addendum', id: idOf(v), recordId: idOf(v, 'recordId'), problem: '' }));
	});
	const chainHeads = rows(root, 'chainHeads').map((v, i) => {
		const what = `Signed-record mark ${i + 1}`;
		if (!isPlainObject(v) || Object.keys(v).sort().join() !== 'count,hash,recordId') problem(`${what} is damaged.`);
		if (typeof v.hash !== 'string' || !/^[0-9a-f]{64}$/.test(v.hash)) problem(`${what} is damaged (its hash is not a SHA-256 hash).`);
		return { recordId: id(v.recordId, `${what}: its record`), hash: v.hash, count: integer(v.count, `${what}: its number of links`, 1, MAX_ADDENDA + 1) };
	});

	unique(practitioners, (p) => p.id, (p) => `The practitioner ${p.fullName.slice(0, 60)}`);
	unique(clientDetails, (d) => d.clientId, (d) => `The details of ${names.get(d.clientId)?.slice(0, 60) ?? 'a client'}`);
	unique(consents, (c) => c.id, () => 'A consent');
	unique(records, (r) => r.id, (r) => `The record of ${sessionName(r, names)}`);
	unique(records, (r) => r.planId, (r) => `A second record of ${sessionName(r, names)}`);
	unique(addenda, (a) => a.id, (a) => `An addendum to ${nameOf(a.recordId)}`);
	unique(chainHeads, (h) => h.recordId, (h) => `The signed-record mark of ${nameOf(h.recordId)}`);

	const history = new Map<string, number>();
	for (const h of recordHistory) {
		if (!byId.has(h.recordId)) problem('A change in the records’ history belongs to a record that is not in the file.');
		const n = (history.get(h.recordId) ?? 0) + 1;
		if (n > MAX_HISTORY) problem(`The history of ${nameOf(h.recordId)} has more than ${MAX_HISTORY.toLocaleString('en')} changes.`);
		history.set(h.recordId, n);
	}
	const addendaPer = new Map<string, number>();
	for (const a of addenda) {
		const r = byId.get(a.recordId);
		if (!r) problem(`An addendum belongs to a record that is not in the file.`);
		if (!isLocked(r)) problem(`${cap(nameOf(a.recordId))} is not signed, yet the file gives it an addendum.`);
		const n = (addendaPer.get(a.recordId) ?? 0) + 1;
		if (n > MAX_ADDENDA) problem(`${cap(nameOf(a.recordId))} has more than ${MAX_ADDENDA} addenda.`);
		addendaPer.set(a.recordId, n);
	}
	const heads = new Set(chainHeads.map((h) => h.recordId));
	for (const h of chainHeads) {
		const r = byId.get(h.recordId);
		if (!r) problem('A signed-record mark belongs to a record that is not in the file.');
		if (!isLocked(r)) problem(`${cap(nameOf(h.recordId))} is not signed, yet the file marks where it was last signed.`);
	}
	for (const r of records) {
		if (isLocked(r) && !heads.has(r.id)) {
			problem(`The mark of where ${nameOf(r.id)} was last signed is missing, so a removed addendum could not be noticed.`);
		}
	}
	return { practitioners, clientDetails, consents, records, recordHistory, addenda, chainHeads };
}

function cap(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The client names a backup's messages use: the file's own clients. */
export function namesOf(data: { clients: readonly { id: string; name: string }[] }): Map<string, string> {
	return new Map(data.clients.map((c) => [c.id, c.name]));
}

/**
 * A parsed backup's record tables, read (empty for a file before version 4, or one without them).
 * Never throws: a problem comes back in words.
 */
export function readBackupRecords(backup: Backup, now: number, lenient?: Lenient): { ok: true; tables: RecordTables } | { ok: false; problem: string } {
	try {
		return { ok: true, tables: readRecordTables(backup.recordRows ?? {}, now, namesOf(backup.data), lenient) };
	} catch (e) {
		if (e instanceof BackupProblem) return { ok: false, problem: e.message };
		throw e;
	}
}
