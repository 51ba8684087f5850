/**
 * The body as a signed distance field: blended primitives hung on the skeleton.
 * One function per body part (V8 optimises small functions far better than one huge one);
 * each limb blends with the trunk only near its own joint, so armpits and thighs don't web.
 * Evaluated at |x|: the left half defines both sides, so the figure is exactly symmetric.
 */
import { capsule, ellipsoid, roundBox, roundCone, smax, smin, smoothstep, sphere } from './sdf';
import { stationAt, toLimb, type Skeleton, type Station } from './skeleton';

export type Field = (x: number, y: number, z: number) => number;

const FAR = 1e3;

/** Lookup table of trunk sections every millimetre (the spline is too slow per sample). */
function trunkTable(sk: Skeleton): { y0: number; n: number; data: Float64Array } {
	const y0 = sk.trunkBottom - 0.05;
	const n = Math.ceil((sk.trunkTop + 0.05 - y0) / 0.001) + 1;
	const data = new Float64Array(n * 4);
	const s: Station = { y: 0, a: 0, bf: 0, bb: 0, c: 0 };
	for (let i = 0; i < n; i++) {
		stationAt(sk.stations, y0 + i * 0.001, s);
		data.set([s.a, s.bf, s.bb, s.c], i * 4);
	}
	return { y0, n, data };
}

function makeTrunk(sk: Skeleton): Field {
	const tab = trunkTable(sk);
	const F = sk.female;
	const { acrX, acrY, neckBaseY, neckR, chinY } = sk;
	const yb = sk.trunkBottom;
	const yt = sk.trunkTop;
	const backAt = (y: number): number => {
		const i = Math.min(tab.n - 1, Math.max(0, Math.round((y - tab.y0) / 0.001)));
		return tab.data[i * 4 + 3] - tab.data[i * 4 + 2];
	};
	const scapY = acrY - 0.105;
	const scapZ = backAt(scapY) + 0.022;
	const glutY = F ? 0.845 : 0.9;
	const glutZ = backAt(glutY) + (F ? 0.03 : 0.03);
	const lumbY = sk.waistY;
	const lumbZ = backAt(lumbY) + 0.012;
	const neckTopY = chinY + 0.07;
	return (x, y, z) => {
		// Loft: superellipse-ish section, front and back depths differ (belly vs back).
		let fi = (y - tab.y0) / 0.001;
		fi = fi < 0 ? 0 : fi > tab.n - 1.001 ? tab.n - 1.001 : fi;
		const i0 = fi | 0;
		const w = fi - i0;
		const d = tab.data;
		const o = i0 * 4;
		const a = d[o] + (d[o + 4] - d[o]) * w;
		const bf = d[o + 1] + (d[o + 5] - d[o + 1]) * w;
		const bb = d[o + 2] + (d[o + 6] - d[o + 2]) * w;
		const c = d[o + 3] + (d[o + 7] - d[o + 3]) * w;
		const dz = z - c;
		const b = dz > 0 ? bf : bb;
		const u = x / a;
		const v = dz / b;
		let f = (Math.sqrt(u * u + v * v) - 1) * (a < b ? a : b);
		f = smax(f, y - yt, 0.05);
		f = smax(f, yb - y, 0.04);
		// Shoulder girdle: trapezius slope from neck to acromion, and the collarbone.
		f = smin(f, capsule(x - 0.02, y - (neckBaseY + 0.02), z + 0.035, acrX - 0.055, acrY - neckBaseY - 0.01, 0.015, F ? 0.036 : 0.042), 0.06);
		f = smin(f, capsule(x - 0.02, y - (neckBaseY - 0.025), z - 0.036, acrX - 0.045, acrY - neckBaseY + 0.03, -0.042, 0.016), 0.045);
		// Neck (a round cone up into the skull).
		f = smin(f, roundCone(x, y - (acrY - 0.03), z + 0.02, 0, neckTopY - acrY + 0.03, -0.005, neckR + 0.014, neckR), 0.05);
		// Shoulder blades, spinal erectors (the |x| mirror leaves a groove at the spine).
		f = smin(f, ellipsoid(x - 0.085, y - scapY, z - scapZ - 0.01, 0.058, 0.08, 0.032), 0.05);
		f = smin(f, ellipsoid(x - 0.028, y - lumbY, z - lumbZ, 0.024, 0.16, 0.02), 0.03);
		// Buttocks.
		f = smin(f, ellipsoid(x - (F ? 0.064 : 0.066), y - glutY, z - glutZ, F ? 0.074 : 0.07, F ? 0.09 : 0.085, F ? 0.058 : 0.054), 0.045);
		if (F) {
			// Breasts: modest, slightly apart and angled outward.
			f = smin(f, ellipsoid(x - 0.078, y - sk.nippleY - 0.008, z - 0.05, 0.06, 0.056, 0.05), 0.04);
		} else {
			f = smin(f, ellipsoid(x - 0.082, y - (sk.nippleY + 0.03), z - 0.062, 0.08, 0.06, 0.04), 0.04);
		}
		return f;
	};
}

