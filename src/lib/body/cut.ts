/**
 * Cut triangles along region borders so every triangle lies in one region and borders are
 * smooth curves instead of triangle staircases. On each edge whose ends differ, the border
 * point is found by bisection of the region function; each side gets its own copy of that
 * vertex (same position, so normals from the field stay continuous across the cut).
 */
import type { Field } from './field';
import type { Labeller } from './label';
import type { RawMesh } from './mesher';
import type { HalfMesh } from './assemble';
import { fieldNormal } from './assemble';

const STEPS = 14;

export function labelHalf(mesh: RawMesh, label: Labeller, field: Field): HalfMesh {
	const P = mesh.positions;
	const n = P.length / 3;
	const N = new Float64Array(n * 3);
	const code = new Uint8Array(n);
	const g = new Float64Array(3);
	for (let i = 0; i < n; i++) {
		fieldNormal(field, P[i * 3], P[i * 3 + 1], P[i * 3 + 2], g);
		N.set(g, i * 3);
		code[i] = label(P[i * 3], P[i * 3 + 1], P[i * 3 + 2], g[0], g[1], g[2]);
	}
	const pos: number[] = Array.from(P);
	const reg: number[] = Array.from(code);
	const out: number[] = [];
	const cutT = new Map<number, number>();
	const copies = new Map<string, number>();

	/** Border parameter on edge a-b, measured from the lower index (shared by both triangles). */
	const border = (a: number, b: number): number => {
		const lo = a < b ? a : b;
		const hi = a < b ? b : a;
		const key = lo * n + hi;
		let t = cutT.get(key);
		if (t === undefined) {
			const cl = code[lo];
			let t0 = 0;
			let t1 = 1;
			for (let k = 0; k < STEPS; k++) {
				const tm = (t0 + t1) / 2;
				const x = P[lo * 3] + (P[hi * 3] - P[lo * 3]) * tm;
				const y = P[lo * 3 + 1] + (P[hi * 3 + 1] - P[lo * 3 + 1]) * tm;
				const z = P[lo * 3 + 2] + (P[hi * 3 + 2] - P[lo * 3 + 2]) * tm;
				const nx = N[lo * 3] + (N[hi * 3] - N[lo * 3]) * tm;
				const ny = N[lo * 3 + 1] + (N[hi * 3 + 1] - N[lo * 3 + 1]) * tm;
				const nz = N[lo * 3 + 2] + (N[hi * 3 + 2] - N[lo * 3 + 2]) * tm;
				const l = Math.sqrt(nx * nx + ny * ny + nz * nz) || 1;
				if (label(x, y, z, nx / l, ny / l, nz / l) === cl) t0 = tm;
				else t1 = tm;
			}
			// Keep cut points at least 0.6 mm from the corners so quantisation cannot merge them.
			const len = Math.hypot(P[hi * 3] - P[lo * 3], P[hi * 3 + 1] - P[lo * 3 + 1], P[hi * 3 + 2] - P[lo * 3 + 2]);
			const m = Math.min(0.5, 0.0006 / (len || 1));
			t = Math.min(1 - m, Math.max(m, (t0 + t1) / 2));
			cutT.set(key, t);
		}
		return a < b ? t : 1 - t;
	};
	/** The copy of the border point on edge a-b that belongs to region r. */
	const cutVertex = (a: number, b: number, r: number): number => {
		const lo = a < b ? a : b;
		const hi = a < b ? b : a;
		const key = `${lo},${hi},${r}`;
		let v = copies.get(key);
		if (v === undefined) {
			const t = border(lo, hi);
			v = reg.length;
			pos.push(
				P[lo * 3] + (P[hi * 3] - P[lo * 3]) * t,
				P[lo * 3 + 1] + (P[hi * 3 + 1] - P[lo * 3 + 1]) * t,
				P[lo * 3 + 2] + (P[hi * 3 + 2] - P[lo * 3 + 2]) * t
			);
			reg.push(r);
			copies.set(key, v);
		}
		return v;
	};
	const fan = (poly: number[]): void => {
		for (let k = 1; k + 1 < poly.length; k++) out.push(poly[0], poly[k], poly[k + 1]);
	};

	const I = mesh.indices;
	for (let f = 0; f < I.length; f += 3) {
		const v = [I[f], I[f + 1], I[f + 2]];
		const c = [code[v[0]], code[v[1]], code[v[2]]];
		if (c[0] === c[1] && c[1] === c[2]) {
			out.push(v[0], v[1], v[2]);
			continue;
		}
		if (c[0] !== c[1] && c[1] !== c[2] && c[0] !== c[2]) {
			// Three regions meet: split at the centre of the three border points.
			const m = [0, 1, 2].map((k) => {
				const a = v[k];
				const b = v[(k + 1) % 3];
				const t = border(a, b);
				return [0, 1, 2].map((d) => P[a * 3 + d] + (P[b * 3 + d] - P[a * 3 + d]) * t);
			});
			const centre = [0, 1, 2].map((d) => (m[0][d] + m[1][d] + m[2][d]) / 3);
			for (let k = 0; k < 3; k++) {
				const r = c[k];
				const cv = reg.length;
				pos.push(centre[0], centre[1], centre[2]);
				reg.push(r);
				fan([v[k], cutVertex(v[k], v[(k + 1) % 3], r), cv, cutVertex(v[(k + 2) % 3], v[k], r)]);
			}
			continue;
		}
		// Two regions: walk the corners, dropping a border point on each mixed edge.
		const polys = new Map<number, number[]>();
		for (let k = 0; k < 3; k++) {
			const a = v[k];
			const b = v[(k + 1) % 3];
			const ra = c[k];
			const rb = c[(k + 1) % 3];
			if (!polys.has(ra)) polys.set(ra, []);
			if (!polys.has(rb)) polys.set(rb, []);
			polys.get(ra)!.push(a);
			if (ra !== rb) {
				polys.get(ra)!.push(cutVertex(a, b, ra));
				polys.get(rb)!.push(cutVertex(a, b, rb));
			}
		}
		for (const poly of polys.values()) fan(poly);
	}
	return { positions: new Float32Array(pos), regions: new Uint8Array(reg), indices: new Uint32Array(out) };
}
