import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
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

describe('loadBody when the worker fails', () => {
	/** A Worker stand-in: `throws` at construction (no module workers), or errors once started. */
	function fakeWorker(mode: 'throws' | 'errors') {
		return class {
			onmessage: ((e: MessageEvent) => void) | null = null;
			onerror: ((e: Event) => void) | null = null;
			constructor() {
				if (mode === 'throws') throw new TypeError('module workers are not supported');
			}
			postMessage() {
				setTimeout(() => this.onerror?.(new Event('error')), 0);
			}
			terminate() {}
		};
	}

	for (const mode of ['throws', 'errors'] as const) {
		it(`builds the body on the page's own thread when the worker ${mode === 'throws' ? 'cannot start' : 'fails'}`, async () => {
			vi.resetModules();
			const urls: string[] = [];
			vi.stubGlobal('Worker', fakeWorker(mode));
			vi.stubGlobal('fetch', serve(urls));
			try {
				const { loadBody: load } = await import('../../../src/lib/scene/loadBody');
				const mesh = await load('female', 'average');
				expect(mesh.build).toBe('average');
				expect(mesh.regions.length).toBe(mesh.positions.length / 3);
				// And the next figure too, without trying the worker again.
				expect((await load('male', 'slim')).figure).toBe('male');
				expect(urls.sort()).toEqual(['/body/female-average.bin', '/body/male-slim.bin', '/body/topology.bin']);
			} finally {
				vi.unstubAllGlobals();
			}
		});
	}
});
