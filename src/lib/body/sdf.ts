/**
 * Signed-distance primitives and blends, written allocation-free (plain numbers in, number
 * out) because the mesher calls them millions of times per figure.
 * Negative inside, positive outside, metres.
 */

/** Polynomial smooth minimum: blends two fields within distance k; k <= 0 is a plain min. */
export function smin(a: number, b: number, k: number): number {
	if (k <= 0) return a < b ? a : b;
	const h = k - Math.abs(a - b);
	if (h <= 0) return a < b ? a : b;
	const m = a < b ? a : b;
	return m - (h * h) / (4 * k);
}

/** Smooth maximum (smooth intersection / subtraction). */
export function smax(a: number, b: number, k: number): number {
	return -smin(-a, -b, k);
}

/** Axis-aligned ellipsoid (approximate distance, good near the surface). */
export function ellipsoid(px: number, py: number, pz: number, rx: number, ry: number, rz: number): number {
	const k0 = Math.sqrt((px * px) / (rx * rx) + (py * py) / (ry * ry) + (pz * pz) / (rz * rz));
	const k1 = Math.sqrt((px * px) / (rx * rx * rx * rx) + (py * py) / (ry * ry * ry * ry) + (pz * pz) / (rz * rz * rz * rz));
	if (k1 < 1e-12) return -Math.min(rx, ry, rz);
	return (k0 * (k0 - 1)) / k1;
}

/** Sphere. */
export function sphere(px: number, py: number, pz: number, r: number): number {
	return Math.sqrt(px * px + py * py + pz * pz) - r;
}

/**
 * Round cone (exact): a capsule whose radius goes from ra at A to rb at B.
 * Point relative to A; (bx, by, bz) = B - A.
 */
export function roundCone(
	px: number,
	py: number,
	pz: number,
	bx: number,
	by: number,
	bz: number,
	ra: number,
	rb: number
): number {
	const l2 = bx * bx + by * by + bz * bz;
	const rr = ra - rb;
	const a2 = l2 - rr * rr;
	const il2 = 1 / l2;
	const y = px * bx + py * by + pz * bz;
	const z = y - l2;
	const qx = px * l2 - bx * y;
	const qy = py * l2 - by * y;
	const qz = pz * l2 - bz * y;
	const x2 = qx * qx + qy * qy + qz * qz;
	const y2 = y * y * l2;
	const z2 = z * z * l2;
	const k = Math.sign(rr) * rr * rr * x2;
	if (Math.sign(z) * a2 * z2 > k) return Math.sqrt(x2 + z2) * il2 - rb;
	if (Math.sign(y) * a2 * y2 < k) return Math.sqrt(x2 + y2) * il2 - ra;
	return (Math.sqrt(x2 * a2 * il2) + y * rr) * il2 - ra;
}

/** Capsule between A (origin) and B = (bx, by, bz), radius r. */
export function capsule(px: number, py: number, pz: number, bx: number, by: number, bz: number, r: number): number {
	const l2 = bx * bx + by * by + bz * bz;
	let h = (px * bx + py * by + pz * bz) / l2;
	h = h < 0 ? 0 : h > 1 ? 1 : h;
	const dx = px - bx * h;
	const dy = py - by * h;
	const dz = pz - bz * h;
	return Math.sqrt(dx * dx + dy * dy + dz * dz) - r;
}

/** Rounded box centred at the origin with half extents (hx, hy, hz) and edge radius r. */
export function roundBox(px: number, py: number, pz: number, hx: number, hy: number, hz: number, r: number): number {
	const qx = Math.abs(px) - hx + r;
	const qy = Math.abs(py) - hy + r;
	const qz = Math.abs(pz) - hz + r;
	const mx = qx > 0 ? qx : 0;
	const my = qy > 0 ? qy : 0;
	const mz = qz > 0 ? qz : 0;
	const inside = Math.max(qx, qy, qz);
	return Math.sqrt(mx * mx + my * my + mz * mz) + (inside < 0 ? inside : 0) - r;
}

/** Clamp to [0, 1]. */
export function sat(x: number): number {
	return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** Hermite smoothstep between e0 and e1. */
export function smoothstep(e0: number, e1: number, x: number): number {
	const t = sat((x - e0) / (e1 - e0));
	return t * t * (3 - 2 * t);
}
