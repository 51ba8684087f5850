/**
 * One figure from MakeHuman's data: sex and build targets mixed into the base mesh, the arms
 * lowered to an A-pose by skinning, the skin (group `body`) taken alone, eyes closed, nipples and
 * genital area smoothed, made exactly mirror-symmetric, and scaled to metres with the feet on
 * y = 0. Only positions change: every sex and build has the same vertices in the same order
 * and the same faces, so a region map or a painting made on one holds on all. The painting
 * surface (paintingSurface) splits the torso's and limbs' edges once, by one plan for all.
 * Pure: the files come in as parsed data (`load.ts` reads them in Node).
 */
import type { ObjMesh } from './obj';
import { groupFaces, groupVertices } from './obj';
import { applyTargets, buildCorners, cornerFile, type Target } from './target';
import { applyDQ, boneHead, composeDQ, descendants, jointPosition, rotationAbout, skinDQ, type DualQuat, type Skeleton, type Weights } from './rig';
import { mirrorMap, neighbours, symmetrise, type Polys } from './topology';
import { closeEye, fitSphere, flattenPatch, smooth, socketVertices, untangle, zone } from './clinical';
import { chooseSubdivision, planSubdivision, quadTriangles, subdivide, subdivideNormals, type SubdivisionChoices, type SubdivisionPlan } from './subdivide';
import { vertexNormals } from './mesh';

export type Sex = 'female' | 'male';

export interface MakeHumanData {
	obj: ObjMesh;
	/** By file name, e.g. `caucasian-female-young.target`. */
	targets: Map<string, Target>;
	skeleton: Skeleton;
	weights: Weights;
}

/** Build sliders, 0 = MakeHuman's min, 0.5 = average, 1 = max. */
export interface Build {
	muscle: number;
	weight: number;
}

export const BUILDS = {
	slim: { muscle: 0.5, weight: 0.15 },
	average: { muscle: 0.5, weight: 0.5 },
	broad: { muscle: 0.8, weight: 0.8 }
} as const satisfies Record<string, Build>;
export type BuildName = keyof typeof BUILDS;

/**
 * The figure the region map is authored on (regionmap.ts); every other sex and build takes the
 * same map through the shared vertex list.
 */
export const REGION_REFERENCE = { sex: 'female', build: 'average' } as const satisfies { sex: Sex; build: BuildName };

/** Arm angle from the vertical, seen from the front (shoulder joint to wrist), in degrees. */
export const ARM_ANGLE = 30;
/** Share of the arm's lowering taken by the clavicle: the shoulder girdle drops a little too, as it does in a person. */
const CLAVICLE_SHARE = 0.2;

/** The surface: the body group, as quads over the first `vertexCount` mesh vertices. */
export interface BodySurface {
	vertexCount: number;
	quads: Uint32Array;
	/** Neighbour lists of the surface. */
	nbr: Uint32Array[];
	/** Mirror partner per vertex (from the exactly symmetric base). */
	mirror: Uint32Array;
	/** The quads as triangles, diagonals chosen once on the base mesh (the same for every figure). */
	triangles: Uint32Array;
	/** Which edges split and each quad's diagonal, decided on the base mesh (shipped in the topology asset). */
	choices: SubdivisionChoices;
	/** Where the surface is subdivided for painting (edges over SPLIT_LENGTH on the base). */
	plan: SubdivisionPlan;
}

/**
 * Edges longer than this on the base mesh (10 mm, in its decimetres) split for painting: the
 * torso and limbs (about 20 mm) split, the face and hands (about 4 mm) keep theirs. Measured
 * (scripts/measure-makehuman.ts): the median edge where people paint goes from 18–21 mm to
 * 9.2–10.8 mm (smallest on the slim woman, largest on the broad man).
 */
export const SPLIT_LENGTH = 0.1;

