import { describe, expect, it } from 'vitest';
import {
	bestView,
	changeCounts,
	cm2,
	compareIntensities,
	countedMarks,
	intensityByRegion,
	jaccardWords,
	overlap,
	overlayVertices,
	vertexCoverage,
	type ModelSurface
} from '$lib/domain/compare';
import type { Mark, Patch } from '$lib/domain/records';
import { codeOf } from '$lib/domain/regions';
import { markRecord } from '../fixtures';

const TRAP = codeOf('upper-trapezius-r');
const LOW = codeOf('lumbar-erector-l');
const CALF = codeOf('gastrocnemius-l');
const area = () => 0.01; // every region 100 cm²

let n = 0;
function mark(region: number, intensity: number, over: Partial<Mark> = {}): Mark {
	n++;
	return markRecord(`m${n}`, 'p', { region, sensation: 'aching', intensity, createdAt: n, updatedAt: n, ...over });
}

function patch(version: string, vertices: number[], regions: { region: number; area: number }[]): Patch {
	return { modelVersion: version, vertices: Uint32Array.from(vertices), weights: new Uint8Array(vertices.length).fill(200), regions };
}

describe('per-region change between two sessions', () => {
	it('names each region better, worse, same, new or resolved by its strongest intensity', () => {
		const a = new Map([[1, 7], [2, 3], [3, 5], [4, 6], [6, 0]]);
		const b = new Map([[1, 4], [2, 6], [3, 5], [5, 2], [4, 0], [6, 0]]);
		expect(compareIntensities(a, b)).toEqual([
			{ region: 1, a: 7, b: 4, change: 'better' },
			{ region: 2, a: 3, b: 6, change: 'worse' },
			{ region: 3, a: 5, b: 5, change: 'same' },
			// Marked at 0 afterwards: nothing felt any more.
			{ region: 4, a: 6, b: null, change: 'resolved' },
			{ region: 5, a: null, b: 2, change: 'new' }
			// Region 6: 0 both times, left out.
		]);
		expect(changeCounts(compareIntensities(a, b))).toEqual({ better: 1, worse: 1, same: 1, new: 1, resolved: 1 });
	});

	it('takes the strongest mark per region, leaving out "do not touch" and a painted patch’s thin spill', () => {
		const spill = patch('v1', [1, 2], [
			{ region: LOW, area: 95 },
			{ region: CALF, area: 5 } // 5% of the patch: spill, not a focus
		]);
		const marks = [
			mark(TRAP, 4),
			mark(TRAP, 8),
			mark(CALF, 9, { sensation: 'avoid' }),
			mark(LOW, 6, { patch: spill })
		];
		expect([...intensityByRegion(marks, area)].sort((x, y) => x[0] - y[0])).toEqual(
			[[TRAP, 8], [LOW, 6]].sort((x, y) => x[0] - y[0])
		);
	});

	it('counts confirmed marks only, and none on a "no pain today" session', () => {
		const kept = mark(TRAP, 5);
		const unconfirmed = mark(LOW, 5, { carried: true });
		expect(countedMarks({ noPain: false }, [kept, unconfirmed])).toEqual([kept]);
		expect(countedMarks({ noPain: true }, [kept])).toEqual([]);
	});
});

