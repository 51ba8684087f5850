import { describe, expect, it } from 'vitest';
import { codeOf } from '$lib/domain/regions';
import { freshStore } from './helpers';

describe('erasing everything (the way back in when the PIN is forgotten)', () => {
	it('leaves no client, plan, mark, setting (the PIN included) or hand-off digest', async () => {
		const store = freshStore();
		const { plan } = await store.createClientWithPlan({ name: 'Kim' }, { title: 'Back', date: '2026-11-23' });
		await store.addMark(plan.id, { region: codeOf('rhomboids-r'), patch: null, sensation: 'knot', intensity: 6, depth: 'surface', structure: null, pressure: null, note: '', author: 'client' });
		await store.setSetting('pinHash', { salt: 'x', hash: 'y' });
		await store.db.handoffs.add({ digest: 'd'.repeat(64), planId: plan.id, importedAt: 1 });
		await store.eraseEverything();
		const counts = await Promise.all(store.db.tables.map((t) => t.count()));
		expect(store.db.tables.map((t) => t.name)).toEqual(['clients', 'plans', 'marks', 'settings', 'handoffs']);
		expect(counts).toEqual([0, 0, 0, 0, 0]);
		// The store works as before afterwards.
		await store.createClient({ name: 'New start' });
		expect((await store.listClients()).map((c) => c.name)).toEqual(['New start']);
	});
});