/** The skin group of the base mesh. Its vertices are the first ones of the file (checked). */
export function bodySurface(obj: ObjMesh): BodySurface {
	const verts = groupVertices(obj, 'body');
	const n = verts.length;
	if (verts[0] !== 0 || verts[n - 1] !== n - 1) throw new Error('base.obj: body vertices are expected first');
	const faces = groupFaces(obj, 'body');
	const quads = new Uint32Array(faces.length * 4);
	faces.forEach((f, i) => {
		if (obj.faceStart[f + 1] - obj.faceStart[f] !== 4) throw new Error('base.obj: body faces are expected to be quads');
		for (let k = 0; k < 4; k++) quads[i * 4 + k] = obj.faceVerts[obj.faceStart[f] + k];
	});
	const polys: Polys = { verts: quads, start: Uint32Array.from({ length: faces.length + 1 }, (_, i) => i * 4) };
	const choices = chooseSubdivision(quads, obj.positions, (_a, _b, length) => length > SPLIT_LENGTH);
	const plan = planSubdivision(quads, n, choices);
	return { vertexCount: n, quads, nbr: neighbours(polys, n), mirror: mirrorMap(obj.positions, n), triangles: quadTriangles(quads, choices.diagonal), choices, plan };
}

/** The target files and weights for one sex and build. */
export function figureTargets(data: MakeHumanData, sex: Sex, build: Build): { target: Target; weight: number }[] {
	const get = (name: string): Target => {
		const t = data.targets.get(name);
		if (!t) throw new Error(`missing target ${name}`);
		return t;
	};
	const out = ['african', 'asian', 'caucasian'].map((r) => ({ target: get(`${r}-${sex}-young.target`), weight: 1 / 3 }));
	for (const c of buildCorners(build.muscle, build.weight)) {
		// average/average is the zero offset by design: there is no file to add.
		if (c.muscle === 'average' && c.weight === 'average') continue;
		out.push({ target: get(cornerFile(sex, c.muscle, c.weight)), weight: c.w });
	}
	return out;
}

/** Angle of one arm from the vertical in the front view, degrees. */
export function armAngle(sk: Skeleton, pos: ArrayLike<number>, side: 'L' | 'R'): number {
	const s = boneHead(sk, `upperarm01.${side}`, pos);
	const w = boneHead(sk, `wrist.${side}`, pos);
	return (Math.atan2(Math.abs(w[0] - s[0]), s[1] - w[1]) * 180) / Math.PI;
}

/**
 * Lower both arms to ARM_ANGLE by turning them about the front-back axis at the clavicle and
 * shoulder. Each vertex's shares of the two turns (the summed weights of the bones each moves)
 * are first spread over the skin by `spread` diffusion steps: MakeHuman's weights change fast
 * across the armpit and the top of the shoulder, and turning them as they are leaves a crease
 * there; spread over a few centimetres the bend is a smooth curve.
 */
