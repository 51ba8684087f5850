/**
 * The 3D body viewer engine: three.js behind one class, attached to a canvas by `mount()`.
 *
 * Render on demand: nothing is drawn unless something called `invalidate()` (input, a view
 * transition, damping settling, a resize, a state change). `frames` counts frames actually drawn
 * and is mirrored to `canvas.dataset.frames` so an end-to-end test can see an idle page draws none.
 */
import { Mesh, Raycaster, Scene, Vector2, WebGLRenderer, type BufferAttribute, type BufferGeometry, type Vector3 } from 'three';
import type { BodyMesh, RegionCode } from '$lib/body/types';
import { createBodyGeometry, ensurePaintAttribute } from './geometry';
import { BodyMaterial } from './material';
import { sameOrientation, type ViewOrientation } from './orientation';
import { attachInput, type StrokePhase } from './input';
import { BodyPicker, type PickHit } from './picking';
import { Signal } from './signal';
import { CameraRig } from './rig';
import type { ViewName } from './views';

export type { PickHit, StrokePhase, ViewName, ViewOrientation };

/** State of the drawing surface, for the UI to explain. */
export type SceneStatus = 'ready' | 'lost' | 'failed' | 'unsupported';

/** Live GPU/DOM resources, for leak tests. */
export interface SceneResources {
	geometries: number;
	textures: number;
	programs: number;
	listeners: number;
	mounted: boolean;
}

const MAX_PIXEL_RATIO = 2;
/** If the browser has not restored a lost context by then, say so. */
const RESTORE_TIMEOUT_MS = 5000;

type Listener<T> = (value: T) => void;

/** A step of a paint stroke, with the body points under the pointer since the last one. */
export interface StrokeEvent {
	phase: StrokePhase;
	hits: PickHit[];
	/** Made with a pen's eraser end: it erases whatever tool is chosen. */
	eraser: boolean;
}

