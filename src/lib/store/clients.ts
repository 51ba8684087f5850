/**
 * Clients. A client owns their plans, details and consents: deleting a client (deletions.ts) removes them (and
 * what the plans own) in the same transaction, and a new client can be written together with their first plan.
 */
import { compareNames } from '$lib/domain/collate';
import type { Client, Id, Plan } from '$lib/domain/records';
import { validateClient, type ClientInput, type PlanInput } from '$lib/domain/validation';
import { asStoredClient, cleanClient } from '$lib/domain/clean-text';
import { isBodyBuild } from '$lib/domain/body-choice';
import { StoreError } from './errors';
import { normaliseClient } from './normalise';
import { fail, failOnFirst, later, newId, read, unchanged, write, type StoreContext } from './core';
import { planRow } from './plans';

export type ClientPatch = Partial<Pick<Client, 'name' | 'contact' | 'notes' | 'figure' | 'build'>>;

/** A new client row, checked (then stamped by `clock`); not yet written. */
export function clientRow(raw: ClientInput, clock: () => number): Client {
	const input = cleanClient(raw);
	failOnFirst(validateClient(input));
	const now = clock();
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

export class Clients {
	readonly #ctx: StoreContext;

	constructor(ctx: StoreContext) {
		this.#ctx = ctx;
	}

	async create(input: ClientInput): Promise<Client> {
		const { db, clock } = this.#ctx;
		const client = clientRow(input, clock);
		await write(db, [db.clients], () => db.clients.add(client));
		return client;
	}

	/** A new client and their first plan, together or not at all. */
	async createWithPlan(clientInput: ClientInput, planInput: PlanInput): Promise<{ client: Client; plan: Plan }> {
		const { db, clock } = this.#ctx;
		const client = clientRow(clientInput, clock);
		const plan = planRow(client.id, planInput, clock);
		await write(db, [db.clients, db.plans], async () => {
			await db.clients.add(client);
			await db.plans.add(plan);
		});
		return { client, plan };
	}

	async update(id: Id, patch: ClientPatch, expected?: ClientPatch): Promise<Client> {
		const { db, clock } = this.#ctx;
		return write(db, [db.clients], async () => {
			const current = await db.clients.get(id);
			if (!current) throw new StoreError('not-found', 'This client no longer exists.');
			const clean = asStoredClient(patch);
			if (clean.build !== undefined && clean.build !== null && !isBodyBuild(clean.build)) fail('Please choose a build: slim, average or broad.');
			unchanged(normaliseClient(current), clean, expected);
			const next = { ...normaliseClient(current), ...clean, updatedAt: later(clock(), current.updatedAt) };
			failOnFirst(validateClient(next));
			await db.clients.put(next);
			return next;
		});
	}

	async get(id: Id): Promise<Client | undefined> {
		const row = await read(() => this.#ctx.db.clients.get(id));
		return row && normaliseClient(row);
	}

	async list(): Promise<Client[]> {
		const rows = await read(() => this.#ctx.db.clients.toArray());
		return rows.map(normaliseClient).sort((a, b) => compareNames(a.name, b.name));
	}
}
