/**
 * The 3D body viewer engine: three.js behind one class, attached to a canvas by `mount()`.
 * Its parts: the drawing surface and render-on-demand loop (surface.ts), the body on show with
 * its picker and paint layer (shown-body.ts), the camera (rig.ts), input (input.ts), what a page
 * can listen to (scene-events.ts).
 *
 * Render on demand: nothing is drawn unless something called `invalidate()` (input, a view
 * transition, damping settling, a resize, a state change). `frames` counts frames actually drawn
 * and is mirrored to `canvas.dataset.frames` so an end-to-end test can see an idle page draws none.
 */
import { Raycaster, Scene, Vector2, type BufferAttribute, type Vector3 } from 'three';
import type { BodyMesh, RegionCode } from '$lib/body/types';
import { BodyMaterial } from './material';
import { sameOrientation, type ViewOrientation } from './orientation';
import { attachInput, type StrokePhase } from './input';
import type { PickHit } from './picking';
import { SceneEvents, type StrokeEvent } from './scene-events';
import { CameraRig } from './rig';
import { ShownBody } from './shown-body';
import { RenderSurface, type SceneStatus } from './surface';
import type { ViewName } from './views';

export type { PickHit, SceneStatus, StrokeEvent, StrokePhase, ViewName, ViewOrientation };

/** Live GPU/DOM resources, for leak tests. */
export interface SceneResources {
	geometries: number;
	textures: number;
	programs: number;
	listeners: number;
	mounted: boolean;
}

