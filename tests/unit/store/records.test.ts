import { describe, expect, it, vi } from 'vitest';
import { codeOf } from '$lib/domain/regions';
import { DEFAULT_CONSENT_TEXT } from '$lib/domain/record/consent';
import type { ClientDetails } from '$lib/domain/record/types';
import { RETENTION_KEY } from '$lib/store/records';
import { freshStore } from './helpers';
import { DAY, HOUR, START, drawn, practitioner, typed } from '../record/helpers';

const YEAR = 365 * DAY;

/** A store whose clock the test moves; a client with a plan on 3 Dec 2026 and a practitioner. */
async function setUp() {
	const clock = { now: START - HOUR };
	const store = freshStore(() => clock.now);
	const { client, plan } = await store.createClientWithPlan({ name: 'Kim Lee' }, { title: 'Low back', date: '2026-12-03' });
	await store.addMark(plan.id, { region: codeOf('rhomboids-r'), patch: null, sensation: 'knot', intensity: 7, depth: 'surface', structure: null, pressure: null, note: 'worse at the desk', author: 'client' });
	const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = practitioner();
	const prac = await store.savePractitioner(fields);
	return { store, clock, client, plan, prac };
}

/** setUp, then a draft filled in and signed at 12:00 after a 10:00–11:00 session. */
async function signedRecord() {
	const s = await setUp();
	const draft = await s.store.openRecord(s.plan.id);
	await s.store.editRecord(draft.id, { practitionerId: s.prac.id, startedAt: START, endedAt: START + HOUR, a: 'Less guarding by the end.\n' }, { practitionerId: s.prac.id });
	s.clock.now = START + 2 * HOUR;
	const locked = await s.store.finaliseRecord(draft.id, drawn());
	return { ...s, locked };
}

