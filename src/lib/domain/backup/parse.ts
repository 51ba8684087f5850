/**
 * Reading a backup file: every check that needs only the file. The file's text is parsed, scanned
 * for forbidden keys, then each record is rebuilt field by field from what was checked, so the
 * records that come out are fresh objects holding only known fields. References to records that
 * are not in the file need the database: see ./merge.ts and src/lib/store/backup.ts.
 */
import { BODY_BUILDS, type BodyBuild, type BodyFigure } from '$lib/body/types';
import { DURATIONS, PLAN_STATUSES, SENSATIONS, type Client, type Mark, type Patch, type Plan, type Pressure } from '$lib/domain/records';
import { hasErrors, LIMITS, validateClient, validatePlan } from '$lib/domain/validation';
import { NOTE_MAX, validateMark } from '$lib/domain/marks';
import { regionByCode } from '$lib/domain/regions';
import { formatDate } from '$lib/domain/dates';
import { problemInWords, unreadableWords } from './words';
import { cleanClient, cleanMark, cleanPlan } from '$lib/domain/clean-text';
import { count, MAX_MARKS_PER_PLAN, MAX_PLANS_PER_CLIENT } from '$lib/domain/limits';
import { decodeUint32, decodeUint8 } from './base64';
import { BACKUP_FORMAT, BACKUP_LIMITS as L, BACKUP_VERSION, KEYS, keysOf, type Backup, type BackupData, type IntegrityEntry } from './format';
import { CLINIC_TABLES, RECORD_TABLES } from './record-tables';
import {
	BackupProblem, bool, id, integer, isPlainObject, keyMatching, list, number, object, oneOf, problem, record,
	regionCode, regionKey, scanKeys, text, timestamp
} from './read';

export type ParseResult = { ok: true; backup: Backup } | { ok: false; problem: string };

export interface ParseOptions {
	/** This device's time (ms): no date in the file may be later than a day after it. */
	now: number;
}

/** Parses and checks a backup file; never throws. */
export function parseBackup(text: string, options: ParseOptions): ParseResult {
	const seen: { root?: unknown } = {};
	try {
		return { ok: true, backup: readBackup(text, options.now, seen) };
	} catch (e) {
		// The readers name paths ("marks[3].intensity"); the person reads the things they are.
		if (e instanceof BackupProblem) return { ok: false, problem: problemInWords(e.message, seen.root) };
		throw e;
	}
}

/**
 * One mark or patch as encodeMark / encodePatch wrote it (e.g. a painting kept over a reload),
 * checked like a backup's; null when it does not read back.
 */
export function parseMarkJson(v: unknown, now: number): Mark | null {
	return orNull(() => readMark(v, 'mark', now, BACKUP_VERSION));
}
export function parsePatchJson(v: unknown): Patch | null {
	return orNull(() => readPatch(v, 'patch'));
}
function orNull<T>(read: () => T): T | null {
	try {
		return read();
	} catch (e) {
		if (e instanceof BackupProblem) return null;
		throw e;
	}
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

function readBackup(source: string, now: number, seen: { root?: unknown }): Backup {
	if (typeof source !== 'string') problem('The file could not be read as text.');
	if (source.length > L.fileBytes) {
		problem(`The file is too large (${Math.round(source.length / 1048576)} MB; a backup is at most ${L.fileBytes / 1048576} MB).`);
	}
	const body = source.replace(/^\uFEFF/, '');
	if (!body.trim()) problem('The file is empty.');
	let root: unknown;
	try {
		root = JSON.parse(body);
	} catch {
		// Not the browser's parser message: it speaks of tokens and positions, not of the file.
		problem(unreadableWords(body));
	}
	seen.root = root;
	if (!isPlainObject(root)) problem('The file is not a Somamap backup: it holds no backup object.');
	scanKeys(root, '', L.depth);
	if (!Object.hasOwn(root, 'format')) problem('The file is not a Somamap backup: it has no format name.');
	if (root.format !== BACKUP_FORMAT) {
		const named = typeof root.format === 'string' ? JSON.stringify(root.format.slice(0, 40)) : 'not text';
		problem(`The file is not a Somamap backup: its format is ${named}, not "${BACKUP_FORMAT}".`);
	}
	const version = root.version;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
		problem('version must be a whole number from 1.');
	}
	if (version > BACKUP_VERSION) {
		problem(
			`This backup was made by a newer Somamap (backup version ${version}; this app reads version ${BACKUP_VERSION}). ` +
				'Update Somamap on this device (reload it while online), then restore the file again.'
		);
	}
	// The record's tables (version 4) and the clinic's (5) may be absent: a hand-off never carries them.
	object(root, '', keysOf('root', version), ['appVersion', 'integrity', ...RECORD_TABLES, ...CLINIC_TABLES]);
	const exportedAt = text(root.exportedAt, 'exportedAt', 40);
	if (!ISO.test(exportedAt) || isNaN(Date.parse(exportedAt))) problem('exportedAt must be a date and time like 2026-05-01T09:30:00.000Z.');
	const backup: Backup = {
		exportedAt: timestamp(Date.parse(exportedAt), 'exportedAt', now),
		data: readData(root, now, version),
		fileVersion: version
	};
	if (root.appVersion !== undefined) backup.appVersion = text(root.appVersion, 'appVersion', 64);
	if (root.integrity !== undefined) backup.integrity = readIntegrity(root.integrity, now);
	// Kept as the file has them and read by ./records.ts only where records are restored, so the
	// record's readers load with the restore, not with every page that reads a hand-off.
	const carried = RECORD_TABLES.filter((k) => root[k] !== undefined);
	if (carried.length) backup.recordRows = Object.fromEntries(carried.map((k) => [k, root[k]]));
	const clinic = CLINIC_TABLES.filter((k) => root[k] !== undefined);
	if (clinic.length) backup.clinicRows = Object.fromEntries(clinic.map((k) => [k, root[k]]));
	return backup;
}

