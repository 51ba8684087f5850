/**
 * The backup file: a versioned JSON document holding clients, plans and marks. Pure: no DOM, no
 * Dexie. Writing is a generator of text parts (one record per line), so a large export can show
 * progress and become a Blob without one giant string.
 *
 *   {"format":"somamap-backup","version":1,"exportedAt":"2026-05-01T09:30:00.000Z",
 *    "appVersion":"…","clients":[…],"plans":[…],"marks":[…]}
 *
 * Records are stored as the app keeps them, except a painted patch's typed arrays, which are
 * base64 of their little-endian bytes. A new field in any record means a new `version`; an older
 * app then says "update Somamap" instead of guessing, and this app still reads every older version.
 *
 * Versions: 1 — the first format. 2 — marks gain `carried` (copied by a follow-up, not yet
 * confirmed); a version 1 file has no such key and its marks read as not carried. 3 — clients gain
 * `build` (slim, average, broad or null for the default); older files have none and read as null.
 * 4 — the treatment record (issue 12): `practitioners`, `clientDetails`, `consents`, `records`,
 * `recordHistory`, `addenda`, `chainHeads`, rows as the store keeps them (./records.ts). Each may be
 * absent (a hand-off never has them); older files have none. `integrity` (also 4, optional): the signed
 * rows that failed their check when the file was written, written as stored and only declared here
 * (no hash covers this list; a restore takes a failing row only when it is declared).
 * 5 — the clinic's own tables (./record-tables.ts CLINIC_TABLES): `deletions` (the log of what was
 * deleted, when, why, by whom) and `settings` (the keeping period and the consent statement, each
 * with when it was chosen); read by ./clinic.ts. Each may be absent; older files have none.
 * 6 — a signed record may carry `health` (the health check as answered when it was signed) and
 * `consentOtherwise` (the practitioner's word on consent at signing), sealed with it; records signed
 * before have neither, so an older file reads as before.
 */
import type { Client, Mark, Patch, Plan } from '$lib/domain/records';
import { encodeUint32, encodeUint8 } from './base64';
import { MAX_PATCH_VERTICES } from '$lib/domain/limits';
import { MAX_CLIENTS } from '$lib/domain/limits';
import { CLINIC_TABLES, RECORD_TABLES, type ClinicSetting, type ClinicTable, type RecordTable, type RecordTables } from './record-tables';
import type { Deletion } from '$lib/domain/record/deletion';

export const BACKUP_FORMAT = 'somamap-backup';
export const BACKUP_VERSION = 6;

/** Caps that keep a hostile or broken file from exhausting the device. */
export const BACKUP_LIMITS = {
	/** Bytes (about characters) of the whole file. */
	fileBytes: 100 * 1024 * 1024,
	clients: MAX_CLIENTS,
	plans: 100_000,
	marks: 500_000,
	/** Longest short text without a domain limit of its own (oil, allergies, list items, ids). */
	shortText: 200,
	/** Items in a plan's lists (goals, step order, focus areas, …). */
	listItems: 200,
	/** Painted vertices per patch (the body models have about 25 000). */
	patchVertices: MAX_PATCH_VERTICES,
	/** Highest vertex index a patch may name. */
	vertexIndex: 4_000_000,
	/** Most minutes a step or focus area may have (the longest session is 90). */
	minutes: 600,
	/** Largest painted area per region, cm² (a whole body is about 20 000). */
	regionArea: 50_000,
	/** Entries in a file's list of rows that failed their check. */
	integrity: 100_000,
	/** How deep objects may nest (the format itself needs 6). */
	depth: 10
} as const;

/** What a backup holds, as the app's own records. */
export interface BackupData {
	clients: Client[];
	plans: Plan[];
	marks: Mark[];
	/** The treatment record's tables (version 4); absent or empty in a hand-off. */
	records?: RecordTables;
	/** The deletions log (version 5); absent in a hand-off. */
	deletions?: Deletion[];
	/** The clinic's carried settings (version 5): a whole-device backup only. */
	settings?: ClinicSetting[];
}