function makeHead(sk: Skeleton): Field {
	const s = sk.headScale;
	const ey = sk.eyeY;
	const jw = sk.female ? 1 : 1.08;
	// Crown exactly at stature: the head is about 1/7.5 of it, eyes near half its height.
	const top = (sk.H - ey) / s;
	const yc = -0.005;
	const jw0 = sk.female ? 1 : 0.8;
	// Feature positions relative to the eyes, scaled with the head.
	return (x, y, z) => {
		const X = x / s;
		const Y = (y - ey) / s;
		const Z = z / s;
		const Xj = X / jw;
		// A calm, rounded egg: cranium, a softly tapering face and jaw with a chin, a low
		// brow, cheekbones, a short nose, a hint of lips and ears; only shallow eye hollows.
		// One egg, narrowing and shallowing towards the chin (no seams between face and skull).
		const t = smoothstep(0.01, -0.11, Y);
		const wx = 1 - 0.25 * t * jw0;
		const wz = 1 - 0.3 * t;
		const zc = -0.012 + 0.052 * t;
		let f = ellipsoid(X / wx, Y - yc, (Z - zc) / wz, 0.077, top - yc, 0.1) * (wx < wz ? wx : wz);
		f = smin(f, ellipsoid(X, Y - 0.045, Z - 0.03, 0.06, 0.05, 0.05), 0.03);
		f = smin(f, ellipsoid(Xj, Y + 0.1, Z - 0.062, 0.02, 0.015, 0.016), 0.02);
		f = smin(f, ellipsoid(X, Y - 0.02, Z - 0.066, 0.055, 0.018, 0.02), 0.03);
		f = smax(f, -ellipsoid(X - 0.03, Y + 0.002, Z - 0.092, 0.018, 0.011, 0.012), 0.012);
		f = smin(f, roundCone(X, Y - 0.004, Z - 0.084, 0, -0.034, 0.013, 0.007, 0.009), 0.024);
		f = smin(f, ellipsoid(X, Y + 0.035, Z - 0.088, 0.013, 0.008, 0.009), 0.01);
		f = smin(f, ellipsoid(X - 0.074, Y + 0.01, Z + 0.012, 0.011, 0.027, 0.016), 0.008);
		return f * s;
	};
}

