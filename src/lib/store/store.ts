/**
 * The repository: every read and write of clients, plans and settings. Each write is one
 * Dexie transaction (all or nothing) and throws a StoreError with a user-facing message.
 */
import { liveQuery, type Observable, type Table } from 'dexie';
import {
	defaultPlanFields,
	today,
	type Client,
	type Id,
	type Mark,
	type Plan,
	type Setting
} from '$lib/domain/records';
import {
	hasErrors,
	validateClient,
	validatePlan,
	type ClientInput,
	type PlanInput
} from '$lib/domain/validation';
import { validateMark, type MarkInput } from '$lib/domain/marks';
import { asStoredClient, asStoredMark, asStoredPlan, cleanClient, cleanMark, cleanPlan } from '$lib/domain/clean-text';
import { clientFullMessage, MAX_MARKS_PER_PLAN, MAX_PLANS_PER_CLIENT, planFullMessage } from '$lib/domain/limits';
import { StoreError, toStoreError } from './errors';
import { normaliseClient, normaliseMark, normalisePlan } from './normalise';
import { followUpOf } from '$lib/domain/follow-up';
import { sameValue } from '$lib/domain/merge';
import { isBodyBuild } from '$lib/domain/body-choice';
import type { SomamapDB } from './schema';

export type StoreStatus = 'ok' | 'outdated' | 'blocked';

/** A plan as listed on the home screen, with its client's name. */
export interface PlanSummary {
	id: Id;
	clientId: Id;
	clientName: string;
	title: string;
	date: string;
	status: Plan['status'];
	updatedAt: number;
}

type ClientPatch = Partial<Pick<Client, 'name' | 'contact' | 'notes' | 'figure' | 'build'>>;
type PlanPatch = Partial<Omit<Plan, 'id' | 'clientId' | 'createdAt' | 'updatedAt'>>;
export type MarkPatch = Partial<Omit<MarkInput, 'region'>> & { region?: number };

function newId(): Id {
	return crypto.randomUUID();
}

function fail(message: string): never {
	throw new StoreError('validation', message);
}

export class Store {
	readonly db: SomamapDB;
	#statusListeners = new Set<(s: StoreStatus) => void>();
	#clock: () => number;

