/**
 * The region fields of regioncut.ts: each region's indicator smoothed over the coarse mesh, and
 * which regions are live (non-zero) at each vertex. Pure; runs in the browser at load.
 */
import { REGIONS } from '../../domain/regions';
import { mirrorCode } from './regioncodes';

/** Smoothing steps over the coarse mesh (about 20 mm edges on the torso: a few cm of rounding). */
export const BORDER_SMOOTHING = 6;

/** Dense per-region fields over the coarse vertices: field[(code − 1) * nv + v]. */
export function regionFields(code: Uint8Array, nbr: Uint32Array[], side: Int8Array, steps = BORDER_SMOOTHING): Float32Array {
	const nv = code.length, nr = REGIONS.length;
	let f = new Float32Array(nr * nv);
	const seeds: number[][] = Array.from({ length: nr }, () => []);
	for (let v = 0; v < nv; v++) {
		const c = code[v];
		// A midline vertex (side 0: x exactly 0 on the symmetrised figures, its own mirror).
		if (side[v] === 0 && mirrorCode(c) !== c) {
			f[(c - 1) * nv + v] = 0.5;
			f[(mirrorCode(c) - 1) * nv + v] = 0.5;
			seeds[mirrorCode(c) - 1].push(v);
		} else f[(c - 1) * nv + v] = 1;
		seeds[c - 1].push(v);
	}
	// A field is non-zero only within `steps` rings of its region (each step reaches one ring
	// further), so each is smoothed over those vertices alone: the same values as smoothing all
	// 80 fields everywhere, at a fraction of the cost (this runs in the browser at load).
	const reach = reachable(seeds, nv, nbr, steps);
	let next = new Float32Array(nr * nv);
	for (let s = 0; s < steps; s++) {
		for (let r = 0; r < nr; r++) {
			const o = r * nv;
			const vs = reach[r];
			for (let i = 0; i < vs.length; i++) {
				const v = vs[i];
				let m = 0;
				const nb = nbr[v];
				for (let k = 0; k < nb.length; k++) m += f[o + nb[k]];
				next[o + v] = 0.5 * f[o + v] + (0.5 * m) / nb.length;
			}
		}
		[f, next] = [next, f];
	}
	REACH.set(f, reach);
	return f;
}

/** Per region, the vertices within `steps` rings of where its field starts non-zero. */
function reachable(seeds: number[][], nv: number, nbr: Uint32Array[], steps: number): Uint32Array[] {
	const mark = new Int32Array(nv).fill(-1);
	const queue = new Uint32Array(nv);
	return seeds.map((seed, r) => {
		let len = 0;
		for (const v of seed) {
			mark[v] = r;
			queue[len++] = v;
		}
		// Breadth first, one ring per step.
		for (let s = 0, from = 0; s < steps && from < len; s++) {
			const to = len;
			for (let i = from; i < to; i++) {
				const nb = nbr[queue[i]];
				for (let k = 0; k < nb.length; k++) if (mark[nb[k]] !== r) {
					mark[nb[k]] = r;
					queue[len++] = nb[k];
				}
			}
			from = to;
		}
		return queue.slice(0, len);
	});
}

/** Per coarse vertex, the regions whose field is non-zero there, ascending (CSR lists). */
export function liveRegions(field: Float32Array, nr: number, nv: number): { start: Uint32Array; regions: Uint8Array } {
	// Only where each field reaches (regionFields notes it) can it be non-zero.
	const reach = REACH.get(field) ?? Array.from({ length: nr }, () => Uint32Array.from({ length: nv }, (_, v) => v));
	const count = new Uint32Array(nv + 1);
	for (let r = 0; r < nr; r++) {
		const vs = reach[r], o = r * nv;
		for (let i = 0; i < vs.length; i++) if (field[o + vs[i]] !== 0) count[vs[i] + 1]++;
	}
	for (let v = 0; v < nv; v++) count[v + 1] += count[v];
	const fill = count.slice(0, nv);
	const regions = new Uint8Array(count[nv]);
	for (let r = 0; r < nr; r++) {
		const vs = reach[r], o = r * nv;
		for (let i = 0; i < vs.length; i++) if (field[o + vs[i]] !== 0) regions[fill[vs[i]]++] = r;
	}
	return { start: count, regions };
}

/** The vertices each region's field reaches, per field made by regionFields. */
const REACH = new WeakMap<Float32Array, Uint32Array[]>();

