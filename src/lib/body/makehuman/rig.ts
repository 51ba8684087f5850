/**
 * MakeHuman's skeleton (`.mhskel`) and skinning weights (`.mhw`), and posing by skinning.
 * Joint positions are not stored as numbers: each joint is the mean of a list of mesh vertices,
 * so the skeleton follows whatever shape the targets gave the mesh. Posing rotates a bone chain
 * about a joint and moves each vertex by its weights. Blending is dual-quaternion (each vertex
 * turns by a weighted rotation about the joint) rather than linear: linear blending averages
 * positions on a chord and so thins the shoulder where weights are split, the kink a therapist
 * would see on the deltoid. Pure; written from the JSON formats alone.
 */

export interface Skeleton {
	/** bone name -> head joint, tail joint, parent bone (null for the root). */
	bones: Map<string, { head: string; tail: string; parent: string | null }>;
	/** joint name -> vertex indices whose mean is the joint. */
	joints: Map<string, number[]>;
}

export function parseSkeleton(json: string): Skeleton {
	const d = JSON.parse(json) as {
		bones: Record<string, { head: string; tail: string; parent: string | null }>;
		joints: Record<string, number[]>;
	};
	if (!d.bones || !d.joints) throw new Error('mhskel: bones and joints expected');
	const bones = new Map<string, { head: string; tail: string; parent: string | null }>();
	for (const [name, b] of Object.entries(d.bones)) bones.set(name, { head: b.head, tail: b.tail, parent: b.parent ?? null });
	return { bones, joints: new Map(Object.entries(d.joints)) };
}

/** bone -> [vertex, weight] pairs. */
export type Weights = Map<string, [number, number][]>;

export function parseWeights(json: string): Weights {
	const d = JSON.parse(json) as { weights: Record<string, [number, number][]> };
	if (!d.weights) throw new Error('mhw: weights expected');
	return new Map(Object.entries(d.weights));
}

/** Mean of a joint's vertices on the given positions. */
export function jointPosition(sk: Skeleton, joint: string, pos: ArrayLike<number>): [number, number, number] {
	const ids = sk.joints.get(joint);
	if (!ids || ids.length === 0) throw new Error(`mhskel: no joint ${joint}`);
	const p: [number, number, number] = [0, 0, 0];
	for (const i of ids) for (let k = 0; k < 3; k++) p[k] += pos[i * 3 + k];
	for (let k = 0; k < 3; k++) p[k] /= ids.length;
	return p;
}

export function boneHead(sk: Skeleton, bone: string, pos: ArrayLike<number>): [number, number, number] {
	const b = sk.bones.get(bone);
	if (!b) throw new Error(`mhskel: no bone ${bone}`);
	return jointPosition(sk, b.head, pos);
}

export function boneTail(sk: Skeleton, bone: string, pos: ArrayLike<number>): [number, number, number] {
	const b = sk.bones.get(bone);
	if (!b) throw new Error(`mhskel: no bone ${bone}`);
	return jointPosition(sk, b.tail, pos);
}

/** A bone and every bone below it. */
export function descendants(sk: Skeleton, bone: string): Set<string> {
	const out = new Set([bone]);
	let grew = true;
	while (grew) {
		grew = false;
		for (const [name, b] of sk.bones) {
			if (!out.has(name) && b.parent && out.has(b.parent)) {
				out.add(name);
				grew = true;
			}
		}
	}
	return out;
}

/** Unit dual quaternion [w x y z | w x y z]: real part = rotation, dual part = translation. */
export type DualQuat = Float64Array;

/** Rotation by `angle` (radians) about the unit `axis` through the point `pivot`. */
export function rotationAbout(axis: number[], angle: number, pivot: number[]): DualQuat {
	const s = Math.sin(angle / 2);
	const r = [Math.cos(angle / 2), axis[0] * s, axis[1] * s, axis[2] * s];
	// Translation t = pivot - R·pivot, so the pivot stays put.
	const rp = rotate(r, pivot);
	const t = [pivot[0] - rp[0], pivot[1] - rp[1], pivot[2] - rp[2]];
	return Float64Array.from([...r, ...qmul([0, t[0] / 2, t[1] / 2, t[2] / 2], r)]);
}

