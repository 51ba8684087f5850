import { describe, expect, it } from 'vitest';
import { defaultPlanFields, type Mark, type Plan } from '$lib/domain/records';
import { codeOf } from '$lib/domain/regions';
import { BASE_PT, cropBox, fitScale, FIT_SCALES, MIN_PT, legendFor, markLines, mmToPx, opaqueBox, previewZoom, sheetMarks } from '$lib/ui/print/sheet';

function mark(id: string, over: Partial<Mark> = {}): Mark {
	return {
		id, planId: 'p', region: codeOf('upper-trapezius-r'), patch: null, sensation: 'knot', intensity: 5,
		depth: 'surface', structure: null, pressure: null, note: '', author: 'client', createdAt: 1, updatedAt: 1, ...over
	};
}
function plan(over: Partial<Plan> = {}): Plan {
	return { ...defaultPlanFields(), id: 'p', clientId: 'c', date: '2026-11-23', title: 'Neck', createdAt: 1, updatedAt: 1, ...over };
}

describe('sheetMarks and legendFor', () => {
	it('draws every mark, or none when there is no pain or tension today', () => {
		const marks = [mark('a'), mark('b', { author: 'therapist' })];
		expect(sheetMarks(plan(), marks)).toEqual(marks);
		expect(sheetMarks(plan({ noPain: true }), marks)).toEqual([]);
	});

	it('explains only the colours drawn, in the usual legend order, once each', () => {
		const legend = legendFor([mark('a', { sensation: 'avoid' }), mark('b', { sensation: 'aching' }), mark('c', { sensation: 'aching' })]);
		expect(legend.map((s) => s.label)).toEqual(['Aching pain', 'Do not touch']);
		expect(legendFor([])).toEqual([]);
	});
});

describe('markLines', () => {
	it('lists marks with a note or a deep structure, saying where, what, how strong and by whom', () => {
		const lines = markLines([
			mark('plain'),
			mark('deep', { region: codeOf('lumbar-erector-l'), sensation: 'aching', intensity: 8, depth: 'deep', structure: 'quadratus lumborum', author: 'therapist' }),
			mark('noted', { note: '  Worse after <b>driving</b>  ' }),
			mark('avoid', { sensation: 'avoid', intensity: 0, note: 'Bruise' })
		]);
		expect(lines).toEqual([
			{ id: 'deep', place: 'Left low back beside the spine', what: 'Aching pain 8/10, deep (quadratus lumborum), by the therapist', note: '' },
			{ id: 'noted', place: 'Right top of the shoulder (upper trapezius)', what: 'Knot or trigger point 5/10, by the client', note: 'Worse after <b>driving</b>' },
			{ id: 'avoid', place: 'Right top of the shoulder (upper trapezius)', what: 'Do not touch, by the client', note: 'Bruise' }
		]);
	});

	it('names a painted mark by its main region and how many more it covers', () => {
		const patch = {
			modelVersion: 'v',
			vertices: new Uint32Array([1]),
			weights: new Uint8Array([255]),
			regions: [
				{ region: codeOf('gastrocnemius-r'), area: 30 },
				{ region: codeOf('hamstrings-r'), area: 10 },
				{ region: codeOf('achilles-r'), area: 2 }
			]
		};
		const [line] = markLines([mark('p', { region: codeOf('gastrocnemius-r'), patch, note: 'Cramps at night' })]);
		expect(line.place).toBe('Right upper calf (gastrocnemius) and 2 more');
	});
});

describe('fitScale', () => {
	it('takes the largest type scale that fits the page', () => {
		expect(fitScale(() => 900, 960)).toBe(1);
		expect(fitScale((s) => 1000 * s, 960)).toBe(0.93);
	});
	it('never shrinks the type under 9 pt: a sheet too long for one page is left to run over pages', () => {
		expect(BASE_PT * FIT_SCALES.at(-1)!).toBeGreaterThanOrEqual(MIN_PT);
		expect(MIN_PT).toBe(9);
		const tried: number[] = [];
		expect(fitScale((s) => (tried.push(s), 5000), 960)).toBeNull();
		expect(Math.min(...tried) * BASE_PT).toBeGreaterThanOrEqual(9);
	});

	it('measures in CSS pixels at 96 per inch', () => {
		expect(mmToPx(25.4)).toBeCloseTo(96, 9);
		expect(mmToPx(297)).toBeCloseTo(1122.5, 1);
	});
});


describe('opaqueBox and cropBox', () => {
	/** A width × height RGBA image, clear except the listed [x, y] pixels. */
	function image(width: number, height: number, opaque: [number, number][]): Uint8ClampedArray {
		const d = new Uint8ClampedArray(width * height * 4);
		for (const [x, y] of opaque) d[(y * width + x) * 4 + 3] = 255;
		return d;
	}

	it('finds the box around what is drawn, or nothing on a clear image', () => {
		expect(opaqueBox(image(10, 8, [[2, 3], [6, 1], [4, 6]]), 10, 8)).toEqual({ x: 2, y: 1, width: 5, height: 6 });
		expect(opaqueBox(image(4, 4, []), 4, 4)).toBeNull();
		// Faint edge pixels below the threshold do not count.
		const faint = image(4, 4, [[1, 1]]);
		faint[(3 * 4 + 3) * 4 + 3] = 3;
		expect(opaqueBox(faint, 4, 4)).toEqual({ x: 1, y: 1, width: 1, height: 1 });
	});

	it('crops two views alike: their union, padded, inside the image', () => {
		expect(cropBox([{ x: 10, y: 5, width: 20, height: 40 }, { x: 12, y: 2, width: 20, height: 40 }], 3, 100, 200)).toEqual({
			x: 7,
			y: 0,
			width: 28,
			height: 48
		});
		expect(cropBox([{ x: 90, y: 190, width: 10, height: 10 }], 5, 100, 200)).toEqual({ x: 85, y: 185, width: 15, height: 15 });
		expect(cropBox([null, null], 5, 100, 200)).toEqual({ x: 0, y: 0, width: 100, height: 200 });
	});
});

describe('previewZoom', () => {
	it('shrinks a page to a phone’s width and never enlarges it', () => {
		const page = mmToPx(210) + 4;
		expect(previewZoom(358)).toBeCloseTo(358 / page, 5);
		expect(previewZoom(358) * page).toBeLessThanOrEqual(358);
		expect(previewZoom(1200)).toBe(1);
		expect(previewZoom(page)).toBe(1);
		expect(previewZoom(0)).toBe(1); // not measured yet
	});
});