	constructor(db: SomamapDB, clock: () => number = Date.now) {
		this.db = db;
		this.#clock = clock;
		// A newer version opened in another tab: let it upgrade, and tell this tab to reload.
		db.on('versionchange', () => {
			db.close();
			this.#emit('outdated');
			return false;
		});
		// Our upgrade waits for an older tab to close.
		db.on('blocked', () => this.#emit('blocked'));
		db.on('ready', () => this.#emit('ok'));
	}

	/** Called with 'outdated' when another tab upgraded the database, 'blocked' while we wait. */
	onStatus(listener: (s: StoreStatus) => void): () => void {
		this.#statusListeners.add(listener);
		return () => this.#statusListeners.delete(listener);
	}

	#emit(status: StoreStatus) {
		for (const l of this.#statusListeners) l(status);
	}

	/** Runs a read-write transaction; any failure rolls it back and becomes a StoreError. */
	async #write<T>(tables: Table[], fn: () => Promise<T>): Promise<T> {
		try {
			return await this.db.transaction('rw', tables, fn);
		} catch (e) {
			throw toStoreError(e);
		}
	}

	/**
	 * Erases every record on this device, all or nothing: the only way back in when the
	 * therapist's PIN is forgotten (the PIN is what keeps the records private).
	 */
	async eraseEverything(): Promise<void> {
		await this.#write(this.db.tables, async () => {
			for (const table of this.db.tables) await table.clear();
		});
	}

	async #read<T>(fn: () => Promise<T>): Promise<T> {
		try {
			return await fn();
		} catch (e) {
			throw toStoreError(e);
		}
	}

	/** Watches a query; re-emits whenever the tables it read change (in any tab). */
	live<T>(query: () => Promise<T>): Observable<T> {
		return liveQuery(query);
	}

	// ---- clients ----------------------------------------------------------------------------

	#clientRecord(raw: ClientInput): Client {
		const input = cleanClient(raw);
		const errors = validateClient(input);
		if (hasErrors(errors)) fail(Object.values(errors)[0]!);
		const now = this.#clock();
		return {
			id: newId(),
			name: input.name.trim(),
			contact: (input.contact ?? '').trim(),
			notes: input.notes ?? '',
			figure: null,
			build: null,
			createdAt: now,
			updatedAt: now
		};
	}

	async createClient(input: ClientInput): Promise<Client> {
		const client = this.#clientRecord(input);
		await this.#write([this.db.clients], () => this.db.clients.add(client));
		return client;
	}

	/** `expected`: see unchanged (the values the patched fields had when the caller last read them). */
	async updateClient(id: Id, patch: ClientPatch, expected?: ClientPatch): Promise<Client> {
		return this.#write([this.db.clients], async () => {
			const current = await this.db.clients.get(id);
			if (!current) throw new StoreError('not-found', 'This client no longer exists.');
			const clean = asStoredClient(patch);
			if (clean.build !== undefined && clean.build !== null && !isBodyBuild(clean.build)) fail('Please choose a build: slim, average or broad.');
			unchanged(normaliseClient(current), clean, expected);
			const next = { ...normaliseClient(current), ...clean, updatedAt: later(this.#clock(), current.updatedAt) };
			const errors = validateClient(next);
			if (hasErrors(errors)) fail(Object.values(errors)[0]!);
			await this.db.clients.put(next);
			return next;
		});
	}

	/** Deletes a client with all their plans and marks; returns the plans that went. */
	async deleteClient(id: Id): Promise<{ plans: number; planIds: Id[] }> {
		const { clients, plans, marks } = this.db;
		return this.#write([clients, plans, marks], async () => {
			const planIds = await plans.where('clientId').equals(id).primaryKeys();
			await marks.where('planId').anyOf(planIds).delete();
			await plans.bulkDelete(planIds);
			await clients.delete(id);
			return { plans: planIds.length, planIds };
		});
	}

	async getClient(id: Id): Promise<Client | undefined> {
		const row = await this.#read(() => this.db.clients.get(id));
		return row && normaliseClient(row);
	}

	async listClients(): Promise<Client[]> {
		const rows = await this.#read(() => this.db.clients.toArray());
		return rows
			.map(normaliseClient)
			.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
	}

	// ---- plans ------------------------------------------------------------------------------

	#planRecord(clientId: Id, raw: PlanInput): Plan {
		const input = cleanPlan(raw);
		const errors = validatePlan(input);
		if (hasErrors(errors)) fail(Object.values(errors)[0]!);
		const now = this.#clock();
		return {
			...defaultPlanFields(),
			id: newId(),
			clientId,
			title: input.title.trim(),
			date: input.date,
			status: input.status ?? 'draft',
			createdAt: now,
			updatedAt: now
		};
	}

	async createPlan(clientId: Id, input: PlanInput): Promise<Plan> {
		const plan = this.#planRecord(clientId, input);
		await this.#write([this.db.clients, this.db.plans], async () => {
			if (!(await this.db.clients.get(clientId)))
				throw new StoreError('not-found', 'This client no longer exists.');
			await this.roomForPlan(clientId);
			await this.db.plans.add(plan);
		});
		return plan;
	}

	/** A new client and their first plan, together or not at all. */
	async createClientWithPlan(
		clientInput: ClientInput,
		planInput: PlanInput
	): Promise<{ client: Client; plan: Plan }> {
		const client = this.#clientRecord(clientInput);
		const plan = this.#planRecord(client.id, planInput);
		await this.#write([this.db.clients, this.db.plans], async () => {
			await this.db.clients.add(client);
			await this.db.plans.add(plan);
		});
		return { client, plan };
	}

	/** `expected`: see unchanged (the values the patched fields had when the caller last read them). */
	async updatePlan(id: Id, patch: PlanPatch, expected?: PlanPatch): Promise<Plan> {
		return this.#write([this.db.plans], async () => {
			const current = await this.db.plans.get(id);
			if (!current) throw new StoreError('not-found', 'This plan no longer exists.');
			const clean = asStoredPlan(patch);
			unchanged(normalisePlan(current), clean, expected);
			const next = { ...normalisePlan(current), ...clean, updatedAt: later(this.#clock(), current.updatedAt) };
			const errors = validatePlan(next);
			if (hasErrors(errors)) fail(Object.values(errors)[0]!);
			await this.db.plans.put(next);
			return next;
		});
	}

	/**
	 * A follow-up session: a new plan from `fromPlanId` (its settings, not its outcome) dated today,
	 * with copies of its marks flagged as carried over, in one transaction (domain/follow-up.ts).
	 */
	async createFollowUp(fromPlanId: Id): Promise<{ plan: Plan; marks: Mark[] }> {
		const { plans, marks } = this.db;
		return this.#write([plans, marks], async () => {
			const from = await plans.get(fromPlanId);
			if (!from) throw new StoreError('not-found', 'This plan no longer exists.');
			await this.roomForPlan(from.clientId);
			const now = this.#clock();
			const rows = (await marks.where('planId').equals(fromPlanId).toArray()).map(normaliseMark);
			const out = followUpOf(normalisePlan(from), rows, { now, date: today(new Date(now)), newId });
			const errors = validatePlan(out.plan);
			if (hasErrors(errors)) fail(Object.values(errors)[0]!);
			await plans.add(out.plan);
			await marks.bulkAdd(out.marks);
			return out;
		});
	}

	async deletePlan(id: Id): Promise<void> {
		await this.#write([this.db.plans, this.db.marks], async () => {
			await this.db.marks.where('planId').equals(id).delete();
			await this.db.plans.delete(id);
		});
	}

	async getPlan(id: Id): Promise<Plan | undefined> {
		const row = await this.#read(() => this.db.plans.get(id));
		return row && normalisePlan(row);
	}

	async listPlansForClient(clientId: Id): Promise<Plan[]> {
		const rows = await this.#read(() =>
			this.db.plans.where('[clientId+date]').between([clientId, ''], [clientId, '\uffff']).toArray()
		);
		return rows.map(normalisePlan).sort(byDateDesc);
	}

	/** The most recently changed plans, with their clients' names. */
	async listRecentPlans(limit = 12): Promise<PlanSummary[]> {
		return this.#read(async () => {
			const rows = await this.db.plans.orderBy('updatedAt').reverse().limit(limit).toArray();
			const clientIds = [...new Set(rows.map((p) => p.clientId))];
			const clients = await this.db.clients.bulkGet(clientIds);
			const names = new Map(clients.filter((c) => c).map((c) => [c!.id, c!.name]));
			return rows.map((p) => ({
				id: p.id,
				clientId: p.clientId,
				clientName: names.get(p.clientId) ?? 'Unknown client',
				title: p.title,
				date: p.date,
				status: p.status,
				updatedAt: p.updatedAt
			}));
		});
	}

	// ---- marks ------------------------------------------------------------------------------

	/** Validates a mark's fields (the first message becomes the StoreError). */
	#checkMark(input: MarkInput): void {
		const errors = validateMark(input);
		if (hasErrors(errors)) fail(Object.values(errors)[0]!);
	}

	/** Refuses a plan past the cap (domain/limits), inside the caller's transaction. */
	async roomForPlan(clientId: Id): Promise<void> {
		if ((await this.db.plans.where('clientId').equals(clientId).count()) >= MAX_PLANS_PER_CLIENT) fail(clientFullMessage());
	}

	/** Marks the plan as changed now, inside the caller's transaction. */
	async #touchPlan(planId: Id, now: number): Promise<void> {
		const n = await this.db.plans.where('id').equals(planId).modify((p) => void (p.updatedAt = later(now, p.updatedAt)));
		if (n === 0) throw new StoreError('not-found', 'This plan no longer exists.');
	}

	/** Adds a mark (a tapped region or a painted patch); the plan's updatedAt moves in the same transaction. */
	async addMark(planId: Id, raw: MarkInput): Promise<Mark> {
		const input = cleanMark(raw);
		this.#checkMark(input);
		const now = this.#clock();
		const mark: Mark = {
			id: newId(),
			planId,
			region: input.region,
			patch: input.patch ?? null,
			sensation: input.sensation,
			intensity: input.intensity,
			depth: input.depth,
			structure: input.depth === 'deep' ? input.structure : null,
			pressure: input.pressure,
			note: input.note.trim(),
			author: input.author,
			carried: false,
			createdAt: now,
			updatedAt: now
		};
		await this.#write([this.db.plans, this.db.marks], async () => {
			await this.#touchPlan(planId, now);
			if ((await this.db.marks.where('planId').equals(planId).count()) >= MAX_MARKS_PER_PLAN) fail(planFullMessage());
			await this.db.marks.add(mark);
		});
		return mark;
	}

	/**
	 * Changes a mark's fields (not its plan); the plan's updatedAt moves too. `expected`: as for
	 * updatePlan (the mark editor saves as it goes, and another tab may have the mark open).
	 */
	async updateMark(id: Id, patch: MarkPatch, expected?: MarkPatch): Promise<Mark> {
		return this.#write([this.db.plans, this.db.marks], async () => {
			const current = await this.db.marks.get(id);
			if (!current) throw new StoreError('not-found', 'This mark no longer exists.');
			unchanged(normaliseMark(current), asStoredMark(patch), expected);
			const now = this.#clock();
			const next: Mark = cleanMark({ ...current, ...patch, id, planId: current.planId, updatedAt: now });
			if (next.depth !== 'deep') next.structure = null;
			if (next.region === null) fail('Please choose a region on the body or in the list.');
			this.#checkMark({ ...next, region: next.region });
			next.note = next.note.trim();
			await this.db.marks.put(next);
			await this.#touchPlan(current.planId, now);
			return next;
		});
	}

	/**
	 * Puts marks back as they were (undo of a removal or a change, redo of an addition), all in one
	 * transaction, provided their plan still exists. They are stamped as changed now, so a backup
	 * taken before the undo can never bring the undone state back. `expected` guards against
	 * undoing over someone else's change: each listed mark must still have that `updatedAt`
	 * (null: must not exist). Returns the marks as written.
	 */
	async restoreMarks(marks: readonly Mark[], expected: Record<Id, number | null> = {}): Promise<Mark[]> {
		const now = this.#clock();
		return this.#write([this.db.plans, this.db.marks], async () => {
			const written: Mark[] = [];
			for (const mark of marks.map(cleanMark)) {
				const current = await this.db.marks.get(mark.id);
				const want = expected[mark.id];
				if (want !== undefined && (current?.updatedAt ?? null) !== want) {
					fail('This mark was changed since (perhaps in another window), so that step cannot be undone.');
				}
				if (mark.region === null) fail('Please choose a region on the body or in the list.');
				// A painted area already stored is taken as it is, even if older than today's rules.
				const samePatch = current?.patch === mark.patch || (current?.patch && mark.patch && samePatches(current.patch, mark.patch));
				this.#checkMark({ ...mark, region: mark.region, patch: samePatch ? null : mark.patch });
				const next = { ...mark, updatedAt: now };
				await this.#touchPlan(mark.planId, now);
				await this.db.marks.put(next);
				written.push(next);
			}
			return written;
		});
	}

	/** One mark: see restoreMarks. */
	async restoreMark(mark: Mark, expected?: number | null): Promise<Mark> {
		const [written] = await this.restoreMarks([mark], expected === undefined ? {} : { [mark.id]: expected });
		return written;
	}

	/** Removes a mark; returns it (for an undo) or undefined when it was already gone. */
	async removeMark(id: Id): Promise<Mark | undefined> {
		return this.#write([this.db.plans, this.db.marks], async () => {
			const current = await this.db.marks.get(id);
			if (!current) return undefined;
			await this.db.marks.delete(id);
			await this.#touchPlan(current.planId, this.#clock());
			return current;
		});
	}

	/** A plan's marks, oldest first. */
	async listMarks(planId: Id): Promise<Mark[]> {
		const rows = await this.#read(() => this.db.marks.where('planId').equals(planId).toArray());
		return rows.map(normaliseMark).sort((a, b) => a.createdAt - b.createdAt);
	}

	/** The marks of several plans (a client's sessions), oldest first. */
	async listMarksOfPlans(planIds: readonly Id[]): Promise<Mark[]> {
		const rows = await this.#read(() => this.db.marks.where('planId').anyOf([...planIds]).toArray());
		return rows.map(normaliseMark).sort((a, b) => a.createdAt - b.createdAt);
	}

	/**
	 * Settles every carried-over mark of a plan at once: 'keep' confirms them (still there),
	 * 'clear' removes them (gone). Returns the marks as they were, for an undo.
	 */
	async settleCarried(planId: Id, action: 'keep' | 'clear'): Promise<Mark[]> {
		const { plans, marks } = this.db;
		return this.#write([plans, marks], async () => {
			const rows = (await marks.where('planId').equals(planId).toArray()).filter((m) => m.carried === true);
			if (!rows.length) return [];
			const now = this.#clock();
			if (action === 'clear') await marks.bulkDelete(rows.map((m) => m.id));
			else await marks.bulkPut(rows.map((m) => ({ ...m, carried: false, updatedAt: now })));
			await this.#touchPlan(planId, now);
			return rows.map(normaliseMark);
		});
	}

	// ---- settings ---------------------------------------------------------------------------

	async getSetting<T>(key: string, fallback: T): Promise<T> {
		const row = await this.#read(() => this.db.settings.get(key));
		return row === undefined ? fallback : (row.value as T);
	}

	async setSetting<T>(key: string, value: T): Promise<void> {
		const row: Setting<T> = { key, value };
		await this.#write([this.db.settings], () => this.db.settings.put(row));
	}

	/**
	 * Reads the settings `keys` (undefined when missing), passes their values to `change`, and
	 * writes what it returns under `set`, all in one transaction. Tabs doing this at once take
	 * turns, so none decides from a value another is changing (the PIN's wrong-try count).
	 * `change` runs inside the transaction: it must be synchronous, with no other work awaited.
	 */
	async updateSettings<R>(
		keys: string[],
		change: (values: unknown[]) => { set?: Record<string, unknown>; result: R }
	): Promise<R> {
		const { settings } = this.db;
		return this.#write([settings], async () => {
			const rows = keys.length ? await settings.bulkGet(keys) : [];
			const { set, result } = change(rows.map((row) => row?.value));
			if (set) await settings.bulkPut(Object.entries(set).map(([key, value]): Setting => ({ key, value })));
			return result;
		});
	}
}

