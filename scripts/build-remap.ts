/**
 * Writes static/body/legacy/<old version>.bin: for each old procedural figure, the table that
 * moves its paintings onto the new MakeHuman figure of the same sex (src/lib/body/legacy/).
 * Deterministic; tests/unit/body/legacy-remap.test.ts fails when a committed table is stale.
 * Usage: npx tsx scripts/build-remap.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { LEGACY_VERSIONS, newFigures, readLegacyFile } from '../src/lib/body/legacy/reference';
import { buildRemap } from '../src/lib/body/legacy/remap';
import { encodeTable } from '../src/lib/body/legacy/table-encode';
import { REGIONS } from '../src/lib/domain/regions';

const dir = join(resolve(import.meta.dirname, '..'), 'static/body/legacy');

async function main(): Promise<void> {
	mkdirSync(dir, { recursive: true });
	const meshes = newFigures([
		['female', 'average'],
		['male', 'average']
	]);
	for (const figure of ['female', 'male'] as const) {
		const t0 = performance.now();
		const old = await readLegacyFile(figure);
		const { table, stats } = buildRemap(old, meshes.get(`${figure}-average`)!);
		const bin = encodeTable(table, meshes.get(`${figure}-average`)!.indices);
		writeFileSync(join(dir, `${LEGACY_VERSIONS[figure]}.bin`), bin);
		const gaps = [...stats.gap.values()].map((g) => g.mean).sort((a, b) => a - b);
		const worst = [...stats.gap].sort((a, b) => b[1].p95 - a[1].p95).slice(0, 3);
		console.log(
			`${figure}: ${old.version} -> ${table.newVersion}, ${bin.byteLength} bytes (${gzipSync(bin, { level: 9 }).byteLength} gzip; served as is), ` +
				`${stats.unmatched} new vertices without a source, median region gap ${(gaps[gaps.length >> 1] * 1000).toFixed(1)} mm, ` +
				`worst p95 ${worst.map(([c, g]) => `${REGIONS[c - 1].id} ${(g.p95 * 1000).toFixed(0)} mm`).join(', ')}, ${Math.round(performance.now() - t0)} ms`
		);
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
