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
 * Pure. The landmarks the lines are placed from are measured in landmarks.ts, limbs' frames in
 * limbframe.ts.
 */
import { mirrorCode, onePiece, regionCodes } from './regioncodes';
import type { BodySurface, Figure, MakeHumanData } from './figure';
import { measureLandmarks } from './landmarks';
import { dot, len, limbCoords, scale, sub, unit, type Limb } from './limbframe';

const DEG = 180 / Math.PI;

/**
 * The left-half labels of a reference figure (its positions in metres, joints placed), before
 * the one-piece clean-up. Exported for the tests' landmark checks.
 */
export function rawLabels(data: MakeHumanData, surface: BodySurface, ref: Figure): Uint8Array {
	const R = regionCodes();
	const nv = surface.vertexCount;
	const P = ref.positions;
	const m = measureLandmarks(data, surface, ref);
	const { part, bone, normals, female, shoulder, elbow, wrist, hip, knee, ankle, neckBaseY, nippleY, skullBaseY } = m;
	const { crotchY, crestY, waistY, acrX, acrY, xiphoidY, neckR, neckC, headZ, chinY, station } = m;

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
