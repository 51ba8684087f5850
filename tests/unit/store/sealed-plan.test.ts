/**
 * A signed session's plan is part of its record (QA session 10, items 1, 2 and 9): the health check
 * as answered is sealed into the record when it is signed, with the practitioner's word on consent
 * when given; after signing the plan (its settings, notes, outcome, health check) cannot change, a
 * later consent or withdrawal leaves it as it was, and its marks stay frozen.
 */
import { describe, expect, it } from 'vitest';
import { StoreError } from '$lib/store/errors';
import { codeOf } from '$lib/domain/regions';
import { verifyChain } from '$lib/domain/record/chain';
import { readTreatmentRecord } from '$lib/domain/record/read';
import type { LockedRecord } from '$lib/domain/record/types';
import type { PlanPatch } from '$lib/store/plans';
import { freshStore } from './helpers';
import { HOUR, START, drawn, practitioner } from '../record/helpers';

const PLAN_SEALED = /This session's record is signed: its plan, notes and outcome cannot change\. Add an addendum to correct it\./;

async function setUp(options: { sign: boolean; consentOtherwise?: boolean }) {
	const clock = { now: START - HOUR };
	const store = freshStore(() => (clock.now += 1000));
	const { client, plan } = await store.createClientWithPlan({ name: 'Dev Tanaka' }, { title: 'Session', date: '2026-12-03' });
	await store.updatePlan(plan.id, { health: { thinners: true, pregnancy: false, fever: false }, notes: 'Tight left shoulder.' });
	const { id: _i, createdAt: _c, updatedAt: _u, ...fields } = practitioner();
	const prac = await store.savePractitioner(fields);
	const draft = await store.openRecord(plan.id);
	await store.editRecord(draft.id, { practitionerId: prac.id, startedAt: START, endedAt: START + HOUR }, { practitionerId: prac.id });
	clock.now = START + 2 * HOUR;
	const record = options.sign ? await store.finaliseRecord(draft.id, drawn(), { consentOtherwise: options.consentOtherwise }) : null;
	return { store, client, plan, record, draftId: draft.id, clock };
}

const refusal = (p: Promise<unknown>) =>
	p.then(
		() => null,
		(e: unknown) => e
	);

describe("a signed session's plan", () => {
	it("seals the health check as answered into the record, hashed with it, and it reads back as stored", async () => {
		const { store, record } = await setUp({ sign: true });
		expect(record!.health).toEqual({ thinners: true, pregnancy: false, fever: false });
		// A signed session took place: its plan is done (no longer listed as planned, nor offered a new consent).
		expect((await store.db.plans.get(record!.planId))!.status).toBe('done');
		expect(record!.consentOtherwise).toBeUndefined();
		const stored = await store.db.records.get(record!.id);
		const read = readTreatmentRecord(stored, START + 10 * HOUR);
		expect(read.ok && (read.value as LockedRecord).health).toEqual({ thinners: true, pregnancy: false, fever: false });
		expect((await verifyChain([{ kind: 'record', entry: record! }])).ok).toBe(true);
		// The seal covers the answers: an edited answer no longer verifies.
		const edited = { ...record!, health: { ...record!.health, thinners: false } };
		expect((await verifyChain([{ kind: 'record', entry: edited }])).ok).toBe(false);
	});

	it("seals the practitioner's word that consent was obtained another way, only when given", async () => {
		const { record } = await setUp({ sign: true, consentOtherwise: true });
		expect(record!.consentOtherwise).toBe(true);
		expect((await verifyChain([{ kind: 'record', entry: { ...record!, consentOtherwise: undefined } }])).ok).toBe(false);
	});

	it('refuses every change to the plan once signed, in words, and keeps it as it was', async () => {
		const { store, plan } = await setUp({ sign: true });
		const before = await store.db.plans.get(plan.id);
		const current = (await store.getPlan(plan.id))!;
		const patches: PlanPatch[] = [{ health: { ...current.health, pregnancy: true } }, { notes: 'Rewritten.' }, { scope: 'full', durationMin: 60 }, { pressure: 5 as const }, { outcome: { done: '', advice: '', after: {}, response: 'Hurt more.' } }, { title: 'Renamed' }];
		for (const patch of patches) {
			const e = await refusal(store.updatePlan(plan.id, patch));
			expect(e, JSON.stringify(patch)).toBeInstanceOf(StoreError);
			expect((e as StoreError).message).toMatch(PLAN_SEALED);
		}
		expect(await store.db.plans.get(plan.id)).toEqual(before);
	});

	it('leaves a signed session out when a later consent is signed or withdrawn', async () => {
		const { store, client, plan } = await setUp({ sign: true });
		const glutes = [codeOf('gluteus-maximus-l'), codeOf('gluteus-maximus-r')];
		const before = await store.db.plans.get(plan.id);
		const consents = await store.consents();
		const consent = await consents.sign(
			{ clientId: client.id, text: 'I agree.', signer: 'client', signerName: 'Dev Tanaka', guardian: null, signature: drawn(), sensitiveAreas: glutes },
			[plan.id]
		);
		expect(await store.db.plans.get(plan.id)).toEqual(before);
		await consents.withdraw(consent.id);
		expect(await store.db.plans.get(plan.id)).toEqual(before);
	});

	it('a draft session changes as before, and its later consent is written into it', async () => {
		const { store, client, plan } = await setUp({ sign: false });
		await store.updatePlan(plan.id, { notes: 'Rewritten.' });
		expect((await store.db.plans.get(plan.id))!.notes).toBe('Rewritten.');
		const glute = codeOf('gluteus-maximus-l');
		await (await store.consents()).sign({ clientId: client.id, text: 'I agree.', signer: 'client', signerName: 'Dev Tanaka', guardian: null, signature: drawn(), sensitiveAreas: [glute] }, [plan.id]);
		expect((await store.db.plans.get(plan.id))!.consent[glute]).toBe(true);
	});

	it('refuses to sign when the health check changes while the record is being sealed', async () => {
		const { store, plan, draftId } = await setUp({ sign: false });
		const signing = store.finaliseRecord(draftId, drawn());
		await store.db.plans.update(plan.id, { health: { thinners: false } });
		const e = await refusal(signing);
		// Either the change came first (sealed with it) or it raced the seal (refused): never a record that disagrees.
		if (e) expect((e as StoreError).message).toMatch(/changed .* while (it|the record) was being signed/);
		else expect((await store.db.records.get(draftId) as LockedRecord).health).toEqual({ thinners: false });
	});
});
