/**
 * The calm, clinical look, made by moving vertices only (the vertex list and faces never
 * change, so every figure keeps one shared vertex list):
 * - Closed eyes. The base skin runs through the lid opening into a cup behind where the
 *   eyeball sits; without the eyeball it reads as an empty socket. The eye area (the cup and
 *   the lids around it) is laid over the eyeball instead, a smooth closed lid over a round
 *   eyeball with a faint line where the lids meet (socketVertices, closeEye).
 * - Nipples: replaced by the breast's own curve around them (flattenPatch).
 * - Genital area: a weighted smoothing that fades out from a centre, taken as far as a plain
 *   form (no detail), with Taubin's back-step so the area does not shrink (smooth, zone).
 * - Folded triangles left by the targets are relaxed away (untangle).
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
 * The area of one eye to rebuild: skin vertices within `inside` × radius of the eyeball
 * centre, as one connected set grown from the deepest of them (a stray vertex of the brow
 * never joins), with any island of other vertices inside it added, so its edge is one loop
 * around the eye (the lid margins curl inwards; an island there would fold the new lid).
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
	// Islands: flood the rest of the neighbourhood from its far edge; what is not reached is enclosed.
	const area = new Set(candidates);
	let far = -1;
	for (const v of area) if (!out.has(v) && (far < 0 || dist(v) > dist(far))) far = v;
	const reached = new Set<number>(far < 0 ? [] : [far]);
	const q2 = far < 0 ? [] : [far];
	while (q2.length) {
		const v = q2.pop()!;
		for (const u of nbr[v]) if (area.has(u) && !out.has(u) && !reached.has(u)) {
			reached.add(u);
			q2.push(u);
		}
	}
	for (const v of area) if (!out.has(v) && !reached.has(v)) out.add(v);
	return [...out].sort((a, b) => a - b);
}

/**
 * Close one eye in place. The cup is laid flat first: each vertex gets 2D coordinates across
 * the eye (Tutte's embedding: the margin at its own position seen from the front, every cup
 * vertex the mean of its neighbours, which cannot fold when the margin is convex), and a
 * height along the eye's forward axis interpolated the same way from the margin's (a membrane
 * across the eye area). The eyeball, grown to `lid` × radius, then shows through the membrane.
 * A height over the front view cannot fold over itself, and it meets the skin around it at
 * the skin's own height.
 */