/** The file's list of signed rows that failed their check when it was written (format 4). */
function readIntegrity(v: unknown, now: number): IntegrityEntry[] {
	return list(v, 'integrity', L.integrity, 'entries').map((e, i) => {
		const path = `integrity[${i}]`;
		const o = object(e, path, ['kind', 'id', 'recordId', 'problem', 'checkedAt'], ['recordId']);
		const at = text(o.checkedAt, `${path}.checkedAt`, 40);
		if (!ISO.test(at) || isNaN(Date.parse(at))) problem(`${path}.checkedAt must be a date and time.`);
		const entry: IntegrityEntry = {
			kind: oneOf(o.kind, `${path}.kind`, ['record', 'addendum', 'consent'] as const),
			id: id(o.id, `${path}.id`),
			problem: text(o.problem, `${path}.problem`, 1000),
			checkedAt: timestamp(Date.parse(at), `${path}.checkedAt`, now)
		};
		if (o.recordId !== undefined) entry.recordId = id(o.recordId, `${path}.recordId`);
		return entry;
	});
}

function readData(root: Record<string, unknown>, now: number, version: number): BackupData {
	const clients = list(root.clients, 'clients', L.clients, 'clients').map((v, i) => readClient(v, `clients[${i}]`, now, version));
	const plans = list(root.plans, 'plans', L.plans, 'plans').map((v, i) => readPlan(v, `plans[${i}]`, now));
	const marks = list(root.marks, 'marks', L.marks, 'marks').map((v, i) => readMark(v, `marks[${i}]`, now, version));
	for (const [name, rows] of [['clients', clients], ['plans', plans], ['marks', marks]] as const) {
		const seen = new Map<string, number>();
		rows.forEach((r, i) => {
			const first = seen.get(r.id);
			if (first !== undefined) problem(`${name}[${i}].id repeats the id of ${name}[${first}].`);
			seen.set(r.id, i);
		});
	}
	checkSizes(clients, plans, marks);
	return { clients, plans, marks };
}

/** Per client and per plan caps (domain/limits), named in the person's words. */
function checkSizes(clients: Client[], plans: Plan[], marks: Mark[]): void {
	const tally = (ids: string[]) => {
		const n = new Map<string, number>();
		for (const k of ids) n.set(k, (n.get(k) ?? 0) + 1);
		return n;
	};
	for (const [planId, n] of tally(marks.map((m) => m.planId))) {
		if (n <= MAX_MARKS_PER_PLAN) continue;
		const plan = plans.find((p) => p.id === planId);
		const which = plan ? `The plan “${plan.title.slice(0, 60)}” (${formatDate(plan.date)})` : 'A plan';
		problem(`${which} has ${count(n, 'mark', 'marks')}; one plan can hold at most ${count(MAX_MARKS_PER_PLAN, 'mark', 'marks')}.`);
	}
	for (const [clientId, n] of tally(plans.map((p) => p.clientId))) {
		if (n <= MAX_PLANS_PER_CLIENT) continue;
		const client = clients.find((c) => c.id === clientId);
		const who = client ? `The client “${client.name.slice(0, 60)}”` : 'A client';
		problem(`${who} has ${count(n, 'plan', 'plans')}; one client can have at most ${count(MAX_PLANS_PER_CLIENT, 'plan', 'plans')}.`);
	}
}

/** The first message of a domain validator, with the record's path in front. */
function domain(path: string, errors: object): void {
	if (hasErrors(errors)) problem(`${path}: ${Object.values(errors)[0]}`);
}