export function lowerArms(data: MakeHumanData, pos: Float64Array, surface?: BodySurface, spread = SPREAD): Float64Array {
	const sk = data.skeleton;
	const transforms = new Map<string, DualQuat>();
	const groups: Weights = new Map();
	const nv = pos.length / 3;
	for (const side of ['L', 'R'] as const) {
		// The elbow first: the base mesh holds the forearms bent about 45° forward, hands out in
		// front of the thighs; opened most of the way, the arm hangs as a relaxed arm does.
		const shoulder = boneHead(sk, `upperarm01.${side}`, pos);
		const elbow = boneHead(sk, `lowerarm01.${side}`, pos);
		const wrist = boneHead(sk, `wrist.${side}`, pos);
		const upper = sub(elbow, shoulder), fore = sub(wrist, elbow);
		const hinge = unit(cross3(upper, fore));
		const bend = Math.acos(Math.min(1, dot3(upper, fore) / Math.sqrt(dot3(upper, upper) * dot3(fore, fore))));
		const open = rotationAbout(hinge, -bend * ELBOW_OPEN, elbow);
		const w2 = applyDQ(open, wrist);
		const angle = (Math.atan2(Math.abs(w2[0] - shoulder[0]), shoulder[1] - w2[1]) * 180) / Math.PI;
		const drop = ((angle - ARM_ANGLE) * Math.PI) / 180;
		// Left arm (+x) lowers clockwise seen from the front (+z): a negative turn about +z.
		const sign = side === 'L' ? -1 : 1;
		const clav = rotationAbout([0, 0, 1], sign * drop * CLAVICLE_SHARE, boneHead(sk, `clavicle.${side}`, pos));
		const arm = composeDQ(clav, rotationAbout([0, 0, 1], sign * drop * (1 - CLAVICLE_SHARE), shoulder));
		const forearm = composeDQ(arm, open);
		const armBones = descendants(sk, `upperarm01.${side}`);
		const foreBones = descendants(sk, `lowerarm01.${side}`);
		const share = { clav: new Float64Array(nv), arm: new Float64Array(nv), fore: new Float64Array(nv) };
		for (const b of descendants(sk, `clavicle.${side}`)) {
			const into = foreBones.has(b) ? share.fore : armBones.has(b) ? share.arm : share.clav;
			for (const [v, w] of data.weights.get(b) ?? []) if (v < nv) into[v] += w;
		}
		if (surface) for (const f of Object.values(share)) diffuse(f, surface.nbr, surface.vertexCount, spread);
		transforms.set(`clav.${side}`, clav);
		transforms.set(`arm.${side}`, arm);
		transforms.set(`fore.${side}`, forearm);
		for (const [k, f] of Object.entries(share)) groups.set(`${k}.${side}`, pairs(f));
	}
	return skinDQ(pos, groups, transforms);
}

/** Share of the base mesh's elbow bend taken out (the rest, about 15°, stays: a relaxed arm). */
const ELBOW_OPEN = 0.65;

const sub = (p: number[], q: number[]): number[] => [p[0] - q[0], p[1] - q[1], p[2] - q[2]];
const dot3 = (p: number[], q: number[]): number => p[0] * q[0] + p[1] * q[1] + p[2] * q[2];
const cross3 = (p: number[], q: number[]): number[] => [p[1] * q[2] - p[2] * q[1], p[2] * q[0] - p[0] * q[2], p[0] * q[1] - p[1] * q[0]];
const unit = (p: number[]): number[] => {
	const l = Math.sqrt(dot3(p, p));
	return p.map((x) => x / l);
};

/** Diffusion steps for the arm weights (about 2 cm of spread per step on the torso's 2 cm edges, as a random walk: √steps edges). */
const SPREAD = 24;

/** `steps` rounds of "half my value, half my neighbours' mean" over the first nv vertices. */
function diffuse(f: Float64Array, nbr: Uint32Array[], nv: number, steps: number): void {
	const next = new Float64Array(nv);
	for (let s = 0; s < steps; s++) {
		for (let v = 0; v < nv; v++) {
			let m = 0;
			for (const u of nbr[v]) m += f[u];
			next[v] = 0.5 * f[v] + (0.5 * m) / nbr[v].length;
		}
		f.set(next);
	}
}

function pairs(f: Float64Array): [number, number][] {
	const out: [number, number][] = [];
	for (let v = 0; v < f.length; v++) if (f[v] > 0) out.push([v, f[v]]);
	return out;
}

/** Radius of the nipple and areola smoothed into the breast, decimetres. */
const NIPPLE_RADIUS = 0.25;

/** The eye area rebuilt as a closed lid: skin within this many eyeball radii of its centre. */
const EYE_AREA = 1.2;

/** Metres per base-mesh unit (decimetres). */
const UNIT = 0.1;

export interface Figure {
	sex: Sex;
	build: Build;
	/** xyz per surface vertex, metres, feet on y = 0, facing +z, exactly mirror-symmetric. */
	positions: Float64Array;
	/** The surface's quads (the same array for every figure). */
	quads: Uint32Array;
	/** A few skeleton points in the same space, for cameras and region placement. */
	landmarks: Record<Landmark, [number, number, number]>;
	/** Every skeleton joint (e.g. `upperarm01.L____head`) in the same space: the region map's landmarks. */
	joints: Record<string, [number, number, number]>;
}

