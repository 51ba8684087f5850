/**
 * Region picking on the body with a BVH of our own (bvh.ts). Pure geometry: runs in Node (unit
 * tests, bench) and in the browser (BodyScene) alike.
 *
 * The BVH leaves `geometry.index` in its order, so a triangle id means the same thing before and
 * after. Even so, nothing here persists triangle ids: a hit is reported as a region code (per
 * vertex) plus a point, which survive a rebuilt model.
 */
import { FrontSide, Ray, Vector3, type BufferGeometry, type Side } from 'three';
import { TriangleBVH } from './bvh';
import type { RegionCode } from '$lib/body/types';
import { REGION_ATTRIBUTE } from './geometry';

/** What a pick found, in the mesh's own (model) space. */
export interface PickHit {
	/** Region code 1..80 (0 if the triangle carries none). */
	code: RegionCode;
	/** Hit point, metres, model space. */
	point: Vector3;
	/** Smooth (interpolated vertex) normal at the hit, facing the ray. */
	normal: Vector3;
	/** Triangle index in the geometry's original index order (valid for this geometry only). */
	faceIndex: number;
	/** The triangle's vertex nearest the hit (seeds a paint dab; valid for this geometry only). */
	vertex: number;
	/** Distance along the ray, metres. */
	distance: number;
}

/** Builds a BVH once and answers "which region is under this ray?". */
export class BodyPicker {
	/** The BVH (the geometry's index is left untouched). */
	readonly bvh: TriangleBVH;
	readonly #regions: ArrayLike<number>;
	readonly #positions: ArrayLike<number>;
	readonly #normals: ArrayLike<number>;
	readonly #index: ArrayLike<number>;

	/**
	 * @param geometry body geometry with position, normal, index and a `region` attribute
	 * @param side which faces count; FrontSide matches what the viewer draws
	 */
	constructor(geometry: BufferGeometry, side: Side = FrontSide) {
		const regions = geometry.getAttribute(REGION_ATTRIBUTE);
		if (!regions) throw new Error('BodyPicker: geometry has no region attribute');
		this.#regions = regions.array as ArrayLike<number>;
		this.#positions = geometry.getAttribute('position').array as ArrayLike<number>;
		const normals = geometry.getAttribute('normal');
		if (!normals || !geometry.index) throw new Error('BodyPicker: geometry has no normals or no index');
		this.#normals = normals.array as ArrayLike<number>;
		if (side !== FrontSide) throw new Error('BodyPicker: only the front side is picked');
		this.#index = geometry.index.array as ArrayLike<number>;
		this.bvh = new TriangleBVH(this.#positions, this.#index);
	}

	/** First hit along a model-space ray, or null when it misses the body. */
	pick(ray: Ray, near = 0, far = Infinity): PickHit | null {
		const { origin: o, direction: dir } = ray;
		const hit = this.bvh.raycastFirst(o.x, o.y, o.z, dir.x, dir.y, dir.z, true, near, far);
		if (!hit) return null;
		const f = hit.face, idx = this.#index, pos = this.#positions;
		const a = idx[f * 3], b = idx[f * 3 + 1], c = idx[f * 3 + 2];
		const point = ray.at(hit.t, new Vector3());
		const at = (v: number, into: Vector3, from: ArrayLike<number>) => into.set(from[v * 3], from[v * 3 + 1], from[v * 3 + 2]);
		const d = (v: number) => point.distanceToSquared(at(v, scratch, pos));
		const vertex = d(a) <= d(b) ? (d(a) <= d(c) ? a : c) : d(b) <= d(c) ? b : c;
		const w = [1 - hit.u - hit.v, hit.u, hit.v];
		const normal = new Vector3();
		// Smooth: the vertex normals weighted at the hit.
		[a, b, c].forEach((v, i) => normal.addScaledVector(at(v, scratch, this.#normals), w[i]));
		return {
			// Every triangle's three vertices share one code, so vertex a is enough.
			code: this.#regions[a] ?? 0,
			point,
			normal: normal.normalize(),
			faceIndex: f,
			vertex,
			distance: hit.t
		};
	}
}

const scratch = new Vector3();

/** Convenience for callers with two points: a ray from `origin` towards `target`. */
export function rayTowards(origin: Vector3, target: Vector3): Ray {
	return new Ray(origin.clone(), target.clone().sub(origin).normalize());
}
