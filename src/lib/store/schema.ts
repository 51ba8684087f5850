/**
 * Somamap's IndexedDB database, through Dexie.
 *
 * What is stored where:
 * - clients:  one row per client (name, contact, notes, preferred body figure and build; `build`
 *             came later without an index, so older rows are normalised when read, no new version).
 * - plans:    one row per session plan, owned by a client (clientId); the whole plan form lives
 *             in the row, so saving a plan is one put.
 * - marks:    marks drawn on the body for a plan (planId); painted patches are typed arrays keyed
 *             to the body model's version.
 * - settings: key/value pairs (default figure and build, PIN hash, ...).
 * - handoffs: (v2) one row per hand-off link or file taken in: the SHA-256 of its content (of its
 *             text in older rows), where it was made (`origin`, unindexed) and the plan it became,
 *             so opening it again, or a later version of it, can say so (the text is not kept).
 * - (v3) the treatment record (issue 12, docs/RECORD.md), new tables only:
 *   practitioners  one row per practitioner on this device.
 *   clientDetails  a client's fuller details (date of birth, history, ...), one row per client
 *                  keyed by clientId: a table beside `clients` rather than new client fields, so the
 *                  client row (and the backup and hand-off formats that carry it key for key) stays
 *                  as it is until a backup version carries the details too, and a hand-off from a
 *                  client's phone never carries health details it did not ask for.
 *   consents       signed consents, by client.
 *   records        one treatment record per plan (unique planId), draft or locked. Plans from
 *                  before v3 get theirs when first opened (store/records.ts): nothing to migrate.
 *   recordHistory  the append-only history of a draft's changes (auto-numbered, by record).
 *   addenda        signed addenda of a locked record, by record.
 *   chainHeads     per locked record, the last hash and the number of links of its chain: kept
 *                  beside the chain, never inside a hashed row (RECORD.md).
 * - (v4) deletions: one row per deletion of treatment records (domain/record/deletion.ts): kind,
 *   ids, the client's name, when, the reason, the practitioner; never the health data itself.
 *
 * Every schema change is a NEW entry in SCHEMA_VERSIONS, never an edit of an old one; an entry
 * that must transform data has an upgrade(). tests/unit/store/migrations.test.ts opens each old
 * version, seeds it, and opens the current one.
 */
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { Client, Mark, Plan, Setting } from '$lib/domain/records';
import type { HandOffSeen } from '$lib/domain/handoff';
import type { Addendum, ClientDetails, Consent, HistoryEntry, LockedRecord, Practitioner, TreatmentRecord } from '$lib/domain/record/types';
import type { ChainHead } from '$lib/domain/record/chain';
import type { Deletion } from '$lib/domain/record/deletion';

/** Rows of the v3 tables as stored. */
export type ClientDetailsRow = ClientDetails & { clientId: string };
export type HistoryRow = HistoryEntry & { seq?: number };
export type ChainHeadRow = ChainHead & { recordId: string };

export interface SchemaVersion {
	version: number;
	stores: Record<string, string | null>;
	upgrade?: (tx: Transaction) => Promise<void> | void;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
	{
		version: 1,
		stores: {
			clients: 'id, name, updatedAt',
			plans: 'id, clientId, date, status, updatedAt, [clientId+date]',
			marks: 'id, planId, region, author',
			settings: 'key'
		}
	},
	{
		// A new table only: nothing to transform.
		version: 2,
		stores: { handoffs: 'digest, planId' }
	},
	{
		// New tables only: existing rows are untouched (see above).
		version: 3,
		stores: {
			practitioners: 'id',
			clientDetails: 'clientId',
			consents: 'id, clientId',
			records: 'id, &planId, clientId',
			recordHistory: '++seq, recordId',
			addenda: 'id, recordId',
			chainHeads: 'recordId'
		}
	},
	// A new table only: why treatment records were deleted, kept after them.
	{ version: 4, stores: { deletions: 'id, at, clientId' } }
];

export const CURRENT_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].version;
export const DEFAULT_DB_NAME = 'somamap';

export type SomamapDB = OpeningDexie & {
	clients: EntityTable<Client, 'id'>;
	plans: EntityTable<Plan, 'id'>;
	marks: EntityTable<Mark, 'id'>;
	settings: EntityTable<Setting, 'key'>;
	handoffs: EntityTable<HandOffSeen, 'digest'>;
	practitioners: EntityTable<Practitioner, 'id'>;
	clientDetails: EntityTable<ClientDetailsRow, 'clientId'>;
	consents: EntityTable<Consent, 'id'>;
	records: EntityTable<TreatmentRecord | LockedRecord, 'id'>;
	recordHistory: EntityTable<HistoryRow, 'seq'>;
	addenda: EntityTable<Addendum, 'id'>;
	chainHeads: EntityTable<ChainHeadRow, 'recordId'>;
	deletions: EntityTable<Deletion, 'id'>;
};

/** The databases (Dexie instances) that have begun to open; by the instance itself, not a proxy of it. */
const opened = new WeakSet<Dexie>();

/**
 * Dexie, noting when this instance first begins to open (asked to, or by a first query: Dexie
 * opens itself through `open()`), which creates the database on a device that has none
 * (first-start.ts). Dexie may call `open` on its own proxy of the instance: `_novip` is the instance.
 */
class OpeningDexie extends Dexie {
	get openStarted(): boolean {
		return opened.has(this._novip);
	}
	override open(): ReturnType<Dexie['open']> {
		opened.add(this._novip);
		return super.open();
	}
}

/** A Dexie instance declaring the schema history up to `upTo` (the current one by default). */
export function createDatabase(name = DEFAULT_DB_NAME, upTo = CURRENT_VERSION): SomamapDB {
	const db = new OpeningDexie(name) as SomamapDB;
	for (const step of SCHEMA_VERSIONS) {
		if (step.version > upTo) break;
		const version = db.version(step.version).stores(step.stores);
		if (step.upgrade) version.upgrade(step.upgrade);
	}
	return db;
}
