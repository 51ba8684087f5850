/**
 * The planner's paint layer on the scene: saved painted marks underneath (each in its sensation's
 * colour), the painting in progress on top, mixed per vertex into the scene's paint attribute.
 * Strokes arrive from the scene, dab into a PaintLayer and upload only the changed range.
 */
import { buildSurface, type Surface } from '$lib/body/surface';
import { PaintLayer, composite, type PaintDrawing, type StrokeChange } from '$lib/body/brush';
import type { BodyMesh } from '$lib/body/types';
import type { Mark, Patch } from '$lib/domain/records';
import { markStrength, sensationInfo } from '$lib/domain/sensations';
import type { BodyScene, StrokeEvent } from '$lib/scene/BodyScene';

/**
 * An sRGB hex colour as linear bytes: the shader mixes paint in linear light (as three decodes
 * the overlay texture), so paint and region tints of one colour look the same.
 */
export function linearRgb(hex: string): [number, number, number] {
	const n = parseInt(hex.replace('#', ''), 16);
	const lin = (c: number) => {
		const x = c / 255;
		return Math.round(255 * (x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4));
	};
	return [lin((n >> 16) & 255), lin((n >> 8) & 255), lin(n & 255)];
}

/** Colour of a painting not yet described: a violet that is none of the sensation colours. */
export const DRAFT_COLOUR = '#7b3fb8';
const DRAFT_RGB = linearRgb(DRAFT_COLOUR);
const DRAFT_STRENGTH = 0.8;

/** A saved painted mark as a drawing: its vertices and coverage in its sensation's colour. */
export function markDrawing(m: Mark & { patch: Patch }): PaintDrawing {
	return {
		vertices: m.patch.vertices,
		weights: m.patch.weights,
		rgb: linearRgb(sensationInfo(m.sensation).colour),
		strength: markStrength(m)
	};
}

const surfaces = new WeakMap<BodyMesh, Surface>();

/** The surface graph of a body, built once per model (about 20–40 ms). */
export function surfaceOf(mesh: BodyMesh): Surface {
	let s = surfaces.get(mesh);
	if (!s) surfaces.set(mesh, (s = buildSurface(mesh)));
	return s;
}

export class Painter {
	readonly mesh: BodyMesh;
	readonly #scene: BodyScene;
	readonly #out: Uint8Array;
	readonly #base: Uint8Array;
	#layer: PaintLayer | null = null;
	/** Where the last dab of this stroke landed: dabs closer than a quarter radius add nothing. */
	#lastDab: [number, number, number] | null = null;
	readonly #point = new Float64Array(3);

	constructor(scene: BodyScene, mesh: BodyMesh) {
		this.#scene = scene;
		this.mesh = mesh;
		const attribute = scene.enablePaint();
		if (!attribute) throw new Error('Painter: the scene has no body yet');
		this.#out = attribute.array as Uint8Array;
		this.#base = new Uint8Array(this.#out.length);
	}

	/** The painting in progress (created on first use: it needs the surface graph). */
	get layer(): PaintLayer {
		return (this.#layer ??= new PaintLayer(surfaceOf(this.mesh)));
	}

	get version(): string {
		return this.mesh.version;
	}

	/** Is this patch painted on the model on show (so it can be drawn per vertex)? */
	fits(patch: Patch | null): boolean {
		return patch !== null && patch.modelVersion === this.mesh.version;
	}

	/** Redraws the saved painted marks underneath the painting in progress. */
	setSaved(drawings: readonly PaintDrawing[]): void {
		composite(this.#base, drawings);
		this.#mix(0, this.#out.length / 4);
	}

	/** One step of a stroke from the scene; returns the finished stroke's change on 'end'. */
	stroke(e: StrokeEvent, radius: number, erase: boolean): StrokeChange | null {
		const layer = this.layer;
		let change: StrokeChange | null = null;
		if (e.phase === 'start') {
			layer.beginStroke();
			this.#lastDab = null;
		}
		const spacing = radius * 0.25;
		for (const hit of e.hits) {
			const { x, y, z } = hit.point;
			const last = this.#lastDab;
			if (last && Math.hypot(x - last[0], y - last[1], z - last[2]) < spacing) continue;
			this.#point[0] = x;
			this.#point[1] = y;
			this.#point[2] = z;
			layer.dab(this.#point, hit.vertex, radius, erase);
			this.#lastDab = [x, y, z];
		}
		if (e.phase === 'end') change = layer.endStroke();
		if (e.phase === 'cancel') layer.cancelStroke();
		this.#flush();
		return change;
	}

	/** Undo ('before') or redo ('after') a stroke. */
	apply(change: StrokeChange, side: 'before' | 'after'): void {
		this.layer.apply(change, side);
		this.#flush();
	}

	/** Starts the painting from a saved patch (to repaint a mark), or empty. */
	load(patch: Patch | null): void {
		this.layer.load(patch, this.mesh.version);
		this.#flush();
	}

	/** Clears the painting; returns the change for an undo. */
	clear(): StrokeChange | null {
		const change = this.layer.clear();
		this.#flush();
		return change;
	}

	/** Recolours what changed and uploads it in runs (near neighbours share one upload). */
	#flush(): void {
		const dirty = this.#layer?.takeDirty();
		if (!dirty) return;
		if (dirty === 'all') return this.#mix(0, this.#out.length / 4);
		for (const v of dirty) this.#mixVertex(v);
		let start = dirty[0];
		let end = dirty[0];
		for (let i = 1; i < dirty.length; i++) {
			const v = dirty[i];
			if (v - end > 32) {
				this.#scene.paintChanged(start, end - start + 1);
				start = v;
			}
			end = v;
		}
		this.#scene.paintChanged(start, end - start + 1);
	}

	/** out = the stronger of the saved paint and the painting in progress, for a range; uploads it. */
	#mix(first: number, count: number): void {
		for (let v = first; v < first + count; v++) this.#mixVertex(v);
		this.#scene.paintChanged(first, count);
	}

	#mixVertex(v: number): void {
		const out = this.#out;
		const base = this.#base;
		const o = v * 4;
		const w = this.#layer?.weights[v] ?? 0;
		const draft = w ? Math.round(DRAFT_STRENGTH * w) : 0;
		const from = draft > 0 && draft >= base[o + 3] ? null : base;
		out[o] = from ? from[o] : DRAFT_RGB[0];
		out[o + 1] = from ? from[o + 1] : DRAFT_RGB[1];
		out[o + 2] = from ? from[o + 2] : DRAFT_RGB[2];
		out[o + 3] = from ? from[o + 3] : draft;
	}
}
