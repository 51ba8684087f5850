/**
 * Finer painting resolution by one step of selective subdivision. The plan (which edges split,
 * the new triangles) depends only on the base mesh, so every sex and build gets the same new
 * vertices in the same order after the original ones, which keep their indices.
 * - An edge splits when it is longer than a threshold on the base mesh: the torso and limbs
 *   (about 20 mm) split, the face and hands (about 4 mm) do not.
 * - A quad with all four edges split becomes four quads around a centre point; one with some
 *   split becomes a fan of triangles from a centre point, so no crack opens at the border.
 * - New points are not flat midpoints (those would show the coarse facets in the shading):
 *   an edge point is the middle of the cubic curve that leaves each end along its surface
 *   (the PN-triangle edge curve, from the vertex normals), and a centre is the Coons-patch centre
 *   of its quad (half the sum of the edge points minus a quarter of the corners). Original
 *   vertices stay where they are. Pure and deterministic.
 */

export interface SubdivisionPlan {
	coarseCount: number;
	/** Endpoint pairs of the split edges: new vertex coarseCount + i is on edge i. */
	edges: Uint32Array;
	/** Quads that get a centre point: new vertex coarseCount + edges + i is the centre of quad centres[i]. */
	centres: Uint32Array;
	/** The subdivided surface as triangles over coarse + edge + centre vertices. */
	triangles: Uint32Array;
	vertexCount: number;
}

/**
 * The two decisions a plan rests on, made once on the base mesh and shipped with the topology
 * asset, so the browser plans with no base positions: `split` has one entry per distinct edge
 * in the order the quads first meet it (1 = split), `diagonal` one per quad (1 = cut along
 * corners 0–2, 0 = along 1–3; used where a quad is not split, and for the coarse triangles).
 */
export interface SubdivisionChoices {
	split: Uint8Array;
	diagonal: Uint8Array;
}

/**
 * Make the choices on reference positions: an edge splits when `split` says so given its
 * length, a quad's diagonal is its shorter one.
 * @param refPos positions on which edge lengths are judged and diagonals chosen (the base mesh)
 */
export function chooseSubdivision(quads: Uint32Array, refPos: ArrayLike<number>, split: (a: number, b: number, length: number) => boolean): SubdivisionChoices {
	const len = (a: number, b: number): number =>
		Math.hypot(refPos[a * 3] - refPos[b * 3], refPos[a * 3 + 1] - refPos[b * 3 + 1], refPos[a * 3 + 2] - refPos[b * 3 + 2]);
	const seen = new EdgeTable(quads.length);
	const splits: number[] = [];
	const diagonal = new Uint8Array(quads.length / 4);
	for (let q = 0; q < quads.length; q += 4) {
		for (let k = 0; k < 4; k++) {
			const a = quads[q + k], b = quads[q + ((k + 1) & 3)];
			if (seen.get(a, b) !== undefined) continue;
			seen.set(a, b, 0);
			splits.push(split(a, b, len(a, b)) ? 1 : 0);
		}
		diagonal[q / 4] = len(quads[q], quads[q + 2]) <= len(quads[q + 1], quads[q + 3]) ? 1 : 0;
	}
	return { split: Uint8Array.from(splits), diagonal };
}

/** The quads as triangles along their chosen diagonals (the coarse surface). */
export function quadTriangles(quads: Uint32Array, diagonal: Uint8Array): Uint32Array {
	const out = new Uint32Array((quads.length / 4) * 6);
	for (let q = 0, o = 0; q < quads.length; q += 4, o += 6) {
		const [a, b, c, d] = [quads[q], quads[q + 1], quads[q + 2], quads[q + 3]];
		out.set(diagonal[q / 4] ? [a, b, c, a, c, d] : [a, b, d, b, c, d], o);
	}
	return out;
}

/**
 * @param quads   the coarse quads, over vertices 0 .. nv − 1
 * @param choices which edges split and each quad's diagonal (chooseSubdivision)
 */
