/**
 * Lays an old figure's region onto the same region of a new figure (build time, pure). The two
 * figures differ in height, proportions and arm angle, so each of the 80 regions gets its own
 * affine map (3×4): first the old region's centroid and spread (per axis) onto the new one's,
 * then refined by symmetric affine ICP (each old point pulled to its nearest new point and each
 * new point to its nearest old one, so the map can neither shrink the old region onto part of
 * the new one nor leave part of the new one uncovered), held near the start by a small ridge so a
 * nearly flat patch does not fold along its normal.
 */

/** Points with weights (their share of the surface), flat xyz. */
export interface Cloud {
	points: Float64Array;
	weights: Float64Array;
}

/** Row-major 3×4: x' = M[0..2]·x + M[3], and so on. */
export type Affine = Float64Array;

export const ICP_ROUNDS = 12;
/** Ridge toward the starting map, as a length (m): how far a point may drift for free. */
const RIDGE_LENGTH = 0.01;

export function applyAffine(A: Affine, x: number, y: number, z: number, out: Float64Array | number[], o = 0): void {
	out[o] = A[0] * x + A[1] * y + A[2] * z + A[3];
	out[o + 1] = A[4] * x + A[5] * y + A[6] * z + A[7];
	out[o + 2] = A[8] * x + A[9] * y + A[10] * z + A[11];
}

function moments(c: Cloud): { mean: number[]; spread: number[]; total: number } {
	const mean = [0, 0, 0], spread = [0, 0, 0];
	let total = 0;
	const n = c.weights.length;
	for (let i = 0; i < n; i++) {
		total += c.weights[i];
		for (let k = 0; k < 3; k++) mean[k] += c.weights[i] * c.points[i * 3 + k];
	}
	for (let k = 0; k < 3; k++) mean[k] /= total;
	for (let i = 0; i < n; i++) for (let k = 0; k < 3; k++) spread[k] += c.weights[i] * (c.points[i * 3 + k] - mean[k]) ** 2;
	for (let k = 0; k < 3; k++) spread[k] = Math.sqrt(spread[k] / total);
	return { mean, spread, total };
}

/** Centroid and per-axis spread of `from` onto `to`. */
export function startMap(from: Cloud, to: Cloud): Affine {
	const a = moments(from), b = moments(to);
	const A = new Float64Array(12);
	for (let k = 0; k < 3; k++) {
		const s = a.spread[k] > 1e-6 ? b.spread[k] / a.spread[k] : 1;
		A[k * 4 + k] = s;
		A[k * 4 + 3] = b.mean[k] - s * a.mean[k];
	}
	return A;
}

/** Index of the nearest of `pts` (flat xyz) to (x, y, z), brute force (regions are small). */
function nearest(pts: Float64Array, x: number, y: number, z: number): number {
	let best = Infinity, at = 0;
	for (let j = 0; j < pts.length; j += 3) {
		const dx = pts[j] - x, dy = pts[j + 1] - y, dz = pts[j + 2] - z;
		const d = dx * dx + dy * dy + dz * dz;
		if (d < best) (best = d), (at = j / 3);
	}
	return at;
}

/** The affine map of old region `from` onto new region `to`. */
export function alignRegion(from: Cloud, to: Cloud, rounds = ICP_ROUNDS): Affine {
	const A0 = startMap(from, to);
	let A = A0;
	const nf = from.weights.length, nt = to.weights.length;
	const moved = new Float64Array(nf * 3);
	const wf = moments(from).total, wt = moments(to).total;
	for (let r = 0; r < rounds; r++) {
		for (let i = 0; i < nf; i++) applyAffine(A, from.points[i * 3], from.points[i * 3 + 1], from.points[i * 3 + 2], moved, i * 3);
		// Normal equations of Σ w |A x̃ − y|² over both directions' pairs, each direction weighted
		// to count as much as the other.
		const XX = new Float64Array(16), YX = new Float64Array(12);
		const add = (xi: number, yj: Float64Array, yo: number, w: number) => {
			const x = [from.points[xi * 3], from.points[xi * 3 + 1], from.points[xi * 3 + 2], 1];
			for (let p = 0; p < 4; p++) {
				for (let q = 0; q < 4; q++) XX[p * 4 + q] += w * x[p] * x[q];
				for (let k = 0; k < 3; k++) YX[k * 4 + p] += w * yj[yo + k] * x[p];
			}
		};
		for (let i = 0; i < nf; i++) add(i, to.points, nearest(to.points, moved[i * 3], moved[i * 3 + 1], moved[i * 3 + 2]) * 3, from.weights[i] / wf);
		for (let j = 0; j < nt; j++) add(nearest(moved, to.points[j * 3], to.points[j * 3 + 1], to.points[j * 3 + 2]), to.points, j * 3, to.weights[j] / wt);
		// Ridge on the linear part toward the start: λ |L − L0|², λ in the units of XX.
		const lambda = RIDGE_LENGTH ** 2;
		for (let p = 0; p < 3; p++) {
			XX[p * 4 + p] += lambda;
			for (let k = 0; k < 3; k++) YX[k * 4 + p] += lambda * A0[k * 4 + p];
		}
		const inv = invert4(XX);
		if (!inv) break;
		const next = new Float64Array(12);
		for (let k = 0; k < 3; k++) for (let q = 0; q < 4; q++) for (let p = 0; p < 4; p++) next[k * 4 + q] += YX[k * 4 + p] * inv[p * 4 + q];
		A = next;
	}
	return A;
}

/** Inverse of a symmetric 4×4 by Gauss–Jordan; null when singular. */
function invert4(m: Float64Array): Float64Array | null {
	const a = Array.from({ length: 4 }, (_, i) => [...m.subarray(i * 4, i * 4 + 4), ...[0, 1, 2, 3].map((j) => (i === j ? 1 : 0))]);
	for (let c = 0; c < 4; c++) {
		let p = c;
		for (let r = c + 1; r < 4; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
		if (Math.abs(a[p][c]) < 1e-18) return null;
		[a[c], a[p]] = [a[p], a[c]];
		const d = a[c][c];
		for (let j = 0; j < 8; j++) a[c][j] /= d;
		for (let r = 0; r < 4; r++) {
			if (r === c) continue;
			const f = a[r][c];
			if (f) for (let j = 0; j < 8; j++) a[r][j] -= f * a[c][j];
		}
	}
	return Float64Array.from(a.flatMap((row) => row.slice(4)));
}
