/**
 * A bounding volume hierarchy over a triangle mesh, for one question: the first triangle a ray
 * hits. Pure (no three.js, no DOM): Node-testable. The body needed only this of three-mesh-bvh,
 * which weighs 15 KB gzip on every body page; this is about 2.
 *
 * Nodes split at the middle of their triangles' centroids along the longest axis, down to a few
 * triangles a leaf. The triangle list is reordered in a copy; the mesh's index is never touched,
 * so a triangle id means what it means in the geometry.
 */

const LEAF = 6;

export interface RayHit {
	/** Triangle id in the mesh's index order. */
	face: number;
	/** Distance along the (unit) ray direction. */
	t: number;
	/** Barycentric weights of the triangle's second and third corners at the hit. */
	u: number;
	v: number;
}

export class TriangleBVH {
	readonly #pos: ArrayLike<number>;
	readonly #index: ArrayLike<number>;
	/** Triangle ids, grouped by leaf. */
	readonly #order: Uint32Array;
	/** Per node: min xyz, max xyz. */
	#box: Float64Array;
	/** Per node: first triangle (in #order) and count for a leaf; for an inner node, count is 0 and first is the right child (the left child follows the node). */
	#first: Uint32Array;
	#count: Uint32Array;
	#nodes = 0;

	constructor(positions: ArrayLike<number>, index: ArrayLike<number>) {
		this.#pos = positions;
		this.#index = index;
		const n = index.length / 3;
		this.#order = new Uint32Array(n);
		const centre = new Float64Array(n * 3);
		for (let f = 0; f < n; f++) {
			this.#order[f] = f;
			for (let k = 0; k < 3; k++) {
				const a = index[f * 3] * 3 + k, b = index[f * 3 + 1] * 3 + k, c = index[f * 3 + 2] * 3 + k;
				centre[f * 3 + k] = (positions[a] + positions[b] + positions[c]) / 3;
			}
		}
		const max = Math.max(1, 2 * Math.ceil(n / 2) * 2);
		this.#box = new Float64Array(max * 6);
		this.#first = new Uint32Array(max);
		this.#count = new Uint32Array(max);
		if (n > 0) this.#build(0, n, centre);
	}

