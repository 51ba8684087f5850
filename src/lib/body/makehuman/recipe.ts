/**
 * The drawn figures by the Node recipe (docs: the phase-2b contract), and the asset contents
 * that let the browser rebuild them: the shared topology (quads, subdivision choices, coarse
 * region map, sides) and each figure's coarse positions. Used by scripts/build-body.ts and the
 * stale-asset test. Pure: the MakeHuman data comes in parsed.
 */
import { BODY_BUILDS, type BodyBuild, type BodyFigure, type BodyMesh } from '../types';
import type { Topology } from '../codec';
import { BUILDS, REGION_REFERENCE, bodySurface, buildFigure, paintingSurface, type BodySurface, type Figure, type MakeHumanData } from './figure';
import { regionMap } from './regionmap';
import { applyCut, regionSurface, vertexSides, type RegionSurface } from './regioncut';
import { meshVersion } from './version';

export const FIGURES: readonly BodyFigure[] = ['female', 'male'];

export interface Recipe {
	surface: BodySurface;
	ref: Figure;
	map: Uint8Array;
	sides: Int8Array;
	cut: RegionSurface;
	version: string;
	topology: Topology;
}

/** Everything every figure shares. Checks that the midline is exactly x = 0 (sides from positions hold for every figure). */
export function recipe(data: MakeHumanData): Recipe {
	const surface = bodySurface(data.obj);
	const nv = surface.vertexCount;
	const ref = buildFigure(data, surface, REGION_REFERENCE.sex, BUILDS[REGION_REFERENCE.build]);
	const map = regionMap(data, surface, ref);
	const sides = vertexSides(ref.positions, nv);
	for (let v = 0; v < nv; v++) if ((surface.mirror[v] === v) !== (sides[v] === 0)) throw new Error(`recipe: vertex ${v} is on the midline in one sense only`);
	const cut = regionSurface(surface, map, sides);
	const version = meshVersion(cut.triangles, cut.regions);
	return { surface, ref, map, sides, cut, version, topology: { version, vertexCount: nv, quads: surface.quads, choices: surface.choices, regionMap: map, sides } };
}

/** One figure by the recipe: its coarse positions (what the asset stores) and the drawn mesh. */
export function recipeFigure(data: MakeHumanData, r: Recipe, figure: BodyFigure, build: BodyBuild): { coarse: Float64Array; mesh: BodyMesh } {
	const fig = buildFigure(data, r.surface, figure, BUILDS[build]);
	const side = vertexSides(fig.positions, r.surface.vertexCount);
	if (side.some((s, v) => s !== r.sides[v])) throw new Error(`recipe: ${figure}-${build} has vertices on another side than the reference`);
	const fine = paintingSurface(r.surface, fig);
	return {
		coarse: fig.positions,
		mesh: {
			figure,
			build,
			version: r.version,
			positions: Float32Array.from(applyCut(r.cut, fine.positions)),
			normals: Float32Array.from(applyCut(r.cut, fine.normals, 3, true)),
			regions: r.cut.regions,
			indices: r.cut.triangles
		}
	};
}

export const ALL_FIGURES: readonly { figure: BodyFigure; build: BodyBuild }[] = FIGURES.flatMap((figure) => BODY_BUILDS.map((build) => ({ figure, build })));
