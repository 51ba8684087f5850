/**
 * The clinic's tables in a backup file (format version 5; docs/RECORD.md "Backup, restore and
 * hand-off"): the deletions log and the carried settings, read from untrusted JSON in the backup
 * parser's style: exact keys, every length capped, hidden characters cleaned, dates not in the
 * future, and the first problem named in words. Pure. Loaded with the restore, not with the pages
 * that read a hand-off (a hand-off never carries these).
 */
import { count, MAX_PLANS_PER_CLIENT, RECORD_TEXT } from '$lib/domain/limits';
import { LIMITS } from '$lib/domain/validation';
import { REASON_MAX, type Deletion } from '$lib/domain/record/deletion';
import { RETENTION_RULES } from '$lib/domain/record/retention';
import { consentText } from '$lib/domain/record/consent';
import { BackupProblem, id, integer, isPlainObject, oneOf, problem, quoteKey, text, timestamp } from './read';
import { CARRIED_SETTINGS, type ClinicSetting, type ClinicTable } from './record-tables';

/** Most rows a file's deletions log may hold (a hostile file must not exhaust the device). */
export const CLINIC_LIMITS = { deletions: 100_000 } as const;

/** A deletion row's keys, exactly (schema v4 `deletions`, domain/record/deletion). */
export const DELETION_KEYS = [
	'id', 'kind', 'clientId', 'clientName', 'planIds', 'recordIds', 'sessions', 'signed', 'at', 'reason', 'practitionerId', 'practitionerName'
] as const;

export interface ClinicTables {
	deletions: Deletion[];
	settings: ClinicSetting[];
}

function exact(v: unknown, keys: readonly string[], what: string): Record<string, unknown> {
	if (!isPlainObject(v)) problem(`${what} is damaged.`);
	const extra = Object.keys(v).find((k) => !keys.includes(k));
	if (extra !== undefined) problem(`${what} has something a Somamap backup never holds (${quoteKey(extra)}).`);
	const missing = keys.find((k) => !Object.hasOwn(v, k));
	if (missing !== undefined) problem(`${what} is incomplete (its ${quoteKey(missing)} is missing).`);
	return v;
}

function ids(v: unknown, what: string): string[] {
	if (!Array.isArray(v)) problem(`${what} is damaged (not a list).`);
	if (v.length > MAX_PLANS_PER_CLIENT) problem(`${what} names ${count(v.length, 'id', 'ids')}; at most ${count(MAX_PLANS_PER_CLIENT, 'id', 'ids')}.`);
	return v.map((x) => id(x, what));
}

/** One row of the deletions log, read strictly; its texts cleaned as the store keeps them. */
export function readDeletion(v: unknown, i: number, now: number): Deletion {
	const name = isPlainObject(v) && typeof v.clientName === 'string' && v.clientName.trim() ? `of ${v.clientName.trim().slice(0, 60)}` : `${i + 1}`;
	const what = `The deletion ${name} in the file’s deletions log`;
	// `consents` is optional: rows made before consents were counted have none.
	const o = exact(v, [...DELETION_KEYS, ...(isPlainObject(v) && Object.hasOwn(v, 'consents') ? ['consents'] : [])], what);
	const sessions = integer(o.sessions, `${what}: its number of sessions`, 0, MAX_PLANS_PER_CLIENT);
	const row: Deletion = {
		id: id(o.id, `${what}: its id`),
		kind: oneOf(o.kind, `${what}: what was deleted`, ['client', 'plan'] as const),
		clientId: id(o.clientId, `${what}: its client`),
		clientName: text(o.clientName, `${what}: the client’s name`, LIMITS.name),
		planIds: ids(o.planIds, `${what}: its sessions`),
		recordIds: ids(o.recordIds, `${what}: its records`),
		sessions,
		signed: integer(o.signed, `${what}: its number of signed records`, 0, sessions),
		...(o.consents === undefined ? {} : { consents: integer(o.consents, `${what}: its number of signed consents`, 1, MAX_PLANS_PER_CLIENT) }),
		at: timestamp(o.at, `${what}: when it was deleted`, now),
		reason: text(o.reason, `${what}: the reason`, REASON_MAX),
		practitionerId: o.practitionerId === null ? null : id(o.practitionerId, `${what}: who deleted it`),
		practitionerName: text(o.practitionerName, `${what}: who deleted it`, RECORD_TEXT.short)
	};
	if (row.kind === 'plan' && row.planIds.length !== 1) problem(`${what} is damaged (a deleted session names ${row.planIds.length} sessions).`);
	return row;
}

