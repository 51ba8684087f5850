/**
 * MakeHuman `.target` files: sparse per-vertex offsets that reshape the base mesh (a young
 * woman, a heavier build). Reads the text format and mixes several targets with weights into
 * the base positions. Also the build arithmetic: MakeHuman's muscle and weight sliders run from
 * min through average to max, with one target file per (muscle, weight) corner; a build between
 * them is a bilinear blend of the neighbouring files. Pure; written from the format alone.
 */
import { dataLines } from './textlines';

export interface Target {
	/** Vertex indices (into all `v` lines of base.obj). */
	indices: Uint32Array;
	/** dx dy dz per entry, in the base mesh's units. */
	deltas: Float32Array;
}

export function parseTarget(text: string): Target {
	const idx: number[] = [];
	const d: number[] = [];
	for (const { words: p, lineNo } of dataLines(text)) {
		if (p.length < 4) throw new Error(`target line ${lineNo}: expected "index dx dy dz"`);
		const i = Number(p[0]);
		if (!Number.isInteger(i) || i < 0) throw new Error(`target line ${lineNo}: bad index "${p[0]}"`);
		idx.push(i);
		d.push(Number(p[1]), Number(p[2]), Number(p[3]));
	}
	return { indices: Uint32Array.from(idx), deltas: Float32Array.from(d) };
}

/** base + Σ weight · target, as a new array (the base is left alone). */
export function applyTargets(base: Float64Array, targets: { target: Target; weight: number }[]): Float64Array {
	const out = Float64Array.from(base);
	const nv = base.length / 3;
	for (const { target, weight } of targets) {
		if (weight === 0) continue;
		const { indices, deltas } = target;
		for (let k = 0; k < indices.length; k++) {
			const v = indices[k];
			if (v >= nv) throw new Error(`target vertex ${v} beyond the mesh (${nv})`);
			out[v * 3] += weight * deltas[k * 3];
			out[v * 3 + 1] += weight * deltas[k * 3 + 1];
			out[v * 3 + 2] += weight * deltas[k * 3 + 2];
		}
	}
	return out;
}

export type Level = 'min' | 'average' | 'max';

/**
 * Weights of the three levels for a slider value in [0, 1] (0 = min, 0.5 = average, 1 = max):
 * linear between the two neighbouring levels, so the weights always sum to 1.
 */
export function levelWeights(v: number): Record<Level, number> {
	const t = Math.min(1, Math.max(0, v));
	if (t <= 0.5) return { min: 1 - t / 0.5, average: t / 0.5, max: 0 };
	return { min: 0, average: (1 - t) / 0.5, max: (t - 0.5) / 0.5 };
}

/**
 * The nine (muscle, weight) corner files and how much of each a build takes: the product of
 * the two sliders' level weights. Corners with zero weight are left out.
 */
export function buildCorners(muscle: number, weight: number): { muscle: Level; weight: Level; w: number }[] {
	const m = levelWeights(muscle);
	const w = levelWeights(weight);
	const out: { muscle: Level; weight: Level; w: number }[] = [];
	for (const ml of ['min', 'average', 'max'] as const) {
		for (const wl of ['min', 'average', 'max'] as const) {
			const x = m[ml] * w[wl];
			if (x > 0) out.push({ muscle: ml, weight: wl, w: x });
		}
	}
	return out;
}

/** File name of a build corner, as in MakeHuman's targets/macrodetails folder. */
export function cornerFile(sex: 'female' | 'male', muscle: Level, weight: Level): string {
	return `universal-${sex}-young-${muscle}muscle-${weight}weight.target`;
}