/** a ∘ b: apply b first, then a. */
export function composeDQ(a: DualQuat, b: DualQuat): DualQuat {
	const ar = [a[0], a[1], a[2], a[3]], ad = [a[4], a[5], a[6], a[7]];
	const br = [b[0], b[1], b[2], b[3]], bd = [b[4], b[5], b[6], b[7]];
	const r = qmul(ar, br);
	const d1 = qmul(ar, bd), d2 = qmul(ad, br);
	return Float64Array.from([...r, d1[0] + d2[0], d1[1] + d2[1], d1[2] + d2[2], d1[3] + d2[3]]);
}

/** A point moved by a unit dual quaternion. */
export function applyDQ(q: DualQuat, p: number[]): number[] {
	const r = [q[0], q[1], q[2], q[3]];
	const t = qmul([q[4], q[5], q[6], q[7]], [r[0], -r[1], -r[2], -r[3]]);
	const m = rotate(r, p);
	return [m[0] + 2 * t[1], m[1] + 2 * t[2], m[2] + 2 * t[3]];
}

export const IDENTITY_DQ: DualQuat = Float64Array.from([1, 0, 0, 0, 0, 0, 0, 0]);

function qmul(a: number[], b: number[]): number[] {
	return [
		a[0] * b[0] - a[1] * b[1] - a[2] * b[2] - a[3] * b[3],
		a[0] * b[1] + a[1] * b[0] + a[2] * b[3] - a[3] * b[2],
		a[0] * b[2] - a[1] * b[3] + a[2] * b[0] + a[3] * b[1],
		a[0] * b[3] + a[1] * b[2] - a[2] * b[1] + a[3] * b[0]
	];
}

function rotate(q: number[], v: number[]): number[] {
	// v' = v + 2w(u×v) + 2u×(u×v), u = vector part of q.
	const [w, x, y, z] = q;
	const cx = y * v[2] - z * v[1], cy = z * v[0] - x * v[2], cz = x * v[1] - y * v[0];
	return [
		v[0] + 2 * (w * cx + y * cz - z * cy),
		v[1] + 2 * (w * cy + z * cx - x * cz),
		v[2] + 2 * (w * cz + x * cy - y * cx)
	];
}

/**
 * Dual-quaternion skinning: every vertex with weights moves by the normalised weighted sum of
 * its bones' transforms; bones not in `transforms` stay still (identity). Weights are used as
 * they are, and a vertex's missing share (1 − Σw) goes to the identity, so unweighted vertices
 * and the body beyond the posed chain never move.
 */
export function skinDQ(pos: Float64Array, weights: Weights, transforms: Map<string, DualQuat>): Float64Array {
	const nv = pos.length / 3;
	const acc = new Float64Array(nv * 8);
	const wsum = new Float64Array(nv);
	for (const [bone, list] of weights) {
		const q = transforms.get(bone) ?? IDENTITY_DQ;
		for (const [v, w] of list) {
			if (v >= nv) continue;
			// Keep every blended rotation on the identity's hemisphere (all poses here are
			// under 180°), so opposite signs of one rotation do not cancel.
			const s = q[0] < 0 ? -w : w;
			for (let k = 0; k < 8; k++) acc[v * 8 + k] += s * q[k];
			wsum[v] += w;
		}
	}
	const out = Float64Array.from(pos);
	for (let v = 0; v < nv; v++) {
		if (wsum[v] === 0) continue;
		const rest = Math.max(0, 1 - wsum[v]);
		acc[v * 8] += rest;
		const o = v * 8;
		const r = [acc[o], acc[o + 1], acc[o + 2], acc[o + 3]];
		const d = [acc[o + 4], acc[o + 5], acc[o + 6], acc[o + 7]];
		const n = Math.hypot(r[0], r[1], r[2], r[3]);
		for (let k = 0; k < 4; k++) {
			r[k] /= n;
			d[k] /= n;
		}
		// Translation = 2 · d · conj(r) (vector part); the rotation is r.
		const t = qmul(d, [r[0], -r[1], -r[2], -r[3]]);
		const p = rotate(r, [pos[v * 3], pos[v * 3 + 1], pos[v * 3 + 2]]);
		out[v * 3] = p[0] + 2 * t[1];
		out[v * 3 + 1] = p[1] + 2 * t[2];
		out[v * 3 + 2] = p[2] + 2 * t[3];
	}
	return out;
}
