/**
 * Camera framing and the quick views (front, back, client's left/right side). Pure maths on
 * three's vector types, no WebGL.
 */
import { Vector3, type Box3 } from 'three';

/** The quick views. 'left' shows the client's LEFT side (camera on +x). */
export type ViewName = 'front' | 'back' | 'left' | 'right' | 'reset';

/** Where the camera sits and what it looks at. */
export interface CameraPose {
	position: Vector3;
	target: Vector3;
}

/** Margin around the body when framed, as a fraction of its size. */
const MARGIN = 1.08;

/**
 * Distance at which a perspective camera (vertical fov, degrees) shows the whole box. For a quick
 * view, only the extent across the screen counts: the arms' span (the figure stands in an A-pose,
 * about a metre from hand to hand) matters from the front and back, the body's depth from the
 * sides, so a side view comes as close as the figure allows. Without a view (the zoom limits),
 * the larger of the two, whichever way the body is turned.
 */
export function fitDistance(box: Box3, fovDeg: number, aspect: number, view?: ViewName): number {
	const size = box.getSize(new Vector3());
	const half = Math.tan((fovDeg * Math.PI) / 360);
	const facing = view === undefined ? null : view === 'left' || view === 'right' ? 'side' : 'front';
	const width = facing === 'front' ? size.x : facing === 'side' ? size.z : Math.max(size.x, size.z);
	const depth = facing === 'front' ? size.z : facing === 'side' ? size.x : Math.min(size.x, size.z);
	const byHeight = (size.y * MARGIN) / 2 / half;
	const byWidth = (width * MARGIN) / 2 / (half * Math.max(aspect, 1e-3));
	// The framed plane is the body's near surface, not its centre: add half its depth.
	return Math.max(byHeight, byWidth) + depth / 2;
}

/** Camera direction (unit, from target towards camera) for each view. */
const DIRECTION: Record<ViewName, [number, number, number]> = {
	front: [0, 0, 1],
	reset: [0, 0, 1],
	back: [0, 0, -1],
	left: [1, 0, 0],
	right: [-1, 0, 0]
};

/** The pose for a quick view of a body with these bounds. */
export function presetPose(name: ViewName, box: Box3, distance: number): CameraPose {
	const target = box.getCenter(new Vector3());
	const [x, y, z] = DIRECTION[name];
	// A slight downward look (camera a little above the centre) reads as natural standing height.
	const dir = new Vector3(x, y + 0.08, z).normalize();
	return { position: target.clone().addScaledVector(dir, distance), target };
}

/** Ease in-out (cubic) for view transitions. */
export function ease(t: number): number {
	return t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2;
}

/**
 * Interpolate between two poses around the moving target so the camera swings around the
 * body (keeps its distance) instead of cutting through it.
 */
export function lerpPose(from: CameraPose, to: CameraPose, t: number, out: CameraPose): CameraPose {
	out.target.lerpVectors(from.target, to.target, t);
	const a = from.position.clone().sub(from.target);
	const b = to.position.clone().sub(to.target);
	const ra = a.length();
	const rb = b.length();
	const thetaA = Math.atan2(a.x, a.z);
	let dTheta = Math.atan2(b.x, b.z) - thetaA;
	if (dTheta > Math.PI) dTheta -= 2 * Math.PI;
	if (dTheta < -Math.PI) dTheta += 2 * Math.PI;
	const phiA = Math.acos(Math.min(1, Math.max(-1, a.y / ra)));
	const phiB = Math.acos(Math.min(1, Math.max(-1, b.y / rb)));
	const r = ra + (rb - ra) * t;
	out.position.setFromSphericalCoords(r, phiA + (phiB - phiA) * t, thetaA + dTheta * t).add(out.target);
	return out;
}
