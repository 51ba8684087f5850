/**
 * The store: the one object the app reads and writes through. It opens the database, reports
 * when another tab upgrades it, and hands each call to the repository of its aggregate
 * (clients.ts, plans.ts, marks.ts, settings.ts, records.ts, people.ts; hand-offs, backups and
 * paintings in their own modules). Each write is one Dexie transaction (all or nothing) and throws a StoreError with a
 * user-facing message.
 */
import { liveQuery, type Observable } from 'dexie';
import type { Client, Id, Mark, Plan } from '$lib/domain/records';
import type { ClientInput, PlanInput } from '$lib/domain/validation';
import type { MarkInput } from '$lib/domain/marks';
import { write, type StoreContext } from './core';
import { toStoreError } from './errors';
import { Clients, type ClientPatch } from './clients';
import { Plans, roomForPlan, type PlanPatch, type PlanSummary } from './plans';
import { Marks, type MarkPatch } from './marks';
import { Settings } from './settings';
import type { Records, RecordChain } from './records';
import type { Consents } from './consents';
import type { People, ConsentInput, DetailsForm, PractitionerInput } from './people';
import type { RecordEdit } from '$lib/domain/record/lifecycle';
import type { Addendum, ClientDetails, Consent, HistoryEntry, LockedRecord, Practitioner, Signature, TreatmentRecord } from '$lib/domain/record/types';
import type { SomamapDB } from './schema';
import { FirstStart, askedAtStart, databaseExists } from './first-start';
import type { Deletions, DeletionCheck, DeletionTarget } from './deletions';
import type { Deletion, DeletionWhy } from '$lib/domain/record/deletion';
import { clientAllergies } from './client-allergies';

export type StoreStatus = 'ok' | 'outdated' | 'blocked';
type Repos = { records: Records; people: People; deletions: Deletions };
export type { PlanSummary, MarkPatch, RecordChain, PractitionerInput, ConsentInput, DeletionCheck, DeletionWhy, DetailsForm };

export class Store {
	readonly db: SomamapDB;
	#statusListeners = new Set<(s: StoreStatus) => void>();
	#clients: Clients;
	#plans: Plans;
	#marks: Marks;
	#settings: Settings;
	#ctx: StoreContext;
	#recordRepos?: Promise<Repos>;
	/**
	 * The repositories once loaded, for calls made inside a live query: it follows only what Dexie
	 * reads while nothing else is awaited, so once loaded they are called without an await first.
	 */
	#repos?: Repos;
	#firstStart: FirstStart;

