/**
 * Freehand painting on the body surface, as data: a coverage byte (0..255) per vertex, brush dabs
 * that spread over the connected surface (so a dab on the inner thigh never bleeds onto the other
 * leg), strokes that can be cancelled or undone, and the compact patch a mark stores. Pure: no
 * three.js, no DOM; the scene uploads `weights` as a vertex attribute.
 */
import type { Patch, RegionShare } from '$lib/domain/records';
import type { Surface } from './surface';

export interface BrushSize {
	id: 'small' | 'medium' | 'large';
	label: string;
	/** Radius on the body, metres. */
	radius: number;
}

export const BRUSH_SIZES: readonly BrushSize[] = [
	{ id: 'small', label: 'Small', radius: 0.025 },
	{ id: 'medium', label: 'Medium', radius: 0.045 },
	{ id: 'large', label: 'Large', radius: 0.08 }
];

/** Full coverage inside this share of the radius, then a smooth edge. */
const CORE = 0.6;
/** How much longer than the radius an edge path may be and still be painted. */
const PATH_SLACK = 1.3;

/** One finished stroke: the vertices it changed with their coverage before and after. */
export interface StrokeChange {
	vertices: Uint32Array;
	before: Uint8Array;
	after: Uint8Array;
}

export class PaintLayer {
	/** Coverage per raw vertex (BodyMesh order). */
	readonly weights: Uint8Array;
	readonly surface: Surface;
	/** Weight before the current stroke, per vertex it touched. */
	#stroke: Map<number, number> | null = null;
	/** Dijkstra state, reused across dabs (`#seen` marks which entries belong to this dab). */
	#seen: Uint32Array;
	#generation = 0;
	#dist: Float32Array;
	#heap = new MinHeap();
	/** Vertices changed since the last takeDirty (each once), or everything after a load. */
	#dirty: number[] = [];
	#isDirty: Uint8Array;
	#allDirty = false;

	constructor(surface: Surface) {
		this.surface = surface;
		this.weights = new Uint8Array(surface.vertexCount);
		const welded = surface.memberStart.length - 1;
		this.#seen = new Uint32Array(welded);
		this.#dist = new Float32Array(welded);
		this.#isDirty = new Uint8Array(surface.vertexCount);
	}

	get empty(): boolean {
		return this.weights.every((w) => w === 0);
	}

	beginStroke(): void {
		this.#stroke = new Map();
	}

