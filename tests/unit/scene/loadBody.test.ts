import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BodyLoadError, loadBody } from '../../../src/lib/scene/loadBody';

const ok = (bytes: Uint8Array<ArrayBuffer>) => (async () => new Response(bytes)) as unknown as typeof fetch;

describe('loadBody', () => {
	it('fetches /body/<figure>.bin and decodes it', async () => {
		const urls: string[] = [];
		const bytes = new Uint8Array(readFileSync('static/body/male.bin'));
		const fetcher = (async (url: string) => (urls.push(url), new Response(bytes))) as unknown as typeof fetch;
		const mesh = await loadBody('male', 'average', fetcher);
		expect(urls).toEqual(['/body/male.bin']);
		expect(mesh.figure).toBe('male');
		expect(mesh.regions.length).toBe(mesh.positions.length / 3);
	});

	it('explains a failed download, and a retry fetches again', async () => {
		const notFound = (async () => new Response('nope', { status: 404 })) as unknown as typeof fetch;
		await expect(loadBody('female', 'average', notFound)).rejects.toThrow(BodyLoadError);
		await expect(loadBody('female', 'average', notFound)).rejects.toThrow(/could not be downloaded/);
	});

	it('explains a damaged file', async () => {
		const err = await loadBody('female', 'average', ok(new Uint8Array([1, 2, 3]))).catch((e) => e);
		expect(err).toBeInstanceOf(BodyLoadError);
		expect(err.message).toMatch(/damaged/);
	});
});