	#build(start: number, end: number, centre: Float64Array): number {
		const node = this.#nodes++;
		const box = this.#box, pos = this.#pos, idx = this.#index, order = this.#order;
		const cmin = [Infinity, Infinity, Infinity], cmax = [-Infinity, -Infinity, -Infinity];
		let x0 = Infinity, y0 = Infinity, z0 = Infinity, x1 = -Infinity, y1 = -Infinity, z1 = -Infinity;
		for (let i = start; i < end; i++) {
			const f = order[i];
			for (let j = 0; j < 3; j++) {
				const p = idx[f * 3 + j] * 3;
				const x = pos[p], y = pos[p + 1], z = pos[p + 2];
				if (x < x0) x0 = x;
				if (x > x1) x1 = x;
				if (y < y0) y0 = y;
				if (y > y1) y1 = y;
				if (z < z0) z0 = z;
				if (z > z1) z1 = z;
			}
			for (let k = 0; k < 3; k++) {
				const c = centre[f * 3 + k];
				if (c < cmin[k]) cmin[k] = c;
				if (c > cmax[k]) cmax[k] = c;
			}
		}
		box.set([x0, y0, z0, x1, y1, z1], node * 6);
		const axis = cmax[0] - cmin[0] >= cmax[1] - cmin[1] && cmax[0] - cmin[0] >= cmax[2] - cmin[2] ? 0 : cmax[1] - cmin[1] >= cmax[2] - cmin[2] ? 1 : 2;
		if (end - start <= LEAF || cmax[axis] === cmin[axis]) {
			this.#first[node] = start;
			this.#count[node] = end - start;
			return node;
		}
		// Partition around the middle of the centroids; a lopsided split falls back to halves by count.
		const mid = (cmin[axis] + cmax[axis]) / 2;
		let i = start, j = end - 1;
		while (i <= j) {
			if (centre[order[i] * 3 + axis] < mid) i++;
			else {
				const t = order[i];
				order[i] = order[j];
				order[j--] = t;
			}
		}
		if (i === start || i === end) i = (start + end) >> 1;
		this.#build(start, i, centre);
		this.#first[node] = this.#build(i, end, centre);
		this.#count[node] = 0;
		return node;
	}

	/**
	 * The nearest hit within [near, far] of a ray (dir of unit length), or null. With `frontOnly`,
	 * triangles seen from behind (clockwise from the ray's side) are passed through.
	 * Ties go to the lower triangle id.
	 */
	raycastFirst(ox: number, oy: number, oz: number, dx: number, dy: number, dz: number, frontOnly: boolean, near = 0, far = Infinity): RayHit | null {
		if (this.#nodes === 0) return null;
		// A zero component would make 0 × ∞ (NaN) at a box face: a vanishing one instead.
		const ix = 1 / (dx || 1e-300), iy = 1 / (dy || 1e-300), iz = 1 / (dz || 1e-300);
		const box = this.#box;
		const best: RayHit = { face: -1, t: far, u: 0, v: 0 };
		const stack: number[] = [0];
		while (stack.length) {
			const node = stack.pop()!;
			const enter = slab(box, node * 6, ox, oy, oz, ix, iy, iz);
			if (enter > best.t || enter === Infinity) continue;
			const count = this.#count[node];
			if (count > 0) {
				const first = this.#first[node];
				for (let i = first; i < first + count; i++) this.#triangle(this.#order[i], ox, oy, oz, dx, dy, dz, frontOnly, near, best);
				continue;
			}
			// Visit the nearer child first: pushed last.
			const left = node + 1, right = this.#first[node];
			const l = slab(box, left * 6, ox, oy, oz, ix, iy, iz), r = slab(box, right * 6, ox, oy, oz, ix, iy, iz);
			if (l <= r) {
				if (r <= best.t) stack.push(right);
				if (l <= best.t) stack.push(left);
			} else {
				if (l <= best.t) stack.push(left);
				if (r <= best.t) stack.push(right);
			}
		}
		return best.face < 0 ? null : best;
	}

	/** Ray–triangle test (the signed-volume form three.js's Ray.intersectTriangle uses too, so both agree). */
	#triangle(f: number, ox: number, oy: number, oz: number, dx: number, dy: number, dz: number, frontOnly: boolean, near: number, best: RayHit): void {
		const p = this.#pos, idx = this.#index;
		const a = idx[f * 3] * 3, b = idx[f * 3 + 1] * 3, c = idx[f * 3 + 2] * 3;
		const e1x = p[b] - p[a], e1y = p[b + 1] - p[a + 1], e1z = p[b + 2] - p[a + 2];
		const e2x = p[c] - p[a], e2y = p[c + 1] - p[a + 1], e2z = p[c + 2] - p[a + 2];
		const nx = e1y * e2z - e1z * e2y, ny = e1z * e2x - e1x * e2z, nz = e1x * e2y - e1y * e2x;
		let ddn = dx * nx + dy * ny + dz * nz;
		let sign: number;
		if (ddn > 0) {
			if (frontOnly) return;
			sign = 1;
		} else if (ddn < 0) {
			sign = -1;
			ddn = -ddn;
		} else return;
		const qx = ox - p[a], qy = oy - p[a + 1], qz = oz - p[a + 2];
		// d · (q × e2)
		const u = sign * (dx * (qy * e2z - qz * e2y) + dy * (qz * e2x - qx * e2z) + dz * (qx * e2y - qy * e2x));
		if (u < 0) return;
		// d · (e1 × q)
		const v = sign * (dx * (e1y * qz - e1z * qy) + dy * (e1z * qx - e1x * qz) + dz * (e1x * qy - e1y * qx));
		if (v < 0 || u + v > ddn) return;
		const qdn = -sign * (qx * nx + qy * ny + qz * nz);
		if (qdn < 0) return;
		const t = qdn / ddn;
		if (t < near || t > best.t || (t === best.t && f > best.face && best.face >= 0)) return;
		best.face = f;
		best.t = t;
		best.u = u / ddn;
		best.v = v / ddn;
	}
}

/** Where a ray enters an axis-aligned box (0 if it starts inside), or Infinity if it misses. */
function slab(box: Float64Array, o: number, ox: number, oy: number, oz: number, ix: number, iy: number, iz: number): number {
	let t0 = (box[o] - ox) * ix, t1 = (box[o + 3] - ox) * ix;
	let lo = Math.min(t0, t1), hi = Math.max(t0, t1);
	t0 = (box[o + 1] - oy) * iy;
	t1 = (box[o + 4] - oy) * iy;
	lo = Math.max(lo, Math.min(t0, t1));
	hi = Math.min(hi, Math.max(t0, t1));
	t0 = (box[o + 2] - oz) * iz;
	t1 = (box[o + 5] - oz) * iz;
	lo = Math.max(lo, Math.min(t0, t1));
	hi = Math.min(hi, Math.max(t0, t1));
	return hi >= Math.max(lo, 0) ? Math.max(lo, 0) : Infinity;
}
