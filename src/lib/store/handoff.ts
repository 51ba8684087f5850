/**
 * Taking in a plan handed over from a client's phone (a link or a file; see domain/handoff.ts):
 * always as a NEW plan with new ids, into a client the therapist chooses or a new client, so
 * nothing on this device is ever overwritten. One transaction: all or nothing.
 */
import { cleanText } from '$lib/domain/clean-text';
import type { HandOff, HandOffSeen } from '$lib/domain/handoff';
import type { HandOffKeys } from '$lib/domain/handoff-identity';
import type { Client, Id, Mark, Plan } from '$lib/domain/records';
import { StoreError, toStoreError } from './errors';
import { write } from './core';
import { roomForPlan } from './plans';
import type { Store } from './store';

export type HandOffTarget = { clientId: Id } | { newClientName: string };

/**
 * A hand-off taken in before whose plan is still here: the plan, its client, when. `same`: this
 * very map (by its content, or its text before content keys); else another version of it (the
 * same origin, changed since), the latest brought in.
 */
export interface SeenBefore {
	importedAt: number;
	plan: Plan;
	clientName: string;
	same: boolean;
}

export async function findHandOff(store: Store, keys: HandOffKeys): Promise<SeenBefore | null> {
	const { db } = store;
	try {
		return await db.transaction('r', db.handoffs, db.plans, db.clients, async () => {
			const alive = async (row: HandOffSeen | undefined) => (row && (await db.plans.get(row.planId)) ? row : undefined);
			let same = true;
			let seen = (await alive(await db.handoffs.get(keys.content))) ?? (await alive(await db.handoffs.get(keys.text)));
			if (!seen) {
				same = false;
				// A few rows per client map ever taken in: a scan is cheap, and the schema stays as it is.
				const versions = await db.handoffs.filter((r) => r.origin === keys.origin).toArray();
				for (const row of versions.sort((a, b) => b.importedAt - a.importedAt)) if ((seen = await alive(row))) break;
			}
			const plan = seen && (await db.plans.get(seen.planId));
			if (!seen || !plan) return null; // never taken in, or its plan was deleted since
			const client = await db.clients.get(plan.clientId);
			return { importedAt: seen.importedAt, plan, clientName: client?.name ?? 'a client no longer here', same };
		});
	} catch (e) {
		throw toStoreError(e);
	}
}

/** `keys` (domain/handoff-identity) are remembered with the new plan, in the same transaction. */
export async function importHandOff(
	store: Store,
	{ client, plan, marks }: HandOff,
	target: HandOffTarget,
	now = Date.now(),
	keys?: HandOffKeys
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
		if (keys) await db.handoffs.put({ digest: keys.content, planId, importedAt: now, origin: keys.origin } satisfies HandOffSeen);
		return added;
	});
}
