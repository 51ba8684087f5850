/**
 * Node only (build script and tests): the new figure a table maps onto, built by the shared
 * recipe (notes: phase 2b contract) from MakeHuman's data, in the app's drawn vertex order, and
 * the old figures read from assets/legacy-body/.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadMakeHuman } from '../makehuman/load';
import type { BuildName, Sex } from '../makehuman/figure';
import { recipe, recipeFigure } from '../makehuman/recipe';
import type { BodyMesh } from '../types';
import { readLegacyBody, type LegacyBody } from './v1';

export const LEGACY_DIR = resolve(import.meta.dirname, '../../../../assets/legacy-body');

/** The old assets by figure: file name carries the version. */
export const LEGACY_VERSIONS = { female: 'ae13cce0886b083a', male: '3eda5c6e79132f50' } as const;

export function readLegacyFile(figure: Sex): Promise<LegacyBody> {
	return readLegacyBody(new Uint8Array(readFileSync(join(LEGACY_DIR, `${figure}-${LEGACY_VERSIONS[figure]}.bin`))));
}

/** The drawn new meshes of the given builds, by the app's own recipe (makehuman/recipe.ts). */
export function newFigures(wanted: [Sex, BuildName][]): Map<string, BodyMesh> {
	const data = loadMakeHuman();
	const r = recipe(data);
	return new Map(wanted.map(([sex, build]) => [`${sex}-${build}`, recipeFigure(data, r, sex, build).mesh]));
}
