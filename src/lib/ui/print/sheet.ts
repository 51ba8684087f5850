/**
 * The printed session sheet's own small rules, pure: which marks are drawn on its body views,
 * which colours its legend explains and how much to shrink the type so a sheet fits one page
 * (never below 9 pt; ./pages runs a longer one over more pages). What the sheet says about the plan comes from `summarisePlan`; nothing here repeats
 * those rules.
 */
import type { Mark, Plan } from '$lib/domain/records';
import { regionByCode, shortLabel } from '$lib/domain/regions';
import { AUTHOR_LABELS, SENSATION_INFO, sensationInfo, type SensationInfo } from '$lib/domain/sensations';

/** The marks the body views show: all of them, unless the plan says "no pain or tension today". */
export function sheetMarks(plan: Pick<Plan, 'noPain'>, marks: readonly Mark[]): readonly Mark[] {
	return plan.noPain ? [] : marks;
}

/** The sensations drawn on the sheet, in the legend's usual order (only those that appear). */
export function legendFor(marks: readonly Pick<Mark, 'sensation'>[]): SensationInfo[] {
	const used = new Set(marks.map((m) => m.sensation));
	return SENSATION_INFO.filter((s) => used.has(s.id));
}

/** A mark that says more than its colour: where, what, and the words written with it. */
export interface MarkLine {
	id: string;
	/** e.g. 'Left low back beside spine', 'Right calf and 2 more'. */
	place: string;
	/** e.g. 'Aching pain 8/10, deep (quadratus lumborum), by the therapist'. */
	what: string;
	note: string;
}

/** The marks with a note or a deep structure, oldest first: what the body views cannot show. */
export function markLines(marks: readonly Mark[]): MarkLine[] {
	return marks
		.filter((m) => m.note.trim() || m.depth === 'deep')
		.map((m) => {
			const region = regionByCode(m.region ?? 0);
			const more = (m.patch?.regions.length ?? 1) - 1;
			const place = region ? `${shortLabel(region)}${more > 0 ? ` and ${more} more` : ''}` : 'Painted area';
			const deep = m.depth === 'deep' ? `, deep${m.structure ? ` (${m.structure})` : ''}` : '';
			const strength = m.sensation === 'avoid' ? '' : ` ${m.intensity}/10`;
			const what = `${sensationInfo(m.sensation).label}${strength}${deep}, by the ${AUTHOR_LABELS[m.author].toLowerCase()}`;
			return { id: m.id, place, what, note: m.note.trim() };
		});
}

/** The sheet's type size at scale 1, and the smallest any text on it may print at (points). */
export const BASE_PT = 10.5;
export const MIN_PT = 9;

/** Type scales tried in turn, largest first; the last keeps the body text at `MIN_PT`. */
export const FIT_SCALES = [1, 0.93, MIN_PT / BASE_PT] as const;

/**
 * The largest type scale at which the sheet fits one page: `heightAt(scale)` measures the
 * laid-out sheet (CSS px) at that scale, `page` is the printable height (CSS px). Null when even
 * the smallest is too tall: the type is never shrunk below `MIN_PT`; the sheet goes on over pages.
 */
export function fitScale(heightAt: (scale: number) => number, page: number): number | null {
	for (const scale of FIT_SCALES) if (heightAt(scale) <= page) return scale;
	return null;
}

/** Millimetres to CSS pixels (96 per inch), for comparing layout with the paper. */
export const mmToPx = (mm: number): number => (mm * 96) / 25.4;

/** A rectangle of pixels. */
export interface PixelBox {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** The smallest box holding every pixel of RGBA data (row by row) whose alpha is at least `threshold`; null when none is. */
export function opaqueBox(rgba: ArrayLike<number>, width: number, height: number, threshold = 8): PixelBox | null {
	let x0 = width;
	let y0 = height;
	let x1 = -1;
	let y1 = -1;
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			if (rgba[(y * width + x) * 4 + 3] < threshold) continue;
			if (x < x0) x0 = x;
			if (x > x1) x1 = x;
			if (y < y0) y0 = y;
			y1 = y;
		}
	}
	return x1 < 0 ? null : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/**
 * One crop for several pictures of the same size, so they keep one scale side by side: the box
 * around all of them, grown by `pad` pixels each way and kept inside `width` × `height`.
 */
export function cropBox(boxes: readonly (PixelBox | null)[], pad: number, width: number, height: number): PixelBox {
	const found = boxes.filter((b): b is PixelBox => b !== null);
	if (!found.length) return { x: 0, y: 0, width, height };
	const x0 = Math.max(0, Math.min(...found.map((b) => b.x)) - pad);
	const y0 = Math.max(0, Math.min(...found.map((b) => b.y)) - pad);
	const x1 = Math.min(width, Math.max(...found.map((b) => b.x + b.width)) + pad);
	const y1 = Math.min(height, Math.max(...found.map((b) => b.y + b.height)) + pad);
	return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * How much the on-screen preview is shrunk to fit `available` CSS px across: a page is its
 * printable width plus the paper's margins either side. Never enlarged; printing is not scaled.
 */
export function previewZoom(available: number, pageWidthMm = 186 + 2 * 12, edgePx = 4): number {
	const page = mmToPx(pageWidthMm) + edgePx;
	return available > 0 && available < page ? available / page : 1;
}