/** Landmark -> the bone heads whose mean it is. */
const LANDMARKS = {
	'hand-l': ['wrist.L', 'finger3-1.L'],
	'hand-r': ['wrist.R', 'finger3-1.R'],
	pelvis: ['pelvis.L', 'pelvis.R'],
	'mid-back': ['spine03'],
	neck: ['neck01'],
	head: ['head']
} as const;
export type Landmark = keyof typeof LANDMARKS;

export function buildFigure(data: MakeHumanData, surface: BodySurface, sex: Sex, build: Build): Figure {
	const shaped = applyTargets(data.obj.positions, figureTargets(data, sex, build));
	const posed = lowerArms(data, shaped, surface);
	const nv = surface.vertexCount;
	const all = Array.from({ length: nv }, (_, i) => i);
	// Eyes: the cup behind each lid opening, closed over a sphere fitted to the eyeball helper.
	for (const side of ['l', 'r']) {
		const eye = fitSphere(posed, groupVertices(data.obj, `helper-${side}-eye`));
		const near = zone(posed, all, eye.centre, eye.radius * 1.6).verts;
		closeEye(posed, surface.nbr, socketVertices(posed, surface.nbr, eye, near, EYE_AREA), eye);
	}
	// Nipples: the breast bone's tail joint is the nipple's tip, its head behind the sternum,
	// so head -> tail points out of the breast. The nipple and areola (finely meshed, about
	// 2.5 cm across) give way to the breast's own curve.
	for (const side of ['L', 'R']) {
		const tip = jointPosition(data.skeleton, `breast.${side}____tail`, posed);
		const root = boneHead(data.skeleton, `breast.${side}`, posed);
		const out = [tip[0] - root[0], tip[1] - root[1], tip[2] - root[2]];
		flattenPatch(posed, zone(posed, all, tip, 0.6).verts, tip, out, NIPPLE_RADIUS);
	}
	// Genital area: centred on the genital helper, wide enough to take in the mons or bulge.
	const g = fitSphere(posed, groupVertices(data.obj, 'helper-genital')).centre;
	const gz = zone(posed, all, g, sex === 'male' ? 1.0 : 0.8, 0.4);
	smooth(posed, surface.nbr, gz.verts, gz.weight, 25);

	const out = posed.slice(0, nv * 3);
	untangle(out, surface.nbr, surface.triangles);
	symmetrise(out, surface.mirror);
	let minY = Infinity;
	for (let v = 0; v < nv; v++) minY = Math.min(minY, out[v * 3 + 1]);
	const place = (p: ArrayLike<number>): [number, number, number] => [p[0] * UNIT, (p[1] - minY) * UNIT, p[2] * UNIT];
	for (let v = 0; v < nv; v++) out.set(place(out.subarray(v * 3, v * 3 + 3)), v * 3);
	const landmarks = {} as Record<Landmark, [number, number, number]>;
	for (const [name, bones] of Object.entries(LANDMARKS) as [Landmark, readonly string[]][]) {
		const m = [0, 0, 0];
		for (const b of bones) boneHead(data.skeleton, b, posed).forEach((x, k) => (m[k] += x / bones.length));
		landmarks[name] = place(m);
	}
	const joints: Record<string, [number, number, number]> = {};
	for (const j of data.skeleton.joints.keys()) joints[j] = place(jointPosition(data.skeleton, j, posed));
	return { sex, build, positions: out, quads: surface.quads, landmarks, joints };
}

/**
 * The figure at painting resolution: the coarse vertices unchanged and in place, then the
 * plan's new points (the same for every figure), and the plan's triangles.
 */
export function paintingSurface(surface: BodySurface, figure: Figure): { positions: Float64Array; normals: Float32Array; triangles: Uint32Array } {
	const normals = vertexNormals(figure.positions, surface.triangles, surface.vertexCount);
	return {
		positions: subdivide(surface.plan, surface.quads, figure.positions, normals),
		normals: subdivideNormals(surface.plan, surface.quads, normals),
		triangles: surface.plan.triangles
	};
}
