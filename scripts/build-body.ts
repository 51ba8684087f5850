/**
 * Builds the body assets from assets/makehuman/ and writes static/body/: the shared
 * topology.bin, one <sex>-<build>.bin per figure, and manifest.json (model version and bytes).
 * Deterministic; the assets are committed and tests/unit/body/assets.test.ts fails if they go stale.
 * Usage: npx tsx scripts/build-body.ts
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadMakeHuman } from '../src/lib/body/makehuman/load';
import { ALL_FIGURES, recipe, recipeFigure } from '../src/lib/body/makehuman/recipe';
import { encodeFigure, encodeTopology } from '../src/lib/body/encode';

const dir = join(resolve(import.meta.dirname, '..'), 'static/body');

async function main(): Promise<void> {
	const t0 = performance.now();
	const data = loadMakeHuman();
	const r = recipe(data);
	mkdirSync(dir, { recursive: true });
	// Only this script's files live here: clear out any that a rename left behind.
	for (const f of readdirSync(dir)) if (f.endsWith('.bin')) rmSync(join(dir, f));
	const gz = (b: Uint8Array): number => gzipSync(b, { level: 9 }).byteLength;
	const topo = encodeTopology(r.topology);
	writeFileSync(join(dir, 'topology.bin'), topo);
	const files: Record<string, { bytes: number; gzip: number }> = { 'topology.bin': { bytes: topo.byteLength, gzip: gz(topo) } };
	console.log(`topology: ${r.topology.vertexCount} vertices, ${r.topology.quads.length / 4} quads -> ${r.cut.regions.length} vertices, ${r.cut.triangles.length / 3} triangles drawn; ${topo.byteLength} B (${gz(topo)} gzip); version ${r.version}`);
	for (const { figure, build } of ALL_FIGURES) {
		const { coarse } = recipeFigure(data, r, figure, build);
		const bin = encodeFigure(figure, build, r.version, coarse, r.surface.triangles, r.surface.quads);
		const name = `${figure}-${build}.bin`;
		writeFileSync(join(dir, name), bin);
		files[name] = { bytes: bin.byteLength, gzip: gz(bin) };
		console.log(`${name}: ${bin.byteLength} B (${gz(bin)} gzip)`);
	}
	const manifest = { version: r.version, vertices: r.cut.regions.length, triangles: r.cut.triangles.length / 3, files };
	writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, '\t') + '\n');
	console.log(`built in ${Math.round(performance.now() - t0)} ms`);
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
