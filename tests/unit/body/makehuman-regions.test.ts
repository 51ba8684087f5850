/**
 * The 80 regions on the MakeHuman figures (issue 10, phase 2a): every vertex labelled, every
 * region present and one connected piece per side, exact mirrors, smooth borders, determinism,
 * and landmarks a therapist would check, on both sides of every sex and build.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMakeHuman } from '../../../src/lib/body/makehuman/load';
import { BUILDS, REGION_REFERENCE, bodySurface, buildFigure, paintingSurface, type BodySurface, type BuildName, type Figure, type MakeHumanData, type Sex } from '../../../src/lib/body/makehuman/figure';
import { vertexNormals } from '../../../src/lib/body/makehuman/mesh';
import { regionMap } from '../../../src/lib/body/makehuman/regionmap';
import { mirrorCode } from '../../../src/lib/body/makehuman/regioncodes';
import { applyCut, borderTurning, regionPieces, regionSurface, vertexSides, type RegionSurface } from '../../../src/lib/body/makehuman/regioncut';
import { REGIONS, codeOf } from '../../../src/lib/domain/regions';
import { fineMirrorOf } from './helpers';

type V3 = [number, number, number];

describe('regions on the MakeHuman figures', () => {
	let data: MakeHumanData;
	let surface: BodySurface;
	let map: Uint8Array;
	let cut: RegionSurface;
	const figures = new Map<string, Figure>();
	const all = (): [Sex, BuildName][] => (['female', 'male'] as const).flatMap((s) => (Object.keys(BUILDS) as BuildName[]).map((b) => [s, b] as [Sex, BuildName]));

	beforeAll(() => {
		data = loadMakeHuman();
		surface = bodySurface(data.obj);
		for (const [s, b] of all()) figures.set(`${s}-${b}`, buildFigure(data, surface, s, BUILDS[b]));
		map = regionMap(data, surface, figures.get(`${REGION_REFERENCE.sex}-${REGION_REFERENCE.build}`)!);
		cut = regionSurface(surface, map, vertexSides(figures.get('male-average')!.positions, surface.vertexCount));
	}, 120_000);

	it('labels every vertex with one of the 80 codes, and every code is used', () => {
		expect(map.length).toBe(surface.vertexCount);
		for (const c of map) expect(c >= 1 && c <= 80).toBe(true);
		expect(new Set(map).size).toBe(80);
		expect(new Set(cut.regions).size).toBe(80);
		// On the cut painting surface each triangle lies in one region.
		const T = cut.triangles;
		let mixed = 0;
		for (let t = 0; t < T.length; t += 3) if (cut.regions[T[t]] !== cut.regions[T[t + 1]] || cut.regions[T[t]] !== cut.regions[T[t + 2]]) mixed++;
		expect(mixed).toBe(0);
	});

	it('makes each region one connected piece per side', () => {
		const pieces = regionPieces(cut);
		expect(pieces.size).toBe(80);
		const many = [...pieces].filter(([, n]) => n !== 1).map(([r, n]) => `${REGIONS[r - 1].id}: ${n}`);
		expect(many).toEqual([]);
	});

	it('mirrors left and right exactly, from the client’s own point of view', () => {
		let bad = 0;
		for (let v = 0; v < surface.vertexCount; v++) {
			const m = surface.mirror[v];
			if (m === v) continue;
			if (map[m] !== mirrorCode(map[v])) bad++;
		}
		expect(bad).toBe(0);
		// The client's left is +x (MakeHuman's `.L` side, the viewer's right in the front view).
		const f = figures.get('female-average')!;
		const hand = f.landmarks['hand-l'];
		expect(hand[0]).toBeGreaterThan(0);
		expect(REGIONS[map[nearest(f.positions, hand, surface.vertexCount)] - 1].id).toBe('hand-l');
		// On the painting surface too: every new point's mirror partner (the point of the
		// mirrored edge or quad) has the mirrored region.
		const plan = surface.plan;
		const fineMirror = fineMirrorOf(surface);
		for (let v = 0; v < plan.vertexCount; v++) if (fineMirror[v] !== v && cut.fineCode[fineMirror[v]] !== mirrorCode(cut.fineCode[v])) bad++;
		expect(bad).toBe(0);
		// Region areas on the cut surface, left against right, on every figure.
		for (const [s, b] of all()) {
			const fine = paintingSurface(surface, figures.get(`${s}-${b}`)!);
			const area = regionAreas(cut, applyCut(cut, fine.positions));
			for (const r of REGIONS) if (r.side === 'left') expect(Math.abs(area[r.code] / area[codeOf(r.pair)] - 1), `${s}-${b} ${r.id}`).toBeLessThan(1e-9);
		}
	}, 60_000);

	it('gives every region room to tap and paint on every figure (at least 15 cm²)', () => {
		for (const [s, b] of all()) {
			const area = regionAreas(cut, applyCut(cut, paintingSurface(surface, figures.get(`${s}-${b}`)!).positions));
			const small = REGIONS.filter((r) => area[r.code] < 15e-4).map((r) => `${s}-${b} ${r.id}: ${(area[r.code] * 1e4).toFixed(0)} cm²`);
			expect(small).toEqual([]);
		}
	}, 60_000);

	it('cuts borders as smooth curves, not the triangles’ staircase', () => {
		const fine = paintingSurface(surface, figures.get('male-broad')!);
		const smooth = borderTurning(cut, applyCut(cut, fine.positions));
		const stair = regionSurface(surface, map, vertexSides(fine.positions, surface.vertexCount), true);
		const zigzag = borderTurning(stair, applyCut(stair, fine.positions));
		// Measured: about 6° of turn per border point against 14° for the staircase.
		expect(smooth).toBeLessThan(8);
		expect(zigzag).toBeGreaterThan(smooth * 1.8);
	});

	it('is deterministic: the same map and cut again', () => {
		const again = regionMap(data, bodySurface(data.obj), buildFigure(data, surface, REGION_REFERENCE.sex, BUILDS[REGION_REFERENCE.build]));
		expect(again).toEqual(map);
		const cut2 = regionSurface(surface, again, vertexSides(figures.get('female-slim')!.positions, surface.vertexCount));
		expect(cut2.triangles).toEqual(cut.triangles);
		expect(cut2.mixWeight).toEqual(cut.mixWeight);
	}, 60_000);

	it('puts the landmarks a therapist checks in their regions, both sides, every sex and build', () => {
		const wrong: string[] = [];
		for (const [s, b] of all()) {
			const f = figures.get(`${s}-${b}`)!;
			const P = f.positions, nv = surface.vertexCount;
			const N = vertexNormals(P, surface.triangles, nv);
			const J = (bone: string): V3 => f.joints[`${bone}____head`];
			const lerp = (a: V3, c: V3, t: number): V3 => [a[0] + (c[0] - a[0]) * t, a[1] + (c[1] - a[1]) * t, a[2] + (c[2] - a[2]) * t];
			const shoulder = J('upperarm01.L'), elbow = J('lowerarm01.L'), wrist = J('wrist.L');
			const hip = J('upperleg01.L'), knee = J('lowerleg01.L'), ankle = J('foot.L');
			const nipple = f.joints['breast.L____tail'];
			const neck = J('neck01'), skull = J('head');
			const thigh = lerp(hip, knee, 0.5), calf = lerp(knee, ankle, 0.3), shin = lerp(knee, ankle, 0.5);
			const upper = lerp(shoulder, elbow, 0.65), fore = lerp(elbow, wrist, 0.45);
			// [where, the surface point facing which way, expected region base(s)]
			const checks: [string, V3, V3, string[]][] = [
				['between the scapulae', [0.058, shoulder[1] - 0.05, 0], [0, 0, -1], ['rhomboids']],
				['centre of the scapula', [shoulder[0] * 0.62, shoulder[1] - 0.08, 0], [0, 0, -1], ['infraspinatus']],
				['beside the thoracic spine', [0.018, J('spine01')[1], 0], [0, 0, -1], ['thoracic-erector']],
				['beside the lumbar spine', [0.03, hip[1] + 0.15, 0], [0, 0, -1], ['lumbar-erector']],
				['top of the sacrum', [0, hip[1] + 0.04, 0], [0, 0, -1], ['sacrum']],
				['mid buttock', [hip[0] - 0.005, hip[1] - 0.04, 0], [0, 0, -1], ['gluteus-maximus']],
				['upper outer hip, behind', [hip[0] + 0.02, hip[1] + 0.07, hip[2]], [0.5, 0, -0.85], ['gluteus-medius']],
				['acromion tip', [shoulder[0] + 0.01, shoulder[1], shoulder[2]], [0, 1, 0], ['deltoid', 'upper-trapezius']],
				['top of the shoulder, mid-way to the neck', [(shoulder[0] + 0.03) / 2 + 0.02, shoulder[1], shoulder[2] - 0.02], [0, 1, 0], ['upper-trapezius']],
				['back of the neck', [0.01, neck[1] + 0.3 * (skull[1] - neck[1]), 0], [0, 0, -1], ['back-of-neck']],
				['throat', [0, neck[1] + 0.005, 0], [0, 0, 1], ['throat']],
				['forehead', [0.02, f.joints['eye.L____head'][1] + 0.04, 0], [0, 0, 1], ['face']],
				['crown', [0.01, skull[1] + 0.1, skull[2]], [0, 1, 0], ['scalp']],
				['breastbone', [0, nipple[1], 0], [0, 0, 1], ['sternum']],
				['upper chest', [nipple[0] * 0.8, nipple[1] + 0.06, 0], [0, 0, 1], ['pectoralis']],
				['belly beside the navel', [0.045, hip[1] + 0.15, 0], [0, 0, 1], ['abdominals']],
				['front of the upper arm', upper, [0, 0, 1], ['biceps']],
				['back of the upper arm', upper, [0, 0, -1], ['triceps']],
				['point of the elbow', elbow, [0, 0, -1], ['elbow']],
				['back of the forearm, outside', fore, [0.6, 0, -0.8], ['forearm-extensors']],
				['knuckles', J('finger3-1.L'), [1, 0, 0], ['hand']],
				['front of mid-thigh', thigh, [0, 0, 1], ['quadriceps']],
				['back of mid-thigh', thigh, [0, 0, -1], ['hamstrings']],
				['outer mid-thigh', thigh, [1, 0, 0], ['it-band']],
				['inner upper thigh', lerp(hip, knee, 0.25), [-1, 0, 0], ['adductors']],
				['patella', knee, [0, 0, 1], ['knee']],
				['calf bulge', calf, [0, 0, -1], ['gastrocnemius']],
				['Achilles', lerp(knee, ankle, 0.85), [0, 0, -1], ['achilles']],
				['shin', shin, [0, 0, 1], ['tibialis-anterior']],
				['outer lower leg', shin, [1, 0, 0], ['peroneals']],
				['top of the foot', [ankle[0], 0.02, ankle[2] + 0.09], [0, 1, 0], ['ankle']],
				['sole', [ankle[0], 0.03, ankle[2] + 0.06], [0, -1, 0], ['sole']]
			];
			for (const [what, p, dir, want] of checks) {
				for (const side of [1, -1]) {
					const v = surfacePoint(P, N, nv, [p[0] * side, p[1], p[2]], [dir[0] * side, dir[1], dir[2]]);
					const r = REGIONS[map[v] - 1];
					const okSide = r.side === 'midline' || r.side === (side > 0 ? 'left' : 'right');
					if (!want.includes(r.base) || !okSide) wrong.push(`${s}-${b} ${side > 0 ? 'left' : 'right'} ${what}: ${r.id}`);
				}
			}
		}
		expect(wrong).toEqual([]);
	}, 60_000);
});

function nearest(P: ArrayLike<number>, p: V3, nv: number): number {
	let best = 0, bd = Infinity;
	for (let v = 0; v < nv; v++) {
		const d = (P[v * 3] - p[0]) ** 2 + (P[v * 3 + 1] - p[1]) ** 2 + (P[v * 3 + 2] - p[2]) ** 2;
		if (d < bd) {
			bd = d;
			best = v;
		}
	}
	return best;
}

/**
 * The surface reached from a point p inside the body going along `dir`: among vertices facing
 * that way and within 1.5 cm of the ray (2.5 cm if none is), the first one.
 */