describe('treatment records in the store', () => {
	it('gives a plan one draft record, prefilled from its marks, and the same record when opened again', async () => {
		const { store, plan } = await setUp();
		const draft = await store.openRecord(plan.id);
		expect(draft).toMatchObject({ planId: plan.id, status: 'draft', plannedMin: 30, practitionerId: null });
		expect(draft.soap.s).toMatch(/knot or trigger point, 7\/10.*worse at the desk/);
		expect((await store.openRecord(plan.id)).id).toBe(draft.id);
		expect(await store.db.records.count()).toBe(1);
	});

	it('opens a plan with very many long-noted marks as a record whose S fits and says what was left out', async () => {
		const { store, plan } = await setUp();
		const rows = Array.from({ length: 150 }, (_, i) => ({
			id: `m${i}`, planId: plan.id, region: codeOf('rhomboids-r'), patch: null, sensation: 'knot' as const, intensity: i % 11, depth: 'surface' as const,
			structure: null, pressure: null, note: `Note ${i}: ${'worse after long drives and at the desk '.repeat(3)}`, author: 'client' as const, carried: false, createdAt: 1, updatedAt: 1
		}));
		await store.db.marks.bulkAdd(rows);
		const draft = await store.openRecord(plan.id);
		expect(draft.soap.s.length).toBeLessThanOrEqual(5000);
		expect(draft.soap.s).toMatch(/\(\d+ more lines are in the plan's marks and notes\.\)$/);
		expect(draft.soap.s).toContain('10/10');
		expect(await store.listMarks(plan.id)).toHaveLength(151);
	});

	it('writes an edit and its history together, or neither', async () => {
		const { store, plan, prac } = await setUp();
		const draft = await store.openRecord(plan.id);
		await store.editRecord(draft.id, { oGeneral: 'Tight right rhomboids.', pressure: 'Firm' }, { practitionerId: prac.id });
		expect((await store.recordHistory(draft.id)).map((h) => [h.field, h.new])).toEqual([
			['oGeneral', 'Tight right rhomboids.'],
			['pressure', 'Firm']
		]);
		vi.spyOn(store.db.recordHistory, 'bulkAdd').mockImplementationOnce(() => {
			throw new Error('disk');
		});
		await expect(store.editRecord(draft.id, { a: 'Better.' }, { practitionerId: prac.id })).rejects.toThrow();
		expect((await store.getRecord(draft.id))?.soap.a).toBe('');
		expect(await store.recordHistory(draft.id)).toHaveLength(2);
		// A bad value is refused in words and changes nothing.
		await expect(store.editRecord(draft.id, { endedAt: START, startedAt: START + HOUR }, { practitionerId: null })).rejects.toMatchObject({ message: expect.stringMatching(/cannot end before it started/) });
		expect(await store.recordHistory(draft.id)).toHaveLength(2);
	});

	it('finalises a record whose notes end in a new line, and its chain verifies with the head kept beside it', async () => {
		const { store, locked } = await signedRecord();
		expect(locked.status).toBe('locked');
		expect(await store.db.chainHeads.get(locked.id)).toEqual({ recordId: locked.id, hash: locked.hash, count: 1 });
		const { check } = await store.recordChain(locked.id);
		expect(check).toEqual({ ok: true, head: { hash: locked.hash, count: 1 } });
	});

	it('refuses to sign without what a record needs, naming each thing, and stays a draft', async () => {
		const { store, plan } = await setUp();
		const draft = await store.openRecord(plan.id);
		await expect(store.finaliseRecord(draft.id, null)).rejects.toMatchObject({
			kind: 'validation',
			message: expect.stringMatching(/choose the practitioner.*started.*ended.*sign the record/s)
		});
		expect((await store.getRecord(draft.id))?.status).toBe('draft');
		expect(await store.db.chainHeads.count()).toBe(0);
	});

	it('a locked record refuses edits and deletion, also with its plan or client, and nothing is lost', async () => {
		const { store, locked, plan, client, clock } = await signedRecord();
		clock.now = START + 3 * DAY;
		await expect(store.editRecord(locked.id, { a: 'Changed.' }, { practitionerId: null })).rejects.toMatchObject({ message: expect.stringMatching(/can no longer be changed\. Add an addendum/) });
		await expect(store.finaliseRecord(locked.id, drawn())).rejects.toMatchObject({ message: expect.stringMatching(/can no longer be changed/) });
		await expect(store.deletePlan(plan.id)).rejects.toMatchObject({ message: expect.stringMatching(/A signed record cannot be deleted before its keeping period ends\. Kept until/) });
		await expect(store.deletePlan(plan.id)).rejects.toMatchObject({ kind: 'validation' });
		await expect(store.deleteClient(client.id)).rejects.toMatchObject({ kind: 'validation' });
		expect(await store.getRecord(locked.id)).toEqual(locked);
		expect(await store.getPlan(plan.id)).toBeDefined();
		expect(await store.getClient(client.id)).toBeDefined();
		expect(await store.listMarks(plan.id)).toHaveLength(1);
		expect((await store.recordChain(locked.id)).check.ok).toBe(true);
	});

	it('a locked record of a minor is kept until they are 25, then it and the client can go', async () => {
		const { store, locked, client, clock } = await signedRecord();
		const details: ClientDetails = {
			dateOfBirth: '2012-05-01', gender: '', address: '', emergencyContact: null, referrer: '', occupation: '', medicalHistory: '',
			medications: '', allergies: '', pregnancy: 'not-asked', pregnancyNote: '', guardian: { name: 'Sam Lee', relationship: 'Mother', phone: '0400 111 222' }
		};
		await store.setClientDetails(client.id, details);
		clock.now = START + 8 * YEAR; // past the adult 7 years, but the client is only 22
		await expect(store.deleteClient(client.id)).rejects.toMatchObject({ message: expect.stringMatching(/turn 25|2037/) });
		clock.now = new Date(2037, 4, 2).getTime();
		await store.deleteClient(client.id);
		expect(await store.getRecord(locked.id)).toBeUndefined();
		expect(await store.db.chainHeads.count()).toBe(0);
		expect(await store.db.recordHistory.count()).toBe(0);
		expect(await store.getClientDetails(client.id)).toBeNull();
	});

	it('a draft inside its period may be deleted (the screen asks for a reason), with its history', async () => {
		const { store, plan, prac } = await setUp();
		const draft = await store.openRecord(plan.id);
		await store.editRecord(draft.id, { a: 'Note.' }, { practitionerId: prac.id });
		await expect(store.deletePlan(plan.id)).rejects.toMatchObject({ kind: 'validation', message: expect.stringMatching(/Deleting it now needs a reason/) });
		await expect(store.deletePlan(plan.id, { reason: '', practitionerId: null })).rejects.toMatchObject({ message: expect.stringMatching(/Please give a reason/) });
		await store.deletePlan(plan.id, { reason: 'Opened for the wrong client', practitionerId: prac.id });
		expect(await store.getRecord(draft.id)).toBeUndefined();
		expect(await store.db.recordHistory.count()).toBe(0);
	});

	it('appends an addendum after verifying the chain, and moves the head with it', async () => {
		const { store, locked, prac, clock } = await signedRecord();
		clock.now = START + DAY;
		const a1 = await store.addAddendum(locked.id, { text: 'The left side was treated too.', practitionerId: prac.id, signature: typed() });
		clock.now = START + 2 * DAY;
		const a2 = await store.addAddendum(locked.id, { text: 'Client phoned: much better.', practitionerId: prac.id, signature: drawn() });
		expect(a2.prevHash).toBe(a1.hash);
		const { entries, check } = await store.recordChain(locked.id);
		expect(entries.map((e) => e.entry.id)).toEqual([locked.id, a1.id, a2.id]);
		expect(check).toEqual({ ok: true, head: { hash: a2.hash, count: 3 } });
		expect(await store.getRecord(locked.id)).toEqual(locked);
		// Unsigned, or without words: refused, and the head stays.
		await expect(store.addAddendum(locked.id, { text: ' ', practitionerId: prac.id, signature: null })).rejects.toMatchObject({ message: expect.stringMatching(/write the addendum.*sign the addendum/s) });
		expect((await store.db.chainHeads.get(locked.id))?.count).toBe(3);
	});

	it('reports a stored record changed after signing, and refuses an addendum onto it', async () => {
		const { store, locked, prac, clock } = await signedRecord();
		const row = (await store.db.records.get(locked.id))!;
		await store.db.records.put({ ...row, soap: { ...row.soap, a: 'Something else entirely.' } });
		const { check } = await store.recordChain(locked.id);
		expect(check).toMatchObject({ ok: false, problem: expect.stringMatching(/^The record of .* was changed after it was signed\.$/) });
		clock.now = START + DAY;
		await expect(store.addAddendum(locked.id, { text: 'More.', practitionerId: prac.id, signature: typed() })).rejects.toMatchObject({ message: expect.stringMatching(/changed after it was signed\. An addendum cannot be added/) });
		expect(await store.db.addenda.count()).toBe(0);
	});

	it('reports an addendum removed, an addendum changed, and a head gone', async () => {
		const { store, locked, prac, clock } = await signedRecord();
		clock.now = START + DAY;
		await store.addAddendum(locked.id, { text: 'First.', practitionerId: prac.id, signature: typed() });
		clock.now = START + 2 * DAY;
		const last = await store.addAddendum(locked.id, { text: 'Second.', practitionerId: prac.id, signature: typed() });
		await store.db.addenda.put({ ...last, text: 'Second, rewritten.' });
		expect((await store.recordChain(locked.id)).check).toMatchObject({ ok: false, problem: expect.stringMatching(/addendum of .* was changed after it was signed/) });
		await store.db.addenda.delete(last.id);
		expect((await store.recordChain(locked.id)).check).toMatchObject({ ok: false, problem: 'The last addendum of this record is missing.' });
		await store.db.chainHeads.delete(locked.id);
		expect((await store.recordChain(locked.id)).check).toMatchObject({ ok: false, problem: expect.stringMatching(/last signed is missing/) });
	});

	it('a record changed while it is being signed is not locked: the signer is asked to look again', async () => {
		const { store, plan, prac, clock } = await setUp();
		const draft = await store.openRecord(plan.id);
		await store.editRecord(draft.id, { practitionerId: prac.id, startedAt: START, endedAt: START + HOUR }, { practitionerId: prac.id });
		clock.now = START + 2 * HOUR;
		const digest = crypto.subtle.digest.bind(crypto.subtle);
		// Another window edits the draft while this one hashes it (hashing runs outside a transaction).
		vi.spyOn(crypto.subtle, 'digest').mockImplementationOnce(async (alg, data) => {
			await store.editRecord(draft.id, { pressure: 'Light' }, { practitionerId: prac.id });
			return digest(alg, data);
		});
		await expect(store.finaliseRecord(draft.id, drawn())).rejects.toMatchObject({ kind: 'conflict', message: expect.stringMatching(/sign again/) });
		expect(await store.getRecord(draft.id)).toMatchObject({ status: 'draft', pressure: 'Light' });
		expect(await store.db.chainHeads.count()).toBe(0);
		vi.restoreAllMocks();
	});

	it('an addendum signed meanwhile in another window is not overwritten: the second is refused', async () => {
		const { store, locked, prac, clock } = await signedRecord();
		clock.now = START + DAY;
		const digest = crypto.subtle.digest.bind(crypto.subtle);
		let other: { id: string } | undefined;
		vi.spyOn(crypto.subtle, 'digest').mockImplementationOnce(async (alg, data) => {
			vi.restoreAllMocks();
			other = await store.addAddendum(locked.id, { text: 'From the other window.', practitionerId: prac.id, signature: typed() });
			return digest(alg, data);
		});
		await expect(store.addAddendum(locked.id, { text: 'From this window.', practitionerId: prac.id, signature: typed() })).rejects.toMatchObject({ kind: 'conflict' });
		const { entries, check } = await store.recordChain(locked.id);
		expect(entries.map((e) => e.entry.id)).toEqual([locked.id, other!.id]);
		expect(check.ok).toBe(true);
	});

	it('a row that claims to be a draft but carries a seal is still refused an edit', async () => {
		const { store, locked } = await signedRecord();
		const row = (await store.db.records.get(locked.id))!;
		await store.db.records.put({ ...row, status: 'draft' } as never);
		await expect(store.editRecord(locked.id, { a: 'x' }, { practitionerId: null })).rejects.toBeTruthy();
		expect((await store.db.records.get(locked.id))?.soap.a).toBe(locked.soap.a);
	});
});

describe('practitioners, client details and consents', () => {
	it('keeps practitioners, refusing a bad profile in words', async () => {
		const { store, prac, clock } = await setUp();
		clock.now = START;
		const changed = await store.savePractitioner({ ...prac, phone: '0411 222 333' }, prac.id);
		expect(changed).toMatchObject({ id: prac.id, phone: '0411 222 333', createdAt: prac.createdAt });
		expect(changed.updatedAt).toBeGreaterThan(prac.updatedAt);
		await expect(store.savePractitioner({ ...prac, phone: '1'.repeat(200) })).rejects.toMatchObject({ kind: 'validation', message: expect.stringMatching(/phone.*too long/i) });
		expect(await store.listPractitioners()).toHaveLength(1);
	});

	it('keeps a signed consent with the hash of its statement, and a withdrawal', async () => {
		const { store, client } = await setUp();
		const consents = await store.consents();
		const c = await consents.sign({ clientId: client.id, text: DEFAULT_CONSENT_TEXT, signer: 'client', signerName: 'Kim Lee', guardian: null, signature: drawn(), sensitiveAreas: [] }, []);
		expect(c.textHash).toMatch(/^[0-9a-f]{64}$/);
		const w = await consents.withdraw(c.id);
		expect(w.withdrawnAt).not.toBeNull();
		expect(await consents.of(client.id)).toEqual([w]);
		await expect(consents.sign({ clientId: 'nobody', text: DEFAULT_CONSENT_TEXT, signer: 'client', signerName: 'X Y', guardian: null, signature: typed('X Y'), sensitiveAreas: [] }, [])).rejects.toMatchObject({ kind: 'not-found' });
	});
});

describe('retention setting', () => {
	it('uses the clinic’s longer rule when set', async () => {
		const { store, locked, plan, clock } = await signedRecord();
		await store.setSetting(RETENTION_KEY, 'ten-years');
		clock.now = START + 8 * YEAR;
		await expect(store.deletePlan(plan.id)).rejects.toMatchObject({ message: expect.stringMatching(/cannot be deleted/) });
		clock.now = START + 11 * YEAR;
		await store.deletePlan(plan.id);
		expect(await store.getRecord(locked.id)).toBeUndefined();
	});
});
