/**
 * A repaint saved as it is painted (save-painting.saveRepaintedArea): only the painting is
 * written, over the mark as this tab last saved it; nothing is written when all of it is erased
 * or it is already as stored; a signed record refuses it in words and the repaint ends.
 */
import { describe, expect, it } from 'vitest';
import type { Mark, Patch } from '$lib/domain/records';
import { codeOf } from '$lib/domain/regions';
import { saveRepaintedArea } from '$lib/ui/marks/save-painting';
import type { PaintSession } from '$lib/ui/marks/paint-session.svelte';
import { freshStore } from '../store/helpers';
import { markInput } from '../fixtures';
import { HOUR, START, drawn, practitioner } from '../record/helpers';

const patch = (vertices: number[], region = codeOf('upper-trapezius-l')): Patch => ({
	modelVersion: 'female:abc',
	vertices: Uint32Array.from(vertices),
	weights: Uint8Array.from(vertices.map(() => 200)),
	regions: [{ region, area: 12.5 }]
});

/** What saveRepaintedArea asks of the paint session: the mark repainted, the painting now, and what it is told. */
function paintOf(repainting: Mark, now: Patch | null) {
	const told: string[] = [];
	const paint = {
		repainting: repainting as Mark | null,
		patch: () => now,
		saved(m: Mark) {
			told.push('saved');
			this.repainting = m;
		},
		settleRepaint: () => told.push('settle'),
		finish() {
			told.push('finish');
			this.repainting = null;
		}
	};
	return { paint, told, session: paint as unknown as PaintSession };
}

async function painted(sign = false) {
	const clock = { now: START - HOUR };
	const store = freshStore(() => (clock.now += 1000));
	const { plan } = await store.createClientWithPlan({ name: 'Rae' }, { title: 'Low back', date: '2026-12-03' });
	const mark = await store.addMark(plan.id, markInput({ region: codeOf('upper-trapezius-l'), patch: patch([1, 2, 3]), note: 'tight' }));
	if (sign) {
		const { id: _i, createdAt: _c, updatedAt: _u, ...fields } = practitioner();
		const prac = await store.savePractitioner(fields);
		const draft = await store.openRecord(plan.id);
		await store.editRecord(draft.id, { practitionerId: prac.id, startedAt: START, endedAt: START + HOUR }, { practitionerId: prac.id });
		clock.now = START + 2 * HOUR;
		await store.finaliseRecord(draft.id, drawn());
	}
	return { store, mark: (await store.db.marks.get(mark.id))! };
}

describe('a repaint saved as it is painted', () => {
	it('writes only the painting (and its main region), keeping a note another tab saved meanwhile', async () => {
		const { store, mark } = await painted();
		await store.updateMark(mark.id, { note: 'worse today' }, { note: 'tight' }); // another tab
		const { paint, told, session } = paintOf(mark, patch([1, 2, 3, 4], codeOf('rhomboids-r')));
		const written = await saveRepaintedArea(store, session);
		const stored = (await store.db.marks.get(mark.id))!;
		expect([...stored.patch!.vertices]).toEqual([1, 2, 3, 4]);
		expect(stored.region).toBe(codeOf('rhomboids-r'));
		expect(stored.note).toBe('worse today');
		expect(told).toEqual(['saved']);
		expect(paint.repainting).toEqual(written);
	});

	it('writes nothing when all of it is erased (the mark keeps its area) or when it is as stored', async () => {
		const { store, mark } = await painted();
		for (const now of [null, patch([1, 2, 3])]) {
			const { told, session } = paintOf(mark, now);
			expect(await saveRepaintedArea(store, session)).toBeNull();
			expect(told).toEqual([]);
		}
		expect((await store.db.marks.get(mark.id))!.updatedAt).toBe(mark.updatedAt);
	});

	it('on a signed record it is refused in words, nothing changes, and the repaint ends', async () => {
		const { store, mark } = await painted(true);
		const { paint, told, session } = paintOf(mark, patch([7, 8]));
		await expect(saveRepaintedArea(store, session)).rejects.toThrow("This session's record is signed: its marks cannot change.");
		expect(told).toEqual(['finish']);
		expect(paint.repainting).toBeNull();
		expect([...(await store.db.marks.get(mark.id))!.patch!.vertices]).toEqual([1, 2, 3]);
	});
});