const SETTING_WORDS: Record<(typeof CARRIED_SETTINGS)[number], string> = { retentionRule: 'The keeping period', consentText: 'The consent statement' };

/** One carried setting, read strictly: only the keeping period and the consent statement ever travel. */
export function readClinicSetting(v: unknown, now: number): ClinicSetting {
	if (!isPlainObject(v) || typeof v.key !== 'string') problem('A setting in the file is damaged.');
	if (!(CARRIED_SETTINGS as readonly string[]).includes(v.key)) {
		problem(`The file carries a setting a Somamap backup never holds (${quoteKey(v.key)}).`);
	}
	const key = v.key as ClinicSetting['key'];
	const what = `${SETTING_WORDS[key]} in the file`;
	const o = exact(v, ['key', 'value', 'changedAt'], what);
	const changedAt = o.changedAt === null ? null : timestamp(o.changedAt, `${what}: when it was chosen`, now);
	if (key === 'retentionRule') {
		return { key, value: oneOf(o.value, what, RETENTION_RULES.map((r) => r.id)), changedAt };
	}
	if (typeof o.value !== 'string') problem(`${what} must be text.`);
	if (o.value.length > RECORD_TEXT.consent) problem(`${what} is too long (${o.value.length.toLocaleString('en')} characters; at most ${RECORD_TEXT.consent.toLocaleString('en')}).`);
	const value = consentText(o.value);
	if (!value) problem(`${what} is empty.`);
	return { key, value, changedAt };
}

function rows(root: Partial<Record<ClinicTable, unknown>>, key: ClinicTable, max: number, words: string): unknown[] {
	const v = root[key];
	if (v === undefined) return [];
	if (!Array.isArray(v)) problem(`The ${words} is damaged (it is not a list).`);
	if (v.length > max) problem(`The file’s ${words} has ${v.length.toLocaleString('en')} entries; a backup holds at most ${max.toLocaleString('en')}.`);
	return v;
}

/** Reads the clinic's tables of a version 5 file (absent tables are empty); ids and keys unique. */
export function readClinicTables(root: Partial<Record<ClinicTable, unknown>>, now: number): ClinicTables {
	const deletions = rows(root, 'deletions', CLINIC_LIMITS.deletions, 'deletions log').map((v, i) => readDeletion(v, i, now));
	const settings = rows(root, 'settings', 20, 'list of settings').map((v) => readClinicSetting(v, now));
	const seen = new Set<string>();
	for (const d of deletions) {
		if (seen.has(d.id)) problem(`The deletion of ${d.clientName.slice(0, 60) || 'a client'} appears twice in the file’s deletions log.`);
		seen.add(d.id);
	}
	const keys = new Set<string>();
	for (const s of settings) {
		if (keys.has(s.key)) problem(`${SETTING_WORDS[s.key]} appears twice in the file.`);
		keys.add(s.key);
	}
	return { deletions, settings };
}

/** A parsed backup's clinic tables, read; never throws: a problem comes back in words. */
export function readBackupClinic(rowsOf: Partial<Record<ClinicTable, unknown>> | undefined, now: number): { ok: true; tables: ClinicTables } | { ok: false; problem: string } {
	try {
		return { ok: true, tables: readClinicTables(rowsOf ?? {}, now) };
	} catch (e) {
		if (e instanceof BackupProblem) return { ok: false, problem: e.message };
		throw e;
	}
}
