/**
 * What a first visit transfers: every chunk of the production build, raw and gzip, and the
 * part the home screen needs before it is interactive (the modulepreloads of index.html).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ChunkSize {
	file: string;
	raw: number;
	gzip: number;
}

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? walk(path) : [path];
	});
}

export function buildSizes(buildDir = 'build'): { chunks: ChunkSize[]; initial: ChunkSize; total: ChunkSize } {
	const files = walk(buildDir).filter((f) => /\.(js|css|html|bin|webmanifest|svg|png)$/.test(f));
	const chunks = files
		.map((f) => {
			const bytes = readFileSync(f);
			return { file: relative(buildDir, f), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
		})
		.sort((a, b) => b.gzip - a.gzip);
	const index = readFileSync(join(buildDir, 'index.html'), 'utf8');
	const preloaded = new Set(
		[...index.matchAll(/href="\.?\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]).concat('index.html')
	);
	const sum = (list: ChunkSize[], file: string): ChunkSize => ({
		file,
		raw: list.reduce((s, c) => s + c.raw, 0),
		gzip: list.reduce((s, c) => s + c.gzip, 0)
	});
	return {
		chunks,
		initial: sum(chunks.filter((c) => preloaded.has(c.file)), 'home screen (initial load)'),
		total: sum(chunks, 'whole build (precached)')
	};
}