export class BodyScene extends SceneEvents {
	#canvas: HTMLCanvasElement | null = null;
	#abort: AbortController | null = null;
	#listeners = 0;
	readonly #scene = new Scene();
	readonly #rig = new CameraRig(() => this.invalidate());
	readonly #material = new BodyMaterial();
	readonly #shown = new ShownBody(this.#material);
	readonly #surface = new RenderSurface(this.#scene, this.#rig.camera, {
		step: (now) => this.#rig.step(now),
		drawn: (canvas) => this.#drawn(canvas),
		// Still on a quick view (the user has not moved): reframes so a rotated phone shows the whole body.
		resized: (aspect) => this.#rig.setAspect(aspect),
		restored: () => {
			this.#material.markDirty();
			this.#shown.markDirty();
		},
		status: (status) => this.events.status.emit(status)
	});
	#painting = false;
	#hover: RegionCode | null = null;
	#orientation: ViewOrientation | null = null;
	#final: SceneResources | null = null;
	readonly #raycaster = new Raycaster();

	constructor() {
		super();
		this.#scene.add(this.#shown.mesh);
	}

	/** Frames actually drawn since mount. */
	get frames(): number {
		return this.#surface.frames;
	}

	/** Current surface status ('ready' unless the WebGL context was lost or never existed). */
	get status(): SceneStatus {
		return this.#surface.status;
	}

	/** Attach to a canvas: creates the renderer, controls, observers and listeners. */
	mount(canvas: HTMLCanvasElement): void {
		if (this.#canvas) throw new Error('BodyScene is already mounted');
		this.#canvas = canvas;
		this.#final = null;
		// For end-to-end tests and devtools: lets a test read frames/resources, even after dispose.
		(canvas as HTMLCanvasElement & { bodyScene?: BodyScene }).bodyScene = this;
		if (!this.#surface.create(canvas)) return;
		this.#rig.attach(canvas);

		this.#abort = new AbortController();
		const signal = this.#abort.signal;
		this.#listeners = attachInput(
			canvas,
			{
				tap: (x, y, type) => {
					const hit = this.pickAt(x, y);
					if (type !== 'mouse') this.highlight(hit?.code ?? null); // touch has no hover: a tap names it
					if (hit) this.events.pick.emit(hit);
				},
				hover: (x, y) => this.highlight(this.pickAt(x, y)?.code ?? null),
				hoverEnd: () => this.highlight(null),
				turn: (dTheta, dPhi, zoom) => this.turn(dTheta, dPhi, zoom),
				painting: () => this.#painting,
				press: (turns) => this.#rig.setPaintMode(this.#painting, turns),
				stroke: (phase, points, eraser) => this.#stroke(phase, points, eraser)
			},
			signal
		);
		this.#listeners += this.#surface.observe(signal);
		canvas.style.touchAction = 'none';
		this.invalidate();
	}

	/** Show a body (replaces any previous one and frees its GPU buffers). */
	setMesh(mesh: BodyMesh): void {
		const geometry = this.#shown.set(mesh);
		this.#rig.setBounds(geometry.boundingBox!);
		this.invalidate();
		this.events.body.emit(mesh);
	}

	/** The body on show (its version keys painted patches), or null before one is set. */
	get body(): BodyMesh | null {
		return this.#shown.body;
	}

	/**
	 * Painting on or off: while on, one finger or the left button paint strokes (see `onStroke`)
	 * instead of turning, taps pick nothing, and hover is off; two fingers or the right button turn.
	 */
	setPaintMode(on: boolean): void {
		if (on === this.#painting) return;
		this.#painting = on;
		this.#rig.setPaintMode(on);
		if (on) this.highlight(null);
	}

	/** Turn to a quick view; animated briefly unless the user prefers reduced motion. */
	view(name: ViewName): void {
		this.#rig.view(name, prefersReducedMotion());
		this.invalidate();
	}

	/**
	 * Draw one frame now on a quick view (no transition) and return a copy of it on a 2D canvas,
	 * for the printed sheet. Copied in the same task as the render, so the drawing buffer need not
	 * be preserved. Null when there is no surface or no body yet.
	 */
	capture(name: ViewName): HTMLCanvasElement | null {
		if (!this.#surface.ready || !this.#canvas || !this.#shown.mesh.visible) return null;
		this.#rig.view(name, true);
		const canvas = this.#surface.drawNow()!;
		const copy = document.createElement('canvas');
		copy.width = canvas.width;
		copy.height = canvas.height;
		copy.getContext('2d')?.drawImage(canvas, 0, 0);
		return copy;
	}

	/**
	 * Hover highlight (null clears). Normally driven by the pointer; exposed for keyboard UIs and
	 * for clearing the name a touch tap leaves behind. Hover listeners hear the change.
	 */
	highlight(code: RegionCode | null): void {
		if (code === this.#hover) return;
		this.#hover = code;
		this.#material.setHover(code);
		this.invalidate();
		this.events.hover.emit(code);
	}

	/** The selected region, drawn in the selection colour (null clears). */
	select(code: RegionCode | null): void {
		this.#material.setSelected(code);
		this.invalidate();
	}

	/**
	 * Turn the camera around the body by angles (radians; theta around the vertical axis, phi
	 * towards the feet) and zoom by a factor (> 1 moves closer), within the orbit limits.
	 */
	turn(dTheta: number, dPhi: number, zoom = 1): void {
		this.#rig.turn(dTheta, dPhi, zoom);
		this.invalidate();
	}

	/** Show every region in its own colour (review mode). */
	setRegionColours(on: boolean): void {
		this.#material.setRegionColours(on);
		this.invalidate();
	}

	/**
	 * Turn on the per-vertex paint layer and return its attribute (RGBA bytes per vertex, alpha =
	 * strength; vertex order = BodyMesh order). Write into `.array`, then call `paintChanged()`.
	 * Returns null before a mesh is set.
	 */
	enablePaint(): BufferAttribute | null {
		const paint = this.#shown.enablePaint();
		if (paint) this.invalidate();
		return paint;
	}

	/** Upload changed paint (optionally only vertices [first, first + count)) and redraw. */
	paintChanged(first = 0, count = -1): void {
		if (this.#shown.paintChanged(first, count)) this.invalidate();
	}

	/** How many vertices show paint now (for tests and the bench: what a user sees painted). */
	paintedVertexCount(): number {
		return this.#shown.paintedVertexCount();
	}

	/** The material, for layers such as per-region overlays and per-vertex paint. Call invalidate() after changes. */
	get material(): BodyMaterial {
		return this.#material;
	}

	/** Ask for one frame (coalesced; no-op while the context is lost or unmounted). */
	invalidate = (): void => this.#surface.invalidate();

	/** Where the client's left/right and front are on screen for the current camera. */
	orientation(): ViewOrientation {
		return this.#rig.orientation();
	}

	/** Pick the region under a point given in client (CSS) pixels; null if none. */
	pickAt(clientX: number, clientY: number): PickHit | null {
		const picker = this.#shown.picker();
		if (!this.#canvas || !picker) return null;
		const rect = this.#canvas.getBoundingClientRect();
		const ndc = new Vector2(((clientX - rect.left) / rect.width) * 2 - 1, -((clientY - rect.top) / rect.height) * 2 + 1);
		this.#raycaster.setFromCamera(ndc, this.#rig.camera);
		// The body mesh has an identity transform, so the world ray is already in model space.
		return picker.pick(this.#raycaster.ray, this.#rig.camera.near, this.#rig.camera.far);
	}

	/** Project a model-space point to client (CSS) pixels, e.g. to place a label; null off screen. */
	toClient(point: Vector3): { x: number; y: number } | null {
		if (!this.#canvas) return null;
		const p = point.clone().project(this.#rig.camera);
		if (p.z > 1 || Math.abs(p.x) > 1 || Math.abs(p.y) > 1) return null;
		const rect = this.#canvas.getBoundingClientRect();
		return { x: rect.left + ((p.x + 1) / 2) * rect.width, y: rect.top + ((1 - p.y) / 2) * rect.height };
	}

	/** Live resources: GPU objects per renderer.info plus our DOM listeners. After dispose: the final count. */
	resources(): SceneResources {
		if (this.#final) return this.#final;
		return { ...this.#surface.gpu(), listeners: this.#listeners + this.#surface.observers, mounted: !!this.#canvas };
	}

	/** Free everything: GPU resources, controls, listeners, observers, the context. Idempotent. */
	dispose(): void {
		this.#abort?.abort();
		this.#abort = null;
		this.#listeners = 0;
		this.#rig.dispose();
		this.#shown.dispose();
		this.#material.dispose();
		// What the renderer still holds once ours is freed: a leak test expects none.
		const left = this.#surface.dispose();
		if (left) this.#final = { ...left, listeners: 0, mounted: false };
		this.#canvas = null;
		this.clearListeners();
	}

	/** After each frame of the loop. */
	#drawn(canvas: HTMLCanvasElement): void {
		// Marks the first frame that shows a body (tests and the bench wait for `canvas[data-body]`).
		const mesh = this.#shown.mesh;
		const version = mesh.visible ? mesh.geometry.name : '';
		if (version && canvas.dataset.body !== version) canvas.dataset.body = version;
		this.#emitOrientation();
	}

	#emitOrientation(): void {
		const o = this.orientation();
		if (sameOrientation(this.#orientation, o)) return;
		this.#orientation = o;
		this.events.orientation.emit(o);
	}

	#stroke(phase: StrokePhase, points: readonly { x: number; y: number }[], eraser: boolean): void {
		const hits: PickHit[] = [];
		for (const p of points) {
			const hit = this.pickAt(p.x, p.y);
			if (hit) hits.push(hit);
		}
		this.events.stroke.emit({ phase, hits, eraser });
	}
}

function prefersReducedMotion(): boolean {
	return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