describe('overlap of the marked areas', () => {
	// Six vertices of 1 cm² each (1e-4 m²): 0–1 in region TRAP, 2–3 LOW, 4–5 CALF.
	const model: ModelSurface = {
		version: 'v1',
		regions: Uint8Array.from([TRAP, TRAP, LOW, LOW, CALF, CALF]),
		vertexArea: new Float32Array(6).fill(1e-4)
	};

	it('marks the painted vertices and every vertex of a tapped region', () => {
		const painted = mark(LOW, 5, { patch: patch('v1', [3, 4], [{ region: LOW, area: 1 }]) });
		expect([...vertexCoverage([mark(TRAP, 5), painted], model.regions, 'v1')]).toEqual([1, 1, 0, 1, 1, 0]);
	});

	it('covers the regions of a painting made on another model, whose vertex numbers mean nothing here', () => {
		const old = mark(CALF, 5, { patch: patch('old', [0], [{ region: CALF, area: 30 }]) });
		expect([...vertexCoverage([old], model.regions, 'v1')]).toEqual([0, 0, 0, 0, 1, 1]);
	});

	it('splits the body into what only the earlier, only the later, or both sessions mark', () => {
		const a = [mark(TRAP, 5), mark(LOW, 5, { patch: patch('v1', [2, 3], [{ region: LOW, area: 2 }]) })];
		const b = [mark(LOW, 5, { patch: patch('v1', [3, 4], [{ region: LOW, area: 1 }, { region: CALF, area: 1 }]) })];
		const o = overlayVertices(a, b, model.regions, 'v1');
		expect([...o.before]).toEqual([0, 1, 2]);
		expect([...o.both]).toEqual([3]);
		expect([...o.after]).toEqual([4]);
	});

	it('is measured per vertex when every painted mark is on the model shown', () => {
		const a = [mark(TRAP, 5), mark(LOW, 5, { patch: patch('v1', [2, 3], [{ region: LOW, area: 2 }]) })];
		const b = [mark(LOW, 5, { patch: patch('v1', [3, 4], [{ region: LOW, area: 1 }, { region: CALF, area: 1 }]) })];
		const o = overlap(a, b, area, model);
		expect(o.method).toBe('vertex');
		// A = {0,1,2,3}, B = {3,4}: shared {3}, union {0..4}.
		expect(o.areaA).toBeCloseTo(4e-4);
		expect(o.areaB).toBeCloseTo(2e-4);
		expect(o.shared).toBeCloseTo(1e-4);
		expect(o.union).toBeCloseTo(5e-4);
		expect(o.jaccard).toBeCloseTo(0.2);
	});

	it('falls back to per-region areas when a painting is from another model version', () => {
		// A: TRAP tapped (100 cm²), LOW painted 30 cm² on an older model. B: LOW tapped, CALF painted 20 cm².
		const a = [mark(TRAP, 5), mark(LOW, 5, { patch: patch('old', [2], [{ region: LOW, area: 30 }]) })];
		const b = [mark(LOW, 5), mark(CALF, 5, { patch: patch('v1', [4], [{ region: CALF, area: 20 }]) })];
		const o = overlap(a, b, area, model);
		expect(o.method).toBe('region');
		expect(o.areaA).toBeCloseTo(0.013);
		expect(o.areaB).toBeCloseTo(0.012);
		// Shared: min over LOW (30 cm²); union: 100 (TRAP) + 100 (LOW) + 20 (CALF).
		expect(o.shared).toBeCloseTo(0.003);
		expect(o.union).toBeCloseTo(0.022);
		expect(o.jaccard).toBeCloseTo(3 / 22);
		// Before the body has loaded, the region estimate is all there is.
		expect(overlap([mark(TRAP, 5)], [mark(TRAP, 2)], area, null)).toMatchObject({ method: 'region', jaccard: 1 });
	});

	it('is 1 when neither session marks anything, 0 when they share nothing', () => {
		expect(overlap([], [], area, model).jaccard).toBe(1);
		expect(overlap([mark(TRAP, 5)], [mark(CALF, 5)], area, model).jaccard).toBe(0);
	});

	it('turns to the back when the marked regions lie mostly behind the body’s middle', () => {
		// Vertices 0–1 at the front (z = 1), 2–3 at the back (z = -1), 4–5 in the middle.
		const z = (...zs: number[]) => Float32Array.from(zs.flatMap((v) => [0, 0, v]));
		const positions = z(1, 1, -1, -1, 0, 0);
		expect(bestView([LOW], positions, model.regions)).toBe('back');
		expect(bestView([TRAP], positions, model.regions)).toBe('front');
		expect(bestView([LOW, TRAP, CALF], positions, model.regions)).toBe('front');
		expect(bestView([], positions, model.regions)).toBe('front');
	});

	it('reads as people say it', () => {
		expect(jaccardWords(0.4249)).toBe('0.42 (42%)');
		expect(cm2(0.0123)).toBe('123 cm²');
		expect(cm2(0.00042)).toBe('4.2 cm²');
	});
});
