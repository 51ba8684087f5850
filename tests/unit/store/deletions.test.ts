import { describe, expect, it } from 'vitest';
import type { ClientDetails } from '$lib/domain/record/types';
import { RETENTION_KEY } from '$lib/store/record-cascade';
import { freshStore } from './helpers';
import { DAY, HOUR, START, drawn, practitioner } from '../record/helpers';

const YEAR = 365 * DAY;
const WHY = { reason: 'The client asked for their records to go to their new clinic', practitionerId: null };

async function setUp() {
	const clock = { now: START - HOUR };
	const store = freshStore(() => clock.now);
	const { client, plan } = await store.createClientWithPlan({ name: 'Kim Lee' }, { title: 'Low back', date: '2026-12-03' });
	const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = practitioner();
	const prac = await store.savePractitioner(fields);
	return { store, clock, client, plan, prac };
}

describe('deleting with a reason', () => {
	it('a plan never carried out or recorded goes without a reason, and leaves no deletion row', async () => {
		const { store, plan } = await setUp();
		expect(await store.deletionCheck({ kind: 'plan', id: plan.id })).toMatchObject({ allowed: true, needsReason: false, sessions: 0, signed: 0 });
		await store.deletePlan(plan.id);
		expect(await store.getPlan(plan.id)).toBeUndefined();
		expect(await store.listDeletions()).toEqual([]);
	});

	it('a done session inside its period needs a reason: refused without one, and the reason is kept with the deletion', async () => {
		const { store, client, plan, prac, clock } = await setUp();
		await store.updatePlan(plan.id, { status: 'done' });
		const check = await store.deletionCheck({ kind: 'client', id: client.id });
		expect(check).toMatchObject({ allowed: true, needsReason: true, sessions: 1, signed: 0, plans: 1 });
		expect(check.reasons.join(' ')).toMatch(/Treatment records must be kept\. Kept until .*2033/);
		await expect(store.deleteClient(client.id)).rejects.toMatchObject({ kind: 'validation', message: expect.stringMatching(/^Nothing was deleted\. Treatment records must be kept\..*Please give the reason for deleting it\.$/) });
		await expect(store.deleteClient(client.id, { reason: '  x ', practitionerId: null })).rejects.toMatchObject({ kind: 'validation' });
		expect(await store.getClient(client.id)).toBeDefined();
		expect(await store.listDeletions()).toEqual([]);

		clock.now = START + DAY;
		await store.deleteClient(client.id, { ...WHY, practitionerId: prac.id });
		expect(await store.getClient(client.id)).toBeUndefined();
		expect(await store.getPlan(plan.id)).toBeUndefined();
		const [row] = await store.listDeletions();
		expect(row).toMatchObject({ kind: 'client', clientId: client.id, clientName: 'Kim Lee', planIds: [plan.id], sessions: 1, signed: 0, at: START + DAY, reason: WHY.reason, practitionerId: prac.id, practitionerName: 'Alex Moreno' });
		// Never the health data: no plan title, notes, marks or details in the row.
		expect(JSON.stringify(row)).not.toMatch(/Low back/);
	});

	it('a draft record counts too, and its deletion row lists the record', async () => {
		const { store, plan } = await setUp();
		const draft = await store.openRecord(plan.id);
		await expect(store.deletePlan(plan.id)).rejects.toMatchObject({ kind: 'validation' });
		await store.deletePlan(plan.id, WHY);
		expect(await store.getRecord(draft.id)).toBeUndefined();
		expect(await store.listDeletions()).toMatchObject([{ kind: 'plan', recordIds: [draft.id], reason: WHY.reason, practitionerId: null, practitionerName: '' }]);
	});

	it('a signed record inside its period: the check says so before, and the deletion is refused whole even with a reason', async () => {
		const { store, client, plan, prac, clock } = await setUp();
		const other = await store.createPlan(client.id, { title: 'Neck', date: '2026-12-01' });
		const draft = await store.openRecord(plan.id);
		await store.editRecord(draft.id, { practitionerId: prac.id, startedAt: START, endedAt: START + HOUR }, { practitionerId: prac.id });
		clock.now = START + 2 * HOUR;
		await store.finaliseRecord(draft.id, drawn());
		const check = await store.deletionCheck({ kind: 'client', id: client.id });
		expect(check).toMatchObject({ allowed: false, needsReason: false, sessions: 1, signed: 1, plans: 2 });
		expect(check.reasons[0]).toMatch(/A signed record cannot be deleted before its keeping period ends\. Kept until/);
		await expect(store.deleteClient(client.id, WHY)).rejects.toMatchObject({ kind: 'validation', message: expect.stringMatching(/^Nothing was deleted\./) });
		await expect(store.deletePlan(plan.id, WHY)).rejects.toMatchObject({ kind: 'validation' });
		expect(await store.getPlan(other.id)).toBeDefined();
		expect(await store.getClient(client.id)).toBeDefined();
		expect(await store.listDeletions()).toEqual([]);
		// Another plan of theirs, never carried out, still goes freely.
		await store.deletePlan(other.id);
		expect(await store.getPlan(other.id)).toBeUndefined();
	});

	it('past the period (the clinic’s rule, a minor until 25) it goes with no reason, and the deletion is still logged', async () => {
		const { store, client, plan, clock } = await setUp();
		await store.updatePlan(plan.id, { status: 'done' });
		const details: ClientDetails = {
			dateOfBirth: '2012-05-01', gender: '', address: '', emergencyContact: null, referrer: '', occupation: '', medicalHistory: '',
			medications: '', allergies: '', pregnancy: 'not-asked', pregnancyNote: '', guardian: { name: 'Sam Lee', relationship: 'Mother', phone: '' }
		};
		await store.setClientDetails(client.id, details);
		await store.setSetting(RETENTION_KEY, 'ten-years');
		clock.now = START + 11 * YEAR; // past 10 years, but the client is 25, not yet 28
		expect((await store.deletionCheck({ kind: 'plan', id: plan.id })).reasons.join(' ')).toMatch(/until they turn 28/);
		clock.now = new Date(2040, 4, 2).getTime();
		expect(await store.deletionCheck({ kind: 'plan', id: plan.id })).toMatchObject({ allowed: true, needsReason: false, sessions: 1 });
		await store.deleteClient(client.id);
		expect(await store.listDeletions()).toMatchObject([{ kind: 'client', clientName: 'Kim Lee', reason: '' }]);
	});

	it('a client with a signed consent inside its period (no sessions) needs a reason like one with records; the row counts the consent', async () => {
		const { store, client, plan, clock } = await setUp();
		await store.deletePlan(plan.id);
		await (await store.consents()).sign({ clientId: client.id, text: 'I agree.', signer: 'client', signerName: 'Kim Lee', guardian: null, signature: drawn(), sensitiveAreas: [] }, []);
		const check = await store.deletionCheck({ kind: 'client', id: client.id });
		expect(check).toMatchObject({ allowed: true, needsReason: true, sessions: 0, consents: 1 });
		expect(check.reasons.join(' ')).toMatch(/^A signed consent is part of the clinical record and must be kept\. Kept until .*2033: 7 years after it was signed on .* Deleting it now needs a reason, which is kept\.$/);
		await expect(store.deleteClient(client.id)).rejects.toMatchObject({ kind: 'validation', message: expect.stringMatching(/^Nothing was deleted\. A signed consent is part of the clinical record/) });
		expect(await store.getClient(client.id)).toBeDefined();
		await store.deleteClient(client.id, WHY);
		expect(await store.listDeletions()).toMatchObject([{ kind: 'client', sessions: 0, signed: 0, consents: 1, reason: WHY.reason }]);
		// Past the period, the consent needs no reason.
		const later = await store.createClient({ name: 'Ada Old' });
		await (await store.consents()).sign({ clientId: later.id, text: 'I agree.', signer: 'client', signerName: 'Ada Old', guardian: null, signature: drawn(), sensitiveAreas: [] }, []);
		clock.now += 8 * YEAR;
		expect(await store.deletionCheck({ kind: 'client', id: later.id })).toMatchObject({ needsReason: false, consents: 1 });
	});

	it('the deletion row and the deletion are one transaction: a failed delete keeps the client and writes no row', async () => {
		const { store, client, plan } = await setUp();
		await store.updatePlan(plan.id, { status: 'done' });
		store.db.clients.hook('deleting', () => {
			throw new DOMException('disk full', 'QuotaExceededError');
		});
		await expect(store.deleteClient(client.id, WHY)).rejects.toMatchObject({ kind: 'quota' });
		expect(await store.getClient(client.id)).toBeDefined();
		expect(await store.listDeletions()).toEqual([]);
	});

	it('names a target that is gone', async () => {
		const { store } = await setUp();
		await expect(store.deletionCheck({ kind: 'plan', id: 'nope' })).rejects.toMatchObject({ kind: 'not-found' });
		await expect(store.deleteClient('nope', WHY)).rejects.toMatchObject({ kind: 'not-found' });
	});
});

