/**
 * The people around a treatment record (issue 12): practitioners on this device, a client's
 * fuller details (the clientDetails table beside clients; see schema.ts v3). Consents are
 * consents.ts's. Every row goes through domain/record/read, so what is kept is what reads back.
 */
import type { Id } from '$lib/domain/records';
import { readClientDetails, readPractitioner } from '$lib/domain/record/read';
import type { ClientDetails, Consent, Practitioner } from '$lib/domain/record/types';
import { detailsAsStored, emptyClientDetails } from '$lib/domain/record/details';
import { StoreError } from './errors';
import { fail, later, newId, ON_DEVICE, read, unchanged, write, type StoreContext } from './core';
import type { SomamapDB } from './schema';

/** A practitioner's fields as a form gives them (no id or times). */
export type PractitionerInput = Omit<Practitioner, 'id' | 'createdAt' | 'updatedAt'>;
/** A consent as the signing screen gives it; the id, text hash and time are the store's. */
export type ConsentInput = Omit<Consent, 'id' | 'textHash' | 'signedAt' | 'withdrawnAt' | 'hash' | 'withdrawalHash'>;
/**
 * A client's details as the client page's form saves them: keyed by the client's id, versioned by
 * the client row's updatedAt (a details change moves it), so a form can follow and merge them.
 */
export type DetailsForm = ClientDetails & { id: Id; updatedAt: number };

function checked<T>(r: { ok: true; value: T } | { ok: false; problem: string }): T {
	if (!r.ok) fail(r.problem);
	return r.value;
}

export class People {
	readonly #ctx: StoreContext;

	constructor(ctx: StoreContext) {
		this.#ctx = ctx;
	}

	/** Adds a practitioner (`id` absent) or changes one. */
	async savePractitioner(input: PractitionerInput, id?: Id): Promise<Practitioner> {
		const { db, clock } = this.#ctx;
		return write(db, [db.practitioners], async () => {
			const now = clock();
			const current = id === undefined ? undefined : await db.practitioners.get(id);
			if (id !== undefined && !current) throw new StoreError('not-found', 'This practitioner is no longer on this device.');
			const row = checked(readPractitioner({ ...input, id: id ?? newId(), createdAt: current?.createdAt ?? now, updatedAt: current ? later(now, current.updatedAt) : now }, ON_DEVICE));
			await db.practitioners.put(row);
			return row;
		});
	}

	async practitioners(): Promise<Practitioner[]> {
		const { db } = this.#ctx;
		const rows = await read(() => db.practitioners.toArray());
		return rows.map((r) => checked(readPractitioner(r, ON_DEVICE))).sort((a, b) => a.fullName.localeCompare(b.fullName));
	}

	/** The client's details; null when none were entered yet. */
	async clientDetails(clientId: Id): Promise<ClientDetails | null> {
		const { db } = this.#ctx;
		const row = await read(() => db.clientDetails.get(clientId));
		if (!row) return null;
		const { clientId: _, ...details } = row;
		return checked(readClientDetails(details, ON_DEVICE));
	}

	async setClientDetails(clientId: Id, details: ClientDetails): Promise<ClientDetails> {
		const { db, clock } = this.#ctx;
		const clean = checked(readClientDetails(details, clock()));
		await write(db, [db.clients, db.clientDetails], async () => {
			if (!(await db.clients.get(clientId))) throw new StoreError('not-found', 'This client no longer exists.');
			await db.clientDetails.put({ ...clean, clientId });
		});
		return clean;
	}

	/** The client's details (empty ones when none were entered) with the client's version; undefined: no such client. */
	async detailsForm(clientId: Id): Promise<DetailsForm | undefined> {
		const { db } = this.#ctx;
		return read(() => db.transaction('r', db.clients, db.clientDetails, () => formOf(db, clientId)));
	}

	/**
	 * Changes some details; `expected` holds the values the patched fields had when the form read
	 * them (a stale write is refused as 'conflict'). The client's updatedAt moves in the same
	 * transaction. A problem is refused in words (domain/record/read) and nothing is written.
	 */
	async updateClientDetails(clientId: Id, patch: Partial<ClientDetails>, expected?: Partial<ClientDetails>): Promise<DetailsForm> {
		const { db, clock } = this.#ctx;
		return write(db, [db.clients, db.clientDetails], async () => {
			const now = clock();
			const current = await formOf(db, clientId);
			if (!current) throw new StoreError('not-found', 'This client no longer exists.');
			const { id: _i, updatedAt: _u, ...details } = current;
			const clean = detailsAsStored(patch);
			unchanged(details, clean, expected && detailsAsStored(expected));
			const next = checked(readClientDetails({ ...details, ...clean }, now));
			const client = (await db.clients.get(clientId))!;
			const updatedAt = later(now, client.updatedAt);
			await db.clientDetails.put({ ...next, clientId });
			await db.clients.update(clientId, { updatedAt });
			return { ...next, id: clientId, updatedAt };
		});
	}
}

async function formOf(db: SomamapDB, clientId: Id): Promise<DetailsForm | undefined> {
	const [client, row] = await Promise.all([db.clients.get(clientId), db.clientDetails.get(clientId)]);
	if (!client) return undefined;
	let details = emptyClientDetails();
	if (row) {
		const { clientId: _, ...kept } = row;
		details = checked(readClientDetails(kept, ON_DEVICE));
	}
	return { ...details, id: clientId, updatedAt: client.updatedAt };
}