export function closeEye(pos: Float64Array, nbr: Uint32Array[], cup: number[], eye: Sphere, lid = 1.04): void {
	if (cup.length === 0) return;
	const inCup = new Set(cup);
	const margin = new Set<number>();
	for (const v of cup) for (const u of nbr[v]) if (!inCup.has(u)) margin.add(u);
	// The eye's frame: forward = from the centre towards the margin's mean.
	const c = eye.centre;
	const fwd = [0, 0, 0];
	for (const v of margin) for (let k = 0; k < 3; k++) fwd[k] += pos[v * 3 + k] - c[k];
	const fl = Math.hypot(fwd[0], fwd[1], fwd[2]);
	for (let k = 0; k < 3; k++) fwd[k] /= fl;
	const up0 = [0, 1, 0];
	const d0 = up0[0] * fwd[0] + up0[1] * fwd[1] + up0[2] * fwd[2];
	const up = [up0[0] - d0 * fwd[0], up0[1] - d0 * fwd[1], up0[2] - d0 * fwd[2]];
	const ul = Math.hypot(up[0], up[1], up[2]);
	for (let k = 0; k < 3; k++) up[k] /= ul;
	const side = [up[1] * fwd[2] - up[2] * fwd[1], up[2] * fwd[0] - up[0] * fwd[2], up[0] * fwd[1] - up[1] * fwd[0]];
	// Per vertex: [u, v, distance]; margin values fixed, cup values solved.
	const field = new Map<number, number[]>();
	const local = (v: number): number[] => {
		const d = [0, 1, 2].map((k) => pos[v * 3 + k] - c[k]);
		return [d[0] * side[0] + d[1] * side[1] + d[2] * side[2], d[0] * up[0] + d[1] * up[1] + d[2] * up[2], d[0] * fwd[0] + d[1] * fwd[1] + d[2] * fwd[2]];
	};
	const start = [0, 0, 0];
	for (const v of margin) {
		const l = local(v);
		field.set(v, l);
		for (let k = 0; k < 3; k++) start[k] += l[k] / margin.size;
	}
	for (const v of cup) field.set(v, start.slice());
	// Gauss–Seidel in index order: deterministic, and fast enough for a few hundred vertices.
	for (let it = 0; it < 2000; it++) {
		let change = 0;
		for (const v of cup) {
			const m = [0, 0, 0];
			for (const u of nbr[v]) {
				const f = field.get(u)!;
				for (let k = 0; k < 3; k++) m[k] += f[k] / nbr[v].length;
			}
			const f = field.get(v)!;
			change = Math.max(change, Math.abs(m[0] - f[0]), Math.abs(m[1] - f[1]));
			field.set(v, m);
		}
		if (change < 1e-9 * eye.radius) break;
	}
	// Height: the membrane across the margin, with the eyeball (grown to `lid`) showing through
	// it, joined by a smooth maximum so the lid rounds into the skin instead of creasing.
	const R = eye.radius * lid;
	const soft = eye.radius * 0.25;
	for (const v of cup) {
		const [u, w, membrane] = field.get(v)!;
		const ball = Math.sqrt(Math.max(0, R * R - u * u - w * w));
		let h = (membrane + ball + Math.sqrt((membrane - ball) ** 2 + soft * soft)) / 2;
		// A faint line where the lids meet, a little below the middle, fading towards the
		// corners: without it the eye reads as a blank mound rather than a closed eye.
		const across = Math.max(0, 1 - (u / (eye.radius * 0.85)) ** 2);
		h -= eye.radius * 0.05 * across * across * Math.exp(-(((w + eye.radius * 0.12) / (eye.radius * 0.07)) ** 2));
		for (let k = 0; k < 3; k++) pos[v * 3 + k] = c[k] + u * side[k] + w * up[k] + h * fwd[k];
	}
}

/**
 * Triangles whose corners turned over (their face against the vertex normals) are relaxed
 * away: their vertices and one ring around them take a smoothing step until none is left
 * (at most `rounds` times). The targets leave a few such folds between the toes.
 */
export function untangle(pos: Float64Array, nbr: Uint32Array[], tris: Uint32Array, rounds = 30): number {
	for (let r = 0; r < rounds; r++) {
		const bad = foldedVertices(pos, tris);
		if (bad.size === 0) return r;
		const set = new Set<number>();
		for (const v of bad) {
			set.add(v);
			for (const u of nbr[v]) set.add(u);
		}
		const verts = [...set].sort((a, b) => a - b);
		smooth(pos, nbr, verts, () => 1, 2, 0.5, 0);
	}
	return rounds;
}

