import { describe, expect, it } from 'vitest';
import { codeOf } from '$lib/domain/regions';
import { freshStore } from './helpers';

const TRAP_R = codeOf('upper-trapezius-r');

describe('a plan’s outcome and areas to avoid in the store', () => {
	it('saves an outcome and areas to avoid, and reads them back', async () => {
		const store = freshStore();
		const c = await store.createClient({ name: 'Kim' });
		const p = await store.createPlan(c.id, { title: 'T', date: '2026-11-23' });
		expect((await store.getPlan(p.id))?.outcome).toBeNull();
		const outcome = { done: 'Trigger points', response: 'Looser', advice: 'Heat', after: { [TRAP_R]: 2 } };
		await store.updatePlan(p.id, { outcome, status: 'done', avoid: [codeOf('knee-l')] });
		expect(await store.getPlan(p.id)).toMatchObject({ outcome, status: 'done', avoid: [codeOf('knee-l')] });
	});

	it('refuses an intensity afterwards out of range, text too long, or an unknown area, and keeps the plan', async () => {
		const store = freshStore();
		const c = await store.createClient({ name: 'Kim' });
		const p = await store.createPlan(c.id, { title: 'T', date: '2026-11-23' });
		const bad = { done: '', response: '', advice: '', after: { [TRAP_R]: 12 } };
		await expect(store.updatePlan(p.id, { outcome: bad })).rejects.toMatchObject({
			kind: 'validation',
			message: 'Intensity afterwards for Right top of the shoulder (upper trapezius) is a whole number from 0 to 10.'
		});
		await expect(store.updatePlan(p.id, { outcome: { ...bad, after: {}, advice: 'x'.repeat(5001) } })).rejects.toMatchObject({ kind: 'validation' });
		await expect(store.updatePlan(p.id, { avoid: [0] })).rejects.toMatchObject({ kind: 'validation' });
		expect(await store.getPlan(p.id)).toMatchObject({ outcome: null, avoid: [] });
	});

	it('completes old rows: no outcome is null, a partial outcome gets its missing fields, bad avoid codes go', async () => {
		const store = freshStore();
		const c = await store.createClient({ name: 'Kim' });
		const p = await store.createPlan(c.id, { title: 'T', date: '2026-11-23' });
		const row = await store.db.plans.get(p.id);
		const { outcome: _, avoid: __, ...old } = row!;
		await store.db.plans.put(old as never);
		expect(await store.getPlan(p.id)).toMatchObject({ outcome: null, avoid: [] });

		await store.db.plans.put({ ...old, outcome: { done: 'Neck' }, avoid: [TRAP_R, TRAP_R, 99] } as never);
		expect(await store.getPlan(p.id)).toMatchObject({
			outcome: { done: 'Neck', response: '', advice: '', after: {} },
			avoid: [TRAP_R]
		});
		// A normalised old row can be written again.
		await expect(store.updatePlan(p.id, { title: 'Again' })).resolves.toMatchObject({ title: 'Again' });
	});
});
