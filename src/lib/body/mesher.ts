/**
 * Narrow-band marching tetrahedra over the half space x >= 0.
 * Tetrahedra (6 per cube, all sharing the cube's main diagonal, so neighbouring cubes split
 * shared faces the same way) have no ambiguous cases: the result is always a closed,
 * manifold surface, which surface nets is not. A coarse pass finds the blocks near the
 * surface; only those are sampled finely. The x = 0 grid plane is exactly the mirror plane,
 * so the open edge of the half mesh lies exactly on x = 0 and its mirror stitches to it.
 */
import type { Field } from './field';

export interface RawMesh {
	positions: Float32Array;
	indices: Uint32Array;
}

export interface MeshBox {
	x1: number;
	y0: number;
	y1: number;
	z0: number;
	z1: number;
}

// Cube corner c = dx + 2 dy + 4 dz. Six tetrahedra along the 0-7 diagonal.
const TETS = [
	[0, 1, 3, 7],
	[0, 1, 5, 7],
	[0, 2, 3, 7],
	[0, 2, 6, 7],
	[0, 4, 5, 7],
	[0, 4, 6, 7]
];

export function meshHalf(field: Field, box: MeshBox, h: number, block = 4): RawMesh {
	const nx = Math.ceil(box.x1 / h) + 1;
	const ny = Math.ceil((box.y1 - box.y0) / h) + 1;
	const nz = Math.ceil((box.z1 - box.z0) / h) + 1;
	const x0 = 0;
	const y0 = box.y0;
	const z0 = box.z0;
	const sxy = nx * ny;
	const vals = new Float32Array(nx * ny * nz).fill(NaN);
	const val = (i: number, j: number, k: number): number => {
		const id = i + j * nx + k * sxy;
		let v = vals[id];
		if (v !== v) {
			v = field(x0 + i * h, y0 + j * h, z0 + k * h);
			// No exact zeros: every grid point is strictly inside or outside.
			if (v > -1e-9 && v < 1e-9) v = 1e-9;
			vals[id] = v;
		}
		return v;
	};
	// Coarse pass: blocks whose centre is within a conservative band of the surface.
	const bx = Math.ceil((nx - 1) / block);
	const by = Math.ceil((ny - 1) / block);
	const bz = Math.ceil((nz - 1) / block);
	const band = block * h * 1.3;
	const active: number[] = [];
	for (let k = 0; k < bz; k++)
		for (let j = 0; j < by; j++)
			for (let i = 0; i < bx; i++) {
				const v = field(x0 + (i + 0.5) * block * h, y0 + (j + 0.5) * block * h, z0 + (k + 0.5) * block * h);
				if (Math.abs(v) < band) active.push(i, j, k);
			}

	const vmap = new Map<number, number>();
	const pos: number[] = [];
	const idx: number[] = [];
	const cv = new Float64Array(8);
	const cid = new Float64Array(8);
	const vert = (a: number, b: number, va: number, vb: number): number => {
		// Key by the edge's two grid points (a < b).
		const lo = a < b ? a : b;
		const hi = a < b ? b : a;
		const d = hi - lo;
		const dk = d >= sxy - 1 ? 1 : 0;
		const dj = d - dk * sxy >= nx - 1 ? 1 : 0;
		const key = lo * 8 + (d - dk * sxy - dj * nx) + 2 * dj + 4 * dk;
		let vi = vmap.get(key);
		if (vi === undefined) {
			// Kept off the grid points: where the surface passes (almost) through one, vertices of
			// different edges would otherwise coincide and weld into a non-manifold pinch.
			let t = va / (va - vb);
			t = t < 0.1 ? 0.1 : t > 0.9 ? 0.9 : t;
			const ai = a % nx, aj = Math.floor(a / nx) % ny, ak = Math.floor(a / sxy);
			const bi = b % nx, bj = Math.floor(b / nx) % ny, bk = Math.floor(b / sxy);
			vi = pos.length / 3;
			pos.push(x0 + (ai + (bi - ai) * t) * h, y0 + (aj + (bj - aj) * t) * h, z0 + (ak + (bk - ak) * t) * h);
			vmap.set(key, vi);
		}
		return vi;
	};
	const tri = (a: number, b: number, c: number, inX: number, inY: number, inZ: number): void => {
		// Orient so the normal points away from the inside corner(s).
		const ax = pos[a * 3], ay = pos[a * 3 + 1], az = pos[a * 3 + 2];
		const ux = pos[b * 3] - ax, uy = pos[b * 3 + 1] - ay, uz = pos[b * 3 + 2] - az;
		const vx = pos[c * 3] - ax, vy = pos[c * 3 + 1] - ay, vz = pos[c * 3 + 2] - az;
		const nxx = uy * vz - uz * vy, nyy = uz * vx - ux * vz, nzz = ux * vy - uy * vx;
		const dot = nxx * (ax - inX) + nyy * (ay - inY) + nzz * (az - inZ);
		if (dot >= 0) idx.push(a, b, c);
		else idx.push(a, c, b);
	};
	const gx = (g: number): number => x0 + (g % nx) * h;
	const gy = (g: number): number => y0 + (Math.floor(g / nx) % ny) * h;
	const gz = (g: number): number => z0 + Math.floor(g / sxy) * h;

	for (let n = 0; n < active.length; n += 3) {
		const i0 = active[n] * block, j0 = active[n + 1] * block, k0 = active[n + 2] * block;
		for (let k = k0; k < Math.min(k0 + block, nz - 1); k++)
			for (let j = j0; j < Math.min(j0 + block, ny - 1); j++)
				for (let i = i0; i < Math.min(i0 + block, nx - 1); i++) {
					let neg = 0;
					for (let c = 0; c < 8; c++) {
						const ci = i + (c & 1), cj = j + ((c >> 1) & 1), ck = k + (c >> 2);
						cv[c] = val(ci, cj, ck);
						cid[c] = ci + cj * nx + ck * sxy;
						if (cv[c] < 0) neg++;
					}
					if (neg === 0 || neg === 8) continue;
					for (const T of TETS) {
						let mask = 0;
						for (let q = 0; q < 4; q++) if (cv[T[q]] < 0) mask |= 1 << q;
						if (mask === 0 || mask === 15) continue;
						const ins: number[] = [];
						const outs: number[] = [];
						for (let q = 0; q < 4; q++) (mask & (1 << q) ? ins : outs).push(T[q]);
						let cx = 0, cy = 0, cz = 0;
						for (const c of ins) {
							cx += gx(cid[c]);
							cy += gy(cid[c]);
							cz += gz(cid[c]);
						}
						cx /= ins.length;
						cy /= ins.length;
						cz /= ins.length;
						const e = (p: number, q: number): number => vert(cid[p], cid[q], cv[p], cv[q]);
						if (ins.length === 1 || outs.length === 1) {
							const lone = ins.length === 1 ? ins[0] : outs[0];
							const rest = ins.length === 1 ? outs : ins;
							tri(e(lone, rest[0]), e(lone, rest[1]), e(lone, rest[2]), cx, cy, cz);
						} else {
							const [a, b] = ins;
							const [c, d] = outs;
							const v0 = e(a, c), v1 = e(a, d), v2 = e(b, d), v3 = e(b, c);
							tri(v0, v1, v2, cx, cy, cz);
							tri(v0, v2, v3, cx, cy, cz);
						}
					}
				}
	}
	return { positions: new Float32Array(pos), indices: new Uint32Array(idx) };
}
