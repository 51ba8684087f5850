/**
 * Region picking on the body with three-mesh-bvh. Pure geometry: runs in Node (unit tests,
 * bench) and in the browser (BodyScene) alike.
 *
 * The BVH is built with `indirect: true`, so `geometry.index` keeps its order and a triangle id
 * means the same thing before and after. Even so, nothing here persists triangle ids: a hit is
 * reported as a region code (per vertex) plus a point, which survive a rebuilt model.
 */
import { FrontSide, Ray, Vector3, type BufferGeometry, type Side } from 'three';
import { MeshBVH } from 'three-mesh-bvh';
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
	/** The BVH (indirect: the geometry's index is left untouched). */
	readonly bvh: MeshBVH;
	readonly #regions: ArrayLike<number>;
	readonly #positions: ArrayLike<number>;
	readonly #side: Side;

	/**
	 * @param geometry body geometry with position, normal, index and a `region` attribute
	 * @param side which faces count; FrontSide matches what the viewer draws
	 */
	constructor(geometry: BufferGeometry, side: Side = FrontSide) {
		const regions = geometry.getAttribute(REGION_ATTRIBUTE);
		if (!regions) throw new Error('BodyPicker: geometry has no region attribute');
		this.#regions = regions.array as ArrayLike<number>;
		this.#positions = geometry.getAttribute('position').array as ArrayLike<number>;
		this.#side = side;
		this.bvh = new MeshBVH(geometry, { indirect: true });
	}

	/** First hit along a model-space ray, or null when it misses the body. */
	pick(ray: Ray, near = 0, far = Infinity): PickHit | null {
		const hit = this.bvh.raycastFirst(ray, this.#side, near, far);
		if (!hit || !hit.face) return null;
		const { a, b, c } = hit.face;
		const d = (v: number) => hit.point.distanceToSquared({ x: this.#positions[v * 3], y: this.#positions[v * 3 + 1], z: this.#positions[v * 3 + 2] } as Vector3);
		const vertex = d(a) <= d(b) ? (d(a) <= d(c) ? a : c) : d(b) <= d(c) ? b : c;
		return {
			// Every triangle's three vertices share one code, so vertex a is enough.
			code: this.#regions[hit.face.a] ?? 0,
			point: hit.point.clone(),
			normal: (hit.normal ?? hit.face.normal).clone().normalize(),
			faceIndex: hit.faceIndex ?? -1,
			vertex,
			distance: hit.distance
		};
	}
}

/** Convenience for callers with two points: a ray from `origin` towards `target`. */
export function rayTowards(origin: Vector3, target: Vector3): Ray {
	return new Ray(origin.clone(), target.clone().sub(origin).normalize());
}