describe('client details as the client page saves them', () => {
	it('reads empty details for a client with none, versioned by the client row; a patch moves the version and refuses a stale base', async () => {
		const { store, client } = await setUp();
		const form = await store.clientDetailsForm(client.id);
		expect(form).toMatchObject({ id: client.id, updatedAt: client.updatedAt, dateOfBirth: null, pregnancy: 'not-asked', guardian: null });
		const a = await store.updateClientDetails(client.id, { dateOfBirth: '2010-04-03', allergies: 'Nut oils' }, { dateOfBirth: null, allergies: '' });
		expect(a.updatedAt).toBeGreaterThan(client.updatedAt);
		expect((await store.getClient(client.id))?.updatedAt).toBe(a.updatedAt);
		// A blank person is none; an empty date is none.
		const b = await store.updateClientDetails(client.id, { guardian: { name: ' ', relationship: '', phone: '' }, occupation: 'Nurse' });
		expect(b).toMatchObject({ guardian: null, occupation: 'Nurse', allergies: 'Nut oils', dateOfBirth: '2010-04-03' });
		// Another tab changed the allergies since this one read them.
		await expect(store.updateClientDetails(client.id, { allergies: 'None' }, { allergies: '' })).rejects.toMatchObject({ kind: 'conflict' });
		await expect(store.updateClientDetails(client.id, { emergencyContact: { name: '', relationship: 'Partner', phone: '0400' } })).rejects.toMatchObject({
			kind: 'validation', message: expect.stringMatching(/emergency contact's name/)
		});
		expect(await store.getClientDetails(client.id)).toMatchObject({ allergies: 'Nut oils', emergencyContact: null });
		expect(await store.clientDetailsForm('nobody')).toBeUndefined();
	});
});
