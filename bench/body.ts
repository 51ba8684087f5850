/**
 * Body model benchmark: the shared topology and each figure's bytes raw/gzip, the load-time
 * work in Node (decoding, the shared plan and region cut once per page, each figure's build),
 * and triangle counts. Call from bench/run.ts: `Object.assign(results, await benchBody())`.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { decodeFigure, decodeTopology } from '../src/lib/body/codec';
import { assembleBody, prepareTopology } from '../src/lib/body/bodymesh';
import { readAsset } from '../src/lib/body/makehuman/assetfiles';

const median = (xs: number[]): number => xs.sort((a, b) => a - b)[xs.length >> 1];
const round = (x: number, d = 10): number => Math.round(x * d) / d;

async function timed(f: () => unknown, runs = 5): Promise<number> {
	await f(); // warm up
	const t: number[] = [];
	for (let i = 0; i < runs; i++) {
		const s = performance.now();
		await f();
		t.push(performance.now() - s);
	}
	return median(t);
}

export async function benchBody(): Promise<Record<string, number | string>> {
	const out: Record<string, number | string> = {};
	const topoBytes = readAsset('topology.bin');
	const topoGz = gzipSync(topoBytes);
	out['body.topology.bytes'] = topoBytes.byteLength;
	out['body.topology.bytes_gzip'] = topoGz.byteLength;
	// Baseline: what the browser spends just un-gzipping the same bytes over the wire.
	out['body.topology.gunzip_ms'] = round(await timed(() => gunzipSync(topoGz)), 100);
	const topology = await decodeTopology(topoBytes);
	out['body.topology.decode_ms'] = round(await timed(() => decodeTopology(topoBytes)));
	out['body.topology.prepare_ms'] = round(await timed(() => prepareTopology(topology)));
	const prepared = prepareTopology(topology);
	for (const figure of ['female', 'male'] as const) {
		const bytes = readAsset(`${figure}-average.bin`);
		out[`body.${figure}.bytes`] = bytes.byteLength;
		out[`body.${figure}.bytes_gzip`] = gzipSync(bytes).byteLength;
		const f = await decodeFigure(bytes, prepared);
		out[`body.${figure}.decode_ms`] = round(await timed(() => decodeFigure(bytes, prepared)));
		out[`body.${figure}.assemble_ms`] = round(await timed(() => assembleBody(prepared, f)));
		const m = assembleBody(prepared, f);
		out[`body.${figure}.triangles`] = m.indices.length / 3;
		out[`body.${figure}.version`] = m.version;
	}
	return out;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) {
	benchBody().then((r) => console.log(r));
}
