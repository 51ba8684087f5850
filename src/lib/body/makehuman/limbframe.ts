/**
 * Small 3-vector maths and the limb frame the arm and leg regions are drawn in: how far along
 * the limb's two segments a point lies and at what angle around it. Pure.
 */

export type V3 = [number, number, number];

const DEG = 180 / Math.PI;

/** A limb frame: distance t along the segment chain and angle psi around it (0 = front). */
export interface Limb {
	a: V3;
	b: V3;
	c: V3;
	/** Unit "front" direction, perpendicular-ised against each segment. */
	front: V3;
	/** Unit "outside" direction (away from the body). */
	out: V3;
}

export const sub = (p: V3, q: V3): V3 => [p[0] - q[0], p[1] - q[1], p[2] - q[2]];
export const dot = (p: V3, q: V3): number => p[0] * q[0] + p[1] * q[1] + p[2] * q[2];
export const len = (p: V3): number => Math.sqrt(dot(p, p));
export const scale = (p: V3, k: number): V3 => [p[0] * k, p[1] * k, p[2] * k];
export const unit = (p: V3): V3 => scale(p, 1 / (len(p) || 1));
export const cross = (p: V3, q: V3): V3 => [p[1] * q[2] - p[2] * q[1], p[2] * q[0] - p[0] * q[2], p[0] * q[1] - p[1] * q[0]];

/** Position along a two-segment limb (t, from a) and the angle around it (psi: 0 front, +90 out). */
export function limbCoords(l: Limb, p: V3): { t: number; psi: number; seg: 0 | 1 } {
	const L1 = len(sub(l.b, l.a));
	const d1 = unit(sub(l.b, l.a)), d2 = unit(sub(l.c, l.b));
	const s1 = dot(sub(p, l.a), d1);
	const seg = s1 > L1 ? 1 : 0;
	const d = seg ? d2 : d1;
	const o = seg ? l.b : l.a;
	const t = seg ? L1 + dot(sub(p, l.b), d2) : s1;
	const r = sub(sub(p, o), scale(d, dot(sub(p, o), d)));
	const f = unit(sub(l.front, scale(d, dot(l.front, d))));
	const side = cross(d, f);
	// `side` points out or in depending on the limb's direction; orient it by `out`.
	const sgn = dot(side, l.out) >= 0 ? 1 : -1;
	return { t, psi: Math.atan2(sgn * dot(r, side), dot(r, f)) * DEG, seg };
}
