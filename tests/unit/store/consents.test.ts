import { describe, expect, it } from 'vitest';
import { codeOf } from '$lib/domain/regions';
import { DEFAULT_CONSENT_TEXT } from '$lib/domain/record/consent';
import { freshStore, tickingClock } from './helpers';
import { drawn } from '../record/helpers';

const chestL = codeOf('pectoralis-l');
const glutesR = codeOf('gluteus-maximus-r');

async function setUp() {
	const store = freshStore(tickingClock());
	const { client, plan } = await store.createClientWithPlan({ name: 'Kim Lee' }, { title: 'Low back', date: '2026-12-03' });
	const other = await store.createClientWithPlan({ name: 'Ben Ray' }, { title: 'Neck', date: '2026-12-03' });
	const input = { clientId: client.id, text: DEFAULT_CONSENT_TEXT, signer: 'client' as const, signerName: 'Kim Lee', guardian: null, signature: drawn(), sensitiveAreas: [chestL, glutesR] };
	return { store, client, plan, other, input };
}

describe('a consent signed with its sensitive areas', () => {
	it("keeps the consent and marks its areas consented in the client's plan, not another client's", async () => {
		const { store, client, plan, other, input } = await setUp();
		const before = (await store.getPlan(plan.id))!.updatedAt;
		const c = await (await store.consents()).sign(input, [plan.id, other.plan.id]);
		expect(c).toMatchObject({ clientId: client.id, sensitiveAreas: [chestL, glutesR], withdrawnAt: null });
		const p = (await store.getPlan(plan.id))!;
		expect(p.consent).toEqual({ [chestL]: true, [glutesR]: true });
		expect(p.updatedAt).toBeGreaterThan(before);
		expect((await store.getPlan(other.plan.id))!.consent).toEqual({});
		expect(await (await store.consents()).all()).toEqual([c]);
	});

	it('writes nothing when the consent is refused (no signature), and names the problem', async () => {
		const { store, plan, input } = await setUp();
		await expect((await store.consents()).sign({ ...input, signature: { kind: 'typed', name: '' } }, [plan.id])).rejects.toMatchObject({ kind: 'validation' });
		expect(await (await store.consents()).all()).toEqual([]);
		expect((await store.getPlan(plan.id))!.consent).toEqual({});
	});

	it('a withdrawal is dated and takes the areas out of plans not yet done, leaving a done one as it was', async () => {
		const { store, client, plan, input } = await setUp();
		const done = await store.createPlan(client.id, { title: 'Earlier', date: '2026-11-01' });
		const c = await (await store.consents()).sign(input, [plan.id, done.id]);
		await store.updatePlan(done.id, { status: 'done' });
		await store.updatePlan(plan.id, { consent: { ...(await store.getPlan(plan.id))!.consent, [codeOf('sternum')]: true } });
		const w = await (await store.consents()).withdraw(c.id);
		expect(w.withdrawnAt).toBeGreaterThanOrEqual(c.signedAt);
		expect((await store.getPlan(plan.id))!.consent).toEqual({ [codeOf('sternum')]: true });
		expect((await store.getPlan(done.id))!.consent).toEqual({ [chestL]: true, [glutesR]: true });
		expect(await (await store.consents()).of(client.id)).toEqual([w]);
	});
});