function surfacePoint(P: ArrayLike<number>, N: ArrayLike<number>, nv: number, p: V3, dir: V3, radius = 0.015): number {
	const l = Math.hypot(dir[0], dir[1], dir[2]);
	const d: V3 = [dir[0] / l, dir[1] / l, dir[2] / l];
	let best = -1, bs = -Infinity;
	for (let v = 0; v < nv; v++) {
		// A point off the midline is looked for on its own side only (not on the other leg).
		if (p[0] * P[v * 3] < 0 || (p[0] !== 0 && P[v * 3] === 0)) continue;
		if (N[v * 3] * d[0] + N[v * 3 + 1] * d[1] + N[v * 3 + 2] * d[2] < 0.3) continue;
		const q = [P[v * 3] - p[0], P[v * 3 + 1] - p[1], P[v * 3 + 2] - p[2]];
		const along = q[0] * d[0] + q[1] * d[1] + q[2] * d[2];
		const off = Math.hypot(q[0] - along * d[0], q[1] - along * d[1], q[2] - along * d[2]);
		if (off < radius && along > 0 && -along > bs) {
			bs = -along;
			best = v;
		}
	}
	// The coarse vertices are about 2 cm apart on the limbs: widen the ray once if it fell between them.
	if (best < 0 && radius < 0.025) return surfacePoint(P, N, nv, p, dir, 0.025);
	if (best < 0) throw new Error(`no surface at ${p.map((x) => x.toFixed(3))} facing ${d.map((x) => x.toFixed(2))}`);
	return best;
}

function regionAreas(cut: RegionSurface, pos: ArrayLike<number>): Float64Array {
	const out = new Float64Array(81);
	const T = cut.triangles;
	for (let t = 0; t < T.length; t += 3) {
		const [a, b, c] = [T[t] * 3, T[t + 1] * 3, T[t + 2] * 3];
		const u = [pos[b] - pos[a], pos[b + 1] - pos[a + 1], pos[b + 2] - pos[a + 2]];
		const w = [pos[c] - pos[a], pos[c + 1] - pos[a + 1], pos[c + 2] - pos[a + 2]];
		out[cut.regions[T[t]]] += Math.hypot(u[1] * w[2] - u[2] * w[1], u[2] * w[0] - u[0] * w[2], u[0] * w[1] - u[1] * w[0]) / 2;
	}
	return out;
}
