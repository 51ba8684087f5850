/**
 * The committed body assets (static/body) against a fresh build from assets/makehuman: the same
 * bytes, and decoded as the browser decodes them, exactly the Node recipe's triangles, regions
 * and vertex order, positions within the quantisation, normals within a few degrees.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeFigure, decodeTopology } from '../../../src/lib/body/codec';
import { assembleBody, prepareTopology } from '../../../src/lib/body/bodymesh';
import { encodeFigure, encodeTopology } from '../../../src/lib/body/encode';
import { loadMakeHuman } from '../../../src/lib/body/makehuman/load';
import { ALL_FIGURES, recipe, recipeFigure, type Recipe } from '../../../src/lib/body/makehuman/recipe';
import { STATIC_BODY, readAsset } from '../../../src/lib/body/makehuman/assetfiles';
import type { MakeHumanData } from '../../../src/lib/body/makehuman/figure';

let data: MakeHumanData;
let r: Recipe;
beforeAll(async () => {
	data = loadMakeHuman();
	r = recipe(data);
}, 120_000);

const gz = (b: Uint8Array) => gzipSync(b, { level: 9 }).byteLength;

describe('committed body assets (run scripts/build-body.ts if these fail)', () => {
	it('the topology is a fresh build, and its manifest entry is right', () => {
		const bytes = readAsset('topology.bin');
		expect(bytes).toEqual(encodeTopology(r.topology));
		// Issue 10's page budget counts on the quads' own coding (quadcode.ts): about 43 KB gzip in all.
		expect(gz(bytes)).toBeLessThanOrEqual(45 * 1024);
		const manifest = JSON.parse(readFileSync(join(STATIC_BODY, 'manifest.json'), 'utf8'));
		expect(manifest.version).toBe(r.version);
		expect(manifest.files['topology.bin'].bytes).toBe(bytes.byteLength);
		expect(Object.keys(manifest.files).sort()).toEqual(['topology.bin', ...ALL_FIGURES.map((f) => `${f.figure}-${f.build}.bin`)].sort());
	});

	for (const { figure, build } of ALL_FIGURES) {
		it(`${figure}-${build}: a fresh build, decoding to the recipe's mesh, within the byte budget`, async () => {
			const name = `${figure}-${build}.bin`;
			const bytes = readAsset(name);
			const { coarse, mesh } = recipeFigure(data, r, figure, build);
			expect(bytes).toEqual(encodeFigure(figure, build, r.version, coarse, r.surface.triangles, r.surface.quads));
			const prepared = prepareTopology(await decodeTopology(readAsset('topology.bin')));
			const got = assembleBody(prepared, await decodeFigure(bytes, prepared));
			expect(got.version).toBe(mesh.version);
			expect([got.figure, got.build]).toEqual([figure, build]);
			expect(got.indices).toEqual(mesh.indices);
			expect(got.regions).toEqual(mesh.regions);
			let dp = 0, dn = 1;
			for (let i = 0; i < mesh.positions.length; i++) dp = Math.max(dp, Math.abs(got.positions[i] - mesh.positions[i]));
			for (let v = 0; v < mesh.regions.length; v++) {
				let d = 0;
				for (let k = 0; k < 3; k++) d += got.normals[v * 3 + k] * mesh.normals[v * 3 + k];
				dn = Math.min(dn, d);
			}
			expect(dp).toBeLessThan(2e-4); // a 0.1 mm grid, carried through one subdivision
			expect(Math.acos(dn) * (180 / Math.PI)).toBeLessThan(3); // fixes where over 2° off (encode.ts)
			// Issue 10: each figure, with the shared topology the page also loads, at most 110 KB gzip.
			expect(gz(bytes) + gz(readAsset('topology.bin'))).toBeLessThanOrEqual(110 * 1024);
			const manifest = JSON.parse(readFileSync(join(STATIC_BODY, 'manifest.json'), 'utf8'));
			expect(manifest.files[name].bytes).toBe(bytes.byteLength);
		}, 120_000);
	}
});

describe('the body codec', () => {
	it("decodes the topology to the recipe's exactly: quads in order, splits, diagonals, regions, sides", async () => {
		const t = await decodeTopology(readAsset('topology.bin'));
		expect(t.quads).toEqual(r.topology.quads);
		expect(t.choices.split).toEqual(r.topology.choices.split);
		expect(t.choices.diagonal).toEqual(r.topology.choices.diagonal);
		expect(t.regionMap).toEqual(r.topology.regionMap);
		expect(t.sides).toEqual(r.topology.sides);
		expect(t.version).toBe(r.version);
	});

	it('a flipped bit in the vertex or quad count is refused as damaged at once, before sizing anything from it', async () => {
		const topo = readAsset('topology.bin');
		// Byte 16: the vertex count, 20: the quad count (u32, little-endian); bit 31, and bit 22 (+4 M).
		for (const [at, bit] of [[19, 7], [23, 7], [18, 6], [22, 6]]) {
			const bad = topo.slice();
			bad[at] ^= 1 << bit;
			const heap = process.memoryUsage().arrayBuffers;
			await expect(decodeTopology(bad)).rejects.toThrow(/^body topology: (damaged|per-vertex stream length mismatch|bit stream length mismatch)/);
			// Nothing the size of the bad count was made (4 M quads would be hundreds of MB).
			expect(process.memoryUsage().arrayBuffers - heap).toBeLessThan(16 * 2 ** 20);
		}
	});

	it('rejects damaged or foreign bytes', async () => {
		const topo = readAsset('topology.bin');
		const fig = readAsset('female-average.bin');
		await expect(decodeTopology(new Uint8Array(10))).rejects.toThrow();
		await expect(decodeFigure(new Uint8Array(10), r.topology)).rejects.toThrow();
		await expect(decodeTopology(fig)).rejects.toThrow(/magic/);
		await expect(decodeFigure(topo, r.topology)).rejects.toThrow(/magic/);
		await expect(decodeFigure(fig.subarray(0, fig.length - 5), r.topology)).rejects.toThrow();
		await expect(decodeTopology(topo.subarray(0, topo.length - 5))).rejects.toThrow();
		// A region map with one region grown over its neighbour no longer matches the version hash.
		const t = await decodeTopology(topo);
		const [a, b] = [t.regionMap[100], t.regionMap[100] === 1 ? 2 : 1];
		for (let v = 0; v < t.vertexCount; v++) if (t.regionMap[v] === b) t.regionMap[v] = a;
		expect(() => prepareTopology(t)).toThrow(/version/);
		// A figure made for another model version.
		const other = fig.slice();
		other[8] ^= 1;
		const f = await decodeFigure(other, r.topology);
		expect(() => assembleBody(prepareTopology(r.topology), f)).toThrow(/another model version/);
	});
});