	/**
	 * One dab of the brush centred on `point` (model space), starting from `seed`, a raw vertex of
	 * the triangle under the pointer. Paint raises coverage, erase lowers it. Distance is measured
	 * along the surface (Dijkstra over mesh edges), so the brush never jumps a gap to another limb.
	 */
	dab(point: ArrayLike<number>, seed: number, radius: number, erase = false): void {
		const s = this.surface;
		const P = s.positions;
		if (++this.#generation === 0xffffffff) {
			this.#seen.fill(0);
			this.#generation = 1;
		}
		const gen = this.#generation;
		const dist = this.#dist;
		const heap = this.#heap;
		// Edge paths run ~10-20% longer than true surface distance: coverage follows the straight
		// distance, and the path only limits how far the walk may go (never across a gap).
		const reach = radius * PATH_SLACK;
		const start = s.weldOf[seed];
		const v0 = seed * 3;
		dist[start] = Math.hypot(P[v0] - point[0], P[v0 + 1] - point[1], P[v0 + 2] - point[2]);
		this.#seen[start] = gen;
		heap.clear();
		heap.push(start, dist[start]);
		while (heap.size) {
			const key = heap.minKey;
			const w = heap.pop();
			const d = dist[w];
			if (key > d) continue; // an outdated entry: w was reached by a shorter path since
			if (d > reach) break; // everything left is farther along the surface
			const c = s.members[s.memberStart[w]] * 3;
			const e = Math.hypot(P[c] - point[0], P[c + 1] - point[1], P[c + 2] - point[2]);
			// The eraser has a hard edge: whatever lies under it goes, or a faint ring would stay.
			const target = erase ? (e <= radius ? 255 : 0) : Math.round(coverage(e / radius) * 255);
			if (target > 0) for (let k = s.memberStart[w]; k < s.memberStart[w + 1]; k++) this.#set(s.members[k], target, erase);
			const a = s.members[s.memberStart[w]] * 3;
			for (let k = s.neighbourStart[w]; k < s.neighbourStart[w + 1]; k++) {
				const nb = s.neighbours[k];
				const b = s.members[s.memberStart[nb]] * 3;
				const nd = d + Math.hypot(P[a] - P[b], P[a + 1] - P[b + 1], P[a + 2] - P[b + 2]);
				if (nd > reach) continue;
				if (this.#seen[nb] === gen && dist[nb] <= nd) continue;
				this.#seen[nb] = gen;
				dist[nb] = nd;
				heap.push(nb, dist[nb]); // the stored (float32) value, so the outdated-entry test compares like with like
			}
		}
	}

	#set(v: number, target: number, erase: boolean): void {
		const old = this.weights[v];
		const next = erase ? Math.min(old, 255 - target) : Math.max(old, target);
		if (next === old) return;
		if (this.#stroke && !this.#stroke.has(v)) this.#stroke.set(v, old);
		this.weights[v] = next;
		this.#touch(v);
	}

	#touch(v: number): void {
		if (this.#allDirty || this.#isDirty[v]) return;
		this.#isDirty[v] = 1;
		this.#dirty.push(v);
	}

	/** Ends the stroke; returns what it changed (null when nothing did). */
	endStroke(): StrokeChange | null {
		const stroke = this.#stroke;
		this.#stroke = null;
		if (!stroke || stroke.size === 0) return null;
		const vertices = Uint32Array.from(stroke.keys()).sort();
		const before = new Uint8Array(vertices.length);
		const after = new Uint8Array(vertices.length);
		vertices.forEach((v, i) => {
			before[i] = stroke.get(v)!;
			after[i] = this.weights[v];
		});
		return { vertices, before, after };
	}

	/** Puts back everything the current stroke changed (a second finger made it a pinch). */
	cancelStroke(): void {
		const stroke = this.#stroke;
		this.#stroke = null;
		if (!stroke) return;
		for (const [v, w] of stroke) {
			this.weights[v] = w;
			this.#touch(v);
		}
	}

	/** Undo (`'before'`) or redo (`'after'`) a stroke. */
	apply(change: StrokeChange, side: 'before' | 'after'): void {
		const values = change[side];
		change.vertices.forEach((v, i) => {
			this.weights[v] = values[i];
			this.#touch(v);
		});
	}

	/** Clears everything; returns the change so it can be undone (null when already empty). */
	clear(): StrokeChange | null {
		this.beginStroke();
		for (let v = 0; v < this.weights.length; v++) if (this.weights[v]) this.#set(v, 255, true);
		return this.endStroke();
	}

	/** Replaces the coverage with a stored patch (nothing when it was painted on another model). */
	load(patch: Patch | null, modelVersion: string): void {
		this.weights.fill(0);
		this.#allDirty = true;
		if (!patch || patch.modelVersion !== modelVersion) return;
		patch.vertices.forEach((v, i) => {
			if (v < this.weights.length) this.weights[v] = patch.weights[i];
		});
	}

	/**
	 * Vertices changed since the last call, ascending; 'all' after a load; null when none. A list,
	 * not a range: vertex order is scattered over the body, so a dab near the spine would
	 * otherwise recolour and upload half the model.
	 */
	takeDirty(): Uint32Array | 'all' | null {
		if (this.#allDirty) {
			this.#allDirty = false;
			for (const v of this.#dirty) this.#isDirty[v] = 0;
			this.#dirty = [];
			return 'all';
		}
		if (!this.#dirty.length) return null;
		const list = Uint32Array.from(this.#dirty).sort();
		for (const v of list) this.#isDirty[v] = 0;
		this.#dirty = [];
		return list;
	}

	/** The painted coverage as a patch for `modelVersion`; null when nothing is painted. */
	toPatch(modelVersion: string): Patch | null {
		const vertices: number[] = [];
		for (let v = 0; v < this.weights.length; v++) if (this.weights[v]) vertices.push(v);
		if (!vertices.length) return null;
		const weights = Uint8Array.from(vertices, (v) => this.weights[v]);
		const list = Uint32Array.from(vertices);
		return { modelVersion, vertices: list, weights, regions: patchRegions(this.surface, list, weights) };
	}
}

/** 1 in the core, easing to 0 at the rim (smoothstep). */
function coverage(t: number): number {
	if (t <= CORE) return 1;
	if (t >= 1) return 0;
	const x = (1 - t) / (1 - CORE);
	return x * x * (3 - 2 * x);
}

/** Painted area per region in cm² (coverage-weighted), largest first; slivers under 0.5 cm² dropped. */
export function patchRegions(surface: Surface, vertices: ArrayLike<number>, weights: ArrayLike<number>): RegionShare[] {
	const area = new Map<number, number>();
	for (let i = 0; i < vertices.length; i++) {
		const v = vertices[i];
		const code = surface.regions[v];
		if (!code) continue;
		area.set(code, (area.get(code) ?? 0) + (surface.vertexArea[v] * weights[i]) / 255);
	}
	return [...area.entries()]
		.map(([region, m2]) => ({ region, area: Math.round(m2 * 1e4 * 10) / 10 }))
		.filter((s) => s.area >= 0.5)
		.sort((a, b) => b.area - a.area || a.region - b.region);
}

/** A layer to draw: coverage on some vertices, in one colour at one strength (0..1). */
export interface PaintDrawing {
	vertices: ArrayLike<number>;
	weights: ArrayLike<number>;
	rgb: readonly [number, number, number];
	strength: number;
}

/**
 * Writes RGBA per vertex (alpha = strength × coverage) into `target`; where layers overlap the
 * stronger wins, so a severe mark is never hidden under a mild one. Clears `target` first.
 */
export function composite(target: Uint8Array, drawings: readonly PaintDrawing[]): void {
	target.fill(0);
	for (const d of drawings) {
		const [r, g, b] = d.rgb;
		for (let i = 0; i < d.vertices.length; i++) {
			const o = d.vertices[i] * 4;
			if (o + 3 >= target.length) continue;
			const a = Math.round(d.strength * d.weights[i]);
			if (a <= target[o + 3]) continue;
			target[o] = r;
			target[o + 1] = g;
			target[o + 2] = b;
			target[o + 3] = a;
		}
	}
}

/** A binary min-heap of (id, key); outdated entries stay in it and the caller skips them. */
class MinHeap {
	#ids: number[] = [];
	#keys: number[] = [];

	get size(): number {
		return this.#ids.length;
	}

	/** Key of the entry `pop` returns next. */
	get minKey(): number {
		return this.#keys[0];
	}

	clear(): void {
		this.#ids.length = 0;
		this.#keys.length = 0;
	}

	push(id: number, key: number): void {
		const ids = this.#ids, keys = this.#keys;
		let i = ids.length;
		ids.push(id);
		keys.push(key);
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (keys[parent] <= key) break;
			ids[i] = ids[parent];
			keys[i] = keys[parent];
			i = parent;
		}
		ids[i] = id;
		keys[i] = key;
	}

	/** Removes and returns the id with the smallest key. */
	pop(): number {
		const ids = this.#ids, keys = this.#keys;
		const top = ids[0];
		const lastId = ids.pop()!;
		const lastKey = keys.pop()!;
		const n = ids.length;
		if (n > 0) {
			let i = 0;
			for (;;) {
				const l = 2 * i + 1;
				if (l >= n) break;
				const c = l + 1 < n && keys[l + 1] < keys[l] ? l + 1 : l;
				if (keys[c] >= lastKey) break;
				ids[i] = ids[c];
				keys[i] = keys[c];
				i = c;
			}
			ids[i] = lastId;
			keys[i] = lastKey;
		}
		return top;
	}
}