function times(v: Record<string, unknown>, path: string, now: number): { createdAt: number; updatedAt: number } {
	const createdAt = timestamp(v.createdAt, `${path}.createdAt`, now);
	const updatedAt = timestamp(v.updatedAt, `${path}.updatedAt`, now);
	if (updatedAt < createdAt) problem(`${path}.updatedAt is earlier than the time it was made.`);
	return { createdAt, updatedAt };
}

function readClient(v: unknown, path: string, now: number, version: number): Client {
	// A file before version 3 predates builds: the key is refused there and its clients take the default.
	const o = object(v, path, keysOf('client', version));
	const client: Client = cleanClient({
		id: id(o.id, `${path}.id`),
		name: text(o.name, `${path}.name`, LIMITS.name, true),
		contact: text(o.contact, `${path}.contact`, LIMITS.contact),
		notes: text(o.notes, `${path}.notes`, LIMITS.notes),
		figure: oneOf<BodyFigure | null>(o.figure, `${path}.figure`, [null, 'female', 'male']),
		build: version >= 3 ? oneOf<BodyBuild | null>(o.build, `${path}.build`, [null, ...BODY_BUILDS]) : null,
		...times(o, path, now)
	});
	domain(path, validateClient(client));
	return client;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** YYYY-MM-DD naming a day that exists (Date.parse alone accepts 2026-02-30). */
function isCalendarDay(s: string): boolean {
	const m = DATE.exec(s);
	if (!m) return false;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const t = new Date(Date.UTC(y, mo - 1, d));
	return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}
/** Health question ids and timed-plan step keys ('r16', 'base:back', 'craniosacral'). */
const KEY = /^[a-z][a-z0-9:-]{0,63}$/;
const strings = (v: unknown, path: string) =>
	list(v, path, L.listItems).map((s, i) => text(s, `${path}[${i}]`, L.shortText));
const pressure = (v: unknown, path: string) => integer(v, path, 1, 5) as Pressure;

function readPlan(v: unknown, path: string, now: number): Plan {
	const o = object(v, path, KEYS.plan);
	const p = (key: string) => `${path}.${key}`;
	const date = text(o.date, p('date'), 40);
	if (!isCalendarDay(date)) problem(`${p('date')} must be a real date like 2026-05-01.`);
	const oil = object(o.oil, p('oil'), KEYS.oil);
	const planning = object(o.planning, p('planning'), KEYS.planning);
	const avoid = list(o.avoid, p('avoid'), L.listItems).map((c, i) => regionCode(c, `${p('avoid')}[${i}]`));
	const plan: Plan = cleanPlan({
		id: id(o.id, p('id')),
		clientId: id(o.clientId, p('clientId')),
		date,
		title: text(o.title, p('title'), LIMITS.title, true),
		status: oneOf(o.status, p('status'), PLAN_STATUSES),
		scope: oneOf(o.scope, p('scope'), ['local', 'full'] as const),
		durationMin: oneOf(o.durationMin, p('durationMin'), DURATIONS),
		pressure: pressure(o.pressure, p('pressure')),
		goals: strings(o.goals, p('goals')),
		complaints: strings(o.complaints, p('complaints')),
		techniques: strings(o.techniques, p('techniques')),
		health: record(o.health, p('health'), L.listItems, keyMatching(KEY, 'a health question id'), bool),
		focus: list(o.focus, p('focus'), L.listItems).map((f, i) => {
			const fp = `${p('focus')}[${i}]`;
			const x = object(f, fp, KEYS.focus);
			return {
				region: regionCode(x.region, `${fp}.region`),
				minutes: number(x.minutes, `${fp}.minutes`, 0, L.minutes),
				pressure: pressure(x.pressure, `${fp}.pressure`),
				fixed: bool(x.fixed, `${fp}.fixed`)
			};
		}),
		avoid,
		consent: record(o.consent, p('consent'), L.listItems, regionKey, bool),
		oil: {
			preference: text(oil.preference, `${p('oil')}.preference`, L.shortText),
			allergies: text(oil.allergies, `${p('oil')}.allergies`, L.shortText)
		},
		noPain: bool(o.noPain, p('noPain')),
		clientWords: text(o.clientWords, p('clientWords'), LIMITS.notes),
		notes: text(o.notes, p('notes'), LIMITS.notes),
		planning: {
			fixed: record(planning.fixed, `${p('planning')}.fixed`, L.listItems, keyMatching(KEY, 'a step of the timed plan'), (m, mp) =>
				number(m, mp, 0, L.minutes)
			),
			order: list(planning.order, `${p('planning')}.order`, L.listItems).map((k, i) => {
				const kp = `${p('planning')}.order[${i}]`;
				if (!KEY.test(text(k, kp, 64))) problem(`${kp} is not a step of the timed plan.`);
				return k as string;
			}),
			craniosacralShare: number(planning.craniosacralShare, `${p('planning')}.craniosacralShare`, 0, 1)
		},
		outcome: o.outcome === null ? null : readOutcome(o.outcome, p('outcome')),
		...times(o, path, now)
	});
	domain(path, validatePlan(plan));
	return plan;
}

function readOutcome(v: unknown, path: string): Plan['outcome'] {
	const o = object(v, path, KEYS.outcome);
	return {
		done: text(o.done, `${path}.done`, LIMITS.outcome),
		response: text(o.response, `${path}.response`, LIMITS.outcome),
		advice: text(o.advice, `${path}.advice`, LIMITS.outcome),
		after: record(o.after, `${path}.after`, L.listItems, regionKey, (x, xp) => integer(x, xp, 0, 10))
	};
}

function readMark(v: unknown, path: string, now: number, version: number): Mark {
	// A version 1 file predates `carried`: the key is refused there and its marks are not carried.
	const o = object(v, path, keysOf('mark', version));
	const p = (key: string) => `${path}.${key}`;
	const region = regionCode(o.region, p('region'));
	const depth = oneOf(o.depth, p('depth'), ['surface', 'deep'] as const);
	let structure: string | null = null;
	if (o.structure !== null) {
		structure = text(o.structure, p('structure'), L.shortText);
		if (depth !== 'deep') problem(`${p('structure')} must be null unless depth is "deep".`);
		const deep = regionByCode(region)!.deep;
		if (!deep.includes(structure)) {
			problem(`${p('structure')} must be null or one of ${deep.map((d) => `"${d}"`).join(', ') || 'nothing for this region'}.`);
		}
	}
	const mark: Mark = cleanMark({
		id: id(o.id, p('id')),
		planId: id(o.planId, p('planId')),
		region,
		patch: o.patch === null ? null : readPatch(o.patch, p('patch')),
		sensation: oneOf(o.sensation, p('sensation'), SENSATIONS),
		intensity: integer(o.intensity, p('intensity'), 0, 10),
		depth,
		structure,
		pressure: o.pressure === null ? null : pressure(o.pressure, p('pressure')),
		note: text(o.note, p('note'), NOTE_MAX),
		author: oneOf(o.author, p('author'), ['client', 'therapist'] as const),
		carried: version >= 2 ? bool(o.carried, p('carried')) : false,
		...times(o, path, now)
	});
	// The editor's own rules last (patch included), so a file can never hold a mark the app refuses.
	domain(path, validateMark({ ...mark, region }));
	return mark;
}

function tooManyPoints(n: number): never {
	problem(
		`A painted area covers ${count(n, 'point', 'points')} of the body; one painted area can cover at most ` +
			`${count(L.patchVertices, 'point', 'points')} (the whole body has about 25,000).`
	);
}

/** Longest base64 text for the largest allowed patch (4 bytes per vertex). */
const MAX_B64 = Math.ceil((L.patchVertices * 4) / 3) + 4;

function readPatch(v: unknown, path: string): Patch {
	const o = object(v, path, KEYS.patch);
	const modelVersion = text(o.modelVersion, `${path}.modelVersion`, 64, true);
	// Too many to be a painting: said as such, before the length of its text is.
	if (typeof o.vertices === 'string' && o.vertices.length > MAX_B64) tooManyPoints(Math.floor((o.vertices.length * 3) / 16));
	const vertices = decodeUint32(text(o.vertices, `${path}.vertices`, MAX_B64));
	if (!vertices) problem(`${path}.vertices is not base64 of 32-bit vertex numbers.`);
	const weights = decodeUint8(text(o.weights, `${path}.weights`, MAX_B64));
	if (!weights) problem(`${path}.weights is not base64 of 8-bit weights.`);
	if (vertices.length === 0) problem(`${path}.vertices must list at least one vertex.`);
	if (vertices.length > L.patchVertices) tooManyPoints(vertices.length);
	if (weights.length !== vertices.length) {
		problem(`${path}.weights must have one weight per vertex (${weights.length} weights for ${vertices.length} vertices).`);
	}
	for (let i = 0; i < vertices.length; i++) {
		if (vertices[i] >= L.vertexIndex || (i > 0 && vertices[i] <= vertices[i - 1])) {
			problem(`${path}.vertices must be ascending vertex numbers below ${L.vertexIndex} (vertex ${i} is ${vertices[i]}).`);
		}
		if (weights[i] === 0) problem(`${path}.weights must be from 1 to 255 (weight ${i} is 0).`);
	}
	const regions = list(o.regions, `${path}.regions`, 80).map((r, i) => {
		const rp = `${path}.regions[${i}]`;
		const x = object(r, rp, KEYS.share);
		return { region: regionCode(x.region, `${rp}.region`), area: number(x.area, `${rp}.area`, 0, L.regionArea) };
	});
	if (regions.length === 0) problem(`${path}.regions must name at least one region.`);
	return { modelVersion, vertices, weights, regions };
}
