/**
 * Signing and withdrawing a client's consent together with the sensitive areas it carries: the
 * areas agreed to become the plans' per-area consent (Plan.consent), so the planner does not ask
 * again, and a withdrawal clears them from the client's plans not yet done, in the same
 * transaction. The consent rows are read through domain/record/read (not against the clock once stored).
 */
import type { Id } from '$lib/domain/records';
import { readConsent } from '$lib/domain/record/read';
import { canonicalJson } from '$lib/domain/record/canonical';
import { consentTextHash } from '$lib/domain/record/consent';
import { sealConsent, sealWithdrawal, verifyConsent, type ConsentCheck } from '$lib/domain/record/consent-seal';
import { areasInForce, clinicConsentText, CONSENT_TEXT_SETTING, consentStatus, planConsentWith, type ConsentStatus, type UnreadableConsent } from '$lib/domain/record/consent-status';
import { today } from '$lib/domain/records';
import type { Consent } from '$lib/domain/record/types';
import { StoreError } from './errors';
import { fail, later, newId, ON_DEVICE, read, write, type StoreContext } from './core';
import { normalisePlan } from './normalise';
import { recordSigned } from './sealing';
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
	 * Keeps a signed consent (its statement's hash and its seal taken here) and marks its sensitive
	 * areas as consented in `planIds` (the client's own plans only), all or nothing.
	 */
	async sign(input: ConsentInput, planIds: readonly Id[]): Promise<Consent> {
		const { db, clock } = this.#ctx;
		const textHash = await consentTextHash(input.text);
		const now = clock();
		// Read first (cleaned, capped), then sealed as stored: the seal is of exactly the row kept.
		const { hash: _h, withdrawnAt: _w, withdrawalHash: _wh, ...part } = checked(readConsent({ ...input, id: newId(), textHash, signedAt: now, withdrawnAt: null }, now));
		const consent = await sealConsent(part);
		await write(db, [db.clients, db.consents, db.plans, db.records], async () => {
			if (!(await db.clients.get(consent.clientId))) throw new StoreError('not-found', 'This client no longer exists.');
			await db.consents.add(consent);
			if (!consent.sensitiveAreas.length) return;
			for (const planId of new Set(planIds)) {
				const row = await db.plans.get(planId);
				// A signed session keeps what was agreed at it: a later consent is not written into it.
				if (!row || row.clientId !== consent.clientId || (await recordSigned(db, planId))) continue;
				const plan = normalisePlan(row);
				await db.plans.put({ ...plan, consent: planConsentWith(plan.consent, consent.sensitiveAreas, true), updatedAt: later(now, plan.updatedAt) });
			}
		});
		return consent;
	}

	/**
	 * Marks a consent withdrawn now with a sealed withdrawal (the signing and its seal untouched:
	 * the record shows what was agreed when) and takes its sensitive areas out of the client's
	 * plans not yet done.
	 */
	async withdraw(id: Id): Promise<Consent> {
		const { db, clock } = this.#ctx;
		// Sealed before the transaction (Web Crypto must not run inside one), then written only if the row is still as sealed.
		const before = await read(() => db.consents.get(id));
		if (!before) throw new StoreError('not-found', 'This consent is no longer on this device.');
		const sealed = await sealWithdrawal(checked(readConsent(before, ON_DEVICE)), clock());
		return write(db, [db.consents, db.plans, db.records], async () => {
			const row = await db.consents.get(id);
			if (!row) throw new StoreError('not-found', 'This consent is no longer on this device.');
			if (canonicalJson(row) !== canonicalJson(before)) throw new StoreError('conflict', 'This consent changed on this device meanwhile. Please try again.');
			const next = sealed;
			const now = clock();
			await db.consents.put(next);
			if (!next.sensitiveAreas.length) return next;
			const plans = await db.plans.where('clientId').equals(next.clientId).toArray();
			for (const row of plans) {
				const plan = normalisePlan(row);
				if (plan.status === 'done' || !next.sensitiveAreas.some((c) => plan.consent[c]) || (await recordSigned(db, plan.id))) continue;
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

	/**
	 * The client's consents, each with its seal checked, and the status on today of the newest
	 * (a consent whose seal fails never holds). Rows are read one at a time: a row that cannot be
	 * read is a failed check (in `checks`, not in `consents`), so one damaged row never hides the
	 * others or blocks what depends on them; when it may be the newest, the status says it changed.
	 * `unreadable`: those rows' ids and dates (null when unreadable), for a session record they may bear on.
	 */
	async checked(clientId: Id, textHash?: string): Promise<{ consents: Consent[]; checks: Map<Id, ConsentCheck>; status: ConsentStatus; textHash: string; unreadable: UnreadableConsent[] }> {
		const { db } = this.#ctx;
		const [rows, details, setting, client] = await Promise.all([
			read(() => db.consents.where('clientId').equals(clientId).toArray()),
			read(() => db.clientDetails.get(clientId)),
			read(() => db.settings.get(CONSENT_TEXT_SETTING)),
			read(() => db.clients.get(clientId))
		]);
		const name = typeof client?.name === 'string' ? client.name : undefined;
		const hash = textHash ?? (await consentTextHash(clinicConsentText(setting?.value)));
		const checks = new Map<Id, ConsentCheck>();
		const consents: Consent[] = [];
		const unreadable: (UnreadableConsent & { problem: string })[] = [];
		for (const row of rows) {
			const r = readConsent(row, ON_DEVICE);
			if (r.ok) consents.push(r.value);
			else {
				const problem = unreadableWords(name, r.problem);
				checks.set(row.id, { state: 'broken', problem });
				unreadable.push({ id: row.id, signedAt: Number.isFinite(row.signedAt) ? row.signedAt : null, problem });
			}
		}
		consents.sort((a, b) => b.signedAt - a.signedAt);
		for (const c of consents) checks.set(c.id, await verifyConsent(c, name));
		const dateOfBirth = typeof details?.dateOfBirth === 'string' ? details.dateOfBirth : null;
		const status = consentStatus(consents, hash, { dateOfBirth }, today(), undefined, checks);
		// An unreadable row at or after the newest readable one (or of unknown date) may be the consent in force: it does not hold.
		const newest = consents[0]?.signedAt ?? -Infinity;
		const latest = unreadable.find((u) => u.signedAt === null || u.signedAt >= newest);
		// Only the ids and dates leave: the problem is said in `checks`.
		const dated = unreadable.map(({ id, signedAt }) => ({ id, signedAt }));
		if (latest) return { consents, checks, textHash: hash, unreadable: dated, status: { kind: 'changed', line: 'Consent: changed after signing', words: `${latest.problem} Ask the client to read and sign it again.`, consent: null } };
		if (unreadable.length) status.words = `${status.words} ${unreadable[0].problem}`;
		return { consents, checks, textHash: hash, status, unreadable: dated };
	}

	/** The sensitive areas the client agreed to in the consent in force (none when it does not hold), with that consent's id. */
	async agreed(clientId: Id): Promise<{ consentId: Id | null; areas: number[] }> {
		const { status } = await this.checked(clientId);
		const areas = areasInForce(status);
		return { consentId: areas.length ? status.consent!.id : null, areas };
	}

	/** Every consent on this device (for settings: who signed which statement). */
	async all(): Promise<Consent[]> {
		const rows = await read(() => this.#ctx.db.consents.toArray());
		return rows.map((r) => checked(readConsent(r, ON_DEVICE)));
	}
}

/** An unreadable consent row in words, with what is wrong (readConsent's words). */
function unreadableWords(name: string | undefined, problem: string): string {
	return `A consent ${name ? `of ${name.slice(0, 60)} ` : ''}kept on this device holds something a consent cannot hold (${problem.charAt(0).toLowerCase()}${problem.slice(1).replace(/\.$/, '')}): it is not as signed.`;
}
