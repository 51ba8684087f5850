/**
 * The MakeHuman figures (issue 10, phase 1): readers on small inline samples and on the real
 * files, target mixing, the A-pose, and the surface every figure must have: closed, one piece,
 * manifold, no inverted triangles, exactly mirror-symmetric, deterministic, one vertex list
 * for every sex and build, closed eyes, and the painting resolution.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { groupFaces, groupVertices, parseObj } from '../../../src/lib/body/makehuman/obj';
import { applyTargets, buildCorners, levelWeights, parseTarget } from '../../../src/lib/body/makehuman/target';
import { IDENTITY_DQ, boneHead, rotationAbout, skinDQ } from '../../../src/lib/body/makehuman/rig';
import { edgeReport, neighbours, pieces, quadNeighbours, quadPolys, type Polys } from '../../../src/lib/body/makehuman/topology';
import { edgeLengths, invertedTriangles, median, signedVolume, toTriMesh } from '../../../src/lib/body/makehuman/mesh';
import { fitSphere } from '../../../src/lib/body/makehuman/clinical';
import { loadMakeHuman } from '../../../src/lib/body/makehuman/load';
import {
	ARM_ANGLE,
	BUILDS,
	armAngle,
	bodySurface,
	buildFigure,
	figureTargets,
	lowerArms,
	paintingSurface,
	type BodySurface,
	type BuildName,
	type Figure,
	type MakeHumanData,
	type Sex
} from '../../../src/lib/body/makehuman/figure';
import { fineMirrorOf } from './helpers';

const triPolys = (tris: Uint32Array): Polys => ({ verts: tris, start: Uint32Array.from({ length: tris.length / 3 + 1 }, (_, i) => i * 3) });

describe('OBJ and .target readers on small samples', () => {
	it('reads positions, quads and triangles, groups, v/vt and negative indices', () => {
		const obj = parseObj(['# a comment', 'v 0 0 0', 'v 1 0 0', 'v 1 1 0', 'v 0 1 0', 'v 2 0 0', 'vt 0 0', 'g skin', 'f 1/1 2/1 3/1 4/1', 'g other', 'f -1 2 3', 'g skin', 'f 2//1 5//1 3//1'].join('\n'));
		expect(Array.from(obj.positions)).toEqual([0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0, 2, 0, 0]);
		expect(obj.groups).toEqual(['skin', 'other']);
		expect(Array.from(obj.faceStart)).toEqual([0, 4, 7, 10]);
		expect(Array.from(obj.faceVerts)).toEqual([0, 1, 2, 3, 4, 1, 2, 1, 4, 2]);
		expect(groupFaces(obj, 'skin')).toEqual([0, 2]);
		expect(groupVertices(obj, 'other')).toEqual([1, 2, 4]);
		expect(() => parseObj('v 0 0 0\nf 1 2 3')).toThrow(/out of range/);
	});

	it('reads a target and mixes targets with weights', () => {
		const t = parseTarget('# header\n0 1 0 0\n2 0 .5 -1\n');
		expect(Array.from(t.indices)).toEqual([0, 2]);
		const base = new Float64Array(9);
		const out = applyTargets(base, [{ target: t, weight: 0.5 }, { target: t, weight: 0.25 }]);
		expect(Array.from(out)).toEqual([0.75, 0, 0, 0, 0, 0, 0, 0.375, -0.75]);
		expect(Array.from(base)).toEqual(new Array(9).fill(0));
		expect(() => parseTarget('1 2 3')).toThrow();
	});

	it('interpolates builds min – average – max, the corner weights summing to one', () => {
		expect(levelWeights(0)).toEqual({ min: 1, average: 0, max: 0 });
		expect(levelWeights(0.5)).toEqual({ min: 0, average: 1, max: 0 });
		expect(levelWeights(0.75)).toEqual({ min: 0, average: 0.5, max: 0.5 });
		for (const [m, w] of [[0.5, 0.15], [0.8, 0.8], [0.2, 0.9]]) {
			const c = buildCorners(m, w);
			expect(c.reduce((s, x) => s + x.w, 0)).toBeCloseTo(1, 12);
		}
		expect(buildCorners(0.75, 0.25)).toEqual([
			{ muscle: 'average', weight: 'min', w: 0.25 },
			{ muscle: 'average', weight: 'average', w: 0.25 },
			{ muscle: 'max', weight: 'min', w: 0.25 },
			{ muscle: 'max', weight: 'average', w: 0.25 }
		]);
	});

	it('dual-quaternion skinning: identity leaves points, a full weight turns about the pivot, half a weight turns half-way', () => {
		const pos = Float64Array.from([1, 0, 0, 2, 0, 0, 3, 0, 0]);
		const weights = new Map<string, [number, number][]>([['arm', [[1, 1], [2, 0.5]]], ['still', [[0, 1], [2, 0.5]]]]);
		expect(Array.from(skinDQ(pos, weights, new Map([['arm', IDENTITY_DQ]])))).toEqual(Array.from(pos));
		const q = rotationAbout([0, 0, 1], -Math.PI / 2, [1, 0, 0]);
		const out = skinDQ(pos, weights, new Map([['arm', q]]));
		expect(out[0]).toBeCloseTo(1, 12);
		expect([out[3], out[4]].map((x) => +x.toFixed(9))).toEqual([1, -1]);
		// Half weight: turned 45° about the pivot, at the full distance 2 (linear blending would give 1.41).
		expect(Math.hypot(out[6] - 1, out[7])).toBeCloseTo(2, 9);
		expect(Math.atan2(-out[7], out[6] - 1)).toBeCloseTo(Math.PI / 4, 9);
	});
});

describe('MakeHuman figures from the real files', () => {
	let data: MakeHumanData;
	let surface: BodySurface;
	const figures = new Map<string, Figure>();
	const fig = (sex: Sex, build: BuildName): Figure => {
		const k = `${sex}-${build}`;
		if (!figures.has(k)) figures.set(k, buildFigure(data, surface, sex, BUILDS[build]));
		return figures.get(k)!;
	};
	const all = (): [Sex, BuildName][] => (['female', 'male'] as const).flatMap((s) => (Object.keys(BUILDS) as BuildName[]).map((b) => [s, b] as [Sex, BuildName]));

	beforeAll(() => {
		data = loadMakeHuman();
		surface = bodySurface(data.obj);
	}, 60_000);

	it('reads the base mesh, targets, skeleton and weights', () => {
		expect(data.obj.positions.length / 3).toBe(19158);
		expect(groupFaces(data.obj, 'body').length).toBe(13378);
		expect(surface.vertexCount).toBe(13380);
		expect(data.targets.size).toBe(22);
		expect(data.targets.get('caucasian-female-young.target')!.indices.length).toBeGreaterThan(19000);
		expect(data.skeleton.bones.size).toBe(163);
		expect(data.weights.get('upperarm01.L')!.length).toBeGreaterThan(500);
		const eye = fitSphere(data.obj.positions, groupVertices(data.obj, 'helper-l-eye'));
		expect(eye.centre[0]).toBeGreaterThan(0);
		expect(eye.radius).toBeCloseTo(0.15, 2);
	});

	it('mixes one third of each regional young target, plus the build corners', () => {
		const t = figureTargets(data, 'female', BUILDS.average);
		expect(t.map((x) => x.weight)).toEqual([1 / 3, 1 / 3, 1 / 3]);
		expect(figureTargets(data, 'male', BUILDS.slim).length).toBe(4);
		const heights = all().map(([s, b]) => {
			let top = 0;
			for (let i = 1; i < fig(s, b).positions.length; i += 3) top = Math.max(top, fig(s, b).positions[i]);
			return top;
		});
		expect(heights[1]).toBeCloseTo(1.59, 2);
		expect(heights[4]).toBeCloseTo(1.73, 2);
		// Builds really differ: slim < average < broad in volume, by several per cent each step.
		for (const sex of ['female', 'male'] as const) {
			const [slim, avg, broad] = (['slim', 'average', 'broad'] as const).map((b) => signedVolume(fig(sex, b).positions, surface.triangles));
			expect(avg / slim).toBeGreaterThan(1.05);
			expect(broad / avg).toBeGreaterThan(1.1);
		}
	}, 60_000);

	it('lowers both arms to the A-pose angle without kinking the shoulder', () => {
		const shaped = applyTargets(data.obj.positions, figureTargets(data, 'male', BUILDS.broad));
		const posed = lowerArms(data, shaped, surface);
		for (const side of ['L', 'R'] as const) {
			expect(armAngle(data.skeleton, shaped, side)).toBeGreaterThan(38);
			expect(armAngle(data.skeleton, posed, side)).toBeCloseTo(ARM_ANGLE, 6);
		}
		// Sharpest bend between neighbouring quads over the top of the shoulder (the deltoid, where
		// the weights split between the turning arm and the still torso), before and after: the
		// pose may not add a crease. The armpit below is left out: it closes as the arm comes
		// down, in a person too.
		const zone = new Set<number>();
		const joint = boneHead(data.skeleton, 'upperarm01.L', shaped);
		for (const b of ['clavicle.L', 'shoulder01.L', 'upperarm01.L']) for (const [v, w] of data.weights.get(b)!) if (w > 0.1 && v < surface.vertexCount && shaped[v * 3 + 1] > joint[1]) zone.add(v);
		expect(zone.size).toBeGreaterThan(100);
		const sharpest = (pos: Float64Array): number => {
			const q = surface.quads;
			const normal = (f: number): number[] => {
				const [a, b, c, d] = [q[f * 4], q[f * 4 + 1], q[f * 4 + 2], q[f * 4 + 3]].map((i) => [pos[i * 3], pos[i * 3 + 1], pos[i * 3 + 2]]);
				const u = [c[0] - a[0], c[1] - a[1], c[2] - a[2]], v = [d[0] - b[0], d[1] - b[1], d[2] - b[2]];
				const n = [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
				const l = Math.hypot(n[0], n[1], n[2]);
				return n.map((x) => x / l);
			};
			const byEdge = new Map<string, number[]>();
			for (let f = 0; f < q.length / 4; f++) for (let k = 0; k < 4; k++) {
				const a = q[f * 4 + k], b = q[f * 4 + ((k + 1) & 3)];
				if (!zone.has(a) || !zone.has(b)) continue;
				const key = `${Math.min(a, b)},${Math.max(a, b)}`;
				byEdge.set(key, [...(byEdge.get(key) ?? []), f]);
			}
			let worst = 0;
			for (const fs of byEdge.values()) if (fs.length === 2) {
				const [n1, n2] = [normal(fs[0]), normal(fs[1])];
				worst = Math.max(worst, Math.acos(Math.min(1, n1[0] * n2[0] + n1[1] * n2[1] + n1[2] * n2[2])));
			}
			return (worst * 180) / Math.PI;
		};
		expect(sharpest(posed)).toBeLessThan(sharpest(shaped) + 5);
		// The elbow, opened most of the way: no sharper than it was bent.
		const elbow = boneHead(data.skeleton, 'lowerarm01.L', shaped);
		zone.clear();
		for (let v = 0; v < surface.vertexCount; v++) if (Math.hypot(shaped[v * 3] - elbow[0], shaped[v * 3 + 1] - elbow[1], shaped[v * 3 + 2] - elbow[2]) < 0.8) zone.add(v);
		expect(zone.size).toBeGreaterThan(60);
		expect(sharpest(posed)).toBeLessThan(sharpest(shaped) + 5);
	}, 60_000);

	it('quadNeighbours (the load-time version) gives exactly the neighbour lists of the sets version', () => {
		const fast = quadNeighbours(surface.quads, surface.vertexCount);
		expect(fast.map((a) => Array.from(a))).toEqual(neighbours(quadPolys(surface.quads), surface.vertexCount).map((a) => Array.from(a)));
	});

	it('every figure is one closed, connected, manifold surface facing out, with no inverted triangles', () => {
		for (const [s, b] of all()) {
			const f = fig(s, b);
			for (const { positions, triangles } of [{ positions: f.positions, triangles: surface.triangles }, paintingSurface(surface, f)]) {
				const r = edgeReport(triPolys(triangles));
				expect({ boundary: r.boundary, nonManifold: r.nonManifold, misoriented: r.misoriented }).toEqual({ boundary: 0, nonManifold: 0, misoriented: 0 });
				expect(pieces(triPolys(triangles), positions.length / 3)).toBe(1);
				expect(signedVolume(positions, triangles)).toBeGreaterThan(0.03);
				expect(invertedTriangles(toTriMesh(positions, triangles)), `${s}-${b}`).toBe(0);
			}
		}
	}, 120_000);

	it('is exactly mirror-symmetric and deterministic', () => {
		for (const [s, b] of all()) {
			const p = fig(s, b).positions;
			for (let v = 0; v < surface.vertexCount; v++) {
				const m = surface.mirror[v];
				if (p[v * 3] !== -p[m * 3] || p[v * 3 + 1] !== p[m * 3 + 1] || p[v * 3 + 2] !== p[m * 3 + 2]) throw new Error(`${s}-${b}: vertex ${v} is not the mirror of ${m}`);
			}
		}
		// The painting surface too: every new point has a mirror partner (the point of the
		// mirrored edge or quad) at the mirrored place, to rounding.
		const plan = surface.plan;
		const fineMirror = fineMirrorOf(surface);
		for (const [s, b] of all()) {
			const p = paintingSurface(surface, fig(s, b)).positions;
			let worst = 0;
			for (let v = 0; v < plan.vertexCount; v++) {
				const m = fineMirror[v];
				worst = Math.max(worst, Math.abs(p[v * 3] + p[m * 3]), Math.abs(p[v * 3 + 1] - p[m * 3 + 1]), Math.abs(p[v * 3 + 2] - p[m * 3 + 2]));
			}
			expect(worst, `${s}-${b}`).toBeLessThan(1e-12);
		}
		const again = buildFigure(data, bodySurface(data.obj), 'female', BUILDS.slim);
		expect(again.positions).toEqual(fig('female', 'slim').positions);
		expect(paintingSurface(surface, again)).toEqual(paintingSurface(surface, fig('female', 'slim')));
	}, 60_000);

	it('shares one vertex list: a painting on one figure lies on the same place of every other', () => {
		const ref = fig('female', 'average');
		const fine = paintingSurface(surface, ref);
		const n = fine.positions.length / 3;
		// A round dab on the lower back, left of the spine, on the fine (painting) surface.
		const c = [0.06, ref.landmarks['mid-back'][1] - 0.05, -0.2];
		const dab: number[] = [];
		for (let v = 0; v < n; v++) {
			const p = fine.positions;
			if (p[v * 3 + 2] < -0.02 && Math.hypot(p[v * 3] - c[0], p[v * 3 + 1] - c[1]) < 0.04) dab.push(v);
		}
		expect(dab.length).toBeGreaterThan(20);
		for (const [s, b] of all()) {
			const other = paintingSurface(surface, fig(s, b));
			expect(other.positions.length / 3).toBe(n);
			expect(other.triangles).toBe(fine.triangles);
			// The dab's centre on the other figure: left of the spine, on the back, at lower-back height.
			const m = [0, 0, 0];
			for (const v of dab) for (let k = 0; k < 3; k++) m[k] += other.positions[v * 3 + k] / dab.length;
			const back = fig(s, b).landmarks['mid-back'];
			expect(m[0]).toBeGreaterThan(0.03);
			expect(m[0]).toBeLessThan(0.1);
			expect(Math.abs(m[1] - (back[1] - 0.05))).toBeLessThan(0.05);
			expect(m[2]).toBeLessThan(back[2]);
		}
	}, 60_000);

	it('closes the eyes: no skin left inside the eyeball, so no empty socket', () => {
		for (const [s, b] of all()) {
			const shaped = applyTargets(data.obj.positions, figureTargets(data, s, BUILDS[b]));
			const f = fig(s, b);
			let minY = Infinity;
			for (let v = 0; v < surface.vertexCount; v++) minY = Math.min(minY, shaped[v * 3 + 1]);
			for (const side of ['l', 'r']) {
				const eye = fitSphere(shaped, groupVertices(data.obj, `helper-${side}-eye`));
				const c = [eye.centre[0] * 0.1, (eye.centre[1] - minY) * 0.1, eye.centre[2] * 0.1];
				let inside = 0;
				for (let v = 0; v < surface.vertexCount; v++) {
					const d = Math.hypot(f.positions[v * 3] - c[0], f.positions[v * 3 + 1] - c[1], f.positions[v * 3 + 2] - c[2]);
					if (d < eye.radius * 0.1 * 0.99) inside++;
				}
				expect(inside, `${s}-${b} ${side}`).toBe(0);
			}
		}
	}, 60_000);

	it('paints at about 10 mm where people paint, the original vertices kept', () => {
		// Where people paint: vertices led by torso and limb bones (not the face, hands or feet).
		const best = new Float64Array(surface.vertexCount);
		const lead: string[] = new Array(surface.vertexCount).fill('head');
		for (const [b, list] of data.weights) for (const [v, w] of list) if (v < surface.vertexCount && w > best[v]) {
			best[v] = w;
			lead[v] = b;
		}
		const notPaint = /^(head|jaw|eye|levator|oris|special|temporalis|risorius|orbicularis|tongue|finger|metacarpal|wrist|toe|foot)/;
		const paint = (v: number): boolean => v >= surface.vertexCount || !notPaint.test(lead[v]);
		for (const [s, b] of all()) {
			const f = fig(s, b);
			const fine = paintingSurface(surface, f);
			expect(Array.from(fine.positions.subarray(0, surface.vertexCount * 3))).toEqual(Array.from(f.positions));
			const coarse = median(edgeLengths(f.positions, surface.triangles, (x, y) => paint(x) && paint(y)));
			const painted = median(edgeLengths(fine.positions, fine.triangles, (x, y) => paint(x) && paint(y)));
			expect(coarse).toBeGreaterThan(0.018);
			// 9.2 mm on the slim woman to 10.8 mm on the broad man (today's procedural body: 10–11 mm).
			expect(painted, `${s}-${b}`).toBeLessThan(0.011);
			expect(painted / coarse).toBeLessThan(0.53);
		}
	}, 60_000);
});
