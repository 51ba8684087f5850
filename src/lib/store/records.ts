/**
 * Treatment records (issue 12, docs/RECORD.md): one per plan, a draft until finalised and signed,
 * then locked; corrections are addenda linked into the record's hash chain, whose head (last hash,
 * number of links) is kept in `chainHeads` beside it. Every row is read through domain/record/read
 * and every change made by domain/record/lifecycle. Drafts are stored in their read form, so a
 * record reads back exactly as it was sealed and its hash holds.
 *
 * Hashing is Web Crypto, which would end an IndexedDB transaction if awaited inside one: finalise
 * and addenda read, seal outside, then write in one transaction that first checks nothing changed
 * since the read ('conflict' otherwise).
 */
import type { Id } from '$lib/domain/records';
import { canonicalJson } from '$lib/domain/record/canonical';
import { staleFields } from '$lib/domain/record/form';
import { entryName, verifyChain, type ChainCheck } from '$lib/domain/record/chain';
import { chainOrder } from '$lib/domain/backup/record-verify';
import { signedRowProblem } from '$lib/domain/record/signed';
import { addAddendum, editDraft, finalise, isLocked, lockedMessage, newDraft, type RecordEdit } from '$lib/domain/record/lifecycle';
import { sealedHealth } from '$lib/domain/record/sealed-health';
import { readAddendum, readHistoryEntry, readPractitioner, readTreatmentRecord } from '$lib/domain/record/read';
import { fitPrefill, prefillSoap } from '$lib/domain/record/soap';
import type { Addendum, ChainEntry, HistoryEntry, LockedRecord, Practitioner, Signature, TreatmentRecord } from '$lib/domain/record/types';
import { StoreError } from './errors';
import { normaliseMark, normalisePlan } from './normalise';
import { fail, later, newId, ON_DEVICE, read, write, type StoreContext } from './core';

export { RETENTION_KEY } from './record-cascade';

type AnyRecord = TreatmentRecord | LockedRecord;

/** A record's chain as stored, and what verifying it found. */
export interface RecordChain {
	entries: ChainEntry[];
	check: ChainCheck;
}

const gone = () => new StoreError('not-found', 'This treatment record no longer exists.');

/** A stored row read strictly (not against the clock: see ON_DEVICE); a row that does not read is refused in words. */
function readRow(row: unknown): AnyRecord {
	const r = readTreatmentRecord(row, ON_DEVICE);
	if (!r.ok) fail(`This treatment record is damaged: ${r.problem}`);
	return r.value;
}

export class Records {
	readonly #ctx: StoreContext;

	constructor(ctx: StoreContext) {
		this.#ctx = ctx;
	}

