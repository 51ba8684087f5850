/**
 * Taking in a plan handed over from a client's phone (a link or a file; see domain/handoff.ts):
 * always as a NEW plan with new ids, into a client the therapist chooses or a new client, so
 * nothing on this device is ever overwritten. One transaction: all or nothing.
 */
import { cleanText } from '$lib/domain/clean-text';
import type { HandOff, HandOffSeen } from '$lib/domain/handoff';
import type { Client, Id, Mark, Plan } from '$lib/domain/records';
import { StoreError, toStoreError } from './errors';
import { write } from './core';
import { roomForPlan } from './plans';
import type { Store } from './store';

export type HandOffTarget = { clientId: Id } | { newClientName: string };

/** A hand-off taken in before (by its digest) whose plan is still here: the plan, its client, when. */
export interface SeenBefore {
	importedAt: number;
	plan: Plan;
	clientName: string;
}

export async function findHandOff(store: Store, digest: string): Promise<SeenBefore | null> {
	const { db } = store;
	try {
		return await db.transaction('r', db.handoffs, db.plans, db.clients, async () => {
			const seen = await db.handoffs.get(digest);
			const plan = seen && (await db.plans.get(seen.planId));
			if (!seen || !plan) return null; // never taken in, or its plan was deleted since
			const client = await db.clients.get(plan.clientId);
			return { importedAt: seen.importedAt, plan, clientName: client?.name ?? 'a client no longer here' };
		});
	} catch (e) {
		throw toStoreError(e);
	}
}

/** `digest` (handOffDigest of its text) is remembered with the new plan, in the same transaction. */
export async function importHandOff(
	store: Store,
	{ client, plan, marks }: HandOff,
	target: HandOffTarget,
	now = Date.now(),
	digest?: string
): Promise<Plan> {
	const { db } = store;
	const planId = crypto.randomUUID();
	return write(db, [db.clients, db.plans, db.marks, db.handoffs], async () => {
		let clientId: Id;
		if ('clientId' in target) {
			if (!(await db.clients.get(target.clientId))) throw new StoreError('not-found', 'That client no longer exists on this device.');
			await roomForPlan(db, target.clientId);
			clientId = target.clientId;
		} else {
			const name = cleanText(target.newClientName).trim();
			if (!name) throw new StoreError('validation', 'Please give the new client a name.');
			const fresh: Client = { ...client, id: crypto.randomUUID(), name, createdAt: now, updatedAt: now };
			await db.clients.add(fresh);
			clientId = fresh.id;
		}
		const added: Plan = { ...plan, id: planId, clientId, createdAt: now, updatedAt: now };
		await db.plans.add(added);
		await db.marks.bulkAdd(marks.map((m): Mark => ({ ...m, id: crypto.randomUUID(), planId, createdAt: m.createdAt, updatedAt: now })));
		if (digest) await db.handoffs.put({ digest, planId, importedAt: now } satisfies HandOffSeen);
		return added;
	});
}
