/**
 * Issue 10 phase 2b: the body map draws the MakeHuman figure from its coarse assets (the shared
 * topology and one small file per sex and build, subdivided and cut in the page), within the
 * byte budget. The topology's own quad coding (quadcode.ts) leaves no meshoptimizer code on the
 * page at all (its decoder only for migrating old paintings, loaded then).
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { test, expect } from './fixtures';

const VERSION = JSON.parse(readFileSync('static/body/manifest.json', 'utf8')).version as string;

test('the body map fetches the shared topology and one figure (≤ 110 KB gzip), and no meshopt code', async ({ page }) => {
	const body: { url: string; gzip: number }[] = [];
	const scripts: Promise<string>[] = [];
	page.on('response', (r) => {
		const url = new URL(r.url());
		if (url.pathname.startsWith('/body/')) body.push({ url: url.pathname, gzip: 0 });
		if (url.pathname.endsWith('.js')) scripts.push(r.text());
		if (url.pathname.startsWith('/body/')) void r.body().then((b) => (body.find((f) => f.url === url.pathname)!.gzip = gzipSync(b, { level: 9 }).length));
	});
	await page.goto('/explore');
	await expect(page.locator('canvas[data-body]')).toHaveCount(1, { timeout: 30_000 });
	await expect.poll(() => body.every((f) => f.gzip > 0)).toBe(true);
	expect(body.map((f) => f.url).sort()).toEqual(['/body/female-average.bin', '/body/topology.bin']);
	expect(body.reduce((s, f) => s + f.gzip, 0)).toBeLessThanOrEqual(110 * 1024);
	// The drawn mesh is the MakeHuman one: its model version (the cut surface's, checked in the
	// page against the one the files carry) is the one every sex and build shares.
	await expect(page.locator('canvas')).toHaveAttribute('data-body', `body:female-average:${VERSION}`);
	// No meshoptimizer: neither its encoder and simplifier (build-time only) nor its decoder.
	const code = (await Promise.all(scripts)).join('\n');
	expect(code).toContain('bad quad stream'); // the worker's decoder is among the scripts seen
	expect(code).not.toContain('decodeVertexBuffer');
	expect(code).not.toContain('encodeVertexBuffer');
	expect(code).not.toContain('simplifyWithAttributes');

	// The other figure comes from its own file; the topology is not fetched again.
	await page.getByRole('radio', { name: 'Male', exact: true }).check();
	await expect(page.locator('canvas')).toHaveAttribute('data-body', `body:male-average:${VERSION}`);
	await expect.poll(() => body.map((f) => f.url).sort()).toEqual(['/body/female-average.bin', '/body/male-average.bin', '/body/topology.bin']);
});