	/** A row as it would be stored: through the strict reader, so what is kept reads back the same. */
	#stored(record: AnyRecord): AnyRecord {
		return readRow(record);
	}

	/**
	 * The plan's treatment record; a plan without one (every plan made before records existed)
	 * gets its unsigned draft now, prefilled from the plan and its marks (domain/record/soap).
	 */
	async open(planId: Id, areas: ArrayLike<number> | null = null): Promise<AnyRecord> {
		const { db, clock } = this.#ctx;
		const found = await read(() => db.records.where('planId').equals(planId).first());
		if (found) return readRow(found);
		return write(db, [db.plans, db.marks, db.records], async () => {
			const again = await db.records.where('planId').equals(planId).first();
			if (again) return readRow(again);
			const plan = await db.plans.get(planId);
			if (!plan) throw new StoreError('not-found', 'This plan no longer exists.');
			const marks = (await db.marks.where('planId').equals(planId).toArray()).map(normaliseMark);
			const p = normalisePlan(plan);
			const draft = this.#stored(newDraft({ id: newId(), planId, clientId: p.clientId }, p.durationMin, fitPrefill(prefillSoap(p, marks, areas)), clock()));
			await db.records.add(draft);
			return draft;
		});
	}

	async get(recordId: Id): Promise<AnyRecord | undefined> {
		const row = await read(() => this.#ctx.db.records.get(recordId));
		return row && readRow(row);
	}

	/** The draft's history of changes, oldest first. */
	async history(recordId: Id): Promise<HistoryEntry[]> {
		const { db, clock } = this.#ctx;
		return historyOf(recordId, await read(() => db.recordHistory.where('recordId').equals(recordId).sortBy('seq')));
	}

	/**
	 * Edits a draft; the record and one history entry per changed field in one transaction. A locked
	 * record is refused. With `expected` (the values the form last saw), a field changed meanwhile
	 * (another tab) is a 'conflict' and nothing is written.
	 */
	async edit(recordId: Id, edit: RecordEdit, by: { practitionerId: Id | null }, expected?: RecordEdit): Promise<AnyRecord> {
		const { db, clock } = this.#ctx;
		return write(db, [db.records, db.recordHistory], async () => {
			const row = await db.records.get(recordId);
			if (!row) throw gone();
			const now = clock();
			const current = readRow(row);
			if (isLocked(current)) fail(lockedMessage(current as LockedRecord));
			if (expected && staleFields(current, expected).length) throw new StoreError('conflict', 'This record was changed in another window meanwhile.');
			const history = historyOf(recordId, await db.recordHistory.where('recordId').equals(recordId).sortBy('seq'));
			const out = editDraft(current, edit, { at: now, practitionerId: by.practitionerId }, history);
			if (!out.ok) fail(out.problem);
			const added = out.history.slice(history.length);
			if (!added.length) return current;
			const next = this.#stored(out.record);
			await db.records.put(next);
			await db.recordHistory.bulkAdd(added);
			return next;
		});
	}

	/**
	 * Finalise and sign (domain finalise): the locked record and its chain's head, together. The
	 * plan's health check is sealed into the record; signing is refused if the record or those
	 * answers changed while it was being sealed. `consentOtherwise`: the practitioner's word at
	 * signing that the client's consent was obtained another way (sealed too).
	 */
	async finalise(recordId: Id, signature: Signature | null, options: { consentOtherwise?: boolean } = {}): Promise<LockedRecord> {
		const { db, clock } = this.#ctx;
		const at = clock();
		const [row, practitionerRow, planRow] = await read(() =>
			db.transaction('r', [db.records, db.practitioners, db.plans], async () => {
				const r = await db.records.get(recordId);
				return [r, r?.practitionerId ? await db.practitioners.get(r.practitionerId) : undefined, r ? await db.plans.get(r.planId) : undefined] as const;
			})
		);
		if (!row) throw gone();
		const draft = readRow(row);
		const health = sealedHealth(planRow?.health);
		const out = await finalise(draft, { practitioner: practitionerOf(practitionerRow), signature, at, health, consentOtherwise: options.consentOtherwise });
		if (!out.ok) fail(out.problems.join(' '));
		const locked = out.record;
		await write(db, [db.records, db.chainHeads, db.plans], async () => {
			const now = await db.records.get(recordId);
			const plan = await db.plans.get(draft.planId);
			if (!now || canonicalJson(now) !== canonicalJson(row)) {
				throw new StoreError('conflict', 'This record was changed (perhaps in another window) while it was being signed. Look it over, then sign again.');
			}
			if (canonicalJson(sealedHealth(plan?.health)) !== canonicalJson(health)) {
				throw new StoreError('conflict', "The session's health check was changed (perhaps in another window) while the record was being signed. Look it over, then sign again.");
			}
			await db.records.put(locked);
			await db.chainHeads.put({ recordId, hash: locked.hash, count: 1 });
			// A signed session took place: its plan is done (its status freezes with it).
			if (plan && plan.status !== 'done') await db.plans.put({ ...plan, status: 'done', updatedAt: later(at, plan.updatedAt) });
		});
		return locked;
	}

	/** The locked record's chain (the record, then its addenda) and whether it holds, with the kept head. */
	async chain(recordId: Id): Promise<RecordChain> {
		const { db, clock } = this.#ctx;
		const [row, addendumRows, head] = await read(() =>
			db.transaction('r', db.records, db.addenda, db.chainHeads, () =>
				Promise.all([db.records.get(recordId), db.addenda.where('recordId').equals(recordId).toArray(), db.chainHeads.get(recordId)])
			)
		);
		if (!row) throw gone();
		return chainOf(row, addendumRows, head);
	}

	/** Adds a signed addendum after the chain is verified (head included); the addendum and the new head together. */
	async addAddendum(recordId: Id, input: { text: string; practitionerId: Id | null; signature: Signature | null }): Promise<Addendum> {
		const { db, clock } = this.#ctx;
		const at = clock();
		const [row, addendumRows, head, practitionerRow] = await read(() =>
			db.transaction('r', [db.records, db.addenda, db.chainHeads, db.practitioners], () =>
				Promise.all([
					db.records.get(recordId),
					db.addenda.where('recordId').equals(recordId).toArray(),
					db.chainHeads.get(recordId),
					input.practitionerId ? db.practitioners.get(input.practitionerId) : undefined
				])
			)
		);
		if (!row) throw gone();
		const { entries, check } = await chainOf(row, addendumRows, head);
		if (!check.ok) fail(`${check.problem} An addendum cannot be added until this is resolved.`);
		const out = await addAddendum(entries, { id: newId(), text: input.text, practitioner: practitionerOf(practitionerRow), signature: input.signature, at });
		if (!out.ok) fail(out.problems.join(' '));
		const { addendum } = out;
		await write(db, [db.addenda, db.chainHeads], async () => {
			const now = await db.chainHeads.get(recordId);
			if (!now || now.hash !== check.head.hash || now.count !== check.head.count) {
				throw new StoreError('conflict', 'Another addendum was signed on this record meanwhile (perhaps in another window). Look at it, then add yours again.');
			}
			await db.addenda.add(addendum);
			await db.chainHeads.put({ recordId, hash: addendum.hash, count: check.head.count + 1 });
		});
		return addendum;
	}
}

