/**
 * The 80 regions on the MakeHuman topology: one region code per surface vertex, authored once
 * on a reference figure and valid for every sex and build (they share the vertex list).
 * - Body part first, from the skinning weights: the bone family that leads a vertex (head,
 *   neck, arm, hand, leg, foot, trunk) says upper arm vs forearm vs hand, thigh vs shin vs
 *   foot better than any distance to a bone.
 * - Within a part, anatomical lines placed from the skeleton's joints (shoulder, elbow, wrist,
 *   hip, knee, ankle, neck, nipple) and from the trunk's own cross-sections: the scapula's
 *   spine and medial border, the collarbone, the iliac crest, the inguinal line, angles around
 *   each limb.
 * - Only the client's left half (x ≥ 0, MakeHuman's `.L` bones) is labelled; the right half
 *   is its mirror by the mesh's mirror map. A midline vertex keeps the left code of a paired
 *   region (the cut puts the border exactly on it, see regioncut.ts).
 * - Each region is then made one connected piece per side: stray bits join the neighbour they
 *   share the longest border with.
 * Pure.
 */
import { mirrorCode, onePiece, regionCodes } from './regioncodes';
import type { BodySurface, Figure, MakeHumanData } from './figure';

const DEG = 180 / Math.PI;
type V3 = [number, number, number];

type Part = 'head' | 'neck' | 'trunk' | 'arm' | 'hand' | 'leg' | 'foot';

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

/** A limb frame: distance t along the segment chain and angle psi around it (0 = front). */
interface Limb {
	a: V3;
	b: V3;
	c: V3;
	/** Unit "front" direction, perpendicular-ised against each segment. */
	front: V3;
	/** Unit "outside" direction (away from the body). */
	out: V3;
}

const sub = (p: V3, q: V3): V3 => [p[0] - q[0], p[1] - q[1], p[2] - q[2]];
const dot = (p: V3, q: V3): number => p[0] * q[0] + p[1] * q[1] + p[2] * q[2];
const len = (p: V3): number => Math.sqrt(dot(p, p));
const scale = (p: V3, k: number): V3 => [p[0] * k, p[1] * k, p[2] * k];
const unit = (p: V3): V3 => scale(p, 1 / (len(p) || 1));
const cross = (p: V3, q: V3): V3 => [p[1] * q[2] - p[2] * q[1], p[2] * q[0] - p[0] * q[2], p[0] * q[1] - p[1] * q[0]];

