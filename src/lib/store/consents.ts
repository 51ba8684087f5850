/**
 * Signing and withdrawing a client's consent together with the sensitive areas it carries: the
 * areas agreed to become the plans' per-area consent (Plan.consent), so the planner does not ask
 * again, and a withdrawal clears them from the client's plans not yet done, in the same
 * transaction. The consent rows are read through domain/record/read (not against the clock once stored).
 */
import type { Id } from '$lib/domain/records';
import { readConsent } from '$lib/domain/record/read';
import { consentTextHash, withdrawConsent } from '$lib/domain/record/consent';
import { planConsentWith } from '$lib/domain/record/consent-status';
import type { Consent } from '$lib/domain/record/types';
import { StoreError } from './errors';
import { fail, later, newId, ON_DEVICE, read, write, type StoreContext } from './core';
import { normalisePlan } from './normalise';
import type { ConsentInput } from './people';

function checked<T>(r: { ok: true; value: T } | { ok: false; problem: string }): T {
	if (!r.ok) fail(r.problem);
	return r.value;
}

export class Consents {
	readonly #ctx: StoreContext;

	constructor(ctx: StoreContext) {
		this.#ctx = ctx;
	}

	/**
	 * Keeps a signed consent (its statement's hash taken here) and marks its sensitive areas as
	 * consented in `planIds` (the client's own plans only), all or nothing.
	 */
	async sign(input: ConsentInput, planIds: readonly Id[]): Promise<Consent> {
		const { db, clock } = this.#ctx;
		const textHash = await consentTextHash(input.text);
		const now = clock();
		const consent = checked(readConsent({ ...input, id: newId(), textHash, signedAt: now, withdrawnAt: null }, now));
		await write(db, [db.clients, db.consents, db.plans], async () => {
			if (!(await db.clients.get(consent.clientId))) throw new StoreError('not-found', 'This client no longer exists.');
			await db.consents.add(consent);
			if (!consent.sensitiveAreas.length) return;
			for (const planId of new Set(planIds)) {
				const row = await db.plans.get(planId);
				if (!row || row.clientId !== consent.clientId) continue;
				const plan = normalisePlan(row);
				await db.plans.put({ ...plan, consent: planConsentWith(plan.consent, consent.sensitiveAreas, true), updatedAt: later(now, plan.updatedAt) });
			}
		});
		return consent;
	}

	/**
	 * Marks a consent withdrawn now (kept: the record shows what was agreed when) and takes its
	 * sensitive areas out of the client's plans not yet done.
	 */
	async withdraw(id: Id): Promise<Consent> {
		const { db, clock } = this.#ctx;
		return write(db, [db.consents, db.plans], async () => {
			const row = await db.consents.get(id);
			if (!row) throw new StoreError('not-found', 'This consent is no longer on this device.');
			const now = clock();
			const next = withdrawConsent(checked(readConsent(row, ON_DEVICE)), now);
			await db.consents.put(next);
			if (!next.sensitiveAreas.length) return next;
			const plans = await db.plans.where('clientId').equals(next.clientId).toArray();
			for (const row of plans) {
				const plan = normalisePlan(row);
				if (plan.status === 'done' || !next.sensitiveAreas.some((c) => plan.consent[c])) continue;
				await db.plans.put({ ...plan, consent: planConsentWith(plan.consent, next.sensitiveAreas, false), updatedAt: later(now, plan.updatedAt) });
			}
			return next;
		});
	}

	/** The client's consents, newest first. */
	async of(clientId: Id): Promise<Consent[]> {
		const rows = await read(() => this.#ctx.db.consents.where('clientId').equals(clientId).toArray());
		return rows.map((r) => checked(readConsent(r, ON_DEVICE))).sort((a, b) => b.signedAt - a.signedAt);
	}

	/** Every consent on this device (for settings: who signed which statement). */
	async all(): Promise<Consent[]> {
		const rows = await read(() => this.#ctx.db.consents.toArray());
		return rows.map((r) => checked(readConsent(r, ON_DEVICE)));
	}
}