function practitionerOf(row: unknown): Practitioner | null {
	if (row === undefined) return null;
	const r = readPractitioner(row, ON_DEVICE);
	if (!r.ok) fail(`This practitioner's profile is damaged: ${r.problem}`);
	return r.value;
}

function historyOf(recordId: Id, rows: ({ seq?: number } & object)[]): HistoryEntry[] {
	return rows.map(({ seq: _seq, ...entry }) => {
		const r = readHistoryEntry(entry, ON_DEVICE);
		if (!r.ok) fail(`The history of this treatment record is damaged: ${r.problem}`);
		if (r.value.recordId !== recordId) fail('The history of this treatment record is damaged: a change belongs to another record.');
		return r.value;
	});
}

/**
 * Reads and verifies a chain exactly as stored: a signed row must read back unchanged (nothing
 * cleaned or trimmed, domain/record/signed), so what is verified is what is kept. A row that does
 * not read, a draft, or a missing head are told as failures too.
 */
async function chainOf(row: unknown, addendumRows: unknown[], head: { hash: string; count: number } | undefined): Promise<RecordChain> {
	const broken = (problem: string): RecordChain => ({ entries: [], check: { ok: false, index: 0, problem } });
	const r = readTreatmentRecord(row, ON_DEVICE);
	if (!r.ok) return broken(`This treatment record is damaged: ${r.problem}`);
	if (!isLocked(r.value) || r.value.status !== 'locked') return broken('This treatment record has not been signed yet, so it has no signed history.');
	const record = r.value as LockedRecord;
	const changed = signedRowProblem(row, record, entryName({ kind: 'record', entry: record }));
	if (changed) return broken(changed);
	const raw = new Map<Addendum, unknown>();
	for (const a of addendumRows) {
		const ra = readAddendum(a, ON_DEVICE);
		if (!ra.ok) return broken(`An addendum of this record is damaged: ${ra.problem}`);
		raw.set(ra.value, a);
	}
	const entries: ChainEntry[] = [{ kind: 'record', entry: record }, ...chainOrder(record, [...raw.keys()]).map((entry) => ({ kind: 'addendum' as const, entry }))];
	for (const [index, e] of entries.entries()) {
		const wrong = e.kind === 'addendum' && signedRowProblem(raw.get(e.entry), e.entry, entryName(e));
		if (wrong) return { entries, check: { ok: false, index, problem: wrong } };
	}
	if (!head) return { entries, check: { ok: false, index: entries.length - 1, problem: 'The mark of where this record was last signed is missing, so a removed addendum could not be noticed.' } };
	return { entries, check: await verifyChain(entries, { head: { hash: head.hash, count: head.count } }) };
}
