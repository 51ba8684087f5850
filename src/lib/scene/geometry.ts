/**
 * BodyMesh (plain arrays) → three.js BufferGeometry. No WebGL here, so picking and tests can use
 * the same geometry in Node that the viewer draws in the browser.
 */
import { Box3, BufferAttribute, BufferGeometry, DynamicDrawUsage, Vector3 } from 'three';
import type { BodyMesh } from '$lib/body/types';

/** Name of the per-vertex region code attribute (float in the shader, 0..255). */
export const REGION_ATTRIBUTE = 'region';

/**
 * Build the geometry for a body. The arrays are shared, not copied: the mesh is immutable data.
 * The index is copied because a non-indirect BVH would reorder it (we build indirect anyway).
 */
export function createBodyGeometry(mesh: BodyMesh): BufferGeometry {
	const geometry = new BufferGeometry();
	geometry.setAttribute('position', new BufferAttribute(mesh.positions, 3));
	geometry.setAttribute('normal', new BufferAttribute(mesh.normals, 3));
	geometry.setAttribute(REGION_ATTRIBUTE, new BufferAttribute(mesh.regions, 1));
	geometry.setIndex(new BufferAttribute(mesh.indices.slice(), 1));
	geometry.computeBoundingBox();
	geometry.computeBoundingSphere();
	// Sex and build: a change of either is a new body on screen (canvas data-body), though the version is shared.
	geometry.name = `body:${mesh.figure}-${mesh.build}:${mesh.version}`;
	return geometry;
}

/** Name of the optional per-vertex paint attribute (RGBA, alpha = strength; see material.ts). */
export const PAINT_ATTRIBUTE = 'paint';

/**
 * Give the geometry a blank per-vertex paint layer (RGBA bytes, normalised, updated often),
 * or return the one it has. Paint belongs to this geometry: a new mesh starts blank.
 */
export function ensurePaintAttribute(geometry: BufferGeometry): BufferAttribute {
	const existing = geometry.getAttribute(PAINT_ATTRIBUTE);
	if (existing instanceof BufferAttribute) return existing;
	const count = geometry.getAttribute('position').count;
	const paint = new BufferAttribute(new Uint8Array(count * 4), 4, true).setUsage(DynamicDrawUsage);
	geometry.setAttribute(PAINT_ATTRIBUTE, paint);
	return paint;
}

/** Axis-aligned bounds of a body (metres, model space). */
export function bodyBounds(mesh: BodyMesh): Box3 {
	const box = new Box3();
	const p = mesh.positions;
	const v = new Vector3();
	for (let i = 0; i < p.length; i += 3) box.expandByPoint(v.set(p[i], p[i + 1], p[i + 2]));
	return box;
}