export interface BackupMeta {
	/** When the file was written, ms since the epoch. */
	exportedAt: number;
	/** The app's build version, for the record only. */
	appVersion?: string;
	/** Signed rows that failed their check when the file was written (format 4; informational). */
	integrity?: IntegrityEntry[];
}

/** A signed row written as stored although its check failed, and why (in words). */
export interface IntegrityEntry {
	kind: 'record' | 'addendum' | 'consent';
	/** The failing row's id. */
	id: string;
	/** The signed record whose chain failed (a record or addendum entry). */
	recordId?: string;
	problem: string;
	/** When the check was made, ms since the epoch (written as an ISO time). */
	checkedAt: number;
}

/** A parsed file: its meta and its records. */
export interface Backup extends BackupMeta {
	data: BackupData;
	/** The file's format version (absent: this app's): fields newer than it are not in the file. */
	fileVersion?: number;
	/** The record's tables exactly as the file holds them, not yet read (./records.ts reads them). */
	recordRows?: Partial<Record<RecordTable, unknown>>;
	/** The clinic's tables (version 5) exactly as the file holds them, read by ./clinic.ts. */
	clinicRows?: Partial<Record<ClinicTable, unknown>>;
	/** Ids of the file's consents that failed their seal when it was checked (declared, so let in). */
	failingConsents?: readonly string[];
}

/** A patch as written to the file. */
export interface PatchJson {
	modelVersion: string;
	/** base64 of the Uint32 vertex indices, little-endian. */
	vertices: string;
	/** base64 of the Uint8 weights. */
	weights: string;
	regions: Patch['regions'];
}

export type MarkJson = Omit<Mark, 'patch'> & { patch: PatchJson | null };

/** The exact keys each record has in the current version (any other key is refused on import). */
export const KEYS = {
	root: ['format', 'version', 'exportedAt', 'appVersion', 'integrity', 'clients', 'plans', 'marks', ...RECORD_TABLES, ...CLINIC_TABLES],
	client: ['id', 'name', 'contact', 'notes', 'figure', 'build', 'createdAt', 'updatedAt'],
	plan: [
		'id', 'clientId', 'date', 'title', 'status', 'scope', 'durationMin', 'pressure', 'goals', 'complaints',
		'techniques', 'health', 'focus', 'avoid', 'consent', 'oil', 'noPain', 'clientWords', 'notes', 'planning',
		'outcome', 'createdAt', 'updatedAt'
	],
	focus: ['region', 'minutes', 'pressure', 'fixed'],
	oil: ['preference', 'allergies'],
	planning: ['fixed', 'order', 'craniosacralShare'],
	outcome: ['done', 'response', 'advice', 'after'],
	mark: [
		'id', 'planId', 'region', 'patch', 'sensation', 'intensity', 'depth', 'structure', 'pressure', 'note', 'author',
		'carried', 'createdAt', 'updatedAt'
	],
	patch: ['modelVersion', 'vertices', 'weights', 'regions'],
	share: ['region', 'area']
} as const;

/** Keys a record gained in a version: a file of an older version must not have them. */
export const ADDED_IN: Record<string, { key: string; version: number }[]> = {
	root: [...[...RECORD_TABLES, 'integrity'].map((key) => ({ key, version: 4 })), ...CLINIC_TABLES.map((key) => ({ key, version: 5 }))],
	mark: [{ key: 'carried', version: 2 }],
	client: [{ key: 'build', version: 3 }]
};

/** A record's keys as a file of `version` has them. */
export function keysOf(kind: keyof typeof KEYS, version: number): readonly string[] {
	const later = (ADDED_IN[kind] ?? []).filter((a) => a.version > version).map((a) => a.key);
	return later.length ? KEYS[kind].filter((k) => !later.includes(k)) : KEYS[kind];
}

