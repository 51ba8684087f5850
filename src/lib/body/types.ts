/**
 * The body model as data: what the generator produces, the asset codec stores, and the scene
 * draws. Pure types, no DOM and no three.js, so every layer can share them.
 *
 * Coordinates are metres in the model's own space: y up, the figure facing +z (its front),
 * feet on y = 0, the midline on x = 0. The client's LEFT side is at +x (they face +z, so their
 * left hand is on the viewer's right in a front view).
 */

/** Which figure: chosen per client. */
export type BodyFigure = 'female' | 'male';

/**
 * The figure's build (issue 10): chosen per client, default in settings. Every build of both
 * figures shares one vertex list, so a painting made on one shows on all.
 */
export type BodyBuild = 'slim' | 'average' | 'broad';
export const BODY_BUILDS: readonly BodyBuild[] = ['slim', 'average', 'broad'];

/** Region code stored per vertex: 1..80 index into REGIONS (src/lib/domain/regions.ts); 0 = none. */
export type RegionCode = number;

export interface BodyMesh {
	figure: BodyFigure;
	build: BodyBuild;
	/** Content hash of the generated mesh; painted marks are keyed to it. */
	version: string;
	/** xyz per vertex, metres. */
	positions: Float32Array;
	/** Unit normal per vertex (smooth across region borders). */
	normals: Float32Array;
	/**
	 * Region code per vertex. Triangles are cut along region borders when the model is built,
	 * so the three vertices of a triangle always carry the same code and borders are smooth.
	 */
	regions: Uint8Array;
	/** Triangle list. */
	indices: Uint32Array;
}
