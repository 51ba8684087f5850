/**
 * Generates both body figures and writes static/body/{female,male}.bin and manifest.json.
 * The assets are committed; tests/unit/body/assets.test.ts fails if they go stale.
 * Usage: npx tsx scripts/build-body.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bodyReady, generateBody, type GenerateStats } from '../src/lib/body/generate';
import { encodeBody } from '../src/lib/body/encode';

const dir = join(resolve(import.meta.dirname, '..'), 'static/body');

async function main(): Promise<void> {
	await bodyReady;
	mkdirSync(dir, { recursive: true });
	const manifest: Record<string, { version: string; bytes: number; triangles: number }> = {};
	for (const figure of ['female', 'male'] as const) {
		const stats: GenerateStats = { denseTriangles: 0, ms: {} };
		const mesh = generateBody(figure, stats);
		const bin = encodeBody(mesh);
		writeFileSync(join(dir, `${figure}.bin`), bin);
		manifest[figure] = { version: mesh.version, bytes: bin.byteLength, triangles: mesh.indices.length / 3 };
		console.log(
			`${figure}: ${mesh.indices.length / 3} triangles, ${mesh.regions.length} vertices, ${bin.byteLength} bytes (${gzipSync(bin).byteLength} gzip), ` +
				`version ${mesh.version}, ${Math.round(stats.ms.total)} ms`
		);
	}
	writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, '\t') + '\n');
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