/** Only the format's keys, in its order: a stray property in a stored row never reaches the file. */
function pick<T extends object>(record: T, keys: readonly string[]): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const k of keys) out[k] = (record as Record<string, unknown>)[k];
	return out;
}

export function encodeClient(c: Client): Record<string, unknown> {
	return { ...pick(c, KEYS.client), build: c.build ?? null };
}

export function encodePlan(p: Plan): Record<string, unknown> {
	return {
		...pick(p, KEYS.plan),
		focus: p.focus.map((f) => pick(f, KEYS.focus)),
		oil: pick(p.oil, KEYS.oil),
		planning: pick(p.planning, KEYS.planning),
		outcome: p.outcome && pick(p.outcome, KEYS.outcome)
	};
}

export function encodeMark(mark: Mark): MarkJson {
	return {
		...(pick(mark, KEYS.mark) as Omit<Mark, 'patch'>),
		carried: mark.carried === true,
		patch: mark.patch && encodePatch(mark.patch)
	};
}

export function encodePatch(patch: Patch): PatchJson {
	return {
		modelVersion: patch.modelVersion,
		vertices: encodeUint32(patch.vertices),
		weights: encodeUint8(patch.weights),
		regions: patch.regions.map((r) => ({ region: r.region, area: r.area }))
	};
}

export interface BackupPart {
	text: string;
	/** Records written so far, of `total`. */
	done: number;
	total: number;
}

/** The file as text parts, `chunk` records each. Joined, they are one JSON document. */
export function* backupParts(data: BackupData, meta: BackupMeta, chunk = 250): Generator<BackupPart> {
	// Record and clinic rows as the store gives them (keys sorted): a signed row's hash is of exactly these fields.
	const records: (readonly [string, readonly unknown[], (r: unknown) => unknown])[] = [
		...(data.records ? RECORD_TABLES.map((name) => [name, data.records![name], (r: unknown) => r] as const) : []),
		...CLINIC_TABLES.filter((name) => data[name]).map((name) => [name, data[name]!, (r: unknown) => r] as const)
	];
	const total = data.clients.length + data.plans.length + data.marks.length + records.reduce((n, [, rows]) => n + rows.length, 0);
	const head: Record<string, unknown> = {
		format: BACKUP_FORMAT,
		version: BACKUP_VERSION,
		exportedAt: new Date(meta.exportedAt).toISOString()
	};
	if (meta.appVersion) head.appVersion = meta.appVersion;
	if (meta.integrity?.length) {
		head.integrity = meta.integrity.map((e) => ({ ...e, checkedAt: new Date(e.checkedAt).toISOString() }));
	}
	let done = 0;
	yield { text: JSON.stringify(head).slice(0, -1), done, total };
	const tables = [
		['clients', data.clients, encodeClient],
		['plans', data.plans, encodePlan],
		['marks', data.marks, encodeMark],
		...records
	] as const;
	for (const [name, rows, write] of tables) {
		let text = `,\n"${name}":[`;
		for (let i = 0; i < rows.length; i++) {
			text += (i ? ',\n' : '\n') + JSON.stringify((write as (r: unknown) => object)(rows[i]));
			done++;
			if ((i + 1) % chunk === 0) {
				yield { text, done, total };
				text = '';
			}
		}
		yield { text: text + ']', done, total };
	}
	yield { text: '}\n', done, total };
}

/** The whole file as one string (tests, small exports). */
export function writeBackup(data: BackupData, meta: BackupMeta): string {
	let out = '';
	for (const part of backupParts(data, meta)) out += part.text;
	return out;
}

/** A file name like somamap-backup-2026-05-01.json, or …-kim-lee-2026-05-01.json for one client. */
export function backupFileName(day: string, clientName?: string): string {
	const slug = (clientName ?? '')
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 40)
		.replace(/-+$/, '');
	const who = clientName === undefined ? '' : `${slug || 'client'}-`;
	return `somamap-backup-${who}${day}.json`;
}
