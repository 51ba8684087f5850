/**
 * The committed body assets read in Node (tests, bench, scripts), through the same decoder and
 * load-time build as the browser. Node only.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BodyBuild, BodyFigure, BodyMesh } from '../types';
import { decodeFigure, decodeTopology } from '../codec';
import { assembleBody, prepareTopology, type PreparedTopology } from '../bodymesh';

export const STATIC_BODY = resolve(import.meta.dirname, '../../../../static/body');

let prepared: Promise<PreparedTopology> | null = null;

export function readAsset(name: string, dir = STATIC_BODY): Uint8Array {
	return new Uint8Array(readFileSync(join(dir, name)));
}

/** The committed figure as the browser builds it. */
export async function readBody(figure: BodyFigure, build: BodyBuild = 'average'): Promise<BodyMesh> {
	prepared ??= decodeTopology(readAsset('topology.bin')).then(prepareTopology);
	const p = await prepared;
	return assembleBody(p, await decodeFigure(readAsset(`${figure}-${build}.bin`), p));
}
