/**
 * Saving the painting in progress: a new painted mark, or the repainted mark's new area. A repaint
 * writes only the painting and what was changed in its form, over the mark as it was when the
 * repaint began, so what another tab saved meanwhile stays; when the two clash, the session follows
 * the stored mark (saving again keeps this tab's version) and the clash is thrown for the form.
 */
import type { MarkInput } from '$lib/domain/marks';
import type { Mark } from '$lib/domain/records';
import type { Store } from '$lib/store';
import { RepaintClash, saveRepaint, type StepField } from './mark-steps';
import type { PaintSession } from './paint-session.svelte';

export interface SavedPainting {
	mark: Mark;
	/** The repainted mark as it was, with the fields written; null for a new mark. */
	repaint: { before: Mark; fields: StepField[] } | null;
}

export async function savePainting(store: Store, paint: PaintSession, planId: string, input: MarkInput): Promise<SavedPainting> {
	const patch = paint.patch();
	if (!patch) throw new Error('Nothing is painted yet: paint on the body first.');
	const value = { ...input, region: patch.regions[0].region, patch };
	const before = paint.repainting;
	if (!before) return { mark: await store.addMark(planId, value), repaint: null };
	try {
		const { mark, fields } = await saveRepaint(store, before, value);
		return { mark, repaint: { before, fields } };
	} catch (e) {
		if (e instanceof RepaintClash) paint.settleRepaint(e.stored);
		throw e;
	}
}
