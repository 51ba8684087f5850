import { describe, expect, it } from 'vitest';
import { DEFAULT_CONSENT_TEXT } from '$lib/domain/record/consent';
import { freshStore } from './helpers';
import { DAY, HOUR, START, drawn, practitioner, typed } from '../record/helpers';

/** A client's plan on 3 Dec 2026, its record signed at 12:00 after a 10:00–11:00 session; the clock is the test's. */
async function signedRecord() {
	const clock = { now: START - HOUR };
	const store = freshStore(() => clock.now);
	const { client, plan } = await store.createClientWithPlan({ name: 'Kim Lee' }, { title: 'Low back', date: '2026-12-03' });
	const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = practitioner();
	const prac = await store.savePractitioner(fields);
	const draft = await store.openRecord(plan.id);
	await store.editRecord(draft.id, { practitionerId: prac.id, startedAt: START, endedAt: START + HOUR, a: 'Fine.' }, { practitionerId: prac.id });
	clock.now = START + 2 * HOUR;
	const locked = await store.finaliseRecord(draft.id, drawn());
	return { store, clock, client, plan, prac, locked };
}

describe('a signed record is verified as it is stored', () => {
	it('reports a hidden character and a trailing space slipped into the signed notes, though cleaning them out would make the hash hold', async () => {
		const { store, locked } = await signedRecord();
		await store.db.records.update(locked.id, { soap: { ...locked.soap, a: 'Fine.\u200E ' } });
		const { check } = await store.recordChain(locked.id);
		expect(check).toMatchObject({ ok: false, problem: 'The record of Dec 3, 2026 was changed after it was signed: it holds hidden characters, spacing or points that Somamap never signs.' });
		await expect(store.addAddendum(locked.id, { text: 'More.', practitionerId: locked.practitionerId, signature: typed() })).rejects.toMatchObject({ message: expect.stringMatching(/was changed after it was signed.*An addendum cannot be added/) });
	});

	it('reports an addendum whose stored text carries a hidden character', async () => {
		const { store, locked } = await signedRecord();
		const addendum = await store.addAddendum(locked.id, { text: 'The neck too.', practitionerId: locked.practitionerId, signature: typed() });
		await store.db.addenda.update(addendum.id, { text: 'The neck too.\u200E ' });
		const { check } = await store.recordChain(locked.id);
		expect(check).toMatchObject({ ok: false, index: 1, problem: expect.stringMatching(/^The addendum of Dec 3, 2026 was changed after it was signed: it holds hidden characters/) });
	});
});

describe('a clock set back', () => {
	it('leaves what is on the device readable: the record opens, verifies and takes an addendum dated at its last signature', async () => {
		const { store, clock, client, plan, prac, locked } = await signedRecord();
		const consents = await store.consents();
		const consent = await consents.sign({ clientId: client.id, text: DEFAULT_CONSENT_TEXT, signer: 'client', signerName: 'Kim Lee', guardian: null, signature: drawn(), sensitiveAreas: [] }, [plan.id]);
		clock.now = START + 2 * HOUR - 3 * DAY;
		expect(await store.openRecord(plan.id)).toEqual(locked);
		expect(await store.getRecord(locked.id)).toEqual(locked);
		expect((await store.recordHistory(locked.id)).length).toBeGreaterThan(0);
		expect((await store.recordChain(locked.id)).check).toEqual({ ok: true, head: { hash: locked.hash, count: 1 } });
		const addendum = await store.addAddendum(locked.id, { text: 'The neck was treated too.', practitionerId: prac.id, signature: typed() });
		expect(addendum.signedAt).toBe(locked.signedAt);
		expect((await store.recordChain(locked.id)).check).toEqual({ ok: true, head: { hash: addendum.hash, count: 2 } });
		expect((await store.listPractitioners()).map((p) => p.id)).toEqual([prac.id]);
		expect(await consents.all()).toEqual([consent]);
		expect((await consents.withdraw(consent.id)).withdrawnAt).toBe(consent.signedAt);
		expect(await store.getClientDetails(client.id)).toBeNull();
	});
});

describe('deleting a plan or a client', () => {
	it('names the treatment records that went, so the screens forget their unsaved edits too', async () => {
		const clock = { now: START };
		const store = freshStore(() => clock.now);
		const { client, plan } = await store.createClientWithPlan({ name: 'Kim Lee' }, { title: 'Low back', date: '2026-12-03' });
		const other = await store.createPlan(client.id, { title: 'Neck', date: '2026-12-04' });
		const record = await store.openRecord(plan.id);
		const otherRecord = await store.openRecord(other.id);
		const why = { reason: 'Entered for the wrong client.', practitionerId: null };
		expect(await store.deletePlan(plan.id, why)).toMatchObject({ recordIds: [record.id] });
		expect(await store.deleteClient(client.id, why)).toMatchObject({ planIds: [other.id], recordIds: [otherRecord.id] });
	});
});
