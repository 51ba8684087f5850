/**
 * The camera and its orbit controls, with the limits that keep the body in view: distance
 * limits from the framing, polar limits (no flipping over the head), the orbit centre clamped to
 * the body's bounds (panning can never lose it), quick-view transitions, keyboard turning.
 * It never draws: it calls `onChange` and the scene decides when to render.
 */
import { Box3, MOUSE, PerspectiveCamera, TOUCH, Vector3 } from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { orientationFor, type ViewOrientation } from './orientation';
import { ease, fitDistance, lerpPose, presetPose, type CameraPose, type ViewName } from './views';

const FOV = 35;
const TRANSITION_MS = 450;

export class CameraRig {
	readonly camera = new PerspectiveCamera(FOV, 1, 0.05, 50);
	#controls: OrbitControls | null = null;
	#bounds = new Box3(new Vector3(-0.45, 0, -0.1), new Vector3(0.45, 1.65, 0.2));
	#tween: { from: CameraPose; to: CameraPose; start: number } | null = null;
	/** The quick view the camera is on, or null once the user has moved it. */
	#preset: ViewName | null = 'reset';
	readonly #onChange: () => void;

	constructor(onChange: () => void) {
		this.#onChange = onChange;
	}

	/** Create the orbit controls on the canvas (one finger turns, two pinch-zoom and pan). */
	attach(canvas: HTMLCanvasElement): void {
		const controls = new OrbitControls(this.camera, canvas);
		controls.enableDamping = true;
		controls.dampingFactor = 0.12;
		controls.minPolarAngle = Math.PI * 0.06;
		controls.maxPolarAngle = Math.PI * 0.94; // low enough to see the soles
		controls.zoomSpeed = 0.8;
		controls.addEventListener('change', this.#onChange);
		controls.addEventListener('start', this.#onStart);
		this.#controls = controls;
		this.#applyLimits();
		this.#jumpTo(this.#preset ?? 'reset');
	}

	/**
	 * Painting: one finger or the left button paint (the controls ignore them), two fingers turn
	 * and zoom, the right button turns. `leftTurns` lets a held modifier turn with the left button.
	 */
	setPaintMode(on: boolean, leftTurns = false): void {
		const controls = this.#controls;
		if (!controls) return;
		const none = -1 as MOUSE; // OrbitControls treats an unknown action as "do nothing"
		controls.mouseButtons = on
			? { LEFT: leftTurns ? MOUSE.ROTATE : none, MIDDLE: MOUSE.DOLLY, RIGHT: MOUSE.ROTATE }
			: { LEFT: MOUSE.ROTATE, MIDDLE: MOUSE.DOLLY, RIGHT: MOUSE.PAN };
		controls.touches = on
			? { ONE: -1 as TOUCH, TWO: TOUCH.DOLLY_ROTATE }
			: { ONE: TOUCH.ROTATE, TWO: TOUCH.DOLLY_PAN };
	}

	/** The orbit centre (model space). */
	get target(): Vector3 {
		return this.#controls?.target ?? this.#bounds.getCenter(new Vector3());
	}

	/** New body bounds: limits follow, and the camera reframes on the current quick view. */
	setBounds(box: Box3): void {
		this.#bounds = box.clone();
		this.#applyLimits();
		this.#jumpTo(this.#preset ?? 'reset');
	}

	/** New viewport aspect; still on a quick view (the user has not moved) → reframe. */
	setAspect(aspect: number): void {
		this.camera.aspect = aspect;
		this.camera.updateProjectionMatrix();
		this.#applyLimits();
		if (this.#preset && !this.#tween) this.#jumpTo(this.#preset);
	}

	/** Go to a quick view, animated unless `instant`. */
	view(name: ViewName, instant: boolean): void {
		if (!this.#controls) return;
		this.#stopMomentum();
		const to = this.#pose(name);
		this.#preset = name;
		this.#tween = instant ? null : { from: this.#currentPose(), to, start: performance.now() };
		if (instant) this.#setPose(to);
	}

	/** Turn by angles (radians) and zoom by a factor (> 1 closer), within the limits. */
	turn(dTheta: number, dPhi: number, zoom: number): void {
		const controls = this.#controls;
		if (!controls) return;
		const offset = this.camera.position.clone().sub(controls.target);
		const r = offset.length();
		const theta = Math.atan2(offset.x, offset.z) + dTheta;
		const phi = Math.min(controls.maxPolarAngle, Math.max(controls.minPolarAngle, Math.acos(offset.y / r) + dPhi));
		const radius = Math.min(controls.maxDistance, Math.max(controls.minDistance, r / zoom));
		this.#preset = null;
		this.#tween = null;
		this.camera.position.setFromSphericalCoords(radius, phi, theta).add(controls.target);
		this.camera.lookAt(controls.target);
	}

	/** Advance one frame; true while still moving (a transition or damping settling). */
	step(now: number): boolean {
		const controls = this.#controls;
		if (!controls) return false;
		let moving: boolean;
		if (this.#tween) {
			const t = Math.min(1, (now - this.#tween.start) / TRANSITION_MS);
			this.#setPose(lerpPose(this.#tween.from, this.#tween.to, ease(Math.max(0, t)), this.#currentPose()));
			if (t >= 1) this.#tween = null;
			moving = t < 1;
		} else {
			// With damping, update() reports movement until the motion has settled; then we stop.
			moving = controls.update();
		}
		this.#clampTarget();
		return moving;
	}

	/** Where the client's sides are on screen now. */
	orientation(): ViewOrientation {
		return orientationFor(this.camera.position, this.target);
	}

	/** Remove the controls' listeners. */
	dispose(): void {
		this.#controls?.removeEventListener('change', this.#onChange);
		this.#controls?.removeEventListener('start', this.#onStart);
		this.#controls?.dispose();
		this.#controls = null;
	}

	#onStart = (): void => {
		this.#tween = null;
		this.#preset = null;
	};

	#pose(name: ViewName): CameraPose {
		return presetPose(name, this.#bounds, fitDistance(this.#bounds, FOV, this.camera.aspect, name));
	}

	#currentPose(): CameraPose {
		return { position: this.camera.position.clone(), target: this.target.clone() };
	}

	#setPose(pose: CameraPose): void {
		this.camera.position.copy(pose.position);
		this.#controls?.target.copy(pose.target);
		this.camera.lookAt(pose.target);
		this.#controls?.update();
	}

	#jumpTo(name: ViewName): void {
		this.#tween = null;
		this.#setPose(this.#pose(name));
	}

	#applyLimits(): void {
		if (!this.#controls) return;
		this.#controls.minDistance = 0.3;
		this.#controls.maxDistance = fitDistance(this.#bounds, FOV, this.camera.aspect) * 1.8;
	}

	/** Keep the orbit centre inside the body's bounds so panning can never lose the body. */
	#clampTarget(): void {
		const controls = this.#controls;
		if (!controls) return;
		const before = controls.target.clone();
		controls.target.clamp(this.#bounds.min, this.#bounds.max);
		const shift = controls.target.clone().sub(before);
		if (shift.lengthSq() > 0) this.camera.position.add(shift);
	}

	#stopMomentum(): void {
		// OrbitControls keeps damping momentum privately; zero it so a quick view lands exactly.
		const c = this.#controls as unknown as { _sphericalDelta?: Vector3; _panOffset?: Vector3; _scale?: number };
		c._sphericalDelta?.set(0, 0, 0);
		c._panOffset?.set(0, 0, 0);
		if (c._scale !== undefined) c._scale = 1;
	}
}
