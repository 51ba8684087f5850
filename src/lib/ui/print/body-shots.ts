/**
 * Still pictures of the body with its marks, for the printed sheet: a BodyScene on a hidden
 * canvas of a fixed size draws the front and the back once each, as the planner would (painted
 * marks per vertex, the rest as per-region tints), and is disposed at once. Both pictures are
 * cropped to the body (one crop, so they keep one scale) and kept as PNG data URLs: images print
 * reliably where a live WebGL canvas may come out blank.
 */
import type { BodyMesh } from '$lib/body/types';
import type { Mark, Patch } from '$lib/domain/records';
import { regionTints } from '$lib/domain/sensations';
import { BodyScene } from '$lib/scene/BodyScene';
import { Painter, markDrawing } from '$lib/ui/marks/painter';
import { cropBox, opaqueBox } from './sheet';

export interface BodyShots {
	/** PNG data URLs (transparent background), both of the same size. */
	front: string;
	back: string;
	/** Their size in pixels. */
	width: number;
	height: number;
}

/** Size drawn, in CSS pixels: sharp in print at about 4.5 × 9 cm once cropped to the body. */
const DRAW_WIDTH = 560;
const DRAW_HEIGHT = 900;

/** Draw `marks` on `mesh` and take the front and back views; null when WebGL is unavailable. */
export function bodyShots(mesh: BodyMesh, marks: readonly Mark[]): BodyShots | null {
	const canvas = document.createElement('canvas');
	canvas.setAttribute('aria-hidden', 'true');
	// Laid out (the scene sizes itself from the canvas) but off screen and out of the print.
	Object.assign(canvas.style, { position: 'fixed', left: '-10000px', top: '0', width: `${DRAW_WIDTH}px`, height: `${DRAW_HEIGHT}px` });
	document.body.append(canvas);
	const scene = new BodyScene();
	let views: (HTMLCanvasElement | null)[];
	try {
		scene.mount(canvas);
		if (scene.status !== 'ready') return null;
		scene.setMesh(mesh);
		const painter = new Painter(scene, mesh);
		painter.setSaved(marks.filter((m): m is Mark & { patch: Patch } => painter.fits(m.patch)).map(markDrawing));
		for (const t of regionTints(marks, (m) => painter.fits(m.patch))) scene.material.setOverlay(t.region, t.colour, t.strength);
		views = [scene.capture('front'), scene.capture('back')];
	} finally {
		scene.dispose();
		canvas.remove();
	}
	const [front, back] = views;
	if (!front || !back) return null;
	const { width, height } = front;
	const box = cropBox(
		[front, back].map((c) => opaqueBox(c.getContext('2d')!.getImageData(0, 0, width, height).data, width, height)),
		Math.round(width * 0.02),
		width,
		height
	);
	return { front: crop(front, box), back: crop(back, box), width: box.width, height: box.height };
}

function crop(source: HTMLCanvasElement, box: { x: number; y: number; width: number; height: number }): string {
	const out = document.createElement('canvas');
	out.width = box.width;
	out.height = box.height;
	out.getContext('2d')!.drawImage(source, box.x, box.y, box.width, box.height, 0, 0, box.width, box.height);
	return out.toDataURL('image/png');
}
