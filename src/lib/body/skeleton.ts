/**
 * Skeleton and proportions per figure: joint positions, limb frames and trunk cross-sections.
 * Proportions follow published averages (about 7.5 heads tall; segment lengths as fractions of
 * stature after Drillis & Contini; chest/waist/hips female 925/750/900 mm, male 1000/810/840 mm).
 * Only the client's LEFT half (+x) is described; the right half is its mirror image.
 */
import type { BodyFigure } from './types';

/** A limb frame: origin at the proximal joint, `axis` down the limb, `lat` away from the body. */
export interface LimbFrame {
	ox: number;
	oy: number;
	oz: number;
	/** Unit vector along the limb (x, y; z is 0: limbs lie in the frontal plane). */
	ax: number;
	ay: number;
	/** Unit lateral vector in the frontal plane (points away from the midline). */
	lx: number;
	ly: number;
}

/** One trunk cross-section: half width a, front depth bf, back depth bb, centre z c. */
export interface Station {
	y: number;
	a: number;
	bf: number;
	bb: number;
	c: number;
}

export interface Skeleton {
	figure: BodyFigure;
	/** Stature, m. */
	H: number;
	female: boolean;
	/** Head: eye level and uniform scale of the head features (1 = female average). */
	eyeY: number;
	headScale: number;
	chinY: number;
	neckR: number;
	neckBaseY: number;
	/** Acromion (bony tip of the shoulder). */
	acrX: number;
	acrY: number;
	arm: LimbFrame;
	upperArm: number;
	forearm: number;
	/** Palm length and half width; finger lengths index..little. */
	palmLen: number;
	palmHalf: number;
	fingers: number[];
	leg: LimbFrame;
	thigh: number;
	shank: number;
	footLen: number;
	/** Trunk sections bottom (crotch) to top (shoulder line). */
	stations: Station[];
	trunkBottom: number;
	trunkTop: number;
	/** Landmark heights used by the region map. */
	waistY: number;
	crestY: number;
	nippleY: number;
	xiphoidY: number;
	crotchY: number;
}

function frame(ox: number, oy: number, angleDeg: number): LimbFrame {
	const a = (angleDeg * Math.PI) / 180;
	return { ox, oy, oz: 0, ax: Math.sin(a), ay: -Math.cos(a), lx: Math.cos(a), ly: Math.sin(a) };
}

/** Local limb coordinates of a point: [lateral, along, front]. */
export function toLimb(f: LimbFrame, x: number, y: number, z: number, out: Float64Array): void {
	const dx = x - f.ox;
	const dy = y - f.oy;
	out[0] = dx * f.lx + dy * f.ly;
	out[1] = dx * f.ax + dy * f.ay;
	out[2] = z - f.oz;
}

/** World point from limb coordinates. */
export function fromLimb(f: LimbFrame, l: number, t: number, fr: number): [number, number, number] {
	return [f.ox + l * f.lx + t * f.ax, f.oy + l * f.ly + t * f.ay, f.oz + fr];
}