function makeArm(sk: Skeleton): Field {
	const fr = sk.arm;
	const F = sk.female;
	const Lu = sk.upperArm;
	const Lf = sk.forearm;
	const tw = Lu + Lf;
	const g = F ? 1.04 : 1.2; // girth
	const pl = sk.palmLen;
	const ph = sk.palmHalf;
	const hs = ph / 0.036;
	const q = new Float64Array(3);
	// Fingers: knuckle offset across the palm, spread angle, length; slight curl to the palm.
	const fingers = sk.fingers.map((len, i) => {
		const off = [0.75, 0.25, -0.25, -0.72][i] * ph;
		const ang = ([9, 2, -6, -14][i] * Math.PI) / 180;
		const r = (i === 3 ? 0.0072 : 0.008) * hs;
		const c1 = (10 * Math.PI) / 180;
		const c2 = (24 * Math.PI) / 180;
		const l1 = len * 0.55;
		const l2 = len * 0.45;
		const dl = Math.sin(ang);
		const dt = Math.cos(ang);
		const k0 = [off, pl - 0.006, -0.001];
		const k1 = [k0[0] + dl * l1 * Math.cos(c1), k0[1] + dt * l1 * Math.cos(c1), k0[2] + l1 * Math.sin(c1)];
		const k2 = [k1[0] + dl * l2 * Math.cos(c2), k1[1] + dt * l2 * Math.cos(c2), k1[2] + l2 * Math.sin(c2)];
		return { k0, k1, k2, r };
	});
	const hand = (l: number, t: number, f: number): number => {
		let h = roundBox(l, t - pl * 0.5, f, ph, pl * 0.5, 0.012 * hs, 0.011 * hs);
		h = smin(h, ellipsoid(l - 0.45 * ph, t - 0.3 * pl, f - 0.009, 0.02 * hs, 0.03 * hs, 0.013 * hs), 0.012);
		for (const fg of fingers) {
			const a = fg.k0;
			const b = fg.k1;
			const c = fg.k2;
			let d = roundCone(l - a[0], t - a[1], f - a[2], b[0] - a[0], b[1] - a[1], b[2] - a[2], fg.r * 1.08, fg.r);
			d = Math.min(d, roundCone(l - b[0], t - b[1], f - b[2], c[0] - b[0], c[1] - b[1], c[2] - b[2], fg.r, fg.r * 0.85));
			h = smin(h, d, 0.012);
		}
		// Thumb: metacarpal then phalanges, pointing away from the body and a little forward.
		const t0x = 0.85 * ph, t0t = 0.1 * pl, t0f = 0.006;
		const t1x = t0x + 0.028 * hs, t1t = t0t + 0.033 * hs, t1f = t0f + 0.016 * hs;
		const t2x = t1x + 0.02 * hs, t2t = t1t + 0.05 * hs, t2f = t1f + 0.012 * hs;
		let th = roundCone(l - t0x, t - t0t, f - t0f, t1x - t0x, t1t - t0t, t1f - t0f, 0.0125 * hs, 0.0105 * hs);
		th = smin(th, roundCone(l - t1x, t - t1t, f - t1f, t2x - t1x, t2t - t1t, t2f - t1f, 0.0102 * hs, 0.0085 * hs), 0.004);
		return smin(h, th, 0.016);
	};
	return (x, y, z) => {
		toLimb(fr, x, y, z, q);
		const l = q[0];
		const t = q[1];
		const f = q[2];
		if (t < -0.22 || t > tw + pl + 0.12 || l * l + f * f > 0.025) return FAR;
		let d = ellipsoid(l - 0.006, t - 0.035, f, 0.052 * g, 0.095 * g, 0.056 * g);
		d = smin(d, roundCone(l, t, f, 0, Lu, -0.006, 0.044 * g, 0.034 * g), 0.03);
		d = smin(d, ellipsoid(l, t - 0.55 * Lu, f - 0.012, 0.029 * g, 0.09, 0.03 * g), 0.025);
		d = smin(d, ellipsoid(l, t - 0.45 * Lu, f + 0.014, 0.032 * g, 0.11, 0.031 * g), 0.025);
		d = smin(d, sphere(l, t - Lu, f + 0.01, 0.03 * g), 0.025);
		// Forearm: round at the elbow, flatter towards the wrist (palm forward).
		const ff = f / (0.78 + 0.22 * smoothstep(tw, Lu, t));
		d = smin(d, roundCone(l, t - Lu, ff + 0.004, 0, Lf, 0.004, 0.035 * g, 0.027 * g), 0.03);
		d = smin(d, ellipsoid(l - 0.004, t - Lu - 0.065, f, 0.039 * g, 0.085, 0.034 * g), 0.03);
		if (t > tw - 0.05) d = smin(d, hand(l, t - tw, f), 0.022);
		return d;
	};
}

