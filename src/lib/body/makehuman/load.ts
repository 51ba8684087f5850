/**
 * Reads MakeHuman's data files from `assets/makehuman/` (Node only: the build script and the
 * tests). Everything else in this folder is pure and takes the parsed data.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseObj } from './obj';
import { parseTarget, type Target } from './target';
import { parseSkeleton, parseWeights } from './rig';
import type { MakeHumanData } from './figure';

export const ASSET_DIR = resolve(import.meta.dirname, '../../../../assets/makehuman');

export function loadMakeHuman(dir = ASSET_DIR): MakeHumanData {
	const targets = new Map<string, Target>();
	const tdir = join(dir, 'targets/macrodetails');
	for (const f of readdirSync(tdir).sort()) if (f.endsWith('.target')) targets.set(f, parseTarget(readFileSync(join(tdir, f), 'utf8')));
	return {
		obj: parseObj(readFileSync(join(dir, '3dobjs/base.obj'), 'utf8')),
		targets,
		skeleton: parseSkeleton(readFileSync(join(dir, 'rigs/default.mhskel'), 'utf8')),
		weights: parseWeights(readFileSync(join(dir, 'rigs/default_weights.mhw'), 'utf8'))
	};
}
