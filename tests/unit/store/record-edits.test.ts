import { describe, expect, it } from 'vitest';
import { StoreError } from '$lib/store';
import { freshStore } from './helpers';

describe('editing a draft record with what the form last saw', () => {
	it('writes when the fields are as expected, and refuses as a conflict (writing nothing) when another window changed one', async () => {
		const store = freshStore();
		const { plan } = await store.createClientWithPlan({ name: 'Kim Lee' }, { title: 'Neck', date: '2026-12-03' });
		const draft = await store.openRecord(plan.id);
		const one = await store.editRecord(draft.id, { a: 'Less guarding' }, { practitionerId: null }, { a: '' });
		expect(one.soap.a).toBe('Less guarding');
		// Another window wrote "Less guarding"; this one still thinks A is empty.
		const err = await store.editRecord(draft.id, { a: 'Mine' }, { practitionerId: null }, { a: '' }).catch((e) => e);
		expect(err).toBeInstanceOf(StoreError);
		expect(err.kind).toBe('conflict');
		expect((await store.getRecord(draft.id))?.soap.a).toBe('Less guarding');
		expect(await store.recordHistory(draft.id)).toHaveLength(1);
	});

	it('refuses any edit of a signed record in words, whatever the form last saw', async () => {
		const store = freshStore();
		const { plan } = await store.createClientWithPlan({ name: 'Kim Lee' }, { title: 'Neck', date: '2026-12-03' });
		const prac = await store.savePractitioner({ fullName: 'Dana Reyes', qualification: '', association: '', membershipNumber: '', providerNumbers: [], businessName: '', taxNumber: '', address: '', phone: '' });
		const draft = await store.openRecord(plan.id);
		const now = Date.now();
		await store.editRecord(draft.id, { practitionerId: prac.id, startedAt: now - 3_600_000, endedAt: now - 60_000 }, { practitionerId: prac.id });
		const locked = await store.finaliseRecord(draft.id, { kind: 'typed', name: 'Dana Reyes' });
		const err = await store.editRecord(draft.id, { a: 'Later' }, { practitionerId: prac.id }, { a: '' }).catch((e) => e);
		expect(err).toMatchObject({ kind: 'validation', message: expect.stringMatching(/was signed on .* and can no longer be changed\. Add an addendum/) });
		expect(await store.getRecord(draft.id)).toEqual(locked);
	});
});
