import { beforeAll, describe, expect, it } from 'vitest';
import { REGIONS, codeOf, mirrorCode, regionByCode } from '../../../src/lib/domain/regions';
import { generateBody } from '../../../src/lib/body/generate';
import { makeSkeleton, fromLimb, type Skeleton } from '../../../src/lib/body/skeleton';
import { regionAreas } from '../../../src/lib/body/areas';
import { quantPos } from '../../../src/lib/body/quantize';
import type { BodyMesh } from '../../../src/lib/body/types';
import { body, raycastRegion, weld } from './helpers';

for (const figure of ['female', 'male'] as const) {
	describe(`${figure} body`, () => {
		let m: BodyMesh;
		let sk: Skeleton;
		beforeAll(async () => {
			m = await body(figure);
			sk = makeSkeleton(figure);
		}, 120_000);

		it('has 20-60k triangles, consistent arrays and unit normals', () => {
			const tris = m.indices.length / 3;
			expect(tris).toBeGreaterThanOrEqual(20_000);
			expect(tris).toBeLessThanOrEqual(60_000);
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
			expect(Math.abs(top - sk.H)).toBeLessThan(0.01);
			expect(Math.abs(bottom)).toBeLessThan(0.003);
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
				if (share < 0.0012 || share > 0.06) bad.push(`${r.id} ${(share * 100).toFixed(2)}%`);
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

		it('labels landmarks correctly on both sides', () => {
			const Lu = sk.upperArm;
			const tw = Lu + sk.forearm;
			const Lt = sk.thigh;
			const Ls = sk.shank;
			const leg = (t: number): number[] => fromLimb(sk.leg, 0, t, 0);
			const arm = (t: number): number[] => fromLimb(sk.arm, 0, t, 0);
			const F = [0, 0, -1];
			const B = [0, 0, 1];
			const ankle = leg(Lt + Ls);
			const cases: [string, number[], number[]][] = [
				// [expected left region, point the ray aims at, direction]
				['upper-trapezius-l', [(sk.neckR + sk.acrX) / 2 + 0.01, 2.5, -0.02], [0, -1, 0]],
				['hamstrings-l', leg(0.5 * Lt), B],
				['quadriceps-l', leg(0.5 * Lt), F],
				['tibialis-anterior-l', leg(Lt + 0.4 * Ls), F],
				['gastrocnemius-l', leg(Lt + 0.3 * Ls), B],
				['knee-l', leg(Lt), F],
				['sole-l', [ankle[0], -1, 0.05], [0, 1, 0]],
				['ankle-l', [ankle[0], ankle[1] - 0.03, 0.08], F],
				['hand-l', arm(tw + sk.palmLen * 0.5), F],
				['hand-l', arm(tw + sk.palmLen * 0.5), B],
				['triceps-l', arm(0.6 * Lu), B],
				['biceps-l', arm(0.6 * Lu), F],
				['forearm-flexors-l', arm(Lu + 0.5 * sk.forearm), F],
				['forearm-extensors-l', arm(Lu + 0.5 * sk.forearm), B],
				['deltoid-l', [2, sk.acrY - 0.05, 0], [-1, 0, 0]],
				['sternum', [1e-4, (sk.xiphoidY + sk.neckBaseY) / 2 - 0.02, 1], [0, 0, -1]],
				['pectoralis-l', [0.075, sk.nippleY + 0.05, 0], F],
				['abdominals-l', [0.05, sk.waistY - 0.03, 0], F],
				['lumbar-erector-l', [0.035, (sk.waistY + sk.crestY) / 2, 0], B],
				['thoracic-erector-l', [0.02, sk.xiphoidY, 0], B],
				['rhomboids-l', [0.048, sk.acrY - 0.11, 0], B],
				['infraspinatus-l', [0.1, sk.acrY - 0.12, 0], B],
				['latissimus-l', [0.11, sk.waistY + 0.08, 0], B],
				['gluteus-maximus-l', [0.075, sk.leg.oy - 0.05, 0], B],
				['face', [1e-4, sk.eyeY + 0.045, 1], [0, 0, -1]],
				['scalp-l', [0.03, 3, 0], [0, -1, 0]]
			];
			const bad: string[] = [];
			for (const [id, p, d] of cases) {
				// Aim from 2 m outside along d; for the mirrored side negate x.
				const o = d[1] !== 0 || d[0] !== 0 ? p : [p[0], p[1], -d[2] * 2];
				const got = raycastRegion(m, o, d);
				if (got !== codeOf(id)) bad.push(`${id}: got ${regionByCode(got)?.id}`);
				const om = [-o[0], o[1], o[2]];
				const dm = [-d[0], d[1], d[2]];
				const gotR = raycastRegion(m, om, dm);
				if (gotR !== mirrorCode(codeOf(id))) bad.push(`${id} mirrored: got ${regionByCode(gotR)?.id}`);
			}
			expect(bad).toEqual([]);
		});
	});
}

describe('generator', () => {
	it('is deterministic', async () => {
		const a = await body('female');
		const b = generateBody('female');
		expect(b.version).toBe(a.version);
		expect(b.positions).toEqual(a.positions);
		expect(b.normals).toEqual(a.normals);
		expect(b.regions).toEqual(a.regions);
		expect(b.indices).toEqual(a.indices);
	}, 120_000);

	it('makes different figures with different versions', async () => {
		expect((await body('female')).version).not.toBe((await body('male')).version);
	}, 120_000);
});
