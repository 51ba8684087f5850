/**
 * Signatures as data. A drawn signature is vector strokes on the signing pad (points x, y in the
 * pad's CSS pixels, t in ms, pressure from a pen); normalised before it is kept, so the same
 * signature always hashes the same; checked to be a real signature (not empty, not a dot or a
 * stray touch); drawn as an SVG path string for the screen and the printout. Pure; no DOM.
 */
import { MAX_SIGNATURE_POINTS, MAX_SIGNATURE_STROKES, RECORD_TEXT } from '../limits';
import { cleanText } from '../clean-text';
import type { DrawnSignature, Signature, Stroke, StrokePoint, TypedSignature } from './types';

/** Largest pad side accepted, in CSS pixels (a 4K screen in landscape). */
export const MAX_PAD = 4096;
/** Smallest pad side: anything smaller cannot hold a signature. */
export const MIN_PAD = 40;
/** Points closer than this (px) to the last kept one add nothing a person could see. */
const MIN_STEP = 0.5;
/** Longest time one signature may take, ms (10 minutes), so t stays a small whole number. */
const MAX_T = 600_000;

const round1 = (n: number) => Math.round(n * 10) / 10 + 0;
const round2 = (n: number) => Math.round(n * 100) / 100 + 0;
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));
const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/**
 * The signature as it is kept: points inside the pad at 0.1 px, times whole ms from the first
 * point and never going back, pressure 0..1 at 0.01 (left out when the device reports none or 0,
 * as a mouse does), repeated and unreadable points dropped, empty strokes dropped. Strokes and
 * points beyond the caps are cut off (the pad stops taking ink there too); `isRealSignature`
 * then judges what is left.
 */
export function normaliseSignature(sig: DrawnSignature): DrawnSignature {
	const width = clamp(Math.round(finite(sig.width) ? sig.width : MIN_PAD), MIN_PAD, MAX_PAD);
	const height = clamp(Math.round(finite(sig.height) ? sig.height : MIN_PAD), MIN_PAD, MAX_PAD);
	const strokes: Stroke[] = [];
	let budget = MAX_SIGNATURE_POINTS;
	let t0: number | null = null;
	let lastT = 0;
	for (const raw of Array.isArray(sig.strokes) ? sig.strokes : []) {
		if (strokes.length >= MAX_SIGNATURE_STROKES || budget <= 0) break;
		const stroke: Stroke = [];
		for (const q of Array.isArray(raw) ? raw : []) {
			if (budget <= 0) break;
			if (!q || !finite(q.x) || !finite(q.y)) continue;
			// A point without a time takes the last one's: the drawing order is what counts.
			const t: number = finite(q.t) ? q.t : lastT + (t0 ?? 0);
			const start: number = t0 ?? t;
			t0 = start;
			const point: StrokePoint = {
				x: round1(clamp(q.x, 0, width)),
				y: round1(clamp(q.y, 0, height)),
				// Clocks may step back (a device's timer); the drawing order is what counts.
				t: Math.max(lastT, clamp(Math.round(t - start), 0, MAX_T))
			};
			if (finite(q.p) && q.p > 0) point.p = round2(clamp(q.p, 0, 1));
			const prev = stroke.at(-1);
			if (prev && Math.hypot(point.x - prev.x, point.y - prev.y) < MIN_STEP) continue;
			lastT = point.t;
			stroke.push(point);
			budget--;
		}
		if (stroke.length) strokes.push(stroke);
	}
	return { kind: 'drawn', width, height, strokes };
}

/** The drawn ink's length (px) and the size of the box around it. */
export function inkMeasure(sig: DrawnSignature): { length: number; width: number; height: number; points: number } {
	let length = 0;
	let points = 0;
	let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const stroke of sig.strokes) {
		stroke.forEach((q, i) => {
			points++;
			minX = Math.min(minX, q.x);
			minY = Math.min(minY, q.y);
			maxX = Math.max(maxX, q.x);
			maxY = Math.max(maxY, q.y);
			if (i > 0) length += Math.hypot(q.x - stroke[i - 1].x, q.y - stroke[i - 1].y);
		});
	}
	return points ? { length, width: maxX - minX, height: maxY - minY, points } : { length: 0, width: 0, height: 0, points: 0 };
}

