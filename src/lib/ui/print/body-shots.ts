/**
 * Still pictures of the body with its marks, for the printed sheet: a BodyScene on a hidden
 * canvas of a fixed size draws the front and the back once each, as the planner would (painted
 * marks per vertex, the rest as per-region tints), and is disposed at once. Images print
 * reliably where a live WebGL canvas may come out blank.
 */
import type { BodyMesh } from '$lib/body/types';
import type { Mark, Patch } from '$lib/domain/records';
import { regionTints } from '$lib/domain/sensations';
import { BodyScene } from '$lib/scene/BodyScene';
import { Painter, markDrawing } from '$lib/ui/marks/painter';

export interface BodyShots {
	/** PNG data URLs (transparent background). */
	front: string;
	back: string;
}

/** Size drawn, in CSS pixels: tall enough for a sharp print at about 5 × 10 cm. */
export const SHOT_WIDTH = 440;
export const SHOT_HEIGHT = 880;

/** Draw `marks` on `mesh` and take the front and back views; null when WebGL is unavailable. */
export function bodyShots(mesh: BodyMesh, marks: readonly Mark[]): BodyShots | null {
	const canvas = document.createElement('canvas');
	canvas.setAttribute('aria-hidden', 'true');
	// Laid out (the scene sizes itself from the canvas) but off screen and out of the print.
	Object.assign(canvas.style, {
		position: 'fixed',
		left: '-10000px',
		top: '0',
		width: `${SHOT_WIDTH}px`,
		height: `${SHOT_HEIGHT}px`
	});
	document.body.append(canvas);
	const scene = new BodyScene();
	try {
		scene.mount(canvas);
		if (scene.status !== 'ready') return null;
		scene.setMesh(mesh);
		const painter = new Painter(scene, mesh);
		painter.setSaved(marks.filter((m): m is Mark & { patch: Patch } => painter.fits(m.patch)).map(markDrawing));
		for (const t of regionTints(marks, (m) => painter.fits(m.patch))) scene.material.setOverlay(t.region, t.colour, t.strength);
		const front = scene.capture('front');
		const back = scene.capture('back');
		return front && back ? { front, back } : null;
	} finally {
		scene.dispose();
		canvas.remove();
	}
}