export function planSubdivision(quads: Uint32Array, nv: number, choices: SubdivisionChoices): SubdivisionPlan {
	const edgeIndex = new EdgeTable(quads.length);
	const edges: number[] = [];
	let next = 0;
	// First pass, in quad order: number the split edges (deterministic order).
	for (let q = 0; q < quads.length; q += 4) {
		for (let k = 0; k < 4; k++) {
			const a = quads[q + k], b = quads[q + ((k + 1) & 3)];
			if (edgeIndex.get(a, b) !== undefined) continue;
			if (next >= choices.split.length) throw new Error('planSubdivision: fewer edge choices than edges');
			if (choices.split[next++]) {
				edgeIndex.set(a, b, edges.length / 2);
				edges.push(Math.min(a, b), Math.max(a, b));
			} else edgeIndex.set(a, b, -1);
		}
	}
	if (next !== choices.split.length) throw new Error('planSubdivision: more edge choices than edges');
	const ne = edges.length / 2;
	const centres: number[] = [];
	const tris: number[] = [];
	// Scratch per quad, no allocation in the loop (it runs in the browser at load).
	const c = new Int32Array(4), mid = new Int32Array(4), ring = new Int32Array(8);
	for (let q = 0; q < quads.length; q += 4) {
		let nsplit = 0;
		for (let k = 0; k < 4; k++) c[k] = quads[q + k];
		for (let k = 0; k < 4; k++) {
			const e = edgeIndex.get(c[k], c[(k + 1) & 3])!;
			mid[k] = e < 0 ? -1 : nv + e;
			if (e >= 0) nsplit++;
		}
		if (nsplit === 0) {
			// Diagonal chosen on the reference mesh, so every figure has the same triangles.
			if (choices.diagonal[q / 4]) tris.push(c[0], c[1], c[2], c[0], c[2], c[3]);
			else tris.push(c[0], c[1], c[3], c[1], c[2], c[3]);
			continue;
		}
		const centre = nv + ne + centres.length;
		centres.push(q / 4);
		if (nsplit === 4) {
			// Four quads (corner, next edge point, centre, previous edge point), each cut along
			// the diagonal from the corner, which keeps all four alike under mirroring.
			for (let k = 0; k < 4; k++) {
				const a = c[k], m1 = mid[k], m0 = mid[(k + 3) & 3];
				tris.push(a, m1, centre, a, centre, m0);
			}
			continue;
		}
		let n = 0;
		for (let k = 0; k < 4; k++) {
			ring[n++] = c[k];
			if (mid[k] >= 0) ring[n++] = mid[k];
		}
		for (let k = 0; k < n; k++) tris.push(ring[k], ring[(k + 1) % n], centre);
	}
	return {
		coarseCount: nv,
		edges: Uint32Array.from(edges),
		centres: Uint32Array.from(centres),
		triangles: Uint32Array.from(tris),
		vertexCount: nv + ne + centres.length
	};
}

/**
 * Undirected edge -> number, open addressing over typed arrays: the plan runs in the browser at
 * load time, where a Map of 27,000 numeric keys costs several times more.
 */
class EdgeTable {
	private keysA: Int32Array;
	private keysB: Int32Array;
	private vals: Int32Array;
	private mask: number;
	constructor(expected: number) {
		let size = 1;
		while (size < expected * 2) size <<= 1;
		this.keysA = new Int32Array(size).fill(-1);
		this.keysB = new Int32Array(size);
		this.vals = new Int32Array(size);
		this.mask = size - 1;
	}
	private slot(a: number, b: number): number {
		const lo = Math.min(a, b), hi = Math.max(a, b);
		let h = (Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi, 0x85ebca6b)) & this.mask;
		while (this.keysA[h] !== -1 && (this.keysA[h] !== lo || this.keysB[h] !== hi)) h = (h + 1) & this.mask;
		return h;
	}
	get(a: number, b: number): number | undefined {
		const h = this.slot(a, b);
		return this.keysA[h] === -1 ? undefined : this.vals[h];
	}
	set(a: number, b: number, v: number): void {
		const h = this.slot(a, b);
		this.keysA[h] = Math.min(a, b);
		this.keysB[h] = Math.max(a, b);
		this.vals[h] = v;
	}
}