/**
 * Why a drawn signature is not one, in words for the person signing; undefined when it is. A real
 * signature spans at least 8% of the pad's width (or a third of its height) and its ink runs at
 * least 20% of the width: a dot, a tap or a short stray line is refused; a quick initial or a
 * cross is accepted, as on paper.
 */
export function drawnSignatureProblem(sig: DrawnSignature): string | undefined {
	const n = normaliseSignature(sig);
	const m = inkMeasure(n);
	if (m.points === 0) return 'Please sign in the box.';
	const extent = Math.max(m.width, (m.height * n.width) / Math.max(n.height, 1) / 3);
	if (m.points < 3 || extent < 0.08 * n.width || m.length < 0.2 * n.width) {
		return 'That looks like a dot or a stray touch, not a signature. Please sign your name or your usual mark across the box.';
	}
	return undefined;
}

/** A typed name as a signature: at least two letters, one line, at most RECORD_TEXT.short. */
export function typedSignatureProblem(sig: TypedSignature): string | undefined {
	if (typeof sig.name !== 'string') return 'Please type your name to sign.';
	const name = cleanText(sig.name).trim();
	if (!name) return 'Please type your name to sign.';
	if (name.length > RECORD_TEXT.short) return `The typed name is too long (at most ${RECORD_TEXT.short} characters).`;
	if ((name.match(/\p{L}/gu) ?? []).length < 2) return 'Please type your name in letters to sign.';
	return undefined;
}

export function signatureProblem(sig: Signature): string | undefined {
	if (!sig || typeof sig !== 'object') return 'Please sign in the box or type your name.';
	if (sig.kind === 'drawn') return drawnSignatureProblem(sig);
	if (sig.kind === 'typed') return typedSignatureProblem(sig);
	return 'Please sign in the box or type your name.';
}

export function isRealSignature(sig: Signature): boolean {
	return signatureProblem(sig) === undefined;
}

/** A signature as it is kept: a drawing normalised, a typed name cleaned and trimmed. */
export function keptSignature(sig: Signature): Signature {
	return sig.kind === 'drawn' ? normaliseSignature(sig) : { kind: 'typed', name: cleanText(sig.name).trim() };
}

const num = (n: number) => String(round1(n));

/**
 * The strokes as one SVG path (`d`), for a `<path>` in a `<svg viewBox="0 0 width height">` with
 * round caps and joins and no fill. Each stroke is smoothed with quadratic curves through the
 * midpoints of its points; a single point is a short dash, so a dotted letter's dot shows.
 */
export function signaturePath(sig: DrawnSignature): string {
	const parts: string[] = [];
	for (const s of sig.strokes) {
		if (s.length === 0) continue;
		const [a] = s;
		if (s.length === 1) {
			parts.push(`M${num(a.x)} ${num(a.y)}h0.1`);
			continue;
		}
		let d = `M${num(a.x)} ${num(a.y)}`;
		for (let i = 1; i < s.length - 1; i++) {
			const mx = (s[i].x + s[i + 1].x) / 2;
			const my = (s[i].y + s[i + 1].y) / 2;
			d += `Q${num(s[i].x)} ${num(s[i].y)} ${num(mx)} ${num(my)}`;
		}
		const z = s[s.length - 1];
		d += `L${num(z.x)} ${num(z.y)}`;
		parts.push(d);
	}
	return parts.join('');
}

/** The viewBox for signaturePath: the pad's own size. */
export function signatureViewBox(sig: DrawnSignature): string {
	return `0 0 ${sig.width} ${sig.height}`;
}

/**
 * The whole signature as SVG text (for the printout or a PDF): black ink, scaled to its box.
 * Only numbers and fixed words go in, so no text from the record can reach the markup.
 */
export function signatureSvg(sig: DrawnSignature): string {
	const n = normaliseSignature(sig);
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="${signatureViewBox(n)}" role="img" aria-label="Signature">` +
		`<path d="${signaturePath(n)}" fill="none" stroke="#000" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"/></svg>`
	);
}