/** Vertices of triangles whose face normal points against the sum of their corner normals. */
export function foldedVertices(pos: ArrayLike<number>, tris: Uint32Array): Set<number> {
	const nv = Math.floor(pos.length / 3);
	const acc = new Float64Array(nv * 3);
	const face = new Float64Array(tris.length);
	for (let t = 0; t < tris.length; t += 3) {
		const a = tris[t] * 3, b = tris[t + 1] * 3, c = tris[t + 2] * 3;
		const ux = pos[b] - pos[a], uy = pos[b + 1] - pos[a + 1], uz = pos[b + 2] - pos[a + 2];
		const vx = pos[c] - pos[a], vy = pos[c + 1] - pos[a + 1], vz = pos[c + 2] - pos[a + 2];
		face[t] = uy * vz - uz * vy;
		face[t + 1] = uz * vx - ux * vz;
		face[t + 2] = ux * vy - uy * vx;
		for (const i of [a, b, c]) for (let k = 0; k < 3; k++) acc[i + k] += face[t + k];
	}
	const out = new Set<number>();
	for (let t = 0; t < tris.length; t += 3) {
		let d = 0;
		for (let k = 0; k < 3; k++) {
			const sum = [tris[t], tris[t + 1], tris[t + 2]].reduce((s, i) => {
				const l = Math.hypot(acc[i * 3], acc[i * 3 + 1], acc[i * 3 + 2]) || 1;
				return s + acc[i * 3 + k] / l;
			}, 0);
			d += face[t + k] * sum;
		}
		if (d < 0) for (let k = 0; k < 3; k++) out.add(tris[t + k]);
	}
	return out;
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

/**
 * Replace a small protrusion (a nipple) by the smooth surface around it: a quadratic height
 * field over the plane across `forward`, fitted by least squares to the ring between `radius`
 * and 1.6 × radius, takes the place of everything inside, blended in over the outer half.
 * Only the height along `forward` changes, so nothing inside can fold over.
 */
export function flattenPatch(pos: Float64Array, candidates: number[], centre: number[], forward: number[], radius: number): void {
	const f = normalise(forward);
	const a = normalise(Math.abs(f[1]) < 0.9 ? cross(f, [0, 1, 0]) : cross(f, [1, 0, 0]));
	const b = cross(f, a);
	const local = (v: number): number[] => {
		const d = [0, 1, 2].map((k) => pos[v * 3 + k] - centre[k]);
		return [dot(d, a), dot(d, b), dot(d, f)];
	};
	// Normal equations for h = c0 + c1 x + c2 y + c3 x² + c4 xy + c5 y², in units of the radius.
	const M = Array.from({ length: 6 }, () => new Array(7).fill(0));
	const inner: [number, number[]][] = [];
	for (const v of candidates) {
		const [x, y, h] = local(v);
		const r = Math.hypot(x, y) / radius;
		if (r < 1) inner.push([v, [x, y, h]]);
		else if (r < 1.6 && h > -radius) {
			const basis = [1, x / radius, y / radius, (x / radius) ** 2, (x * y) / radius ** 2, (y / radius) ** 2];
			for (let i = 0; i < 6; i++) {
				for (let j = 0; j < 6; j++) M[i][j] += basis[i] * basis[j];
				M[i][6] += basis[i] * h;
			}
		}
	}
	const c = solve(M);
	if (!c) return;
	for (const [v, [x, y, h]] of inner) {
		const u = x / radius, w = y / radius;
		const fit = c[0] + c[1] * u + c[2] * w + c[3] * u * u + c[4] * u * w + c[5] * w * w;
		const r = Math.hypot(u, w);
		const t = r < 0.5 ? 1 : 1 - (r - 0.5) * 2;
		const s = t * t * (3 - 2 * t);
		const dh = s * (fit - h);
		for (let k = 0; k < 3; k++) pos[v * 3 + k] += dh * f[k];
	}
}

function dot(p: number[], q: number[]): number {
	return p[0] * q[0] + p[1] * q[1] + p[2] * q[2];
}

function cross(p: number[], q: number[]): number[] {
	return [p[1] * q[2] - p[2] * q[1], p[2] * q[0] - p[0] * q[2], p[0] * q[1] - p[1] * q[0]];
}

function normalise(p: number[]): number[] {
	const l = Math.sqrt(dot(p, p));
	return p.map((x) => x / l);
}

/** Gauss–Jordan with partial pivoting on an n × (n + 1) augmented matrix; null if singular. */
function solve(M: number[][]): number[] | null {
	const n = M.length;
	for (let i = 0; i < n; i++) {
		let p = i;
		for (let r = i + 1; r < n; r++) if (Math.abs(M[r][i]) > Math.abs(M[p][i])) p = r;
		if (Math.abs(M[p][i]) < 1e-12) return null;
		[M[i], M[p]] = [M[p], M[i]];
		for (let r = 0; r < n; r++) {
			if (r === i) continue;
			const k = M[r][i] / M[i][i];
			for (let j = i; j <= n; j++) M[r][j] -= k * M[i][j];
		}
	}
	return M.map((row, i) => row[n] / row[i]);
}
