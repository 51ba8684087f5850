/**
 * The model version of the MakeHuman figures: a hash of the drawn surface's topology (its
 * triangles and each vertex's region), not of positions. Every sex and build shares one vertex
 * list, so they share one version, and a painting keyed to it shows on all of them.
 */
import { hashBytes } from '../quantize';

export function meshVersion(triangles: Uint32Array, regions: Uint8Array): string {
	return hashBytes([triangles, regions]);
}
