import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeBody, readHeader } from '../../../src/lib/body/codec';
import { encodeBody } from '../../../src/lib/body/encode';
import { body } from './helpers';

const dir = join(resolve(import.meta.dirname, '../../..'), 'static/body');

describe('body codec and committed assets', () => {
	it('round-trips a generated mesh exactly', async () => {
		const m = await body('male');
		const bin = encodeBody(m);
		const h = readHeader(bin);
		expect(h.figure).toBe('male');
		expect(h.version).toBe(m.version);
		const d = await decodeBody(bin);
		expect(d).toEqual(m);
		expect(encodeBody(d)).toEqual(bin);
	}, 120_000);

	it('rejects damaged or foreign bytes', async () => {
		const bin = encodeBody(await body('male'));
		await expect(decodeBody(new Uint8Array(10))).rejects.toThrow();
		const bad = bin.slice();
		bad[0] ^= 0xff;
		await expect(decodeBody(bad)).rejects.toThrow(/magic/);
		await expect(decodeBody(bin.subarray(0, bin.length - 5))).rejects.toThrow();
		const flipped = bin.slice();
		flipped[8] ^= 1; // version hash no longer matches the content
		await expect(decodeBody(flipped)).rejects.toThrow(/version/);
	}, 120_000);

	for (const figure of ['female', 'male'] as const) {
		it(`committed ${figure} asset is up to date (run scripts/build-body.ts if not)`, async () => {
			const bytes = new Uint8Array(readFileSync(join(dir, `${figure}.bin`)));
			const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
			const fresh = await body(figure);
			const committed = await decodeBody(bytes);
			expect(committed.version).toBe(fresh.version);
			expect(committed).toEqual(fresh);
			expect(manifest[figure]).toEqual({ version: fresh.version, bytes: bytes.byteLength, triangles: fresh.indices.length / 3 });
			expect(gzipSync(bytes).byteLength).toBeLessThan(190_000);
		}, 120_000);
	}
});
