import { describe, expect, it } from 'vitest';
import { codeOf } from '$lib/domain/regions';
import { freshStore } from './helpers';

describe('erasing everything (the way back in when the PIN is forgotten)', () => {
	it('leaves no client, plan, mark, setting (the PIN included), hand-off digest or treatment record', async () => {
		const store = freshStore();
		const { plan } = await store.createClientWithPlan({ name: 'Kim' }, { title: 'Back', date: '2026-11-23' });
		await store.addMark(plan.id, { region: codeOf('rhomboids-r'), patch: null, sensation: 'knot', intensity: 6, depth: 'surface', structure: null, pressure: null, note: '', author: 'client' });
		await store.setSetting('pinHash', { salt: 'x', hash: 'y' });
		await store.db.handoffs.add({ digest: 'd'.repeat(64), planId: plan.id, importedAt: 1 });
		// The treatment record's tables too (a draft, its history, a practitioner).
		const record = await store.openRecord(plan.id);
		await store.editRecord(record.id, { a: 'Responded well.' }, { practitionerId: null });
		await store.savePractitioner({ fullName: 'Alex Moreno', qualification: '', association: '', membershipNumber: '', providerNumbers: [], businessName: '', taxNumber: '', address: '', phone: '' });
		// A deletion kept with its reason (schema v4).
		const other = await store.createClientWithPlan({ name: 'Lee' }, { title: 'Neck', date: '2026-11-23' });
		await store.updatePlan(other.plan.id, { status: 'done' });
		await store.deletePlan(other.plan.id, { reason: 'Entered for the wrong client', practitionerId: null });
		expect(await store.listDeletions()).toHaveLength(1);
		await store.eraseEverything();
		const counts = await Promise.all(store.db.tables.map((t) => t.count()));
		expect(store.db.tables.map((t) => t.name)).toEqual([
			'clients', 'plans', 'marks', 'settings', 'handoffs',
			'practitioners', 'clientDetails', 'consents', 'records', 'recordHistory', 'addenda', 'chainHeads', 'deletions'
		]);
		expect(counts).toEqual(counts.map(() => 0));
		// The store works as before afterwards.
		await store.createClient({ name: 'New start' });
		expect((await store.listClients()).map((c) => c.name)).toEqual(['New start']);
	});
});