export class BodyScene {
	#canvas: HTMLCanvasElement | null = null;
	#renderer: WebGLRenderer | null = null;
	#resize: ResizeObserver | null = null;
	#abort: AbortController | null = null;
	#listeners = 0;
	readonly #scene = new Scene();
	readonly #rig = new CameraRig(() => this.invalidate());
	readonly #material = new BodyMaterial();
	readonly #mesh: Mesh;
	#geometry: BufferGeometry | null = null;
	#picker: BodyPicker | null = null;
	#paint = false;
	#painting = false;
	#body: BodyMesh | null = null;
	#raf = 0;
	#frames = 0;
	#hover: RegionCode | null = null;
	#orientation: ViewOrientation | null = null;
	#status: SceneStatus = 'ready';
	#restoreTimer: ReturnType<typeof setTimeout> | undefined;
	#final: SceneResources | null = null;
	readonly #raycaster = new Raycaster();
	readonly #events = {
		hover: new Signal<RegionCode | null>(),
		pick: new Signal<PickHit>(),
		orientation: new Signal<ViewOrientation>(),
		status: new Signal<SceneStatus>(),
		stroke: new Signal<StrokeEvent>(),
		body: new Signal<BodyMesh>()
	};

	constructor() {
		this.#mesh = new Mesh(undefined, this.#material.material);
		this.#mesh.visible = false;
		this.#scene.add(this.#mesh);
	}

	/** Frames actually drawn since mount. */
	get frames(): number {
		return this.#frames;
	}

	/** Current surface status ('ready' unless the WebGL context was lost or never existed). */
	get status(): SceneStatus {
		return this.#status;
	}

	/** Attach to a canvas: creates the renderer, controls, observers and listeners. */
	mount(canvas: HTMLCanvasElement): void {
		if (this.#canvas) throw new Error('BodyScene is already mounted');
		this.#canvas = canvas;
		this.#final = null;
		// For end-to-end tests and devtools: lets a test read frames/resources, even after dispose.
		(canvas as HTMLCanvasElement & { bodyScene?: BodyScene }).bodyScene = this;
		try {
			this.#renderer = new WebGLRenderer({ canvas, antialias: true, alpha: true, powerPreference: 'default' });
		} catch {
			this.#setStatus('unsupported');
			return;
		}
		this.#renderer.setClearColor(0x000000, 0);
		this.#rig.attach(canvas);

		this.#abort = new AbortController();
		const signal = this.#abort.signal;
		this.#listeners = attachInput(
			canvas,
			{
				tap: (x, y, type) => {
					const hit = this.pickAt(x, y);
					if (type !== 'mouse') this.#setHover(hit?.code ?? null); // touch has no hover: a tap names it
					if (hit) this.#events.pick.emit(hit);
				},
				hover: (x, y) => this.#setHover(this.pickAt(x, y)?.code ?? null),
				hoverEnd: () => this.#setHover(null),
				turn: (dTheta, dPhi, zoom) => this.turn(dTheta, dPhi, zoom),
				painting: () => this.#painting,
				press: (turns) => this.#rig.setPaintMode(this.#painting, turns),
				stroke: (phase, points, eraser) => this.#stroke(phase, points, eraser)
			},
			signal
		);
		canvas.addEventListener('webglcontextlost', this.#onContextLost, { signal });
		canvas.addEventListener('webglcontextrestored', this.#onContextRestored, { signal });
		this.#listeners += 2;
		canvas.style.touchAction = 'none';

		this.#resize = new ResizeObserver(this.#onResize);
		this.#resize.observe(canvas);
		this.#onResize();
		this.invalidate();
	}

	/** Show a body (replaces any previous one and frees its GPU buffers). */
	setMesh(mesh: BodyMesh): void {
		const old = this.#geometry;
		this.#body = mesh;
		this.#geometry = createBodyGeometry(mesh);
		// The BVH (~50-100 ms) is built after the first frame, so it never delays the body showing.
		this.#picker = null;
		setTimeout(() => this.#ensurePicker(), 50);
		if (this.#paint) ensurePaintAttribute(this.#geometry); // the shader expects the attribute
		this.#mesh.geometry = this.#geometry;
		this.#mesh.visible = true;
		old?.dispose();
		this.#rig.setBounds(this.#geometry.boundingBox!);
		this.invalidate();
		this.#events.body.emit(mesh);
	}

	/** The body on show (its version keys painted patches), or null before one is set. */
	get body(): BodyMesh | null {
		return this.#body;
	}

	/**
	 * Painting on or off: while on, one finger or the left button paint strokes (see `onStroke`)
	 * instead of turning, taps pick nothing, and hover is off; two fingers or the right button turn.
	 */
	setPaintMode(on: boolean): void {
		if (on === this.#painting) return;
		this.#painting = on;
		this.#rig.setPaintMode(on);
		if (on) this.#setHover(null);
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
		const renderer = this.#renderer;
		const canvas = this.#canvas;
		if (!renderer || !canvas || this.#status !== 'ready' || !this.#mesh.visible) return null;
		this.#rig.view(name, true);
		renderer.render(this.#scene, this.#rig.camera);
		this.#frames++;
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
		this.#events.hover.emit(code);
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
		if (!this.#geometry) return null;
		this.#paint = true;
		this.#material.setPaintEnabled(true);
		const paint = ensurePaintAttribute(this.#geometry);
		this.invalidate();
		return paint;
	}

	/** Upload changed paint (optionally only vertices [first, first + count)) and redraw. */
	paintChanged(first = 0, count = -1): void {
		const paint = this.#geometry?.getAttribute('paint') as BufferAttribute | undefined;
		if (!paint) return;
		if (count >= 0) paint.addUpdateRange(first * 4, count * 4);
		else paint.clearUpdateRanges(); // the whole attribute: ranges queued before would limit it
		paint.needsUpdate = true;
		this.invalidate();
	}

	/** How many vertices show paint now (for tests and the bench: what a user sees painted). */
	paintedVertexCount(): number {
		const paint = this.#geometry?.getAttribute('paint');
		if (!paint) return 0;
		const a = paint.array as Uint8Array;
		let n = 0;
		for (let i = 3; i < a.length; i += 4) if (a[i] > 0) n++;
		return n;
	}

	/** The material, for layers such as per-region overlays and per-vertex paint. Call invalidate() after changes. */
	get material(): BodyMaterial {
		return this.#material;
	}

	/** Ask for one frame (coalesced; no-op while the context is lost or unmounted). */
	invalidate = (): void => {
		if (this.#raf || !this.#renderer || this.#status !== 'ready') return;
		this.#raf = requestAnimationFrame(this.#frame);
	};

	/** Where the client's left/right and front are on screen for the current camera. */
	orientation(): ViewOrientation {
		return this.#rig.orientation();
	}

	/** Pick the region under a point given in client (CSS) pixels; null if none. */
	pickAt(clientX: number, clientY: number): PickHit | null {
		const picker = this.#ensurePicker();
		if (!this.#canvas || !picker) return null;
		const rect = this.#canvas.getBoundingClientRect();
		const ndc = new Vector2(((clientX - rect.left) / rect.width) * 2 - 1, -((clientY - rect.top) / rect.height) * 2 + 1);
		this.#raycaster.setFromCamera(ndc, this.#rig.camera);
		// The body mesh has an identity transform, so the world ray is already in model space.
		return picker.pick(this.#raycaster.ray, this.#rig.camera.near, this.#rig.camera.far);
	}

	#ensurePicker(): BodyPicker | null {
		if (!this.#picker && this.#geometry) this.#picker = new BodyPicker(this.#geometry);
		return this.#picker;
	}

	/** Project a model-space point to client (CSS) pixels, e.g. to place a label; null off screen. */
	toClient(point: Vector3): { x: number; y: number } | null {
		if (!this.#canvas) return null;
		const p = point.clone().project(this.#rig.camera);
		if (p.z > 1 || Math.abs(p.x) > 1 || Math.abs(p.y) > 1) return null;
		const rect = this.#canvas.getBoundingClientRect();
		return { x: rect.left + ((p.x + 1) / 2) * rect.width, y: rect.top + ((1 - p.y) / 2) * rect.height };
	}

	/** Subscribe to hover changes (mouse hover; touch taps too). Returns an unsubscribe function. */
	onHover(fn: Listener<RegionCode | null>): () => void {
		return this.#events.hover.add(fn);
	}

	/** Subscribe to picks (a tap or click on the body, not a drag). Returns an unsubscribe function. */
	onPick(fn: Listener<PickHit>): () => void {
		return this.#events.pick.add(fn);
	}

	/**
	 * Subscribe to paint strokes: 'start' and 'move' bring the body points under the pointer
	 * (sampled densely along fast moves; empty where the pointer is off the body), 'end' closes
	 * the stroke, 'cancel' asks to take it back (a second finger made it a pinch).
	 */
	onStroke(fn: Listener<StrokeEvent>): () => void {
		return this.#events.stroke.add(fn);
	}

	/** Subscribe to the body on show (called at once when one is set). Returns an unsubscribe function. */
	onBody(fn: Listener<BodyMesh>): () => void {
		if (this.#body) fn(this.#body);
		return this.#events.body.add(fn);
	}

	/** Subscribe to orientation changes (called with the current one at once). */
	onOrientation(fn: Listener<ViewOrientation>): () => void {
		fn(this.orientation());
		return this.#events.orientation.add(fn);
	}

	/** Subscribe to surface status changes (called with the current one at once). */
	onStatus(fn: Listener<SceneStatus>): () => void {
		fn(this.#status);
		return this.#events.status.add(fn);
	}

	/** Live resources: GPU objects per renderer.info plus our DOM listeners. After dispose: the final count. */
	resources(): SceneResources {
		if (this.#final) return this.#final;
		const info = this.#renderer?.info;
		return {
			geometries: info?.memory.geometries ?? 0,
			textures: info?.memory.textures ?? 0,
			programs: info?.programs?.length ?? 0,
			listeners: this.#listeners + (this.#resize ? 1 : 0),
			mounted: !!this.#canvas
		};
	}

	/** Free everything: GPU resources, controls, listeners, observers, the context. Idempotent. */
	dispose(): void {
		if (this.#raf) cancelAnimationFrame(this.#raf);
		this.#raf = 0;
		clearTimeout(this.#restoreTimer);
		this.#abort?.abort();
		this.#abort = null;
		this.#listeners = 0;
		this.#resize?.disconnect();
		this.#resize = null;
		this.#rig.dispose();
		this.#geometry?.dispose();
		this.#geometry = null;
		this.#picker = null;
		this.#material.dispose();
		const renderer = this.#renderer;
		if (renderer) {
			this.#final = { ...this.resources(), mounted: false };
			renderer.renderLists.dispose();
			renderer.dispose();
			// Browsers cap live WebGL contexts; give this one back now rather than at GC.
			renderer.forceContextLoss();
		}
		this.#renderer = null;
		this.#canvas = null;
		for (const signal of Object.values(this.#events)) signal.clear();
	}

	// ---- frame loop -------------------------------------------------------------------------

	#frame = (now: number): void => {
		this.#raf = 0;
		const renderer = this.#renderer;
		if (!renderer) return;
		const again = this.#rig.step(now);
		renderer.render(this.#scene, this.#rig.camera);
		this.#frames++;
		if (this.#canvas) {
			this.#canvas.dataset.frames = String(this.#frames);
			// Marks the first frame that shows a body (tests and the bench wait for `canvas[data-body]`).
			const version = this.#mesh.visible ? this.#mesh.geometry.name : '';
			if (version && this.#canvas.dataset.body !== version) this.#canvas.dataset.body = version;
		}
		this.#emitOrientation();
		if (again) this.invalidate();
	};

	#emitOrientation(): void {
		const o = this.orientation();
		if (sameOrientation(this.#orientation, o)) return;
		this.#orientation = o;
		this.#events.orientation.emit(o);
	}

	// ---- input ------------------------------------------------------------------------------

	#setHover(code: RegionCode | null): void {
		this.highlight(code);
	}

	#stroke(phase: StrokePhase, points: readonly { x: number; y: number }[], eraser: boolean): void {
		const hits: PickHit[] = [];
		for (const p of points) {
			const hit = this.pickAt(p.x, p.y);
			if (hit) hits.push(hit);
		}
		this.#events.stroke.emit({ phase, hits, eraser });
	}

	// ---- surface ----------------------------------------------------------------------------

	#onResize = (): void => {
		const canvas = this.#canvas;
		const renderer = this.#renderer;
		if (!canvas || !renderer) return;
		const w = Math.max(1, canvas.clientWidth);
		const h = Math.max(1, canvas.clientHeight);
		renderer.setPixelRatio(Math.min(globalThis.devicePixelRatio || 1, MAX_PIXEL_RATIO));
		renderer.setSize(w, h, false);
		// Still on a quick view (the user has not moved): reframes so a rotated phone shows the whole body.
		this.#rig.setAspect(w / h);
		this.invalidate();
	};

	#onContextLost = (e: Event): void => {
		e.preventDefault(); // tells the browser we want the context back
		if (this.#raf) cancelAnimationFrame(this.#raf);
		this.#raf = 0;
		this.#setStatus('lost');
		clearTimeout(this.#restoreTimer);
		this.#restoreTimer = setTimeout(() => this.#setStatus('failed'), RESTORE_TIMEOUT_MS);
	};

	#onContextRestored = (): void => {
		clearTimeout(this.#restoreTimer);
		// three's renderer re-initialises its GL state itself; buffers, programs and textures are
		// re-uploaded on the next render because its caches were reset. Mark ours dirty to be sure.
		this.#material.markDirty();
		for (const name of Object.keys(this.#geometry?.attributes ?? {})) {
			this.#geometry!.attributes[name].needsUpdate = true;
		}
		if (this.#geometry?.index) this.#geometry.index.needsUpdate = true;
		this.#setStatus('ready');
		this.invalidate();
	};

	#setStatus(status: SceneStatus): void {
		if (status === this.#status) return;
		this.#status = status;
		this.#events.status.emit(status);
	}
}

function prefersReducedMotion(): boolean {
	return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
