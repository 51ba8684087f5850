import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BodyLoadError, loadBody } from '../../../src/lib/scene/loadBody';

const file = (name: string) => new Uint8Array(readFileSync(`static/body/${name}`));
/** Serves static/body; `override` replaces a file's bytes. */
const serve = (urls: string[], override: Record<string, Uint8Array> = {}) =>
	(async (url: string) => {
		urls.push(url);
		const name = url.replace(/^.*\//, '');
		return new Response((override[name] ?? file(name)) as Uint8Array<ArrayBuffer>);
	}) as unknown as typeof fetch;

describe('loadBody', () => {
	it('fetches the shared topology once and /body/<figure>-<build>.bin per figure, and builds it', async () => {
		const urls: string[] = [];
		const mesh = await loadBody('male', 'broad', serve(urls));
		expect(mesh.figure).toBe('male');
		expect(mesh.build).toBe('broad');
		expect(mesh.regions.length).toBe(mesh.positions.length / 3);
		const slim = await loadBody('female', 'slim', serve(urls));
		expect(slim.build).toBe('slim');
		expect(slim.version).toBe(mesh.version);
		expect(urls.sort()).toEqual(['/body/female-slim.bin', '/body/male-broad.bin', '/body/topology.bin']);
		// Cached per figure and build: no new request.
		expect(await loadBody('male', 'broad', serve(urls))).toBe(mesh);
		expect(urls).toHaveLength(3);
	});

	it('explains a failed download, and a retry fetches again', async () => {
		const notFound = (async () => new Response('nope', { status: 404 })) as unknown as typeof fetch;
		await expect(loadBody('female', 'average', notFound)).rejects.toThrow(BodyLoadError);
		await expect(loadBody('female', 'average', notFound)).rejects.toThrow(/could not be downloaded/);
		expect((await loadBody('female', 'average', serve([]))).figure).toBe('female');
	});

	it('explains a damaged file', async () => {
		const err = await loadBody('male', 'slim', serve([], { 'male-slim.bin': new Uint8Array([1, 2, 3]) })).catch((e) => e);
		expect(err).toBeInstanceOf(BodyLoadError);
		expect(err.message).toMatch(/damaged/);
	});

	it('calls a figure served under another name damaged', async () => {
		const err = await loadBody('female', 'broad', serve([], { 'female-broad.bin': file('male-broad.bin') })).catch((e) => e);
		expect(err).toBeInstanceOf(BodyLoadError);
		expect(err.message).toMatch(/female body model is damaged/);
	});
});
