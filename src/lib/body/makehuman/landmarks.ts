/**
 * What the region lines are placed from, measured once on the reference figure: each vertex's
 * body part (from the skinning weights) and strongest bone, its normal, the joints, and the
 * trunk's own cross-sections and heights (crotch, iliac crest, waist, acromion, xiphoid, neck,
 * chin). Pure.
 */
import type { BodySurface, Figure, MakeHumanData } from './figure';
import type { V3 } from './limbframe';
import { vertexNormals } from './mesh';

export type Part = 'head' | 'neck' | 'trunk' | 'arm' | 'hand' | 'leg' | 'foot';

/** Bone name -> body part (left and right alike). */
function partOf(bone: string): Part {
	if (/^(head|jaw|eye|oculi|levator|oris|risorius|orbicularis|temporalis|special|tongue)/.test(bone)) return 'head';
	if (/^neck/.test(bone)) return 'neck';
	if (/^(upperarm|lowerarm)/.test(bone)) return 'arm';
	if (/^(wrist|metacarpal|finger)/.test(bone)) return 'hand';
	if (/^(upperleg|lowerleg)/.test(bone)) return 'leg';
	if (/^(foot|toe)/.test(bone)) return 'foot';
	return 'trunk';
}

/** The part each vertex's weights lead to, and the single strongest bone. */
export function vertexParts(data: MakeHumanData, nv: number): { part: Part[]; bone: string[] } {
	const sums = new Map<Part, Float64Array>();
	const best = new Float64Array(nv);
	const bone: string[] = new Array(nv).fill('');
	for (const [b, list] of data.weights) {
		const p = partOf(b);
		if (!sums.has(p)) sums.set(p, new Float64Array(nv));
		const acc = sums.get(p)!;
		for (const [v, w] of list) {
			if (v >= nv) continue;
			acc[v] += w;
			if (w > best[v]) {
				best[v] = w;
				bone[v] = b;
			}
		}
	}
	const part: Part[] = new Array(nv).fill('trunk');
	const top = new Float64Array(nv);
	for (const [p, acc] of sums) for (let v = 0; v < nv; v++) if (acc[v] > top[v]) {
		top[v] = acc[v];
		part[v] = p;
	}
	return { part, bone };
}

/** Trunk cross-section at a height: centre depth c, half width a, front and back half depths. */
export interface Station {
	c: number;
	a: number;
	bf: number;
	bb: number;
}

/** The reference figure's landmarks (metres, model space; the client's left side, x >= 0). */
export interface Landmarks {
	part: Part[];
	bone: string[];
	normals: Float32Array;
	female: boolean;
	shoulder: V3;
	elbow: V3;
	wrist: V3;
	hip: V3;
	knee: V3;
	ankle: V3;
	neckBaseY: number;
	nippleY: number;
	skullBaseY: number;
	crotchY: number;
	crestY: number;
	waistY: number;
	acrX: number;
	acrY: number;
	xiphoidY: number;
	/** The neck's mean radius at mid-neck, and its centre line's depth. */
	neckR: number;
	neckC: number;
	/** The skull's axis depth, and the chin's lowest point. */
	headZ: number;
	chinY: number;
	/** The trunk's cross-section at a height. */
	station(y: number): Station;
}

