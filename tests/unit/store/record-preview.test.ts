import { describe, expect, it } from 'vitest';
import { codeOf } from '$lib/domain/regions';
import { freshStore } from './helpers';
import { HOUR, START } from '../record/helpers';

describe('a record to print (previewRecord)', () => {
	it('gives a plan never opened the draft its Record tab would make, and writes nothing', async () => {
		const store = freshStore(() => START - HOUR);
		const { plan } = await store.createClientWithPlan({ name: 'Kim Lee' }, { title: 'Low back', date: '2026-12-03' });
		await store.addMark(plan.id, { region: codeOf('rhomboids-r'), patch: null, sensation: 'knot', intensity: 7, depth: 'surface', structure: null, pressure: null, note: 'worse at the desk', author: 'client' });
		const seen = await store.previewRecord(plan.id);
		expect(seen?.stored).toBe(false);
		expect(await store.db.records.count()).toBe(0);
		expect(await store.db.recordHistory.count()).toBe(0);
		// The same words as the draft the Record tab then stores.
		const opened = await store.openRecord(plan.id);
		const { id: _a, ...printed } = seen!.record;
		const { id: _b, ...kept } = opened;
		expect(printed).toEqual(kept);
		expect(printed.soap.s).toMatch(/knot or trigger point, 7\/10.*worse at the desk/);
	});

	it('gives the stored record once there is one, and null for a plan not on this device', async () => {
		const store = freshStore(() => START);
		const { plan } = await store.createClientWithPlan({ name: 'Kim Lee' }, { title: 'Low back', date: '2026-12-03' });
		const opened = await store.openRecord(plan.id);
		expect(await store.previewRecord(plan.id)).toEqual({ record: opened, stored: true });
		expect(await store.previewRecord('nope')).toBeNull();
	});
});
