/**
 * The drawing surface behind BodyScene: the WebGL renderer on a canvas, its size, the
 * render-on-demand frame loop and the context's loss and return.
 *
 * Nothing is drawn unless something called `invalidate()`; `frames` counts frames actually drawn
 * and is mirrored to `canvas.dataset.frames` so an end-to-end test can see an idle page draws none.
 * What a frame shows, and whether another must follow, is the owner's (the hooks).
 */
import { WebGLRenderer, type Camera, type Scene } from 'three';

/** State of the drawing surface, for the UI to explain. */
export type SceneStatus = 'ready' | 'lost' | 'failed' | 'unsupported';

/** GPU objects the renderer holds (per renderer.info). */
export interface GpuCounts {
	geometries: number;
	textures: number;
	programs: number;
}

export interface SurfaceHooks {
	/** Before each frame: advance transitions and damping; true asks for one more frame. */
	step(now: number): boolean;
	/** After each frame of the loop is drawn. */
	drawn(canvas: HTMLCanvasElement): void;
	/** The canvas has a new shape (width / height). */
	resized(aspect: number): void;
	/** The lost context is back: mark what we uploaded as needing upload again. */
	restored(): void;
	/** The status changed. */
	status(status: SceneStatus): void;
}

const MAX_PIXEL_RATIO = 2;
/** If the browser has not restored a lost context by then, say so. */
const RESTORE_TIMEOUT_MS = 5000;

export class RenderSurface {
	#canvas: HTMLCanvasElement | null = null;
	#renderer: WebGLRenderer | null = null;
	#resize: ResizeObserver | null = null;
	#raf = 0;
	#frames = 0;
	#status: SceneStatus = 'ready';
	#restoreTimer: ReturnType<typeof setTimeout> | undefined;
	readonly #scene: Scene;
	readonly #camera: Camera;
	readonly #hooks: SurfaceHooks;

	constructor(scene: Scene, camera: Camera, hooks: SurfaceHooks) {
		this.#scene = scene;
		this.#camera = camera;
		this.#hooks = hooks;
	}

	/** Frames actually drawn since mount. */
	get frames(): number {
		return this.#frames;
	}

	get status(): SceneStatus {
		return this.#status;
	}

	/** A renderer exists, the context is live and the canvas attached: a frame can be drawn. */
	get ready(): boolean {
		return !!this.#renderer && !!this.#canvas && this.#status === 'ready';
	}

	/** Create the renderer on the canvas; false (status 'unsupported') when WebGL is not available. */
	create(canvas: HTMLCanvasElement): boolean {
		this.#canvas = canvas;
		try {
			this.#renderer = new WebGLRenderer({ canvas, antialias: true, alpha: true, powerPreference: 'default' });
		} catch {
			this.#setStatus('unsupported');
			return false;
		}
		this.#renderer.setClearColor(0x000000, 0);
		return true;
	}

	/** Follow the canvas's size and its context's loss and return; returns the listeners added on `signal`. */
	observe(signal: AbortSignal): number {
		const canvas = this.#canvas!;
		canvas.addEventListener('webglcontextlost', this.#onContextLost, { signal });
		canvas.addEventListener('webglcontextrestored', this.#onContextRestored, { signal });
		this.#resize = new ResizeObserver(this.#onResize);
		this.#resize.observe(canvas);
		this.#onResize();
		return 2;
	}

	/** The size observer counts as one listener while it lives. */
	get observers(): number {
		return this.#resize ? 1 : 0;
	}

	/** Ask for one frame (coalesced; no-op while the context is lost or unmounted). */
	invalidate = (): void => {
		if (this.#raf || !this.#renderer || this.#status !== 'ready') return;
		this.#raf = requestAnimationFrame(this.#frame);
	};

	/** Draw one frame now, outside the loop (e.g. to copy it); the canvas, or null when not ready. */
	drawNow(): HTMLCanvasElement | null {
		if (!this.ready) return null;
		this.#renderer!.render(this.#scene, this.#camera);
		this.#frames++;
		return this.#canvas;
	}

	/** GPU objects held now (zeros without a renderer). */
	gpu(): GpuCounts {
		const info = this.#renderer?.info;
		return {
			geometries: info?.memory.geometries ?? 0,
			textures: info?.memory.textures ?? 0,
			programs: info?.programs?.length ?? 0
		};
	}

	/**
	 * Stop the loop and the observers and give the context back. Returns the GPU counts just
	 * before the renderer is freed (what the owner failed to free), or null if there was none.
	 */
	dispose(): GpuCounts | null {
		if (this.#raf) cancelAnimationFrame(this.#raf);
		this.#raf = 0;
		clearTimeout(this.#restoreTimer);
		this.#resize?.disconnect();
		this.#resize = null;
		const renderer = this.#renderer;
		let left: GpuCounts | null = null;
		if (renderer) {
			left = this.gpu();
			renderer.renderLists.dispose();
			renderer.dispose();
			// Browsers cap live WebGL contexts; give this one back now rather than at GC.
			renderer.forceContextLoss();
		}
		this.#renderer = null;
		this.#canvas = null;
		return left;
	}

	#frame = (now: number): void => {
		this.#raf = 0;
		const renderer = this.#renderer;
		if (!renderer) return;
		const again = this.#hooks.step(now);
		renderer.render(this.#scene, this.#camera);
		this.#frames++;
		if (this.#canvas) {
			this.#canvas.dataset.frames = String(this.#frames);
			this.#hooks.drawn(this.#canvas);
		}
		if (again) this.invalidate();
	};

	#onResize = (): void => {
		const canvas = this.#canvas;
		const renderer = this.#renderer;
		if (!canvas || !renderer) return;
		const w = Math.max(1, canvas.clientWidth);
		const h = Math.max(1, canvas.clientHeight);
		renderer.setPixelRatio(Math.min(globalThis.devicePixelRatio || 1, MAX_PIXEL_RATIO));
		renderer.setSize(w, h, false);
		this.#hooks.resized(w / h);
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
		// re-uploaded on the next render because its caches were reset. The owner marks its own dirty.
		this.#hooks.restored();
		this.#setStatus('ready');
		this.invalidate();
	};

	#setStatus(status: SceneStatus): void {
		if (status === this.#status) return;
		this.#status = status;
		this.#hooks.status(status);
	}
}
