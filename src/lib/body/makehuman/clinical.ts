/**
 * The calm, clinical look, made by moving vertices only (the vertex list and faces never
 * change, so every figure keeps one shared vertex list):
 * - Closed eyes. The base skin runs through the lid opening into a cup behind where the
 *   eyeball sits; without the eyeball it reads as an empty socket. The cup's vertices (those
 *   inside the eyeball helper's sphere, grown to the lid margin) are refilled with a membrane
 *   spanning the lid margin (a harmonic fill: each vertex the mean of its neighbours, the margin
 *   fixed, which cannot fold for a star-shaped opening) and pushed out onto a sphere just over
 *   the eyeball, so the eye is a smooth closed lid over a round eyeball.
 * - Smoothed nipples and genital area: a weighted Laplacian smoothing that fades out from a
 *   centre, taken as far as a plain form (no detail), with Taubin's back-step so the area does
 *   not shrink.
 * Pure.
 */

export interface Sphere {
	centre: [number, number, number];
	radius: number;
}

/** Sphere of a helper mesh's vertices: centroid and mean distance. */
export function fitSphere(pos: ArrayLike<number>, verts: number[]): Sphere {
	const c: [number, number, number] = [0, 0, 0];
	for (const v of verts) for (let k = 0; k < 3; k++) c[k] += pos[v * 3 + k] / verts.length;
	let r = 0;
	for (const v of verts) r += Math.hypot(pos[v * 3] - c[0], pos[v * 3 + 1] - c[1], pos[v * 3 + 2] - c[2]) / verts.length;
	return { centre: c, radius: r };
}

/**
 * The socket cup of one eye: skin vertices within `inside` × radius of the eyeball centre, as
 * one connected set grown from the deepest of them (a stray vertex of the brow never joins).
 */
export function socketVertices(pos: ArrayLike<number>, nbr: Uint32Array[], eye: Sphere, candidates: number[], inside = 1.0): number[] {
	const dist = (v: number): number =>
		Math.hypot(pos[v * 3] - eye.centre[0], pos[v * 3 + 1] - eye.centre[1], pos[v * 3 + 2] - eye.centre[2]);
	const inner = new Set(candidates.filter((v) => dist(v) < eye.radius * inside));
	if (inner.size === 0) return [];
	let seed = -1;
	for (const v of inner) if (seed < 0 || dist(v) < dist(seed)) seed = v;
	const out = new Set([seed]);
	const queue = [seed];
	while (queue.length) {
		const v = queue.pop()!;
		for (const u of nbr[v]) if (inner.has(u) && !out.has(u)) {
			out.add(u);
			queue.push(u);
		}
	}
	return [...out].sort((a, b) => a - b);
}

/**
 * Close one eye in place: harmonic fill of `cup` with its outside neighbours fixed, then each
 * cup vertex pushed along the ray from the eyeball centre out to `lid` × radius (only ever
 * outward), and a few smoothing passes to blend the new lid into the margin.
 */
export function closeEye(pos: Float64Array, nbr: Uint32Array[], cup: number[], eye: Sphere, lid = 1.03): void {
	if (cup.length === 0) return;
	const inCup = new Set(cup);
	// Start from the mean of the margin, so the iteration converges from a flat disc.
	const margin = new Set<number>();
	for (const v of cup) for (const u of nbr[v]) if (!inCup.has(u)) margin.add(u);
	const m = [0, 0, 0];
	for (const v of margin) for (let k = 0; k < 3; k++) m[k] += pos[v * 3 + k] / margin.size;
	for (const v of cup) for (let k = 0; k < 3; k++) pos[v * 3 + k] = m[k];
	relax(pos, nbr, cup, 400);
	const R = eye.radius * lid;
	for (const v of cup) {
		const d = [0, 1, 2].map((k) => pos[v * 3 + k] - eye.centre[k]);
		const len = Math.hypot(d[0], d[1], d[2]);
		if (len < R) for (let k = 0; k < 3; k++) pos[v * 3 + k] = eye.centre[k] + (d[k] / len) * R;
	}
	// The margin's first ring softens too, so the lid meets the skin without a step.
	const ring = [...margin].sort((a, b) => a - b);
	smooth(pos, nbr, ring, () => 0.5, 3);
}

/** Jacobi iterations of "each vertex = mean of its neighbours" over `verts` (the rest fixed). */
function relax(pos: Float64Array, nbr: Uint32Array[], verts: number[], iterations: number): void {
	const next = new Float64Array(verts.length * 3);
	for (let it = 0; it < iterations; it++) {
		verts.forEach((v, i) => {
			const n = nbr[v];
			for (let k = 0; k < 3; k++) {
				let s = 0;
				for (const u of n) s += pos[u * 3 + k];
				next[i * 3 + k] = s / n.length;
			}
		});
		verts.forEach((v, i) => {
			for (let k = 0; k < 3; k++) pos[v * 3 + k] = next[i * 3 + k];
		});
	}
}

/**
 * Taubin smoothing (a shrink step λ then an inflate step μ) of `verts`, each moved by
 * weight(v) in [0, 1] of the full step. Taubin rather than plain Laplacian so a nipple or a
 * bulge flattens into the surrounding curve instead of the whole area sinking.
 */
export function smooth(pos: Float64Array, nbr: Uint32Array[], verts: number[], weight: (v: number) => number, iterations: number, lambda = 0.6, mu = -0.63): void {
	const w = verts.map(weight);
	const next = new Float64Array(verts.length * 3);
	for (let it = 0; it < iterations; it++) {
		for (const f of [lambda, mu]) {
			verts.forEach((v, i) => {
				const n = nbr[v];
				for (let k = 0; k < 3; k++) {
					let s = 0;
					for (const u of n) s += pos[u * 3 + k];
					next[i * 3 + k] = pos[v * 3 + k] + f * w[i] * (s / n.length - pos[v * 3 + k]);
				}
			});
			verts.forEach((v, i) => {
				for (let k = 0; k < 3; k++) pos[v * 3 + k] = next[i * 3 + k];
			});
		}
	}
}

/** Vertices within `radius` of `centre`, with a weight 1 inside `core` × radius fading to 0 at the radius. */
export function zone(pos: ArrayLike<number>, candidates: number[], centre: number[], radius: number, core = 0.5): { verts: number[]; weight: (v: number) => number } {
	const w = new Map<number, number>();
	for (const v of candidates) {
		const d = Math.hypot(pos[v * 3] - centre[0], pos[v * 3 + 1] - centre[1], pos[v * 3 + 2] - centre[2]) / radius;
		if (d >= 1) continue;
		const t = d <= core ? 1 : 1 - (d - core) / (1 - core);
		w.set(v, t * t * (3 - 2 * t));
	}
	return { verts: [...w.keys()].sort((a, b) => a - b), weight: (v) => w.get(v) ?? 0 };
}
