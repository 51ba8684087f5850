/**
 * Saving a painting: a new one becomes a painted mark (at the first choice of what it feels like);
 * a repainted mark's area is written as it is painted, at each finished stroke, clear or undo.
 * A repaint writes only the painting, over the mark as this tab last saved it, so the form's own
 * saves and what another tab saved meanwhile stay; when another tab changed the painting too, the
 * session follows the stored mark and the clash is thrown (the next stroke saves this tab's).
 * A signed record's marks never change: a repaint of one ends, its refusal said in words.
 */
import type { MarkInput } from '$lib/domain/marks';
import { sameValue } from '$lib/domain/merge';
import { MARKS_SEALED } from '$lib/domain/record/locked';
import type { Mark } from '$lib/domain/records';
import type { Store } from '$lib/store';
import { RepaintClash, saveRepaint } from './mark-steps';
import type { PaintSession } from './paint-session.svelte';

export async function savePainting(store: Store, paint: PaintSession, planId: string, input: MarkInput): Promise<Mark> {
	const patch = paint.patch();
	if (!patch) throw new Error('Nothing is painted yet: paint on the body first.');
	return store.addMark(planId, { ...input, region: patch.regions[0].region, patch });
}

/**
 * The repaint's area as painted now, written to its mark; null when there is nothing to write (no
 * repaint, all of it erased — the mark keeps its last area — or already as stored).
 */
export async function saveRepaintedArea(store: Store, paint: PaintSession): Promise<Mark | null> {
	const before = paint.repainting;
	const patch = paint.patch();
	if (!before || !patch || sameValue(patch, before.patch)) return null;
	const { sensation, intensity, depth, structure, pressure, note, author } = before;
	try {
		const { mark } = await saveRepaint(store, before, { sensation, intensity, depth, structure, pressure, note, author, region: patch.regions[0].region, patch });
		paint.saved(mark);
		return mark;
	} catch (e) {
		if (e instanceof RepaintClash) paint.settleRepaint(e.stored);
		// Signed meanwhile (a closed tab's stroke taken up later): it can never be written, so the repaint ends.
		else if (e instanceof Error && e.message === MARKS_SEALED) paint.finish();
		throw e;
	}
}
