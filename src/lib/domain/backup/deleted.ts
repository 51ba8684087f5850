/**
 * How a backup meets the clinic's deletions log and settings on the device (docs/RECORD.md
 * "Backup, restore and hand-off"). Pure: the store passes the device's rows in. The rules:
 * - The deletions log only grows: the file's rows the device lacks are added (union); the same row
 *   with other content refuses the file (a log row is never rewritten).
 * - A client or session THIS device's log says was deleted is not brought back by an older copy:
 *   the deletion wins over everything of it the file holds that was last changed at or before the
 *   deletion. A copy worked on after the deletion (on another device) is brought back, said so,
 *   since dropping it would lose work, perhaps a signed record the law says to keep. What is
 *   already on the device is never touched (a restore deletes nothing).
 * - The file's own log rows never withhold the file's own clients and sessions: a backup is a
 *   snapshot of one device, and a client it holds beside a row naming them was kept there (the row
 *   came in from another device's backup). Withholding them would lose that device's client when
 *   its own backup is restored after an erase. Such a row is still added, and said.
 * - A carried setting: the file's is taken where the device has none, or where both say when they
 *   were chosen and the file's is later; otherwise the device's is kept. When they differ, the words
 *   say which was kept.
 */
import { formatDate, isoDayOf } from '$lib/domain/dates';
import { canonicalJson } from '$lib/domain/record/canonical';
import type { Deletion } from '$lib/domain/record/deletion';
import { retentionRule } from '$lib/domain/record/retention';
import type { Client, Id, Plan } from '$lib/domain/records';
import type { BackupData } from './format';
import type { ClinicSetting, RecordTables } from './record-tables';

export type LogMerge = { ok: true; add: Deletion[] } | { ok: false; problem: string };

/** The file's log rows the device lacks; refused when one row differs between them. */
export function mergeDeletionLog(file: readonly Deletion[], device: ReadonlyMap<Id, Deletion>): LogMerge {
	const add: Deletion[] = [];
	for (const d of file) {
		const here = device.get(d.id);
		if (!here) add.push(d);
		else if (here.clientId !== d.clientId) {
			return { ok: false, problem: `The deletion of ${d.clientName.slice(0, 60) || 'a client'} on ${day(d.at)} in the file has the same id as the deletion of ${here.clientName.slice(0, 60) || 'another client'} in this device’s deletions log: one of them was changed outside Somamap. The log is never rewritten.` };
		} else if (canonicalJson(here) !== canonicalJson(d)) {
			return { ok: false, problem: `The deletion of ${d.clientName.slice(0, 60) || 'a client'} on ${day(d.at)} differs between the file and this device’s deletions log. The log is never rewritten.` };
		}
	}
	return { ok: true, add };
}

const day = (t: number) => formatDate(isoDayOf(t));

/** What the log withheld from a restore, for the words. */
export interface Withheld {
	/** The file's data without what stays deleted. */
	data: BackupData;
	/** Client ids not brought back. */
	clients: Set<Id>;
	/** Plan ids not brought back (those of clients not brought back included). */
	plans: Set<Id>;
	/** In words: what was not brought back, and what came back despite a deletion, and why. */
	notes: string[];
}

interface LogIndex {
	client: Map<Id, Deletion>;
	plan: Map<Id, Deletion>;
}

/** The latest deletion of each client and of each session. */
function indexLog(log: readonly Deletion[]): LogIndex {
	const client = new Map<Id, Deletion>();
	const plan = new Map<Id, Deletion>();
	const later = (m: Map<Id, Deletion>, k: Id, d: Deletion) => {
		const seen = m.get(k);
		if (!seen || d.at > seen.at) m.set(k, d);
	};
	for (const d of log) {
		if (d.kind === 'client') later(client, d.clientId, d);
		for (const p of d.planIds) later(plan, p, d);
	}
	return { client, plan };
}

/**
 * The file's data without the clients and sessions this device's log says were deleted (unless
 * worked on after), with the records, consents and details that belong to them.
 * @param deviceLog the rows already in this device's log: only these withhold.
 * @param added the file's rows this device lacks (joining its log): they withhold nothing, and one
 *   naming a client or session still held (in the file or here) is said.
 * @param onDevice clients and plans already on this device: never withheld (a restore deletes nothing).
 */