/** Middle of the PN edge curve from a to b with unit normals na, nb, into out[o..o+3]. */
function curveMid(p: ArrayLike<number>, n: ArrayLike<number>, a: number, b: number, out: Float64Array, o: number): void {
	let wab = 0, wba = 0;
	for (let k = 0; k < 3; k++) {
		wab += (p[b * 3 + k] - p[a * 3 + k]) * n[a * 3 + k];
		wba += (p[a * 3 + k] - p[b * 3 + k]) * n[b * 3 + k];
	}
	for (let k = 0; k < 3; k++) out[o + k] = (p[a * 3 + k] + p[b * 3 + k]) / 2 - (wab * n[a * 3 + k] + wba * n[b * 3 + k]) / 8;
}

/**
 * Positions of the subdivided surface: the coarse ones unchanged, then edge points, then
 * centres. `normals` are the coarse surface's unit vertex normals.
 */
export function subdivide(plan: SubdivisionPlan, quads: Uint32Array, pos: ArrayLike<number>, normals: ArrayLike<number>): Float64Array {
	const nv = plan.coarseCount, ne = plan.edges.length / 2;
	const out = new Float64Array(plan.vertexCount * 3);
	for (let i = 0; i < nv * 3; i++) out[i] = pos[i];
	for (let e = 0; e < ne; e++) curveMid(pos, normals, plan.edges[e * 2], plan.edges[e * 2 + 1], out, (nv + e) * 3);
	const m = new Float64Array(3);
	for (let i = 0; i < plan.centres.length; i++) {
		const q = plan.centres[i] * 4;
		const o = (nv + ne + i) * 3;
		for (let k = 0; k < 4; k++) {
			const a = quads[q + k], b = quads[q + ((k + 1) & 3)];
			curveMid(pos, normals, a, b, m, 0);
			for (let j = 0; j < 3; j++) out[o + j] += m[j] / 2 - pos[a * 3 + j] / 4;
		}
	}
	return out;
}

/**
 * Normals for the subdivided surface, interpolated from the coarse ones (an edge point gets the
 * normalised mean of its two ends, a centre that of its four corners) rather than recomputed
 * from the new small faces: recomputed, they pick up every slight bend of the new points and
 * the skin shades in blotches; interpolated, it shades as smoothly as the coarse surface.
 */
export function subdivideNormals(plan: SubdivisionPlan, quads: Uint32Array, normals: ArrayLike<number>): Float32Array {
	const nv = plan.coarseCount, ne = plan.edges.length / 2;
	const out = new Float32Array(plan.vertexCount * 3);
	for (let i = 0; i < nv * 3; i++) out[i] = normals[i];
	const put = (o: number, ids: number[]): void => {
		let x = 0, y = 0, z = 0;
		for (const i of ids) {
			x += normals[i * 3];
			y += normals[i * 3 + 1];
			z += normals[i * 3 + 2];
		}
		const l = Math.sqrt(x * x + y * y + z * z) || 1;
		out[o] = x / l;
		out[o + 1] = y / l;
		out[o + 2] = z / l;
	};
	for (let e = 0; e < ne; e++) put((nv + e) * 3, [plan.edges[e * 2], plan.edges[e * 2 + 1]]);
	for (let i = 0; i < plan.centres.length; i++) {
		const q = plan.centres[i] * 4;
		put((nv + ne + i) * 3, [quads[q], quads[q + 1], quads[q + 2], quads[q + 3]]);
	}
	return out;
}
