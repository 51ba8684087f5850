/**
 * The body on show in a BodyScene: its mesh in the scene, its geometry, the picker (a BVH built
 * after the first frame) and the per-vertex paint layer. No renderer here: the scene asks for
 * frames when any of this changes.
 */
import { Mesh, type BufferAttribute, type BufferGeometry } from 'three';
import type { BodyMesh } from '$lib/body/types';
import { createBodyGeometry, ensurePaintAttribute, PAINT_ATTRIBUTE } from './geometry';
import type { BodyMaterial } from './material';
import { BodyPicker } from './picking';

/** The BVH (~50-100 ms) waits this long after a body is set, so it never delays the body showing. */
const PICKER_DELAY_MS = 50;

export class ShownBody {
	readonly mesh: Mesh;
	readonly #material: BodyMaterial;
	#geometry: BufferGeometry | null = null;
	#picker: BodyPicker | null = null;
	#paint = false;
	#body: BodyMesh | null = null;

	constructor(material: BodyMaterial) {
		this.#material = material;
		this.mesh = new Mesh(undefined, material.material);
		this.mesh.visible = false;
	}

	/** The body on show, or null before one is set. */
	get body(): BodyMesh | null {
		return this.#body;
	}

	get geometry(): BufferGeometry | null {
		return this.#geometry;
	}

	/** Show a body (replaces any previous one and frees its GPU buffers); returns its geometry. */
	set(mesh: BodyMesh): BufferGeometry {
		const old = this.#geometry;
		this.#body = mesh;
		const geometry = (this.#geometry = createBodyGeometry(mesh));
		this.#picker = null;
		setTimeout(() => this.picker(), PICKER_DELAY_MS);
		if (this.#paint) ensurePaintAttribute(geometry); // the shader expects the attribute
		this.mesh.geometry = geometry;
		this.mesh.visible = true;
		old?.dispose();
		return geometry;
	}

	/** The picker for the body on show, built now if it is not yet; null before a body is set. */
	picker(): BodyPicker | null {
		if (!this.#picker && this.#geometry) this.#picker = new BodyPicker(this.#geometry);
		return this.#picker;
	}

	/** Turn the paint layer on and return it (see BodyScene.enablePaint); null before a body is set. */
	enablePaint(): BufferAttribute | null {
		if (!this.#geometry) return null;
		this.#paint = true;
		this.#material.setPaintEnabled(true);
		return ensurePaintAttribute(this.#geometry);
	}

	/** Queue changed paint for upload (only vertices [first, first + count) when count >= 0); false without paint. */
	paintChanged(first: number, count: number): boolean {
		const paint = this.#geometry?.getAttribute(PAINT_ATTRIBUTE) as BufferAttribute | undefined;
		if (!paint) return false;
		if (count >= 0) paint.addUpdateRange(first * 4, count * 4);
		else paint.clearUpdateRanges(); // the whole attribute: ranges queued before would limit it
		paint.needsUpdate = true;
		return true;
	}

	/** How many vertices show paint now. */
	paintedVertexCount(): number {
		const paint = this.#geometry?.getAttribute(PAINT_ATTRIBUTE);
		if (!paint) return 0;
		const a = paint.array as Uint8Array;
		let n = 0;
		for (let i = 3; i < a.length; i += 4) if (a[i] > 0) n++;
		return n;
	}

	/** After a lost context came back: every buffer must be uploaded again. */
	markDirty(): void {
		const geometry = this.#geometry;
		if (!geometry) return;
		for (const name of Object.keys(geometry.attributes)) geometry.attributes[name].needsUpdate = true;
		if (geometry.index) geometry.index.needsUpdate = true;
	}

	/** Free the geometry and the picker (the material is the scene's). */
	dispose(): void {
		this.#geometry?.dispose();
		this.#geometry = null;
		this.#picker = null;
	}
}