export function withholdDeleted(data: BackupData, deviceLog: readonly Deletion[], added: readonly Deletion[], onDevice: { clients: ReadonlySet<Id>; plans: ReadonlySet<Id> }): Withheld {
	const index = indexLog(deviceLog);
	const records = data.records;
	const recordOf = new Map((records?.records ?? []).map((r) => [r.planId, r]));
	const addendumAt = new Map<Id, number>();
	for (const a of records?.addenda ?? []) addendumAt.set(a.recordId, Math.max(addendumAt.get(a.recordId) ?? 0, a.signedAt));
	const historyAt = new Map<Id, number>();
	for (const h of records?.recordHistory ?? []) historyAt.set(h.recordId, Math.max(historyAt.get(h.recordId) ?? 0, h.at));
	/** The last time the file's copy of a session was worked on: the plan, its record, its history, its addenda. */
	const planWork = (p: Plan) => {
		const r = recordOf.get(p.id);
		if (!r) return p.updatedAt;
		return Math.max(p.updatedAt, r.updatedAt, 'signedAt' in r ? r.signedAt : 0, addendumAt.get(r.id) ?? 0, historyAt.get(r.id) ?? 0);
	};
	const plansOf = new Map<Id, Plan[]>();
	for (const p of data.plans) plansOf.set(p.clientId, [...(plansOf.get(p.clientId) ?? []), p]);
	const consentWork = new Map<Id, number>();
	for (const c of records?.consents ?? []) consentWork.set(c.clientId, Math.max(consentWork.get(c.clientId) ?? 0, c.signedAt, c.withdrawnAt ?? 0));

	const clients = new Set<Id>();
	const plans = new Set<Id>();
	const notes: string[] = [];
	const goneClients: { client: Client; d: Deletion }[] = [];
	const gonePlans: { plan: Plan; d: Deletion }[] = [];
	/** Clients brought back for work after their deletion: their sessions' words would repeat it. */
	const returned = new Set<Id>();
	for (const c of data.clients) {
		const d = index.client.get(c.id);
		if (!d || onDevice.clients.has(c.id)) continue;
		const work = Math.max(c.updatedAt, consentWork.get(c.id) ?? 0, ...(plansOf.get(c.id) ?? []).map(planWork));
		if (work > d.at) {
			notes.push(`${c.name.slice(0, 60)} was deleted on ${day(d.at)} (${LOG}), but the file holds work on them after that (last on ${day(work)}): they are brought back.`);
			returned.add(c.id);
			continue;
		}
		clients.add(c.id);
		goneClients.push({ client: c, d });
		for (const p of plansOf.get(c.id) ?? []) plans.add(p.id);
	}
	for (const p of data.plans) {
		const d = index.plan.get(p.id);
		if (!d || plans.has(p.id) || onDevice.plans.has(p.id)) continue;
		const work = planWork(p);
		if (work > d.at) {
			if (!returned.has(p.clientId)) notes.push(`The session “${p.title.slice(0, 60)}” of ${d.clientName.slice(0, 60) || 'a client'} was deleted on ${day(d.at)} (${LOG}), but the file holds work on it after that: it is brought back.`);
			continue;
		}
		plans.add(p.id);
		gonePlans.push({ plan: p, d });
	}
	const names = new Map(data.clients.map((c) => [c.id, c.name]));
	notes.unshift(...withheldWords(goneClients, gonePlans, names));
	notes.push(...keptWords(data, added, onDevice, clients, plans));
	if (!clients.size && !plans.size) return { data, clients, plans, notes };
	return { data: without(data, clients, plans), clients, plans, notes };
}

/** Where a withholding row is: this device's log (written here, or merged in from an earlier restore). */
const LOG = 'this device’s deletions log';

/**
 * The file's new log rows that name a client or session still held, in the file or on this device:
 * "The deletions log names Kim Lee as deleted on another device on Dec 3, 2026; Kim Lee is kept."
 */
function keptWords(data: BackupData, added: readonly Deletion[], onDevice: { clients: ReadonlySet<Id>; plans: ReadonlySet<Id> }, goneClients: ReadonlySet<Id>, gonePlans: ReadonlySet<Id>): string[] {
	const fileClients = new Map(data.clients.map((c) => [c.id, c.name]));
	const filePlans = new Map(data.plans.map((p) => [p.id, p]));
	const notes: string[] = [];
	for (const d of added) {
		const name = (fileClients.get(d.clientId) ?? d.clientName).slice(0, 60) || 'a client';
		if (d.kind === 'client') {
			const held = (fileClients.has(d.clientId) && !goneClients.has(d.clientId)) || onDevice.clients.has(d.clientId);
			if (held) notes.push(`The deletions log names ${name} as deleted on another device on ${day(d.at)}; ${name} is kept.`);
			continue;
		}
		const held = d.planIds.filter((id) => (filePlans.has(id) && !gonePlans.has(id)) || onDevice.plans.has(id));
		if (!held.length) continue;
		const titles = held.map((id) => filePlans.get(id)?.title.slice(0, 60)).filter((t): t is string => !!t);
		const what = titles.length ? `the session${titles.length === 1 ? '' : 's'} ${titles.map((t) => `“${t}”`).join(', ')}` : 'a session';
		notes.push(`The deletions log names ${what} of ${name} as deleted on another device on ${day(d.at)}; ${titles.length > 1 ? 'they are' : 'it is'} kept.`);
	}
	return notes;
}

