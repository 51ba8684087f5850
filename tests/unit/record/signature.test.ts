import { describe, expect, it } from 'vitest';
import {
	drawnSignatureProblem, inkMeasure, isRealSignature, keptSignature, normaliseSignature, signaturePath, signatureProblem, signatureSvg,
	signatureViewBox
} from '$lib/domain/record/signature';
import { MAX_SIGNATURE_POINTS, MAX_SIGNATURE_STROKES } from '$lib/domain/limits';
import type { DrawnSignature, Stroke } from '$lib/domain/record/types';
import { drawn, typed } from './helpers';

const pad = (strokes: Stroke[], width = 600, height = 200): DrawnSignature => ({ kind: 'drawn', width, height, strokes });
const line = (x0: number, x1: number, y = 100, n = 10): Stroke =>
	Array.from({ length: n }, (_, i) => ({ x: x0 + ((x1 - x0) * i) / (n - 1), y, t: i * 16 }));

describe('normaliseSignature', () => {
	it('keeps points at 0.1 px inside the pad, times in whole ms from the first point, pressure at 0.01', () => {
		const n = normaliseSignature(pad([[{ x: 10.04, y: 20.06, t: 5000.4, p: 0.333 }, { x: 700, y: -5, t: 5016.6, p: 1.7 }, { x: 30, y: 40, t: 5020 }]]));
		expect(n.strokes).toEqual([[{ x: 10, y: 20.1, t: 0, p: 0.33 }, { x: 600, y: 0, t: 16, p: 1 }, { x: 30, y: 40, t: 20 }]]);
	});

	it('drops unreadable points, repeats, empty strokes; never lets time run backwards', () => {
		const n = normaliseSignature(
			pad([
				[{ x: NaN, y: 1, t: 0 }, { x: 10, y: 10, t: 100 }, { x: 10.2, y: 10.1, t: 110 }, { x: 50, y: 10, t: 90 }, null as never, { x: Infinity, y: 0, t: 1 }],
				[],
				'junk' as never,
				[{ x: 60, y: 10, t: 200, p: 0 }]
			])
		);
		expect(n.strokes).toEqual([[{ x: 10, y: 10, t: 0 }, { x: 50, y: 10, t: 0 }], [{ x: 60, y: 10, t: 100 }]]);
	});

	it('gives the same result twice (stable, so the hash is)', () => {
		const once = normaliseSignature(drawn());
		expect(normaliseSignature(once)).toEqual(once);
	});

	it('cuts a hostile signature at the stroke and point caps', () => {
		const many = pad(Array.from({ length: MAX_SIGNATURE_STROKES + 50 }, (_, i) => [{ x: i % 600, y: 5, t: i }]));
		expect(normaliseSignature(many).strokes).toHaveLength(MAX_SIGNATURE_STROKES);
		const long = pad([Array.from({ length: MAX_SIGNATURE_POINTS + 1000 }, (_, i) => ({ x: i % 600, y: (i * 7) % 200, t: i }))]);
		expect(inkMeasure(normaliseSignature(long)).points).toBe(MAX_SIGNATURE_POINTS);
	});

	it('clamps a pad of an impossible size', () => {
		expect(normaliseSignature(pad([], 1e9, -3))).toMatchObject({ width: 4096, height: 40 });
		expect(normaliseSignature({ kind: 'drawn', width: NaN, height: 100, strokes: 'x' as never })).toMatchObject({ width: 40, strokes: [] });
	});
});

describe('is this a real signature', () => {
	it('an empty pad asks for a signature', () => {
		expect(drawnSignatureProblem(pad([]))).toBe('Please sign in the box.');
		expect(drawnSignatureProblem(pad([[], []]))).toBe('Please sign in the box.');
	});

	it('a dot, a tap or a short stray line is not a signature', () => {
		for (const s of [pad([[{ x: 100, y: 100, t: 0 }]]), pad([line(100, 103)]), pad([line(100, 130)]), pad([line(100, 100.4, 100, 50)])]) {
			expect(drawnSignatureProblem(s)).toMatch(/dot or a stray touch/);
		}
	});

	it('many taps in one place are not a signature either', () => {
		expect(drawnSignatureProblem(pad(Array.from({ length: 30 }, (_, i) => [{ x: 100 + (i % 3), y: 100, t: i * 50 }])))).toMatch(/dot/);
	});

	it('a real signature, a quick cross or a tall mark on a narrow pad is accepted', () => {
		expect(drawnSignatureProblem(drawn())).toBeUndefined();
		expect(drawnSignatureProblem(pad([line(100, 180, 60), [{ x: 100, y: 20, t: 400 }, { x: 180, y: 100, t: 500 }, { x: 140, y: 60, t: 450 }].sort((a, b) => a.t - b.t)]))).toBeUndefined();
		const tall: Stroke = Array.from({ length: 20 }, (_, i) => ({ x: 150 + (i % 2) * 20, y: 20 + i * 8, t: i * 20 }));
		expect(drawnSignatureProblem(pad([tall], 300, 200))).toBeUndefined();
	});

	it('a typed name must be letters, one line, not too long', () => {
		expect(signatureProblem(typed('Alex Moreno'))).toBeUndefined();
		expect(signatureProblem(typed('  '))).toBe('Please type your name to sign.');
		expect(signatureProblem(typed('\u202e\u0000'))).toBe('Please type your name to sign.');
		expect(signatureProblem(typed('x'))).toMatch(/in letters/);
		expect(signatureProblem(typed('12345 ...'))).toMatch(/in letters/);
		expect(signatureProblem(typed('李明'))).toBeUndefined();
		expect(signatureProblem(typed('A'.repeat(121)))).toMatch(/too long/);
		expect(signatureProblem({ kind: 'typed', name: 42 } as never)).toBe('Please type your name to sign.');
	});

	it('anything else is no signature', () => {
		expect(isRealSignature(null as never)).toBe(false);
		expect(isRealSignature({ kind: 'stamp' } as never)).toBe(false);
		expect(isRealSignature(drawn())).toBe(true);
	});

	it('a kept typed name is cleaned of hidden characters and trimmed', () => {
		expect(keptSignature(typed('  Alex\u202e Moreno\n'))).toEqual({ kind: 'typed', name: 'Alex Moreno' });
	});
});

describe('signature as SVG', () => {
	it('draws each stroke as a smooth path in pad coordinates, a dot as a short dash', () => {
		const sig = pad([[{ x: 0, y: 0, t: 0 }, { x: 10, y: 10, t: 1 }, { x: 20, y: 0, t: 2 }], [{ x: 5.55, y: 7, t: 3 }]]);
		expect(signaturePath(sig)).toBe('M0 0Q10 10 15 5L20 0M5.6 7h0.1');
		expect(signatureViewBox(sig)).toBe('0 0 600 200');
		expect(signaturePath(pad([[{ x: 1, y: 2, t: 0 }, { x: 3, y: 4, t: 1 }]]))).toBe('M1 2L3 4');
		expect(signaturePath(pad([]))).toBe('');
	});

	it('makes a whole SVG of numbers only, normalised first', () => {
		const svg = signatureSvg({ ...drawn(), strokes: [[{ x: -5, y: 1e9, t: 0 }, { x: 600.04, y: 100, t: 10 }]] });
		expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 600 200" role="img" aria-label="Signature"><path d="M0 200L600 100" /);
		expect(svg).not.toMatch(/NaN|Infinity|e\+/);
	});
});
