/**
 * Pick latency: our BVH (BodyPicker, src/lib/scene/bvh.ts) against three.js's plain Mesh.raycast on the same
 * committed body asset, ray by ray. Goal (issue): BVH median under 0.2 ms and at least 20x faster.
 *
 * Rays are aimed the way a tap is: from a point on a sphere around the body towards a random
 * point on its surface (area-weighted), so nearly every ray hits, like real picks.
 * Run alone with `npx tsx bench/pick.ts`.
 */
import { fileURLToPath } from 'node:url';
import { FrontSide, Mesh, MeshBasicMaterial, Ray, Raycaster, Vector3 } from 'three';
import type { BodyFigure, BodyMesh } from '../src/lib/body/types';
import { readBody } from '../src/lib/body/makehuman/assetfiles';
import { createBodyGeometry } from '../src/lib/scene/geometry';
import { BodyPicker } from '../src/lib/scene/picking';

export interface PickBenchResult {
	figure: BodyFigure;
	triangles: number;
	/** Rays timed with the BVH / with the plain raycast. */
	rays: { bvh: number; plain: number };
	bvhBuildMs: number;
	bvhMedianMs: number;
	bvhP95Ms: number;
	plainMedianMs: number;
	/** plainMedianMs / bvhMedianMs. */
	speedup: number;
	/** Share of the plain-timed rays where both found the same triangle (or both missed). */
	agreement: number;
	/** The goal: median < 0.2 ms and speedup >= 20. */
	meetsGoal: boolean;
}

/** Small deterministic PRNG: the same rays every run. */
function mulberry32(seed: number): () => number {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Rays from a sphere around the body towards area-weighted random surface points. */
export function makeRays(mesh: BodyMesh, count: number, seed = 7): Ray[] {
	const rand = mulberry32(seed);
	const p = mesh.positions;
	const idx = mesh.indices;
	const tris = idx.length / 3;
	const cumulative = new Float64Array(tris);
	const a = new Vector3(), b = new Vector3(), c = new Vector3();
	let total = 0;
	for (let t = 0; t < tris; t++) {
		a.fromArray(p, idx[t * 3] * 3);
		b.fromArray(p, idx[t * 3 + 1] * 3);
		c.fromArray(p, idx[t * 3 + 2] * 3);
		total += b.clone().sub(a).cross(c.clone().sub(a)).length() / 2;
		cumulative[t] = total;
	}
	const centre = new Vector3(0, 0.9, 0);
	const rays: Ray[] = [];
	for (let i = 0; i < count; i++) {
		const x = rand() * total;
		let lo = 0, hi = tris - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (cumulative[mid] < x) lo = mid + 1;
			else hi = mid;
		}
		a.fromArray(p, idx[lo * 3] * 3);
		b.fromArray(p, idx[lo * 3 + 1] * 3);
		c.fromArray(p, idx[lo * 3 + 2] * 3);
		let u = rand(), v = rand();
		if (u + v > 1) { u = 1 - u; v = 1 - v; }
		const target = a.clone().multiplyScalar(1 - u - v).addScaledVector(b, u).addScaledVector(c, v);
		const origin = new Vector3().setFromSphericalCoords(3, Math.acos(2 * rand() - 1), rand() * Math.PI * 2).add(centre);
		rays.push(new Ray(origin, target.sub(origin).normalize()));
	}
	return rays;
}

function percentile(sorted: number[], q: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** The committed asset for a figure (average build) from static/body/, built as the browser builds it. */
export async function loadAsset(figure: BodyFigure): Promise<BodyMesh> {
	return readBody(figure, 'average');
}

/**
 * Measure pick latency per ray, BVH against plain raycast.
 * @param options.mesh a mesh to use instead of the committed asset (tests)
 */
export async function benchPick(
	options: { figure?: BodyFigure; rays?: number; plainRays?: number; mesh?: BodyMesh } = {}
): Promise<PickBenchResult> {
	const figure = options.figure ?? 'female';
	const mesh = options.mesh ?? (await loadAsset(figure));
	const rays = makeRays(mesh, options.rays ?? 2000);
	const plainCount = Math.min(rays.length, options.plainRays ?? 500);
	const geometry = createBodyGeometry(mesh);

	const t0 = performance.now();
	const picker = new BodyPicker(geometry);
	const bvhBuildMs = performance.now() - t0;

	// Warm up the JIT on both paths before timing.
	for (let i = 0; i < 200; i++) picker.pick(rays[i % rays.length]);
	const bvhTimes: number[] = [];
	for (const ray of rays) {
		const s = performance.now();
		picker.pick(ray);
		bvhTimes.push(performance.now() - s);
	}

	const plainMesh = new Mesh(geometry, new MeshBasicMaterial({ side: FrontSide }));
	const raycaster = new Raycaster();
	const plainTimes: number[] = [];
	let agree = 0;
	for (let i = 0; i < plainCount; i++) {
		raycaster.ray.copy(rays[i]);
		const s = performance.now();
		const hit = raycaster.intersectObject(plainMesh, false)[0];
		plainTimes.push(performance.now() - s);
		const fast = picker.pick(rays[i]);
		if ((hit?.faceIndex ?? -1) === (fast?.faceIndex ?? -1)) agree++;
	}
	geometry.dispose();

	bvhTimes.sort((x, y) => x - y);
	plainTimes.sort((x, y) => x - y);
	const bvhMedianMs = percentile(bvhTimes, 0.5);
	const plainMedianMs = percentile(plainTimes, 0.5);
	const speedup = plainMedianMs / bvhMedianMs;
	return {
		figure,
		triangles: mesh.indices.length / 3,
		rays: { bvh: rays.length, plain: plainCount },
		bvhBuildMs,
		bvhMedianMs,
		bvhP95Ms: percentile(bvhTimes, 0.95),
		plainMedianMs,
		speedup,
		agreement: agree / plainCount,
		meetsGoal: bvhMedianMs < 0.2 && speedup >= 20
	};
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	for (const figure of ['female', 'male'] as const) console.log(JSON.stringify(await benchPick({ figure }), null, 2));
}