/** Measure the landmarks on the reference figure (its positions in metres, joints placed). */
export function measureLandmarks(data: MakeHumanData, surface: BodySurface, ref: Figure): Landmarks {
	const nv = surface.vertexCount;
	const P = ref.positions;
	const { part, bone } = vertexParts(data, nv);
	const H = (b: string): V3 => ref.joints[`${b}____head`];
	const female = ref.sex === 'female';
	const shoulder = H('upperarm01.L'), elbow = H('lowerarm01.L'), wrist = H('wrist.L');
	const hip = H('upperleg01.L'), knee = H('lowerleg01.L'), ankle = H('foot.L');
	const neckBaseY = H('neck01')[1];
	const nippleY = ref.joints['breast.L____tail'][1];
	const normals = vertexNormals(P, surface.triangles, nv);

	// Trunk stations: 1 cm bins over the trunk's vertices.
	const y0 = 0.5, bins = 120;
	const fz = new Float64Array(bins).fill(-Infinity), bz = new Float64Array(bins).fill(Infinity), wa = new Float64Array(bins);
	let crotchY = Infinity;
	for (let v = 0; v < nv; v++) {
		// Trunk and thigh tops: at the crotch the midline front is led by the thigh bones.
		if (part[v] !== 'trunk' && part[v] !== 'leg') continue;
		const x = Math.abs(P[v * 3]), y = P[v * 3 + 1], z = P[v * 3 + 2];
		// Each vertex counts in its bin and the two beside it: the coarse rows are about 2 cm apart.
		const i0 = Math.floor((y - y0) / 0.01);
		for (let i = Math.max(0, i0 - 1); i <= Math.min(bins - 1, i0 + 1); i++) {
			if (x < 0.03) {
				fz[i] = Math.max(fz[i], z);
				bz[i] = Math.min(bz[i], z);
			}
			wa[i] = Math.max(wa[i], x);
		}
		if (x < 0.004 && normals[v * 3 + 1] < -0.5) crotchY = Math.min(crotchY, y);
	}
	const station = (y: number): Station => {
		let i = Math.round((y - y0) / 0.01);
		// Nearest filled bin.
		for (let k = 0; k < bins; k++) {
			for (const j of [i - k, i + k]) if (j >= 0 && j < bins && isFinite(fz[j]) && isFinite(bz[j])) {
				i = j;
				const c = (fz[i] + bz[i]) / 2;
				return { c, a: Math.max(0.05, wa[i]), bf: Math.max(0.03, fz[i] - c), bb: Math.max(0.03, c - bz[i]) };
			}
		}
		return { c: 0, a: 0.15, bf: 0.1, bb: 0.1 };
	};
	// Waist: the narrowest trunk between the crest and the nipples.
	const crestY = hip[1] + 0.095;
	let waistY = (crestY + nippleY) / 2, narrow = Infinity;
	for (let y = crestY + 0.04; y < nippleY - 0.08; y += 0.01) {
		const a = station(y).a;
		if (a < narrow) {
			narrow = a;
			waistY = y;
		}
	}
	// Acromion: the top of the shoulder above the joint, a little outside it.
	const acrX = shoulder[0] + 0.015;
	let acrY = shoulder[1];
	for (let v = 0; v < nv; v++) if (Math.abs(P[v * 3] - acrX) < 0.012 && Math.abs(P[v * 3 + 2] - shoulder[2]) < 0.03) acrY = Math.max(acrY, P[v * 3 + 1]);
	const xiphoidY = nippleY - (female ? 0.06 : 0.075);
	const skullBaseY = H('head')[1] - 0.005;
	// Neck radius: mean distance of the neck's vertices from its axis at mid-neck.
	let neckR = 0, nn = 0;
	const neckMid = (neckBaseY + skullBaseY) / 2;
	for (let v = 0; v < nv; v++) if (part[v] === 'neck' && Math.abs(P[v * 3 + 1] - neckMid) < 0.015) {
		neckR += Math.hypot(P[v * 3], P[v * 3 + 2] - station(neckBaseY).c);
		nn++;
	}
	neckR = nn ? neckR / nn : 0.055;
	// The neck's own centre line (its depth), which sits ahead of the trunk's.
	let neckC = 0;
	nn = 0;
	for (let v = 0; v < nv; v++) if (part[v] === 'neck' && Math.abs(P[v * 3 + 1] - neckMid) < 0.02) {
		neckC += P[v * 3 + 2];
		nn++;
	}
	neckC = nn ? neckC / nn : station(neckBaseY).c;

	const headZ = (ref.joints['eye.L____head'][2] + H('head')[2]) / 2 - 0.03;
	// The chin's lowest point: below it, the skin under the jaw belongs to the neck's regions.
	let chinY = Infinity;
	for (let v = 0; v < nv; v++) if (bone[v] === 'jaw' && Math.abs(P[v * 3]) < 0.01 && P[v * 3 + 2] > headZ + 0.05) chinY = Math.min(chinY, P[v * 3 + 1]);
	return {
		part, bone, normals, female, shoulder, elbow, wrist, hip, knee, ankle, neckBaseY, nippleY, skullBaseY,
		crotchY, crestY, waistY, acrX, acrY, xiphoidY, neckR, neckC, headZ, chinY, station
	};
}
