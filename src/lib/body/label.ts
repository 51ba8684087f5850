/**
 * The region map: which of the 80 regions a surface point belongs to, from its position and
 * normal against the skeleton. Only the left half (x >= 0) is labelled; the right half is
 * its mirror. Every border is a smooth function of position (part fields compared, angles
 * around a limb, height lines), so borders cut along it come out as smooth curves.
 */
import { regionCodes } from './makehuman/regioncodes';
import type { BodyParts } from './field';
import { stationAt, toLimb, type Skeleton, type Station } from './skeleton';

export type Labeller = (x: number, y: number, z: number, nx: number, ny: number, nz: number) => number;

const DEG = 180 / Math.PI;

export function makeLabeller(sk: Skeleton, parts: BodyParts): Labeller {
	const R = regionCodes(); // the left side's codes, shared with the MakeHuman region map
	const F = sk.female;
	const q = new Float64Array(3);
	const st: Station = { y: 0, a: 0, bf: 0, bb: 0, c: 0 };
	const { acrX, acrY, neckBaseY, neckR, waistY, crestY, xiphoidY, nippleY } = sk;
	const s = sk.headScale;
	const Lu = sk.upperArm;
	const tw = Lu + sk.forearm;
	const Lt = sk.thigh;
	const Ls = sk.shank;
	const ankleY = sk.leg.oy + sk.leg.ay * (Lt + Ls);
	const hipY = sk.leg.oy;
	const skullBaseY = sk.chinY + 0.02;
	const scapTop = acrY - 0.035;
	const infAngleY = acrY - 0.175;
	const medBorder = F ? 0.072 : 0.08;
	const spineStrip = F ? 0.034 : 0.038;
	const lumbarStrip = F ? 0.058 : 0.062;
	const sternHalf = F ? 0.022 : 0.026;
	// Scapular spine: rises from the medial border to the acromion.
	const spineLine = (x: number): number => acrY - 0.06 + ((x - 0.04) / (acrX - 0.04)) * 0.045;
	// Collarbone line seen from the front: from the sternal notch up to the acromion.
	const clavLine = (x: number): number => neckBaseY - 0.03 + ((x - 0.02) / (acrX - 0.04)) * (acrY - neckBaseY + 0.035);
	// Inguinal line: from the pubis up and out to the front of the pelvis (ASIS).
	const pubisY = sk.crotchY + 0.06;
	const asisX = F ? 0.115 : 0.11;
	const asisY = crestY - 0.045;
	const groinLine = (x: number): number => pubisY + (asisY - pubisY) * Math.min(1, x / asisX);
	const groinBand = 0.045;
	// The band along the inguinal crease ends in a rounded tip at the front of the hip bone.
	const bandWidth = (x: number): number => groinBand * Math.sqrt(Math.min(1, Math.max(0, (asisX + 0.025 - x) / 0.05)));
	const sat = (v: number): number => (v < 0 ? 0 : v > 1 ? 1 : v);
	const sstep = (a: number, b: number, v: number): number => {
		const k = sat((v - a) / (b - a));
		return k * k * (3 - 2 * k);
	};
	// Spinal erectors: narrow along the thoracic spine, widening into the lumbar mass above
	// the pelvis, then tapering a little towards the sacrum.
	const sacTop = crestY - 0.025;
	const erector = (y: number): number =>
		y > waistY
			? spineStrip + (lumbarStrip - spineStrip) * sstep(waistY + 0.16, waistY, y)
			: lumbarStrip * (1 - 0.18 * sstep(waistY, sacTop, y));
	// Thoracic / lumbar border: a shallow arch, higher at the spine.
	const lumbTop = (x: number): number => waistY + 0.05 - 6 * x * x;
	// Rhomboids: between the erectors and the scapula's inner border, from C7-T5 at the spine
	// down to the scapular spine-inferior angle, so top and bottom both fall towards the scapula.
	const medialBorder = (y: number): number => medBorder + 0.12 * (y - infAngleY);
	const rhombAcross = (x: number, y: number): number => sat((x - spineStrip) / (medialBorder(y) - spineStrip));
	const rhombTop = (x: number, y: number): number => spineLine(x) + 0.03 * (1 - rhombAcross(x, y));
	const rhombBot = (x: number, y: number): number => infAngleY + 0.07 * (1 - rhombAcross(x, y));
	// Tensor fasciae latae: a teardrop from just below the front of the hip bone (ASIS), down
	// and back into the IT band, in the thigh's frame (t along the thigh, psi around it).
	const tflTop = -0.052;
	const tflBot = F ? 0.15 : 0.16;
	const tflAt = (t: number, psi: number): boolean => {
		const u = (t - tflTop) / (tflBot - tflTop);
		if (u <= 0 || u >= 1) return false;
		return Math.abs(psi - (40 + 50 * u)) < 50 * Math.sqrt(u * (1 - u)) * (1 - 0.45 * u);
	};
	const legAngles = (x: number, y: number, z: number): number => {
		toLimb(sk.leg, x, y, z, q);
		return Math.atan2(q[0], q[2]) * DEG;
	};

	const head = (x: number, y: number, z: number): number => {
		const X = x / s;
		const Y = (y - sk.eyeY) / s;
		const Z = z / s;
		const fx = X / (Y < -0.04 ? 0.05 : 0.058);
		const fy = (Y + 0.028) / 0.09;
		if (Z > 0.015 && fx * fx + fy * fy < 1) return R.face;
		if (Y < -0.03 && Z > -0.012 && Y > -0.13) return R.jaw;
		return R.scalp;
	};

	const neck = (x: number, y: number, z: number): number => {
		const phi = Math.atan2(x, z + 0.02) * DEG;
		const h = Math.min(1, Math.max(0, (y - neckBaseY) / (skullBaseY - neckBaseY)));
		const tilt = 18 * h; // the SCM runs from the breastbone up to behind the ear
		if (phi < 22) return R.throat;
		if (phi < 58 + tilt) return R.frontNeck;
		if (phi < 124 + tilt * 0.5) return R.sideNeck;
		if (y > skullBaseY - 0.035) return R.subocc;
		return R.backNeck;
	};

	const trunk = (x: number, y: number, z: number, ny: number, fromLeg = false): number => {
		stationAt(sk.stations, Math.min(y, sk.trunkTop), st);
		const dz = z - st.c;
		const theta = Math.atan2(x / st.a, dz / (dz > 0 ? st.bf : st.bb)) * DEG; // 0 front .. 180 back
		// Neck: close to the neck axis, above the shoulder line.
		const rn = Math.sqrt(x * x + (z + 0.02) * (z + 0.02));
		const neckTop = theta > 100 ? neckBaseY + 0.02 : neckBaseY - 0.012;
		if (y > neckTop && rn < neckR + 0.016) return neck(x, y, z);
		if (y > acrY + 0.0 && rn < neckR + 0.03 && ny < 0.6) return neck(x, y, z);
		const back = theta > 95;
		if (back) {
			const ew = erector(y);
			if (x > ew && x < medialBorder(y) && y < rhombTop(x, y) && y > rhombBot(x, y)) return R.rhomb;
			if (y > spineLine(x)) {
				if (x > spineStrip && x < (F ? 0.08 : 0.088) && y < neckBaseY + 0.02 && y > scapTop - 0.01) return R.levator;
				if (x > spineStrip) return R.trap;
			}
			if (x < ew && y > lumbTop(x)) return x < 0.02 && y > neckBaseY ? R.backNeck : R.thorEr;
			// Sacrum: a downward triangle between the dimples of the SI joints.
			const sacBot = sacTop - (F ? 0.13 : 0.12);
			if (y < sacTop && y > sacBot && x < 0.055 * ((y - sacBot) / (sacTop - sacBot)) + 0.004) return R.sacrum;
			if (x < ew && y > sacTop - 0.01) return R.lumbEr;
			// Hip below the iliac crest (which dips towards the back).
			const crest = crestY - 0.01 + 0.03 * Math.max(0, (x - 0.06) / 0.1);
			if (y < crest) {
				if (y > hipY + 0.01 + 0.06 * Math.max(0, (150 - theta) / 50) && theta < 150) return R.gmed;
				return R.gmax;
			}
			if (y > infAngleY + 0.35 * Math.max(0, x - 0.07) && y < spineLine(x) && x >= medialBorder(y)) return R.infra;
			if (x < ew + 0.004) return y > lumbTop(x) ? R.thorEr : R.lumbEr;
			return R.lat;
		}
		// Front and sides.
		if (y > clavLine(x) && x > 0.03) {
			// Only the top of the shoulder is trapezius: its front edge runs from behind the neck
			// out to the outer third of the collarbone, so from the front it is a thin band.
			if (z < -0.02 + 0.45 * Math.max(0, x - 0.05)) return R.trap;
			return x > acrX - 0.035 ? R.deltoid : neck(x, y, z);
		}
		if (x < sternHalf && y > xiphoidY && y < neckBaseY + 0.01) return R.sternum;
		if (y > neckBaseY - 0.015 && x <= 0.03) return R.throat;
		const pecBottom = (F ? nippleY - 0.07 : nippleY - 0.05) + 0.9 * Math.max(0, x - 0.1);
		if (y > pecBottom && theta < 78) return R.pec;
		const costal = xiphoidY - 0.75 * x;
		if (y > waistY + 0.02 && (theta > 70 || y > costal)) return theta > 100 ? R.lat : R.serratus;
		// Below the waist: hip front/side, groin, belly.
		const crest = crestY - 0.01;
		const inGroin = theta < 60 && y < groinLine(x) && y > groinLine(x) - bandWidth(x);
		if (y < crest && !inGroin) {
			const psi = legAngles(x, y, z);
			if (tflAt(q[1], psi)) return R.tfl;
		}
		if (y < groinLine(x) && theta < 60) {
			// A band along the inguinal crease; below it the front of the thigh begins.
			if (inGroin) return R.groin;
			return leg(x, y, z, ny);
		}
		// Lateral of the front of the hip bone, below the crest, is hip (not belly).
		if (y < crest && (theta >= 60 || x > asisX + 0.02)) {
			if (y > hipY - 0.02 || fromLeg) return R.gmed;
			return leg(x, y, z, ny);
		}
		if (theta > 96) return R.lat;
		return R.abs;
	};

	const arm = (x: number, y: number, z: number): number => {
		toLimb(sk.arm, x, y, z, q);
		const t = q[1];
		const psi = Math.atan2(q[0], q[2]) * DEG; // 0 front (palm side), 90 outside, -90 towards body
		if (t > tw - 0.012) return R.hand;
		if (Math.abs(t - Lu) < 0.032) return R.elbow;
		if (t > Lu) return psi > -115 && psi < 62 ? R.flexors : R.extensors;
		const deltBottom = Lu * (0.34 + 0.14 * Math.sin(psi / DEG));
		if (t < deltBottom) return R.deltoid;
		return psi > -110 && psi < 70 ? R.biceps : R.triceps;
	};

	const leg = (x: number, y: number, z: number, ny: number): number => {
		toLimb(sk.leg, x, y, z, q);
		const t = q[1];
		const psi = Math.atan2(q[0], q[2]) * DEG; // 0 front, 90 outside, -90 inside
		if (y < ankleY + 0.012 && t > Lt + Ls - 0.03) {
			if (ny < -0.55 || y < 0.005) return R.sole;
			return R.ankle;
		}
		if (y < 0.03) return ny < -0.3 ? R.sole : R.ankle;
		if (Math.abs(t - Lt) < 0.047) return R.knee;
		if (t > Lt) {
			if (psi > -72 && psi < 48) return R.tibialis;
			if (psi >= 48 && psi < 112) return R.peroneals;
			return t < Lt + 0.55 * Ls ? R.gastroc : R.achilles;
		}
		if (psi > -80 && psi < 45 && y > groinLine(x) - bandWidth(x)) return y < groinLine(x) ? R.groin : R.abs;
		if (tflAt(t, psi)) return R.tfl;
		// Above the inguinal line the thigh's blend into the pelvis belongs to the trunk's regions.
		if (t < 0.02 && psi > -80 && psi < 100 && y > groinLine(x)) return trunk(x, y, z, ny, true);
		if (t < 0.02 && psi >= 45 && psi < 100) return R.gmed;
		// Gluteus medius over the greater trochanter: an oval behind the top of the IT band.
		const gm = (psi - 122) / 30;
		if (gm * gm < 1 && t < 0.09 * Math.sqrt(1 - gm * gm)) return R.gmed;
		const u = t / Lt;
		// IT band: down the outer thigh, narrowing to the knee.
		const itC = 92 - 4 * u;
		const itW = 30 - 16 * u;
		if (psi > itC - itW && psi < itC + itW) return R.itb;
		// Adductors: a triangle on the inner thigh, widest at the groin, its front border running
		// diagonally down to the inner knee where it meets the hamstrings' inner edge.
		const ua = Math.min(1, u / 0.8);
		const aMid = -97.5 - 20.5 * ua;
		const aW = 52.5 * Math.pow(1 - ua, 0.6);
		const aF = aMid + aW;
		if (psi < aF && psi > aMid - aW) return R.adductors;
		if (psi >= aF && psi <= itC - itW) return R.quads;
		return R.hams;
	};

	return (x, y, z, nx, ny) => {
		void nx;
		const ax = x < 0 ? -x : x;
		const tr = parts.trunk(ax, y, z);
		const hd = parts.head(ax, y, z);
		const ar = parts.arm(ax, y, z);
		const lg = parts.leg(ax, y, z);
		if (hd < tr && hd < ar && hd < lg) return head(ax, y, z);
		if (ar < tr && ar < lg) return arm(ax, y, z);
		if (lg < tr) return leg(ax, y, z, ny);
		return trunk(ax, y, z, ny);
	};
}
