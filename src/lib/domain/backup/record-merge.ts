/**
 * How a backup's treatment records meet the ones on the device (docs/RECORD.md "Backup and
 * restore"). Pure: the store passes the device's rows in. The rules, in short:
 * - A signed record is never replaced: the same record signed with other content (another hash),
 *   or a second signed record for the same session, refuses the whole restore. An identical one is
 *   kept. A restore never unlocks: an unsigned copy in the file of a record signed here is not used.
 * - A signed record in the file replaces the unsigned draft of its session here; drafts otherwise
 *   merge by updatedAt like plans. Two drafts of one session (each device opened the plan) are one
 *   record: the one kept takes the other's history.
 * - History and addenda only grow (union; nothing is deleted). Addenda must continue the chain:
 *   the file's chain and this device's must be one the start of the other, else it is refused.
 * - Consents are signed: the same consent with other content is refused; a withdrawal in the file
 *   is applied (a withdrawal is never undone), only from a row whose seal holds. Practitioners merge by updatedAt. A client's details
 *   carry no date of their own but change with the client row (the store moves its updatedAt in the
 *   same transaction): they are added where the device has none, and where both differ the file's
 *   replace the device's exactly when the file's client row wins the merge (the newer one).
 */
import { formatDate, isoDayOf } from '$lib/domain/dates';
import { MAX_HISTORY } from '$lib/domain/limits';
import { canonicalJson } from '$lib/domain/record/canonical';
import { isLocked } from '$lib/domain/record/locked';
import type { Addendum, ClientDetails, Consent, HistoryEntry, LockedRecord, Practitioner, TreatmentRecord } from '$lib/domain/record/types';
import { mergeAction } from './merge';
import { sessionName, type Names } from './records';
import type { RecordTables } from './record-tables';

type AnyRecord = TreatmentRecord | LockedRecord;
type Head = { recordId: string; hash: string; count: number };

/** The device's rows that the file's records touch, read by the store in its transaction. */
export interface DeviceRecords {
	/** Records with a file record's id or session (planId). */
	records: readonly AnyRecord[];
	/** Addenda, heads and history of those records. */
	addenda: readonly Addendum[];
	heads: readonly Head[];
	history: readonly HistoryEntry[];
	practitioners: ReadonlyMap<string, Pick<Practitioner, 'updatedAt'>>;
	consents: ReadonlyMap<string, Consent>;
	clientDetails: ReadonlyMap<string, ClientDetails>;
	/** Clients and plans (with their client) on the device, for the references. */
	clients: ReadonlySet<string>;
	plans: ReadonlyMap<string, string>;
}

export interface RecordCounts {
	added: number;
	updated: number;
	older: number;
	same: number;
	/** Unsigned copies in the file of records signed here: not used. */
	keptSigned: number;
	addenda: number;
	history: number;
	consents: number;
	practitioners: number;
	details: number;
}

export interface RecordMergePlan {
	practitioners: Practitioner[];
	clientDetails: (ClientDetails & { clientId: string })[];
	consents: Consent[];
	records: AnyRecord[];
	/** Device drafts replaced by their session's record from the file (another id). */
	removeDrafts: string[];
	/** History rows to move from a replaced draft to the record that replaces it. */
	moveHistory: { from: string; to: string }[];
	heads: Head[];
	addenda: Addendum[];
	history: HistoryEntry[];
	counts: RecordCounts;
	/** What the person should know before restoring, in words. */
	notes: string[];
}

export type RecordMergeResult = { ok: true; plan: RecordMergePlan } | { ok: false; problem: string };

/** What the records merge needs of the file's clients and plans. */
export interface FileData {
	clientIds: ReadonlySet<string>;
	plans: ReadonlyMap<string, string>;
	/** Clients whose row in the file wins the merge (new here, or newer): their details win too. */
	clientWins: ReadonlySet<string>;
	/** The file's consents that fail their seal (declared in the file): their withdrawal is not taken. */
	failingConsents: ReadonlySet<string>;
}

class Refused extends Error {}
const refuse = (problem: string): never => {
	throw new Refused(problem);
};
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

export function planRecordMerge(file: RecordTables, device: DeviceRecords, fileData: FileData, names: Names): RecordMergeResult {
	try {
		return { ok: true, plan: merge(file, device, fileData, names) };
	} catch (e) {
		if (e instanceof Refused) return { ok: false, problem: e.message };
		throw e;
	}
}

