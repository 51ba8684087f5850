/**
 * Body model benchmark: generation time per figure, decode time, asset bytes raw/gzip and
 * triangle counts. Call from bench/run.ts: `Object.assign(results, await benchBody())`.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { bodyReady, generateBody, type GenerateStats } from '../src/lib/body/generate';
import { decodeBody } from '../src/lib/body/codec';

export async function benchBody(): Promise<Record<string, number | string>> {
	await bodyReady;
	const dir = join(resolve(import.meta.dirname, '..'), 'static/body');
	const out: Record<string, number | string> = {};
	for (const figure of ['female', 'male'] as const) {
		const stats: GenerateStats = { denseTriangles: 0, ms: {} };
		const m = generateBody(figure, stats);
		out[`body.${figure}.generate_ms`] = Math.round(stats.ms.total);
		out[`body.${figure}.triangles`] = m.indices.length / 3;
		const bytes = new Uint8Array(readFileSync(join(dir, `${figure}.bin`)));
		out[`body.${figure}.bytes`] = bytes.byteLength;
		const gz = gzipSync(bytes);
		out[`body.${figure}.bytes_gzip`] = gz.byteLength;
		// Baseline: what the browser spends just un-gzipping the same asset over the wire.
		gunzipSync(gz);
		const g = performance.now();
		for (let i = 0; i < 5; i++) gunzipSync(gz);
		out[`body.${figure}.gunzip_ms`] = Math.round(((performance.now() - g) / 5) * 100) / 100;
		await decodeBody(bytes); // warm up
		const t = performance.now();
		const runs = 5;
		for (let i = 0; i < runs; i++) await decodeBody(bytes);
		out[`body.${figure}.decode_ms`] = Math.round(((performance.now() - t) / runs) * 10) / 10;
		out[`body.${figure}.version`] = m.version;
	}
	return out;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) {
	benchBody().then((r) => console.log(r));
}
