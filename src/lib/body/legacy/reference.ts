/**
 * Node only (build script and tests): the new figure a table maps onto, built by the shared
 * recipe (notes: phase 2b contract) from MakeHuman's data, in the app's drawn vertex order, and
 * the old figures read from assets/legacy-body/.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadMakeHuman } from '../makehuman/load';
import { BUILDS, REGION_REFERENCE, bodySurface, buildFigure, paintingSurface, type BuildName, type Sex } from '../makehuman/figure';
import { regionMap } from '../makehuman/regionmap';
import { applyCut, regionSurface, vertexSides } from '../makehuman/regioncut';
import { meshVersion } from '../makehuman/version';
import type { BodyMesh } from '../types';
import { readLegacyBody, type LegacyBody } from './v1';

export const LEGACY_DIR = resolve(import.meta.dirname, '../../../../assets/legacy-body');

/** The old assets by figure: file name carries the version. */
export const LEGACY_VERSIONS = { female: 'ae13cce0886b083a', male: '3eda5c6e79132f50' } as const;

export function readLegacyFile(figure: Sex): Promise<LegacyBody> {
	return readLegacyBody(new Uint8Array(readFileSync(join(LEGACY_DIR, `${figure}-${LEGACY_VERSIONS[figure]}.bin`))));
}

/** The drawn new meshes of the given builds, per the contract recipe. */
export function newFigures(wanted: [Sex, BuildName][]): Map<string, BodyMesh> {
	const data = loadMakeHuman();
	const surface = bodySurface(data.obj);
	const ref = buildFigure(data, surface, REGION_REFERENCE.sex, BUILDS[REGION_REFERENCE.build]);
	const map = regionMap(data, surface, ref);
	const cut = regionSurface(surface, map, vertexSides(ref.positions, surface.vertexCount));
	const version = meshVersion(cut.triangles, cut.regions);
	const out = new Map<string, BodyMesh>();
	for (const [sex, build] of wanted) {
		const fig = sex === ref.sex && build === REGION_REFERENCE.build ? ref : buildFigure(data, surface, sex, BUILDS[build]);
		const fine = paintingSurface(surface, fig);
		out.set(`${sex}-${build}`, {
			figure: sex,
			version,
			positions: Float32Array.from(applyCut(cut, fine.positions)),
			normals: Float32Array.from(applyCut(cut, fine.normals, 3, true)),
			regions: cut.regions,
			indices: cut.triangles
		});
	}
	return out;
}