/**
 * The version check of a partial update, inside its transaction: each expected field must still
 * hold the value the writer based its change on (or already hold the new one), else another tab
 * changed it since and the write is refused whole ('conflict'), for the writer to merge and retry.
 */
/**
 * A record's next version: now, or just after the stored one when the clock reads earlier (set
 * back, or another device's time), so every write makes a newer version that open forms follow.
 */
function later(now: number, stored: number): number {
	return Math.max(now, (Number.isFinite(stored) ? stored : 0) + 1);
}

function unchanged(current: object, patch: object, expected: object | undefined): void {
	if (!expected) return;
	const cur = current as Record<string, unknown>;
	const next = patch as Record<string, unknown>;
	for (const [k, v] of Object.entries(expected)) {
		if (!sameValue(cur[k], v) && !sameValue(cur[k], next[k])) throw new StoreError('conflict', 'This record was changed in another tab since this one read it.');
	}
}

function byDateDesc(a: Plan, b: Plan): number {
	return a.date === b.date ? b.updatedAt - a.updatedAt : a.date < b.date ? 1 : -1;
}

function samePatches(a: NonNullable<Mark['patch']>, b: NonNullable<Mark['patch']>): boolean {
	return (
		a.modelVersion === b.modelVersion &&
		a.vertices.length === b.vertices.length &&
		a.vertices.every((v, i) => v === b.vertices[i]) &&
		a.weights.every((w, i) => w === b.weights[i])
	);
}
