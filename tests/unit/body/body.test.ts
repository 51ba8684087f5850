/**
 * The drawn figures as the app loads them (committed assets, decoded and built as in the
 * browser), every sex and build: sound arrays, size, regions, a closed surface, mirror symmetry.
 * Region shapes and landmarks are checked on the Node recipe in makehuman-regions.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { REGIONS, mirrorCode, regionByCode } from '../../../src/lib/domain/regions';
import { regionAreas } from '../../../src/lib/body/areas';
import { quantPos } from '../../../src/lib/body/quantize';
import { invertedTriangles } from '../../../src/lib/body/makehuman/mesh';
import { BODY_BUILDS, type BodyMesh } from '../../../src/lib/body/types';
import { body, weld } from './helpers';

for (const figure of ['female', 'male'] as const) for (const build of BODY_BUILDS) {
	describe(`${figure} ${build} body`, () => {
		let m: BodyMesh;
		beforeAll(async () => {
			m = await body(figure, build);
		}, 120_000);

		it('has 50-80k triangles, consistent arrays and unit normals, none turned inward', () => {
			expect(m.figure).toBe(figure);
			expect(m.build).toBe(build);
			const tris = m.indices.length / 3;
			expect(tris).toBeGreaterThanOrEqual(50_000);
			expect(tris).toBeLessThanOrEqual(80_000);
			expect(invertedTriangles(m)).toBe(0);
			const n = m.regions.length;
			expect(m.positions.length).toBe(n * 3);
			expect(m.normals.length).toBe(n * 3);
			for (const i of m.indices) expect(i < n).toBe(true);
			for (let i = 0; i < n; i += 97) {
				const l = Math.hypot(m.normals[i * 3], m.normals[i * 3 + 1], m.normals[i * 3 + 2]);
				expect(Math.abs(l - 1)).toBeLessThan(1e-5);
			}
		});

		it('is about the right height, standing on y = 0, facing +z', () => {
			let top = -Infinity, bottom = Infinity, front = -Infinity, back = Infinity;
			for (let i = 0; i < m.positions.length; i += 3) {
				top = Math.max(top, m.positions[i + 1]);
				bottom = Math.min(bottom, m.positions[i + 1]);
				front = Math.max(front, m.positions[i + 2]);
				back = Math.min(back, m.positions[i + 2]);
			}
			expect(top).toBeGreaterThan(figure === 'female' ? 1.55 : 1.65);
			expect(top).toBeLessThan(figure === 'female' ? 1.75 : 1.9);
			expect(Math.abs(bottom)).toBeLessThan(0.001);
			expect(front).toBeGreaterThan(-back); // the toes stick out further than the heels or buttocks
		});

		it('gives all three vertices of every triangle the same region', () => {
			let mixed = 0;
			for (let i = 0; i < m.indices.length; i += 3) {
				const r = m.regions[m.indices[i]];
				if (r !== m.regions[m.indices[i + 1]] || r !== m.regions[m.indices[i + 2]]) mixed++;
				if (r < 1 || r > 80) mixed++;
			}
			expect(mixed).toBe(0);
		});

		it('has every region with a sensible share of the surface', () => {
			const areas = regionAreas(m);
			const total = areas.reduce((a, b) => a + b, 0);
			expect(areas[0]).toBe(0);
			// Adult body surface area is about 1.6-2.0 m².
			expect(total).toBeGreaterThan(1.35);
			expect(total).toBeLessThan(2.1);
			const bad: string[] = [];
			for (const r of REGIONS) {
				const share = areas[r.code] / total;
				// The smallest, the broad man's back of the neck, is 0.11 % (about 20 cm²: room to tap).
				if (share < 0.001 || share > 0.06) bad.push(`${r.id} ${(share * 100).toFixed(2)}%`);
			}
			expect(bad).toEqual([]);
		});

		it('is watertight and one connected piece', () => {
			const { ids, count } = weld(m);
			const edges = new Map<number, number>();
			const parent = new Int32Array(count).map((_, i) => i);
			const find = (a: number): number => {
				while (parent[a] !== a) a = parent[a] = parent[parent[a]];
				return a;
			};
			for (let i = 0; i < m.indices.length; i += 3) {
				const v = [ids[m.indices[i]], ids[m.indices[i + 1]], ids[m.indices[i + 2]]];
				if (v[0] === v[1] || v[1] === v[2] || v[0] === v[2]) continue;
				for (let k = 0; k < 3; k++) {
					const a = v[k], b = v[(k + 1) % 3];
					// +1 for a->b, +1e6 for b->a: a closed, consistently wound surface ends at 1000001.
					const key = a < b ? a * count + b : b * count + a;
					edges.set(key, (edges.get(key) ?? 0) + (a < b ? 1 : 1e6));
					parent[find(a)] = find(b);
				}
			}
			let bad = 0;
			for (const c of edges.values()) if (c !== 1_000_001) bad++;
			expect(bad).toBe(0);
			const roots = new Set<number>();
			for (let i = 0; i < ids.length; i++) roots.add(find(ids[i]));
			expect(roots.size).toBe(1);
		});

		it('is an exact mirror image with paired regions', () => {
			const key = (x: number, y: number, z: number, r: number): string => `${quantPos(x)},${quantPos(y)},${quantPos(z)},${r}`;
			const set = new Set<string>();
			const p = m.positions;
			for (let i = 0; i < m.regions.length; i++) set.add(key(p[i * 3], p[i * 3 + 1], p[i * 3 + 2], m.regions[i]));
			let missing = 0;
			for (let i = 0; i < m.regions.length; i++) {
				if (!set.has(key(-p[i * 3], p[i * 3 + 1], p[i * 3 + 2], mirrorCode(m.regions[i])))) missing++;
			}
			expect(missing).toBe(0);
			// And left regions really are on the client's left (+x).
			let wrong = 0;
			for (let i = 0; i < m.regions.length; i++) {
				const side = regionByCode(m.regions[i])!.side;
				if ((side === 'left' && p[i * 3] < -1e-6) || (side === 'right' && p[i * 3] > 1e-6)) wrong++;
			}
			expect(wrong).toBe(0);
		});
	});
}

describe('the figures', () => {
	it('share one model version, one vertex list and one triangle list across sexes and builds', async () => {
		const a = await body('female', 'average');
		for (const figure of ['female', 'male'] as const) for (const build of BODY_BUILDS) {
			const b = await body(figure, build);
			expect(b.version).toBe(a.version);
			expect(b.indices).toBe(a.indices);
			expect(b.regions).toBe(a.regions);
		}
		expect((await body('male', 'broad')).positions).not.toEqual(a.positions);
	}, 120_000);
});
