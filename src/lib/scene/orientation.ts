/**
 * Where the client's left/right and front/back are on screen for a camera. Left/right mix-ups
 * are the most common error in body maps, so the UI labels them in every view from this.
 *
 * Model space: the figure faces +z, the client's LEFT is +x, y is up.
 */
import type { Vector3 } from 'three';

/** Which named view a camera is closest to (which of the client's sides faces the viewer). */
export type Facing = 'front' | 'back' | 'left' | 'right';

/** A horizontal side of the screen. */
export type ScreenSide = 'left' | 'right';

export interface ViewOrientation {
	/** The client's side nearest the viewer: 'left' means the client's left side faces us. */
	facing: Facing;
	/** Screen side where the client's LEFT is; null in a side view (one side hidden). */
	clientLeft: ScreenSide | null;
	/** Screen side where the client's FRONT is; null in a front or back view. */
	clientFront: ScreenSide | null;
}

/** Below this |cos| an axis points almost at the viewer, so labelling it left/right would mislead. */
const EDGE_ON = 0.26; // ~75°

/**
 * Orientation for a camera orbiting `target` (camera up = +y, as with OrbitControls).
 * Azimuth θ = 0 is the front view; the camera's screen-right vector in model space is
 * (cos θ, 0, -sin θ), so the client's left (+x) is on screen right when cos θ > 0.
 */
export function orientationFor(camera: Vector3, target: Vector3): ViewOrientation {
	const theta = Math.atan2(camera.x - target.x, camera.z - target.z);
	const c = Math.cos(theta);
	const s = Math.sin(theta);
	const deg = (theta * 180) / Math.PI;
	const facing: Facing =
		Math.abs(deg) <= 45 ? 'front' : Math.abs(deg) >= 135 ? 'back' : deg > 0 ? 'left' : 'right';
	return {
		facing,
		clientLeft: Math.abs(c) < EDGE_ON ? null : c > 0 ? 'right' : 'left',
		clientFront: Math.abs(s) < EDGE_ON ? null : -s > 0 ? 'right' : 'left'
	};
}

/** Equality for change detection (emit only when the labels would change). */
export function sameOrientation(a: ViewOrientation | null, b: ViewOrientation): boolean {
	return !!a && a.facing === b.facing && a.clientLeft === b.clientLeft && a.clientFront === b.clientFront;
}
