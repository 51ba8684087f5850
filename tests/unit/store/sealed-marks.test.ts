/**
 * A signed session's marks are part of its record (QA session 9, item 1): every way the store
 * writes a plan's marks is refused once the plan's record is locked, and leaves them as they were;
 * a draft record changes nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Store } from '$lib/store/store';
import type { Id, Mark } from '$lib/domain/records';
import { codeOf } from '$lib/domain/regions';
import { StoreError } from '$lib/store/errors';
import { freshStore } from './helpers';
import { markInput } from '../fixtures';
import { HOUR, START, drawn, practitioner } from '../record/helpers';

const SEALED = /This session's record is signed: its marks cannot change\. Add an addendum to correct it\./;

/** A plan with a knot and a carried-over mark; `sign` signs its record, else it stays a draft. */
async function setUp(sign: boolean) {
	const clock = { now: START - HOUR };
	const store = freshStore(() => (clock.now += 1000));
	const { plan } = await store.createClientWithPlan({ name: 'Margaret Lee' }, { title: 'Session', date: '2026-12-03' });
	const knot = await store.addMark(plan.id, markInput({ region: codeOf('rhomboids-r'), sensation: 'knot', intensity: 7 }));
	const old = await store.addMark(plan.id, markInput({ region: codeOf('upper-trapezius-l'), sensation: 'tension', intensity: 4 }));
	await store.db.marks.update(old.id, { carried: true });
	const { id: _i, createdAt: _c, updatedAt: _u, ...fields } = practitioner();
	const prac = await store.savePractitioner(fields);
	const draft = await store.openRecord(plan.id);
	await store.editRecord(draft.id, { practitionerId: prac.id, startedAt: START, endedAt: START + HOUR }, { practitionerId: prac.id });
	clock.now = START + 2 * HOUR; // signed once the session is over
	if (sign) await store.finaliseRecord(draft.id, drawn());
	return { store, plan, knot, old: (await store.db.marks.get(old.id))! };
}

const rows = (store: Store, planId: Id) => store.db.marks.where('planId').equals(planId).sortBy('createdAt');

/** Each write of the marks, by name. */
function writes(store: Store, planId: Id, knot: Mark, old: Mark): [string, () => Promise<unknown>][] {
	return [
		['add', () => store.addMark(planId, markInput({ region: codeOf('gastrocnemius-l'), sensation: 'sharp', intensity: 8 }))],
		['update', () => store.updateMark(knot.id, { intensity: 2 })],
		['remove', () => store.removeMark(knot.id)],
		['restore (undo)', () => store.restoreMarks([{ ...knot, intensity: 1 }])],
		['restore of a mark taken out', () => store.restoreMarks([{ ...knot, id: 'put-back', region: codeOf('gastrocnemius-r') }], { 'put-back': null })],
		['confirm a carried mark', () => store.updateMark(old.id, { carried: false })],
		['keep carried marks', () => store.settleCarried(planId, 'keep')],
		['clear carried marks', () => store.settleCarried(planId, 'clear')]
	];
}

describe("a signed session's marks", () => {
	it('refuses every write to the marks of a plan whose record is signed, in words, and keeps them as they were', async () => {
		const { store, plan, knot, old } = await setUp(true);
		const before = await rows(store, plan.id);
		const planBefore = await store.db.plans.get(plan.id);
		expect(before).toHaveLength(2);
		for (const [name, run] of writes(store, plan.id, knot, old)) {
			const refused = await run().then(
				() => null,
				(e: unknown) => e
			);
			expect(refused, name).toBeInstanceOf(StoreError);
			expect((refused as StoreError).message, name).toMatch(SEALED);
			expect(await rows(store, plan.id), name).toEqual(before);
			expect(await store.db.plans.get(plan.id), name).toEqual(planBefore);
		}
	});

	it('still reads, lists and starts a follow-up from a signed session', async () => {
		const { store, plan } = await setUp(true);
		expect(await store.marksSealed(plan.id)).toMatch(SEALED);
		expect(await store.listMarks(plan.id)).toHaveLength(2);
		const next = await store.createFollowUp(plan.id);
		expect(await store.marksSealed(next.plan.id)).toBeNull();
		// The new session's carried copies are its own: settling them is not refused.
		expect(await store.settleCarried(next.plan.id, 'keep')).toHaveLength(2);
	});

	it('takes every write while the record is a draft', async () => {
		for (const [i, name] of ['add', 'update', 'remove', 'restore (undo)', 'restore of a mark taken out', 'confirm a carried mark', 'keep carried marks', 'clear carried marks'].entries()) {
			const { store, plan, knot, old } = await setUp(false);
			expect(await store.marksSealed(plan.id)).toBeNull();
			const before = await rows(store, plan.id);
			const [label, run] = writes(store, plan.id, knot, old)[i];
			expect(label).toBe(name);
			await run();
			expect(await rows(store, plan.id), name).not.toEqual(before);
		}
	});
});