function merge(file: RecordTables, device: DeviceRecords, fileData: FileData, names: Names): RecordMergePlan {
	const counts: RecordCounts = { added: 0, updated: 0, older: 0, same: 0, keptSigned: 0, addenda: 0, history: 0, consents: 0, practitioners: 0, details: 0 };
	const notes: string[] = [];
	const out: RecordMergePlan = { practitioners: [], clientDetails: [], consents: [], records: [], removeDrafts: [], moveHistory: [], heads: [], addenda: [], history: [], counts, notes };
	const session = (r: AnyRecord) => sessionName(r, names);
	const hasClient = (id: string) => fileData.clientIds.has(id) || device.clients.has(id);
	const clientOfPlan = (id: string) => fileData.plans.get(id) ?? device.plans.get(id);

	for (const p of file.practitioners) {
		const action = mergeAction(p, device.practitioners.get(p.id));
		if (action === 'add' || action === 'update') {
			out.practitioners.push(p);
			counts.practitioners++;
		}
	}
	for (const d of file.clientDetails) {
		if (!hasClient(d.clientId)) refuse('The file has the details of a client who is neither in the file nor on this device.');
		const here = device.clientDetails.get(d.clientId);
		const { clientId: _, ...details } = d;
		if (!here) {
			out.clientDetails.push(d);
			counts.details++;
		} else if (!same(here, details)) {
			const who = names.get(d.clientId) ?? 'a client';
			if (fileData.clientWins.has(d.clientId)) {
				out.clientDetails.push(d);
				counts.details++;
				notes.push(`The details of ${who} (allergies, medications, history, …) are newer in the file: they replace this device’s.`);
			} else {
				notes.push(`The details of ${who} (allergies, medications, history, …) are newer on this device: this device’s are kept.`);
			}
		}
	}
	for (const c of file.consents) {
		if (!hasClient(c.clientId)) refuse('The file has a consent of a client who is neither in the file nor on this device.');
		const here = device.consents.get(c.id);
		if (!here) {
			out.consents.push(c);
			counts.consents++;
			continue;
		}
		if (same(here, c)) continue;
		// The signed part must be the same; the withdrawal (with its own seal) is the only step that may differ.
		if (!same({ ...here, withdrawnAt: null, withdrawalHash: undefined }, { ...c, withdrawnAt: null, withdrawalHash: undefined })) {
			refuse(`The consent ${names.get(c.clientId) ?? 'a client'} signed differs between the file and this device. A signed consent is never replaced.`);
		}
		// Only a withdrawal the device does not know yet is applied; a withdrawal is never undone.
		if (here.withdrawnAt === null && c.withdrawnAt !== null) {
			// A failing signed row never replaces a good one: a withdrawal only from a row whose seal holds.
			if (fileData.failingConsents.has(c.id)) {
				notes.push(`The file withdraws the consent ${names.get(c.clientId) ?? 'a client'} signed on ${formatDate(isoDayOf(c.signedAt))}, but that copy fails its check (it was changed after signing): this device’s consent is kept as it is, not withdrawn.`);
				continue;
			}
			out.consents.push(c);
			counts.consents++;
		}
	}

	const byId = new Map(device.records.map((r) => [r.id, r]));
	const byPlan = new Map(device.records.map((r) => [r.planId, r]));
	const fileAddenda = group(file.addenda);
	const deviceAddenda = group(device.addenda);
	const fileHeads = new Map(file.chainHeads.map((h) => [h.recordId, h]));
	const deviceHeads = new Map(device.heads.map((h) => [h.recordId, h]));
	const fileHistory = group(file.recordHistory);
	const deviceHistory = group(device.history);
	/** Each file record's history goes to the record that is kept for its session. */
	const historyTarget = new Map<string, string>();

	const take = (f: AnyRecord) => {
		out.records.push(f);
		if (isLocked(f)) {
			out.heads.push(fileHeads.get(f.id)!);
			out.addenda.push(...(fileAddenda.get(f.id) ?? []));
			counts.addenda += fileAddenda.get(f.id)?.length ?? 0;
		}
	};

	for (const f of file.records) {
		if (!hasClient(f.clientId)) refuse(`The record of ${session(f)} belongs to a client who is neither in the file nor on this device.`);
		const owner = clientOfPlan(f.planId);
		if (owner === undefined) refuse(`The record of ${session(f)} belongs to a session that is neither in the file nor on this device.`);
		if (owner !== f.clientId) refuse(`The record of ${session(f)} names a session of another client.`);
		const mine = byId.get(f.id);
		if (mine && (mine.planId !== f.planId || mine.clientId !== f.clientId)) {
			refuse(`The record of ${session(f)} has the id of a record of another session on this device.`);
		}
		const d = mine ?? byPlan.get(f.planId);
		historyTarget.set(f.id, f.id);
		if (!d) {
			take(f);
			counts.added++;
			continue;
		}
		if (isLocked(d)) {
			if (isLocked(f)) {
				if (d.id !== f.id) refuse(`The session ${session(f)} has a different signed record on this device than in the file. A signed record is never replaced.`);
				if (!same(d, f)) {
					refuse(`The record of ${session(f)} is signed on this device with other content than in the file (the same record, changed). A signed record is never replaced.`);
				}
				counts.same++;
				mergeAddenda(f as LockedRecord, fileAddenda.get(f.id) ?? [], deviceAddenda.get(d.id) ?? [], fileHeads.get(f.id)!, deviceHeads.get(d.id), out, session(f));
			} else {
				counts.keptSigned++;
				notes.push(`The record of ${session(f)} is signed on this device; the file’s unsigned copy is not used (a restore never unlocks a signed record).`);
			}
			historyTarget.set(f.id, d.id);
			continue;
		}
		// The device has a draft of this session.
		const fileWins = isLocked(f) || f.updatedAt > d.updatedAt;
		if (!fileWins) {
			counts[f.updatedAt < d.updatedAt ? 'older' : 'same']++;
			historyTarget.set(f.id, d.id);
			continue;
		}
		take(f);
		counts.updated++;
		if (isLocked(f)) notes.push(`The record of ${session(f)} was signed since: the signed record replaces the unsigned draft on this device (its history is kept).`);
		if (d.id !== f.id) {
			out.removeDrafts.push(d.id);
			out.moveHistory.push({ from: d.id, to: f.id });
		}
	}

	// History: the file's entries the kept record does not have yet, in the file's order.
	const kept = new Map<string, Set<string>>();
	const keyOf = (h: HistoryEntry, to: string) => canonicalJson({ ...h, recordId: to });
	const keysFor = (to: string) => {
		let set = kept.get(to);
		if (!set) {
			set = new Set<string>();
			const from = [to, ...out.moveHistory.filter((m) => m.to === to).map((m) => m.from)];
			for (const id of from) for (const h of deviceHistory.get(id) ?? []) set.add(keyOf(h, to));
			kept.set(to, set);
		}
		return set;
	};
	for (const [recordId, entries] of fileHistory) {
		const to = historyTarget.get(recordId)!;
		const set = keysFor(to);
		for (const h of entries) {
			const key = keyOf(h, to);
			if (set.has(key)) continue;
			set.add(key);
			out.history.push({ ...h, recordId: to });
			counts.history++;
		}
		if (set.size > MAX_HISTORY) refuse(`With this file, the history of the record of ${session(file.records.find((r) => r.id === recordId)!)} would have more than ${MAX_HISTORY.toLocaleString('en')} changes.`);
	}
	return out;
}