function makeLeg(sk: Skeleton): Field {
	const fr = sk.leg;
	const F = sk.female;
	const Lt = sk.thigh;
	const Ls = sk.shank;
	const g = F ? 1 : 1.03;
	const q = new Float64Array(3);
	const ax = fr.ox + fr.ax * (Lt + Ls);
	const ay = fr.oy + fr.ay * (Lt + Ls);
	const fl = sk.footLen;
	const fs = fl / 0.244;
	return (x, y, z) => {
		toLimb(fr, x, y, z, q);
		const l = q[0];
		const t = q[1];
		const f = q[2];
		let d = FAR;
		if (t < Lt + Ls + 0.14 && l * l + f * f < 0.06) {
			d = roundCone(l, t + 0.03, f, 0, Lt + 0.03, 0.005, (F ? 0.084 : 0.084) * g, 0.052 * g);
			d = smin(d, ellipsoid(l - 0.004, t - 0.45 * Lt, f - 0.024, 0.058 * g, 0.17, 0.05 * g), 0.04);
			d = smin(d, ellipsoid(l + 0.028, t - 0.82 * Lt, f - 0.02, 0.032, 0.06, 0.032), 0.03);
			d = smin(d, ellipsoid(l, t - 0.45 * Lt, f + 0.026, 0.054 * g, 0.17, 0.05 * g), 0.04);
			d = smin(d, sphere(l, t - Lt, f, 0.045 * g), 0.03);
			d = smin(d, ellipsoid(l, t - Lt + 0.005, f - 0.04, 0.024, 0.028, 0.014), 0.015);
			d = smin(d, roundCone(l, t - Lt, f + 0.004, 0, Ls, -0.004, 0.044 * g, 0.026 * g), 0.03);
			d = smin(d, ellipsoid(l + 0.015, t - Lt - 0.11, f + 0.027, 0.032 * g, 0.09, 0.037 * g), 0.03);
			d = smin(d, ellipsoid(l - 0.018, t - Lt - 0.095, f + 0.024, 0.029 * g, 0.08, 0.033 * g), 0.03);
			d = smin(d, ellipsoid(l - 0.01, t - Lt - 0.12, f - 0.016, 0.02, 0.1, 0.02), 0.025);
			// Ankle bones: the inner one higher and further forward.
			d = smin(d, sphere(l + 0.022, t - Lt - Ls + 0.004, f - 0.004, 0.013), 0.012);
			d = smin(d, sphere(l - 0.023, t - Lt - Ls - 0.006, f + 0.006, 0.012), 0.012);
		}
		if (y < ay + 0.12) {
			// Foot in ground coordinates relative to the ankle; flat sole on y = 0.
			const X = (x - ax) / fs;
			const Y = y / fs;
			const Z = z / fs;
			let ft = sphere(X, Y - 0.037, Z + 0.036, 0.036);
			ft = smin(ft, roundCone(X, Y - ay / fs, Z + 0.005, 0.004, 0.018 - ay / fs, 0.1, 0.029, 0.027), 0.03);
			ft = smin(ft, ellipsoid(X - 0.006, Y - 0.021, Z - 0.135, 0.044, 0.021, 0.04), 0.03);
			ft = smin(ft, ellipsoid(X + 0.004, Y - 0.026, Z - 0.06, 0.036, 0.026, 0.075), 0.03);
			ft = smin(ft, capsule(X + 0.021, Y - 0.016, Z - 0.158, -0.003, -0.002, 0.03, 0.0115), 0.012);
			ft = smin(ft, ellipsoid(X - 0.016, Y - 0.012, Z - 0.167, 0.027, 0.011, 0.026), 0.012);
			// Achilles tendon from the calf down to the heel.
			ft = smin(ft, capsule(X - 0.002, Y - ay / fs - 0.1, Z + 0.018, 0, -0.09, -0.012, 0.009), 0.03);
			ft = smax(ft, -Y, 0.006);
			d = smin(d, ft * fs, 0.03);
		}
		return d;
	};
}

/** The separate body parts (at x >= 0), used to decide which part a surface point is on. */
export interface BodyParts {
	trunk: Field;
	head: Field;
	arm: Field;
	leg: Field;
}

export function makeParts(sk: Skeleton): BodyParts {
	return { trunk: makeTrunk(sk), head: makeHead(sk), arm: makeArm(sk), leg: makeLeg(sk) };
}

/** The whole-body field for one figure. */
export function makeBodyField(sk: Skeleton, parts: BodyParts = makeParts(sk)): Field {
	const { trunk, head, arm, leg } = parts;
	const sx = sk.arm.ox;
	const sy = sk.arm.oy;
	const hx = sk.leg.ox;
	const hy = sk.leg.oy - 0.04;
	const headLow = sk.chinY - 0.05;
	const trunkLow = sk.trunkBottom - 0.12;
	const trunkHigh = sk.chinY + 0.15;
	return (xs, y, z) => {
		const x = xs < 0 ? -xs : xs;
		let f = FAR;
		if (y > trunkLow && y < trunkHigh && x < 0.32) f = trunk(x, y, z);
		if (y > headLow && x < 0.15) f = smin(f, head(x, y, z), 0.02);
		if (y > sk.crotchY - 0.65 && x > 0.05) {
			const dx = x - sx;
			const dy = y - sy;
			const r = Math.sqrt(dx * dx + dy * dy + z * z);
			f = smin(f, arm(x, y, z), 0.045 * (1 - smoothstep(0.07, 0.16, r)));
		}
		if (y < hy + 0.3) {
			const dx = x - hx;
			const dy = y - hy;
			const r = Math.sqrt(dx * dx + dy * dy + z * z);
			f = smin(f, leg(x, y, z), 0.075 * (1 - smoothstep(0.12, 0.26, r)));
		}
		return f;
	};
}