	constructor(db: SomamapDB, clock: () => number = Date.now) {
		this.db = db;
		const ctx: StoreContext = { db, clock };
		this.#clients = new Clients(ctx);
		this.#plans = new Plans(ctx);
		this.#marks = new Marks(ctx);
		this.#settings = new Settings(ctx);
		this.#ctx = ctx;
		this.#firstStart = new FirstStart(db);
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

	/**
	 * Opens the database as the app starts, so the first reads need not wait for it, unless this
	 * device has none yet (a first visit): then it is created by this tab's first live query or
	 * write instead, after the first screen (see beforeCreating and first-start.ts).
	 */
	openAtStart(exists: Promise<boolean> = databaseExists(this.db.name, askedAtStart())): void {
		this.#firstStart.openAtStart(exists);
	}

	/**
	 * For the first screen's reads (the guard's settings, the home lists): on a device that has
	 * no database (asked as the app started, and again now), while this tab has not begun to create
	 * one, answers `empty` (what the new, empty database would answer) without creating it. Not
	 * for live queries: a query that reads nothing is never run again.
	 */
	beforeCreating<T>(read: () => Promise<T>, empty: T): Promise<T> {
		return this.#firstStart.beforeCreating(read, empty);
	}

	/** Called with 'outdated' when another tab upgraded the database, 'blocked' while we wait. */
	onStatus(listener: (s: StoreStatus) => void): () => void {
		this.#statusListeners.add(listener);
		return () => this.#statusListeners.delete(listener);
	}

	#emit(status: StoreStatus) {
		for (const l of this.#statusListeners) l(status);
	}

	/**
	 * Erases every record on this device, all or nothing: the only way back in when the
	 * therapist's PIN is forgotten (the PIN is what keeps the records private).
	 */
	async eraseEverything(): Promise<void> {
		await write(this.db, this.db.tables, async () => {
			for (const table of this.db.tables) await table.clear();
		});
	}

	/** Watches a query; re-emits whenever the tables it read change (in any tab). */
	live<T>(query: () => Promise<T>): Observable<T> {
		return liveQuery(query);
	}

	// ---- clients (clients.ts) ---------------------------------------------------------------

	createClient(input: ClientInput): Promise<Client> {
		return this.#clients.create(input);
	}
	/** `expected`: the values the patched fields had when the caller last read them (core.unchanged). */
	updateClient(id: Id, patch: ClientPatch, expected?: ClientPatch): Promise<Client> {
		return this.#clients.update(id, patch, expected);
	}
	/**
	 * Deletes a client with all their plans, marks, records, details and consents; returns the plans
	 * that went. Treatment records inside their keeping period need `why` (deletions.ts, loaded with the records).
	 */
	async deleteClient(id: Id, why?: DeletionWhy): Promise<{ plans: number; planIds: Id[]; recordIds: Id[] }> {
		return (await this.#rec()).deletions.delete({ kind: 'client', id }, why);
	}
	getClient(id: Id): Promise<Client | undefined> {
		return this.#clients.get(id);
	}
	listClients(): Promise<Client[]> {
		return this.#clients.list();
	}
	/** A new client and their first plan, together or not at all. */
	createClientWithPlan(clientInput: ClientInput, planInput: PlanInput): Promise<{ client: Client; plan: Plan }> {
		return this.#clients.createWithPlan(clientInput, planInput);
	}

	// ---- plans (plans.ts) -------------------------------------------------------------------

	createPlan(clientId: Id, input: PlanInput): Promise<Plan> {
		return this.#plans.create(clientId, input);
	}
	/** `expected`: as for updateClient. */
	updatePlan(id: Id, patch: PlanPatch, expected?: PlanPatch): Promise<Plan> {
		return this.#plans.update(id, patch, expected);
	}
	/**
	 * A follow-up session: a new plan from `fromPlanId` (its settings, not its outcome) dated today,
	 * with copies of its marks flagged as carried over, in one transaction (domain/follow-up.ts);
	 * consented to the sensitive areas of the client's signed consent in force (checked first).
	 */
	async createFollowUp(fromPlanId: Id): Promise<{ plan: Plan; marks: Mark[] }> {
		const from = await this.#plans.get(fromPlanId);
		// A consent that cannot be checked carries no areas; it never stops the follow-up.
		const agreed = from && (await (await this.consents()).agreed(from.clientId).catch(() => undefined));
		return this.#plans.followUp(fromPlanId, agreed);
	}
	/** Deletes a plan with its marks and record; as deleteClient. */
	async deletePlan(id: Id, why?: DeletionWhy): Promise<{ recordIds: Id[] }> {
		return (await this.#rec()).deletions.delete({ kind: 'plan', id }, why);
	}
	getPlan(id: Id): Promise<Plan | undefined> {
		return this.#plans.get(id);
	}
	listPlansForClient(clientId: Id): Promise<Plan[]> {
		return this.#plans.listForClient(clientId);
	}
	/** The most recently changed plans, with their clients' names. */
	listRecentPlans(limit = 12): Promise<PlanSummary[]> {
		return this.#plans.listRecent(limit);
	}
	/** Refuses a plan past the cap (domain/limits), inside the caller's transaction. */
	roomForPlan(clientId: Id): Promise<void> {
		return roomForPlan(this.db, clientId);
	}

	// ---- marks (marks.ts) -------------------------------------------------------------------

	/** Adds a mark (a tapped region or a painted patch); the plan's updatedAt moves in the same transaction. */
	addMark(planId: Id, raw: MarkInput): Promise<Mark> {
		return this.#marks.add(planId, raw);
	}
	/**
	 * Changes a mark's fields (not its plan); the plan's updatedAt moves too. `expected`: as for
	 * updatePlan (the mark editor saves as it goes, and another tab may have the mark open).
	 */
	updateMark(id: Id, patch: MarkPatch, expected?: MarkPatch): Promise<Mark> {
		return this.#marks.update(id, patch, expected);
	}
	/**
	 * Puts marks back as they were (undo of a removal or a change, redo of an addition), all in one
	 * transaction, provided their plan still exists. They are stamped as changed now, so a backup
	 * taken before the undo can never bring the undone state back. `expected` guards against
	 * undoing over someone else's change: each listed mark must still have that `updatedAt`
	 * (null: must not exist). Returns the marks as written.
	 */
	restoreMarks(marks: readonly Mark[], expected: Record<Id, number | null> = {}): Promise<Mark[]> {
		return this.#marks.restore(marks, expected);
	}
	/** One mark: see restoreMarks. */
	async restoreMark(mark: Mark, expected?: number | null): Promise<Mark> {
		const [written] = await this.restoreMarks([mark], expected === undefined ? {} : { [mark.id]: expected });
		return written;
	}
	/** Removes a mark; returns it (for an undo) or undefined when it was already gone. */
	removeMark(id: Id): Promise<Mark | undefined> {
		return this.#marks.remove(id);
	}
	/** A plan's marks, oldest first. */
	listMarks(planId: Id): Promise<Mark[]> {
		return this.#marks.list(planId);
	}
	/** The marks of several plans (a client's sessions), oldest first. */
	listMarksOfPlans(planIds: readonly Id[]): Promise<Mark[]> {
		return this.#marks.listOfPlans(planIds);
	}
	/**
	 * Settles every carried-over mark of a plan at once: 'keep' confirms them (still there),
	 * 'clear' removes them (gone). Returns the marks as they were, for an undo.
	 */
	settleCarried(planId: Id, action: 'keep' | 'clear'): Promise<Mark[]> {
		return this.#marks.settleCarried(planId, action);
	}

	// ---- settings (settings.ts) -------------------------------------------------------------

	getSetting<T>(key: string, fallback: T): Promise<T> {
		return this.#settings.get(key, fallback);
	}
	setSetting<T>(key: string, value: T): Promise<void> {
		return this.#settings.set(key, value);
	}
	/**
	 * Reads the settings `keys` (undefined when missing), passes their values to `change`, and
	 * writes what it returns under `set`, all in one transaction. Tabs doing this at once take
	 * turns, so none decides from a value another is changing (the PIN's wrong-try count).
	 * `change` runs inside the transaction: it must be synchronous, with no other work awaited.
	 */
	updateSettings<R>(keys: string[], change: (values: unknown[]) => { set?: Record<string, unknown>; result: R }): Promise<R> {
		return this.#settings.update(keys, change);
	}

	// ---- treatment records (records.ts, people.ts; docs/RECORD.md) --------------------------

	/** The record's repositories, loaded when first used: pages that never touch a record do not carry their code. */
	async #rec(): Promise<Repos> {
		this.#recordRepos ??= Promise.all([import('./records'), import('./people'), import('./deletions')]).then(([r, p, d]) => (this.#repos = {
			records: new r.Records(this.#ctx),
			people: new p.People(this.#ctx),
			deletions: new d.Deletions(this.#ctx)
		}));
		try {
			return await this.#recordRepos;
		} catch (e) {
			this.#recordRepos = undefined; // a failed load (offline before the files were cached) may be retried
			throw toStoreError(e);
		}
	}

	/** The plan's treatment record; a plan without one gets its unsigned draft now (prefilled). */
	async openRecord(planId: Id, areas: ArrayLike<number> | null = null): Promise<TreatmentRecord | LockedRecord> {
		return (await this.#rec()).records.open(planId, areas);
	}
	/** Once the code is loaded, reads at once (no await first), so a live query sees which table it read. */
	getRecord(recordId: Id): Promise<TreatmentRecord | LockedRecord | undefined> {
		return this.#repos ? this.#repos.records.get(recordId) : this.#rec().then((r) => r.records.get(recordId));
	}
	/** A draft's changes, oldest first. */
	async recordHistory(recordId: Id): Promise<HistoryEntry[]> {
		return (await this.#rec()).records.history(recordId);
	}
	/** Edits a draft with its history in one transaction; a locked record is refused. */
	async editRecord(recordId: Id, edit: RecordEdit, by: { practitionerId: Id | null }, expected?: RecordEdit): Promise<TreatmentRecord | LockedRecord> {
		return (await this.#rec()).records.edit(recordId, edit, by, expected);
	}
	/** Finalise and sign: locks the record (with the plan's health check) for good and starts its hash chain. */
	async finaliseRecord(recordId: Id, signature: Signature | null, options?: { consentOtherwise?: boolean }): Promise<LockedRecord> {
		return (await this.#rec()).records.finalise(recordId, signature, options);
	}
	/** A locked record with its addenda, verified against the kept head. */
	async recordChain(recordId: Id): Promise<RecordChain> {
		return (await this.#rec()).records.chain(recordId);
	}
	/** A signed addendum after a verified chain. */
	async addAddendum(recordId: Id, input: { text: string; practitionerId: Id | null; signature: Signature | null }): Promise<Addendum> {
		return (await this.#rec()).records.addAddendum(recordId, input);
	}
	/** Adds a practitioner (no `id`) or changes one. */
	async savePractitioner(input: PractitionerInput, id?: Id): Promise<Practitioner> {
		return (await this.#rec()).people.savePractitioner(input, id);
	}
	listPractitioners(): Promise<Practitioner[]> {
		return this.#repos ? this.#repos.people.practitioners() : this.#rec().then((r) => r.people.practitioners());
	}
	async getClientDetails(clientId: Id): Promise<ClientDetails | null> {
		return (await this.#rec()).people.clientDetails(clientId);
	}
	async setClientDetails(clientId: Id, details: ClientDetails): Promise<ClientDetails> {
		return (await this.#rec()).people.setClientDetails(clientId, details);
	}
	/** Signing and withdrawing consent with the sensitive areas it carries into plans (consents.ts, loaded when first used). */
	async consents(): Promise<Consents> {
		return new (await import('./consents')).Consents(this.#ctx);
	}

	// ---- deleting with a reason (deletions.ts, loaded with the records) ---------------------

	/** What deleting a client or plan would meet (retention), for the screen to say first. */
	async deletionCheck(target: DeletionTarget): Promise<DeletionCheck> {
		return (await this.#rec()).deletions.check(target);
	}
	/** Deletions of treatment records kept, newest first. */
	listDeletions(): Promise<Deletion[]> {
		return this.#repos ? this.#repos.deletions.list() : this.#rec().then((r) => r.deletions.list());
	}
	/** The client's details for their page's form, versioned by the client row (people.ts). */
	clientDetailsForm(clientId: Id): Promise<DetailsForm | undefined> {
		return this.#repos ? this.#repos.people.detailsForm(clientId) : this.#rec().then((r) => r.people.detailsForm(clientId));
	}
	/** Changes some details; `expected` as for updateClient. */
	async updateClientDetails(clientId: Id, patch: Partial<ClientDetails>, expected?: Partial<ClientDetails>): Promise<DetailsForm> {
		return (await this.#rec()).people.updateClientDetails(clientId, patch, expected);
	}
	/** A plan's record to print: the stored one, or its draft built in memory and not stored (record-preview.ts). */
	async previewRecord(planId: Id) {
		return (await import('./record-preview')).previewRecord(this.#ctx, planId);
	}
	/** Why the plan's marks cannot change (its record is signed; marks.ts refuses changes), or null. */
	marksSealed(planId: Id): Promise<string | null> {
		return this.#marks.sealed(planId);
	}
	/** When the plan's record was signed (0: no time on it), or null while it is a draft (marks.ts). */
	recordSignedAt(planId: Id): Promise<number | null> {
		return this.#marks.signedAt(planId);
	}
	/** The client's allergies from their health details ('' when none), without the records' code (client-allergies.ts). */
	clientAllergies(clientId: Id): Promise<string> {
		return clientAllergies(this.#ctx, clientId);
	}
}