/** Position along a two-segment limb (t, from a) and the angle around it (psi: 0 front, +90 out). */
function limbCoords(l: Limb, p: V3): { t: number; psi: number; seg: 0 | 1 } {
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

/** Trunk cross-section at a height: centre depth c, half width a, front and back half depths. */
interface Station {
	c: number;
	a: number;
	bf: number;
	bb: number;
}

/**
 * The left-half labels of a reference figure (its positions in metres, joints placed), before
 * the one-piece clean-up. Exported for the tests' landmark checks.
 */
export function rawLabels(data: MakeHumanData, surface: BodySurface, ref: Figure): Uint8Array {
	const R = regionCodes();
	const nv = surface.vertexCount;
	const P = ref.positions;
	const { part, bone } = vertexParts(data, nv);
	const H = (b: string): V3 => ref.joints[`${b}____head`];
	const female = ref.sex === 'female';
	const shoulder = H('upperarm01.L'), elbow = H('lowerarm01.L'), wrist = H('wrist.L');
	const hip = H('upperleg01.L'), knee = H('lowerleg01.L'), ankle = H('foot.L');
	const neckBaseY = H('neck01')[1];
	const nippleY = ref.joints['breast.L____tail'][1];
	const normals = vertexNormalsOf(P, surface.triangles, nv);

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

	const arm: Limb = { a: shoulder, b: elbow, c: wrist, front: unit(sub(sub(wrist, elbow), scale(unit(sub(elbow, shoulder)), dot(sub(wrist, elbow), unit(sub(elbow, shoulder)))))), out: [1, 0, 0] };
	// The elbow stays bent about 15° forward, so the forearm's lean off the upper arm's line is "front".
	if (arm.front[2] < 0) arm.front = scale(arm.front, -1);
	const leg: Limb = { a: hip, b: knee, c: ankle, front: [0, 0, 1], out: [1, 0, 0] };
	const Lu = len(sub(elbow, shoulder)), Lf = len(sub(wrist, elbow));
	const Lt = len(sub(knee, hip)), Ls = len(sub(ankle, knee));

	const sat = (v: number): number => (v < 0 ? 0 : v > 1 ? 1 : v);
	const sstep = (a: number, b: number, v: number): number => {
		const k = sat((v - a) / (b - a));
		return k * k * (3 - 2 * k);
	};
	const medBorder = female ? 0.07 : 0.08;
	const spineStrip = female ? 0.032 : 0.036;
	const lumbarStrip = female ? 0.056 : 0.06;
	const sternHalf = female ? 0.02 : 0.024;
	const scapTop = acrY - 0.035;
	const infAngleY = acrY - (female ? 0.17 : 0.185);
	// Scapular spine: rises from the medial border to the acromion.
	const spineLine = (x: number): number => acrY - 0.065 + ((x - 0.04) / (acrX - 0.04)) * 0.05;
	// Collarbone seen from the front: from the sternal notch out and up to the acromion.
	const clavLine = (x: number): number => neckBaseY - 0.035 + ((x - 0.02) / (acrX - 0.04)) * (acrY - neckBaseY + 0.03);
	const pubisY = crotchY + 0.055;
	const asisX = female ? 0.115 : 0.11;
	const asisY = crestY - 0.045;
	const groinLine = (x: number): number => pubisY + (asisY - pubisY) * Math.min(1, x / asisX);
	const bandWidth = (x: number): number => 0.045 * Math.sqrt(sat((asisX + 0.025 - x) / 0.05));
	const sacTop = crestY - 0.025;
	const erector = (y: number): number =>
		y > waistY ? spineStrip + (lumbarStrip - spineStrip) * sstep(waistY + 0.16, waistY, y) : lumbarStrip * (1 - 0.18 * sstep(waistY, sacTop, y));
	const lumbTop = (x: number): number => waistY + 0.05 - 6 * x * x;
	const medialBorder = (y: number): number => medBorder + 0.12 * (y - infAngleY);
	const rhombAcross = (x: number, y: number): number => sat((x - spineStrip) / (medialBorder(y) - spineStrip));
	const rhombTop = (x: number, y: number): number => spineLine(x) + 0.035 * (1 - rhombAcross(x, y));
	const rhombBot = (x: number, y: number): number => infAngleY + 0.07 * (1 - rhombAcross(x, y));

	const headZ = (ref.joints['eye.L____head'][2] + H('head')[2]) / 2 - 0.03;
	// The chin's lowest point: below it, the skin under the jaw belongs to the neck's regions.
	let chinY = Infinity;
	for (let v = 0; v < nv; v++) if (bone[v] === 'jaw' && Math.abs(P[v * 3]) < 0.01 && P[v * 3 + 2] > headZ + 0.05) chinY = Math.min(chinY, P[v * 3 + 1]);
	const headL = (x: number, y: number, z: number, v: number): number => {
		if (y < chinY && normals[v * 3 + 1] < -0.2 && z > neckC) return neckL(x, y, z);
		const eyeY = ref.joints['eye.L____head'][1];
		// Angle around the skull's vertical axis (its centre half-way between the eyes' depth and the ears').
		const phi = Math.atan2(x, z - headZ) * DEG;
		const mouth = bone[v] === 'jaw' || /^(oris|risorius)/.test(bone[v]);
		// Jaw: the masseter over the angle of the mandible, from in front of the ear to the cheek.
		if (phi > 38 && phi < 100 && y < eyeY - 0.025 && y > eyeY - 0.11) return R.jaw;
		if (mouth || (phi < 70 && y < eyeY + 0.075 && y > eyeY - 0.12)) return R.face;
		if (y < skullBaseY + 0.02 && phi > 110) return R.subocc;
		return R.scalp;
	};

	const neckL = (x: number, y: number, z: number): number => {
		const phi = Math.atan2(x, z - neckC) * DEG;
		const h = sat((y - neckBaseY) / (skullBaseY - neckBaseY));
		const tilt = 18 * h;
		if (phi < 24) return R.throat;
		if (phi < 60 + tilt) return R.frontNeck;
		if (phi < 118 + tilt * 0.5) return R.sideNeck;
		if (y > skullBaseY - 0.03) return R.subocc;
		// The upper trapezius climbs the back of the neck beside the splenius column, narrowing
		// towards the skull: from behind, a slope from the skull base out to the shoulder.
		if (phi < 142 - 22 * h) return R.trap;
		return R.backNeck;
	};

	const legL = (x: number, y: number, z: number, ny: number, isFoot: boolean): number => {
		const { t, psi } = limbCoords(leg, [x, y, z]);
		if (isFoot || y < ankle[1] - 0.01) return ny < -0.55 || y < 0.006 ? R.sole : R.ankle;
		if (Math.abs(t - Lt) < 0.05) return R.knee;
		if (t > Lt) {
			if (psi > -72 && psi < 45) return R.tibialis;
			if (psi >= 45 && psi < 112) return R.peroneals;
			return t < Lt + 0.52 * Ls ? R.gastroc : R.achilles;
		}
		if (psi > -80 && psi < 45 && y > groinLine(x) - bandWidth(x)) return y < groinLine(x) ? R.groin : R.abs;
		const u = t / Lt;
		const tflTop = -0.04, tflBot = female ? 0.15 : 0.16;
		const k = (t - tflTop) / (tflBot - tflTop);
		if (k > 0 && k < 1 && Math.abs(psi - (40 + 50 * k)) < 50 * Math.sqrt(k * (1 - k)) * (1 - 0.45 * k)) return R.tfl;
		// Gluteus medius over the greater trochanter: an oval behind the top of the IT band.
		const gm = (psi - 118) / 30;
		if (gm * gm < 1 && t < 0.07 * Math.sqrt(1 - gm * gm)) return R.gmed;
		const itC = 92 - 4 * u, itW = 26 - 13 * u;
		if (psi > itC - itW && psi < itC + itW) return R.itb;
		// Adductors: a triangle on the inner thigh, widest at the groin, its front border running
		// down to the inner knee; from behind only a narrow strip beside the hamstrings.
		const ua = Math.min(1, u / 0.8);
		const aFront = -45 - 73 * ua * ua;
		const aBack = -132 + 12 * ua;
		if (psi < aFront && psi > aBack) return R.adductors;
		// The quadriceps stop at the inner side of the thigh (vastus medialis); behind that, as the
		// adductors narrow towards the knee, the hamstrings take over.
		if (psi >= aFront && psi >= -100 && psi <= itC - itW) return R.quads;
		return R.hams;
	};

	const armL = (x: number, y: number, z: number, isHand: boolean): number => {
		if (isHand) return R.hand;
		const { t, psi } = limbCoords(arm, [x, y, z]);
		if (t > Lu + Lf - 0.015) return R.hand;
		if (Math.abs(t - Lu) < 0.035) return R.elbow;
		if (t > Lu) return psi > -100 && psi < 70 ? R.flexors : R.extensors;
		const deltBottom = Lu * (0.4 + 0.14 * Math.sin(psi / DEG));
		if (t < deltBottom) return R.deltoid;
		return psi > -105 && psi < 75 ? R.biceps : R.triceps;
	};

	const trunkL = (x: number, y: number, z: number, ny: number): number => {
		const st = station(Math.min(y, neckBaseY));
		const dz = z - st.c;
		const theta = Math.atan2(x / st.a, dz / (dz > 0 ? st.bf : st.bb)) * DEG; // 0 front .. 180 back
		const rn = Math.hypot(x, z - neckC);
		if (y > neckBaseY - (theta > 100 ? -0.01 : 0.012) && rn < neckR + 0.018) return neckL(x, y, z);
		if (theta > 95) {
			const ew = erector(y);
			// Levator scapulae: where the neck meets the shoulder blade, over its upper angle
			// (large enough to tap: about 20 cm² after the borders are smoothed).
			const lx = (x - (medBorder + 0.004)) / 0.028, ly = (y - (scapTop + 0.016)) / 0.032;
			if (lx * lx + ly * ly < 1 && x > ew) return R.levator;
			if (x > ew && x < medialBorder(y) && y < rhombTop(x, y) && y > rhombBot(x, y)) return R.rhomb;
			if (y > spineLine(x)) {
				if (x > spineStrip) return x > acrX - 0.01 && y < acrY - 0.02 ? R.deltoid : R.trap;
			}
			if (x < ew && y > lumbTop(x)) return x < 0.02 && y > neckBaseY ? R.backNeck : R.thorEr;
			const sacBot = sacTop - (female ? 0.13 : 0.12);
			if (y < sacTop && y > sacBot && x < 0.055 * ((y - sacBot) / (sacTop - sacBot)) + 0.004) return R.sacrum;
			if (x < ew && y > sacTop - 0.01) return R.lumbEr;
			const crest = crestY - 0.01 + 0.03 * Math.max(0, (x - 0.06) / 0.1);
			if (y < crest) {
				// Gluteus maximus's upper border runs from beside the sacrum down and out to the
				// greater trochanter; gluteus medius fills the fan above it, up to the crest.
				return y > sacTop - 0.01 - 0.45 * Math.max(0, x - 0.05) ? R.gmed : R.gmax;
			}
			// The shoulder blade below its spine; round the side, under the armpit, the latissimus.
			if (y > infAngleY + 0.35 * Math.max(0, x - 0.07) && y < spineLine(x) && x >= medialBorder(y) && theta > 112) return R.infra;
			if (x < ew + 0.004) return y > lumbTop(x) ? R.thorEr : R.lumbEr;
			return R.lat;
		}
		if (y > clavLine(x) && x > 0.03) {
			if (z < st.c - 0.01 + 0.45 * Math.max(0, x - 0.05)) return R.trap;
			return x > acrX - 0.04 ? R.deltoid : neckL(x, y, z);
		}
		if (x < sternHalf && y > xiphoidY && y < neckBaseY + 0.01) return R.sternum;
		if (y > neckBaseY - 0.02 && x <= 0.03) return R.throat;
		const pecBottom = (female ? nippleY - 0.06 : nippleY - 0.045) + 0.9 * Math.max(0, x - 0.1);
		if (y > pecBottom && theta < 78) return R.pec;
		// "Side of ribs": the serratus on the side of the chest wall, below the pectoral and in
		// front of the latissimus; in front of it, under the breastbone and pectorals, the belly
		// (rectus abdominis) begins.
		if (y > waistY + 0.02 && theta > 50) return theta > 100 ? R.lat : R.serratus;
		const crest = crestY - 0.01;
		if (y < groinLine(x) && theta < 60) return y > groinLine(x) - bandWidth(x) ? R.groin : legL(x, y, z, ny, false);
		if (y < crest && (theta >= 60 || x > asisX + 0.02)) return y > hip[1] - 0.02 ? R.gmed : legL(x, y, z, ny, false);
		if (theta > 96) return R.lat;
		return R.abs;
	};

	const out = new Uint8Array(nv);
	for (let v = 0; v < nv; v++) {
		const x = Math.abs(P[v * 3]), y = P[v * 3 + 1], z = P[v * 3 + 2];
		const ny = normals[v * 3 + 1];
		const p = part[v];
		let code: number;
		if (p === 'head') code = headL(x, y, z, v);
		else if (p === 'neck') code = y > skullBaseY + 0.01 ? headL(x, y, z, v) : neckL(x, y, z);
		else if (p === 'hand' || p === 'arm') code = armL(x, y, z, p === 'hand');
		else if (p === 'foot') code = legL(x, y, z, ny, true);
		else if (p === 'leg') {
			// The buttock's lower fold belongs to gluteus maximus, above the thigh's back.
			const behind = z < hip[2] - 0.02;
			code = behind && y > crotchY - 0.01 - 0.25 * Math.max(0, x - 0.05) ? trunkL(x, y, z, ny) : legL(x, y, z, ny, false);
		} else code = trunkL(x, y, z, ny);
		out[v] = code;
	}
	return out;
}

function vertexNormalsOf(P: ArrayLike<number>, tris: Uint32Array, nv: number): Float64Array {
	const n = new Float64Array(nv * 3);
	for (let t = 0; t < tris.length; t += 3) {
		const [a, b, c] = [tris[t], tris[t + 1], tris[t + 2]];
		const u: V3 = [P[b * 3] - P[a * 3], P[b * 3 + 1] - P[a * 3 + 1], P[b * 3 + 2] - P[a * 3 + 2]];
		const w: V3 = [P[c * 3] - P[a * 3], P[c * 3 + 1] - P[a * 3 + 1], P[c * 3 + 2] - P[a * 3 + 2]];
		const f = cross(u, w);
		for (const i of [a, b, c]) for (let k = 0; k < 3; k++) n[i * 3 + k] += f[k];
	}
	for (let v = 0; v < nv; v++) {
		const l = Math.hypot(n[v * 3], n[v * 3 + 1], n[v * 3 + 2]) || 1;
		for (let k = 0; k < 3; k++) n[v * 3 + k] /= l;
	}
	return n;
}

/**
 * Every surface vertex's region: the left half labelled, each left region made one piece,
 * then mirrored onto the right. Deterministic.
 */
export function regionMap(data: MakeHumanData, surface: BodySurface, ref: Figure): Uint8Array {
	const nv = surface.vertexCount;
	const raw = rawLabels(data, surface, ref);
	const left = (v: number): boolean => ref.positions[v * 3] >= 0;
	onePiece(raw, surface.nbr, left);
	const out = new Uint8Array(nv);
	for (let v = 0; v < nv; v++) {
		const m = surface.mirror[v];
		if (m === v) out[v] = raw[v];
		else if (left(v)) {
			out[v] = raw[v];
			out[m] = mirrorCode(raw[v]);
		}
	}
	return out;
}