describe('the seal of a kept consent', () => {
	it('is taken at signing and a withdrawal is sealed apart, so both check out as sealed', async () => {
		const { store, client, plan, input } = await setUp();
		const kept = await store.consents();
		const c = await kept.sign(input, [plan.id]);
		expect(c.hash).toMatch(/^[0-9a-f]{64}$/);
		expect((await kept.checked(client.id)).checks.get(c.id)).toEqual({ state: 'sealed' });
		const w = await kept.withdraw(c.id);
		expect(w).toMatchObject({ hash: c.hash, withdrawalHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
		const after = await kept.checked(client.id);
		expect(after.checks.get(c.id)).toEqual({ state: 'sealed' });
		expect(after.status.kind).toBe('withdrawn');
	});

	it('a row edited in the database is said to be changed, and no longer holds', async () => {
		const { store, client, plan, input } = await setUp();
		const kept = await store.consents();
		const c = await kept.sign(input, [plan.id]);
		await store.db.consents.put({ ...c, signerName: 'Someone Else' });
		const { status } = await kept.checked(client.id);
		expect(status).toMatchObject({ kind: 'changed', line: 'Consent: changed after signing' });
		expect(status.words).toMatch(/^The consent Kim Lee signed on .* was changed after it was signed/);
	});

	it('a consent kept before sealing (no seal) still holds, said to be signed before sealing, and is never sealed later', async () => {
		const { store, client, plan, input } = await setUp();
		const kept = await store.consents();
		const { hash: _, ...old } = await kept.sign(input, [plan.id]);
		await store.db.consents.put(old);
		const { status } = await kept.checked(client.id);
		expect(status.kind).toBe('signed');
		expect(status.check).toMatchObject({ state: 'unsealed' });
		expect(await store.db.consents.get(old.id)).toEqual(old);
		// Withdrawn: the withdrawal is sealed; the signing stays unsealed, as it was.
		const w = await kept.withdraw(old.id);
		expect(w.hash).toBeUndefined();
		expect((await kept.checked(client.id)).checks.get(old.id)).toMatchObject({ state: 'unsealed' });
	});
});

describe('a consent row that cannot be read', () => {
	it('is a failed check in words, never an error: the status says it changed when it may be the newest, and a follow-up is still made, carrying no areas', async () => {
		const { store, client, plan, input } = await setUp();
		const kept = await store.consents();
		const c = await kept.sign(input, [plan.id]);
		await store.updatePlan(plan.id, { status: 'done' });
		// Edited outside the app: withdrawn before it was signed, which no consent can be.
		await store.db.consents.put({ ...c, withdrawnAt: c.signedAt - 1000 });
		const got = await kept.checked(client.id);
		expect(got.consents).toEqual([]);
		expect(got.checks.get(c.id)).toEqual({ state: 'broken', problem: expect.stringMatching(/^A consent of Kim Lee kept on this device holds something a consent cannot hold \(.+\): it is not as signed\.$/) });
		expect(got.status).toMatchObject({ kind: 'changed', line: 'Consent: changed after signing', words: expect.stringMatching(/Ask the client to read and sign it again\.$/) });
		const { plan: next } = await store.createFollowUp(plan.id);
		expect(next.consent).toEqual({});
	});

	it('an older unreadable row beside a newer intact consent: the newer one holds and its areas carry into the follow-up; the older one is named', async () => {
		const { store, client, plan, input } = await setUp();
		const kept = await store.consents();
		const c = await kept.sign(input, [plan.id]);
		await store.updatePlan(plan.id, { status: 'done' });
		await store.db.consents.put({ ...c, id: 'older', signedAt: c.signedAt - 5000, withdrawnAt: c.signedAt - 9000 });
		const got = await kept.checked(client.id);
		expect(got.checks.get(c.id)).toEqual({ state: 'sealed' });
		expect(got.checks.get('older')?.state).toBe('broken');
		expect(got.status.kind).toBe('signed');
		expect(got.status.words).toMatch(/A consent of Kim Lee kept on this device holds something a consent cannot hold/);
		const { plan: next } = await store.createFollowUp(plan.id);
		expect(next.consent).toEqual({ [chestL]: true, [glutesR]: true });
	});

	it('gives each unreadable row with its date when that is readable, for the session records it may bear on', async () => {
		const { store, client, plan, input } = await setUp();
		const kept = await store.consents();
		const c = await kept.sign(input, [plan.id]);
		await store.db.consents.put({ ...c, id: 'dated', signedAt: c.signedAt + 5000, withdrawnAt: c.signedAt - 9000 });
		await store.db.consents.put({ ...c, id: 'undated', signedAt: 'yesterday' as unknown as number });
		const got = await kept.checked(client.id);
		expect(got.consents.map((k) => k.id)).toEqual([c.id]);
		expect([...got.unreadable].sort((a, b) => a.id.localeCompare(b.id))).toEqual([
			{ id: 'dated', signedAt: c.signedAt + 5000 },
			{ id: 'undated', signedAt: null }
		]);
		expect((await (await store.consents()).checked(client.id)).unreadable).toHaveLength(2);
	});
});