export function makeSkeleton(figure: BodyFigure): Skeleton {
	const female = figure === 'female';
	const H = female ? 1.65 : 1.78;
	const headH = H / 7.5;
	const acrX = female ? 0.178 : 0.205;
	const acrY = 0.818 * H;
	const arm = frame(acrX - 0.024, acrY - 0.036, 27);
	const hipY = female ? 0.86 : 0.92;
	const legAngle = female ? 6.5 : 5.5;
	const leg = frame(female ? 0.086 : 0.09, hipY, legAngle);
	const ankleY = female ? 0.07 : 0.075;
	const kneeY = 0.285 * H;
	const cosL = Math.cos((legAngle * Math.PI) / 180);
	// Sections tuned so the measured circumferences match the published averages
	// (see scripts/measure-body.ts): bust/chest, waist and hips.
	const stations: Station[] = female
		? [
				{ y: 0.765, a: 0.106, bf: 0.05, bb: 0.058, c: -0.01 },
				{ y: 0.82, a: 0.136, bf: 0.07, bb: 0.07, c: -0.002 },
				{ y: 0.87, a: 0.147, bf: 0.077, bb: 0.076, c: 0 },
				{ y: 0.94, a: 0.144, bf: 0.082, bb: 0.072, c: 0.002 },
				{ y: 1.02, a: 0.14, bf: 0.092, bb: 0.08, c: 0.004 },
				{ y: 1.1, a: 0.14, bf: 0.09, bb: 0.082, c: 0.003 },
				{ y: 1.17, a: 0.14, bf: 0.084, bb: 0.086, c: 0 },
				{ y: 1.23, a: 0.144, bf: 0.082, bb: 0.09, c: -0.005 },
				{ y: 1.29, a: 0.147, bf: 0.076, bb: 0.085, c: -0.01 },
				{ y: 1.345, a: 0.125, bf: 0.06, bb: 0.07, c: -0.015 }
			]
		: [
				{ y: 0.825, a: 0.118, bf: 0.055, bb: 0.06, c: -0.01 },
				{ y: 0.88, a: 0.138, bf: 0.077, bb: 0.075, c: -0.002 },
				{ y: 0.93, a: 0.14, bf: 0.082, bb: 0.078, c: 0 },
				{ y: 1.0, a: 0.145, bf: 0.09, bb: 0.077, c: 0.004 },
				{ y: 1.08, a: 0.151, bf: 0.099, bb: 0.082, c: 0.006 },
				{ y: 1.17, a: 0.157, bf: 0.098, bb: 0.088, c: 0.004 },
				{ y: 1.26, a: 0.17, bf: 0.1, bb: 0.097, c: 0 },
				{ y: 1.33, a: 0.182, bf: 0.097, bb: 0.102, c: -0.005 },
				{ y: 1.39, a: 0.185, bf: 0.085, bb: 0.097, c: -0.01 },
				{ y: 1.45, a: 0.15, bf: 0.065, bb: 0.078, c: -0.015 }
			];
	return {
		figure,
		H,
		female,
		eyeY: H - headH * 0.48,
		headScale: female ? 1 : 1.06,
		chinY: H - headH,
		neckR: female ? 0.052 : 0.06,
		neckBaseY: acrY + (female ? 0.035 : 0.04),
		acrX,
		acrY,
		arm,
		upperArm: 0.186 * H - 0.01,
		forearm: 0.146 * H,
		palmLen: female ? 0.094 : 0.104,
		palmHalf: female ? 0.036 : 0.041,
		fingers: (female ? [0.07, 0.078, 0.074, 0.059] : [0.078, 0.086, 0.081, 0.065]).slice(),
		leg,
		thigh: (hipY - kneeY) / cosL,
		shank: (kneeY - ankleY) / cosL,
		footLen: 0.148 * H,
		stations,
		trunkBottom: stations[0].y,
		trunkTop: stations[stations.length - 1].y + 0.012,
		waistY: female ? 1.03 : 1.08,
		crestY: female ? 0.955 : 1.01,
		nippleY: female ? 1.195 : 1.3,
		xiphoidY: female ? 1.14 : 1.225,
		crotchY: female ? 0.77 : 0.83
	};
}

/** Catmull-Rom interpolation of the trunk stations at height y (clamped at the ends). */
export function stationAt(st: Station[], y: number, out: Station): Station {
	const n = st.length;
	if (y <= st[0].y) return Object.assign(out, st[0], { y });
	if (y >= st[n - 1].y) return Object.assign(out, st[n - 1], { y });
	let i = 0;
	while (i < n - 2 && st[i + 1].y < y) i++;
	const p0 = st[Math.max(0, i - 1)];
	const p1 = st[i];
	const p2 = st[i + 1];
	const p3 = st[Math.min(n - 1, i + 2)];
	const t = (y - p1.y) / (p2.y - p1.y);
	const t2 = t * t;
	const t3 = t2 * t;
	// Non-uniform spacing is mild; tangents from neighbours scaled to this interval.
	const h = p2.y - p1.y;
	const cr = (k: 'a' | 'bf' | 'bb' | 'c'): number => {
		// Flat at the end stations: the clamped extension beyond them is constant, so a sloped
		// end would leave a kink in the surface (a shading crease along the collarbones).
		const m1 = i === 0 ? 0 : ((p2[k] - p0[k]) / (p2.y - p0.y || 1)) * h;
		const m2 = i === n - 2 ? 0 : ((p3[k] - p1[k]) / (p3.y - p1.y || 1)) * h;
		return (2 * t3 - 3 * t2 + 1) * p1[k] + (t3 - 2 * t2 + t) * m1 + (-2 * t3 + 3 * t2) * p2[k] + (t3 - t2) * m2;
	};
	out.y = y;
	out.a = cr('a');
	out.bf = cr('bf');
	out.bb = cr('bb');
	out.c = cr('c');
	return out;
}