/**
 * "2 clients deleted on Dec 3, 2026 (this device’s deletions log) were not brought back (Jo Bloggs, Kim Lee)."
 * One sentence per day, clients first, then sessions per client.
 */
function withheldWords(clients: { client: Client; d: Deletion }[], plans: { plan: Plan; d: Deletion }[], names: ReadonlyMap<Id, string>): string[] {
	const groups = new Map<string, string[]>();
	const add = (key: string, name: string) => groups.set(key, [...(groups.get(key) ?? []), name]);
	for (const { client, d } of clients) add(`client\n${day(d.at)}`, client.name.slice(0, 60));
	for (const { plan, d } of plans) add(`plan\n${day(d.at)}\n${names.get(plan.clientId)?.slice(0, 60) ?? (d.clientName.slice(0, 60) || 'a client')}`, plan.title.slice(0, 60));
	return [...groups].map(([key, list]) => {
		const [kind, on, owner] = key.split('\n');
		const n = list.length;
		const shown = list.slice(0, 5).join(', ') + (n > 5 ? `, …and ${n - 5} more` : '');
		const what = kind === 'client' ? `${n} ${n === 1 ? 'client' : 'clients'}` : `${n} ${n === 1 ? 'session' : 'sessions'} of ${owner}`;
		return `${what} deleted on ${on} (${LOG}) ${n === 1 ? 'was' : 'were'} not brought back (${shown}).`;
	});
}

/** The data without the withheld clients and sessions and everything that belongs to them. */
function without(data: BackupData, clients: ReadonlySet<Id>, plans: ReadonlySet<Id>): BackupData {
	const out: BackupData = {
		...data,
		clients: data.clients.filter((c) => !clients.has(c.id)),
		plans: data.plans.filter((p) => !plans.has(p.id)),
		marks: data.marks.filter((m) => !plans.has(m.planId))
	};
	const r = data.records;
	if (r) {
		const gone = new Set(r.records.filter((x) => plans.has(x.planId) || clients.has(x.clientId)).map((x) => x.id));
		const t: RecordTables = {
			practitioners: r.practitioners,
			clientDetails: r.clientDetails.filter((d) => !clients.has(d.clientId)),
			consents: r.consents.filter((c) => !clients.has(c.clientId)),
			records: r.records.filter((x) => !gone.has(x.id)),
			recordHistory: r.recordHistory.filter((h) => !gone.has(h.recordId)),
			addenda: r.addenda.filter((a) => !gone.has(a.recordId)),
			chainHeads: r.chainHeads.filter((h) => !gone.has(h.recordId))
		};
		out.records = t;
	}
	return out;
}

export interface SettingsMerge {
	/** Rows to write (as the store keeps them: key, value, changedAt). */
	put: ClinicSetting[];
	notes: string[];
}

const WHAT: Record<ClinicSetting['key'], string> = { retentionRule: 'keeping period', consentText: 'consent statement' };
const valueWords = (s: Pick<ClinicSetting, 'key' | 'value'>) => (s.key === 'retentionRule' ? ` (${retentionRule(s.value).name})` : '');

/**
 * The file's carried settings against the device's: the file's is taken where the device has none,
 * or where both say when they were chosen and the file's is later; else the device's is kept (a
 * restore does not change a clinic's statement or period on a guess). Equal values change nothing.
 */
export function mergeClinicSettings(file: readonly ClinicSetting[], device: ReadonlyMap<ClinicSetting['key'], { value: unknown; changedAt: number | null }>): SettingsMerge {
	const put: ClinicSetting[] = [];
	const notes: string[] = [];
	for (const s of file) {
		const here = device.get(s.key);
		const name = WHAT[s.key];
		if (here && here.value === s.value) continue;
		const resign = s.key === 'consentText' ? ' Clients who signed the statement used on this device until now will show “signed an earlier text” and be asked to sign again.' : '';
		if (!here) {
			put.push(s);
			notes.push(`The ${name} from the file${valueWords(s)} is used on this device from now on.${resign}`);
			continue;
		}
		const mine = valueWords({ key: s.key, value: String(here.value) });
		if (s.changedAt !== null && here.changedAt !== null && s.changedAt > here.changedAt) {
			put.push(s);
			notes.push(`The ${name} in the file${valueWords(s)} was chosen on ${day(s.changedAt)}, after this device’s${mine} (${day(here.changedAt)}): the file’s replaces it.${resign}`);
		} else {
			const when =
				s.changedAt !== null && here.changedAt !== null
					? `it was chosen on ${day(here.changedAt)}, the file’s${valueWords(s)} on ${day(s.changedAt)}`
					: `the file’s${valueWords(s)} is not known to be newer`;
			notes.push(`This device’s ${name}${mine} is kept: ${when}.`);
		}
	}
	return { put, notes };
}