function group<T extends { recordId: string }>(rows: readonly T[]): Map<string, T[]> {
	const m = new Map<string, T[]>();
	for (const r of rows) m.set(r.recordId, [...(m.get(r.recordId) ?? []), r]);
	return m;
}

/**
 * The same signed record on both sides: its addenda must be one chain, the file's and the device's
 * one the start of the other. The longer one is kept; nothing is removed.
 */
function mergeAddenda(record: LockedRecord, file: Addendum[], device: Addendum[], fileHead: Head, deviceHead: Head | undefined, out: RecordMergePlan, session: string): void {
	const here = new Map(device.map((a) => [a.id, a]));
	for (const a of file) {
		const d = here.get(a.id);
		if (d && !same(a, d)) refuse(`An addendum to the record of ${session} differs between the file and this device. A signed addendum is never replaced.`);
	}
	const fileIds = new Set(file.map((a) => a.id));
	const deviceCount = deviceHead?.count ?? 1 + device.length;
	if (fileHead.count > deviceCount) {
		const hashes = [record.hash, ...file.map((a) => a.hash)];
		const continues = device.every((a) => fileIds.has(a.id)) && (!deviceHead || hashes[deviceHead.count - 1] === deviceHead.hash);
		if (!continues) refuse(`The record of ${session} has addenda on this device and in the file that were signed separately; they cannot be joined into one history.`);
		const added = file.filter((a) => !here.has(a.id));
		out.addenda.push(...added);
		out.counts.addenda += added.length;
		out.heads.push(fileHead);
	} else if (!file.every((a) => here.has(a.id))) {
		refuse(`The record of ${session} has addenda on this device and in the file that were signed separately; they cannot be joined into one history.`);
	}
}
