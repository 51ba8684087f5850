import { describe, expect, it } from 'vitest';
import { TriangleBVH } from '../../../src/lib/scene/bvh';

/** An n × n grid of unit squares in the plane z = depth, two triangles each, facing +z (counter-clockwise seen from +z). */
function plane(n: number, depth: number, first = 0): { pos: number[]; index: number[] } {
	const pos: number[] = [], index: number[] = [];
	for (let y = 0; y <= n; y++) for (let x = 0; x <= n; x++) pos.push(x, y, depth);
	for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) {
		const v = first + y * (n + 1) + x;
		index.push(v, v + 1, v + n + 2, v, v + n + 2, v + n + 1);
	}
	return { pos, index };
}

describe('TriangleBVH', () => {
	// Two stacked 20 × 20 sheets: z = 0 (triangles 0–799) and z = 1 (triangles 800–1599), facing +z.
	const a = plane(20, 0), b = plane(20, 1, 441);
	const bvh = new TriangleBVH([...a.pos, ...b.pos], [...a.index, ...b.index]);

	it('finds the nearest sheet from the front, the triangle under the ray', () => {
		const hit = bvh.raycastFirst(3.3, 4.2, 5, 0, 0, -1, true)!;
		expect(hit.t).toBeCloseTo(4, 12); // the sheet at z = 1
		expect(hit.face).toBeGreaterThanOrEqual(800);
		// Square (3, 4), the triangle below its diagonal: 2 × (4 × 20 + 3) in the second sheet.
		expect(hit.face).toBe(800 + 2 * (4 * 20 + 3));
	});

	it('passes through back faces when asked to, and not otherwise', () => {
		expect(bvh.raycastFirst(3.3, 4.2, -5, 0, 0, 1, true)).toBeNull();
		expect(bvh.raycastFirst(3.3, 4.2, -5, 0, 0, 1, false)!.t).toBeCloseTo(5, 12);
	});

	it('keeps to near and far', () => {
		expect(bvh.raycastFirst(3.3, 4.2, 5, 0, 0, -1, true, 4.5)!.t).toBeCloseTo(5, 12);
		expect(bvh.raycastFirst(3.3, 4.2, 5, 0, 0, -1, true, 0, 3.9)).toBeNull();
	});

	it('misses outside the sheets, and along them', () => {
		expect(bvh.raycastFirst(25, 4, 5, 0, 0, -1, true)).toBeNull();
		expect(bvh.raycastFirst(-1, 4, 0.5, 1, 0, 0, false)).toBeNull();
	});

	it('on a shared edge, the lower triangle id wins (as three.js sorts)', () => {
		// x = y on square (2, 2) is the diagonal both its triangles share.
		const hit = bvh.raycastFirst(2.5, 2.5, 5, 0, 0, -1, true)!;
		expect(hit.face).toBe(800 + 2 * (2 * 20 + 2));
	});

	it('gives the barycentric weights of the hit', () => {
		const hit = bvh.raycastFirst(0.75, 0.25, 5, 0, 0, -1, true)!; // triangle (0,0)-(1,0)-(1,1) of the top sheet
		expect(hit.face).toBe(800);
		// 0.75, 0.25 = 0.25 × (0,0) + 0.5 × (1,0) + 0.25 × (1,1)
		expect(hit.u).toBeCloseTo(0.5, 12);
		expect(hit.v).toBeCloseTo(0.25, 12);
	});

	it('an empty mesh never hits', () => {
		expect(new TriangleBVH([], []).raycastFirst(0, 0, 1, 0, 0, -1, true)).toBeNull();
	});
});
