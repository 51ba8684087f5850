/**
 * What a first visit to a body page transfers, gzip: every same-origin response from navigation
 * until the body is drawn (`canvas[data-body]`), with no service worker and an empty HTTP cache,
 * each gzipped here at level 9 (what a gzip-serving host would send). Issue 10's budget: /explore
 * and the planner with one figure at most 350 KB. Also reports the body assets fetched, and
 * the time the page spent building the body (the `somamap:body-*` performance measures).
 */
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { serve } from '../scripts/serve.js';
import { browserPath } from '../scripts/browser.js';

export interface PageBytes {
	gzip: number;
	raw: number;
	files: number;
	/** Gzip bytes of static/body files fetched. */
	body: number;
	/** Milliseconds from asking the body worker for the figure to having its mesh (topology included). */
	topologyMs: number;
}

async function record(page: Page, origin: string, go: () => Promise<unknown>): Promise<PageBytes> {
	const seen: Promise<{ url: string; bytes: Buffer }>[] = [];
	page.on('response', (r) => {
		if (r.url().startsWith(origin) && r.status() === 200) seen.push(r.body().then((bytes) => ({ url: r.url(), bytes })));
	});
	await go();
	await page.waitForSelector('canvas[data-body]', { state: 'attached', timeout: 60_000 });
	const all = await Promise.all(seen);
	const measures = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('measure').map((m) => [m.name, m.duration])));
	const gz = (b: Buffer): number => gzipSync(b, { level: 9 }).length;
	if (process.env.BYTES_LIST) for (const f of all) console.log(gz(f.bytes), f.url);
	return {
		gzip: all.reduce((s, f) => s + gz(f.bytes), 0),
		raw: all.reduce((s, f) => s + f.bytes.length, 0),
		files: all.length,
		body: all.filter((f) => f.url.includes('/body/')).reduce((s, f) => s + gz(f.bytes), 0),
		topologyMs: Math.round(measures['somamap:body-worker'] ?? NaN)
	};
}

export async function pageBytes(): Promise<{ explore: PageBytes; planner: PageBytes }> {
	const port = Number(process.env.BENCH_PORT ?? 4191);
	const origin = `http://127.0.0.1:${port}`;
	const server = await serve({ dir: 'build', port });
	const browser = await chromium.launch({ executablePath: browserPath() });
	try {
		let context = await browser.newContext({ serviceWorkers: 'block' });
		let page = await context.newPage();
		const explore = await record(page, origin, () => page.goto(`${origin}/explore`));
		await context.close();
		// The planner needs a plan: made through the app, then the plan opened afresh (empty cache).
		context = await browser.newContext({ serviceWorkers: 'block' });
		page = await context.newPage();
		await page.goto(`${origin}/`);
		await page.getByRole('button', { name: 'New plan' }).click();
		const dialog = page.getByRole('dialog', { name: 'New plan' });
		await dialog.getByLabel('Client', { exact: true }).selectOption({ label: 'A new client…' });
		await dialog.getByLabel("New client's name").fill('Bench');
		await dialog.getByLabel('Title').fill('Bench');
		await dialog.getByRole('button', { name: 'Create plan' }).click();
		await page.waitForURL(/\/plan\?id=/);
		const url = page.url();
		await page.close();
		const cdp = await context.newCDPSession(await context.newPage());
		await cdp.send('Network.clearBrowserCache');
		page = context.pages()[context.pages().length - 1];
		const planner = await record(page, origin, () => page.goto(url));
		await context.close();
		return { explore, planner };
	} finally {
		await browser.close();
		await new Promise((ok) => server.close(ok));
	}
}

/**
 * Issue 10's budget for each body page, gzip bytes transferred on a first visit: 350 KB read
 * strictly, as 350 000 bytes (the issue's figures are in kB; 350 KiB would allow 8 KB more).
 */
export const PAGE_BUDGET = 350_000;

/** One line per page: its gzip total against the budget (a benchmark reports; it fails nothing). */
export function budgetLines(r: { explore: PageBytes; planner: PageBytes }): string[] {
	return Object.entries(r).map(([name, p]) => {
		const kb = (b: number) => `${(b / 1000).toFixed(1)} kB`;
		const verdict = p.gzip <= PAGE_BUDGET ? `within, ${kb(PAGE_BUDGET - p.gzip)} to spare` : `OVER by ${kb(p.gzip - PAGE_BUDGET)}`;
		return `${name.padEnd(8)} ${kb(p.gzip).padStart(9)} (${(p.gzip / 1024).toFixed(1)} KiB) gzip of the ${kb(PAGE_BUDGET)} budget: ${verdict} (${p.files} files, body assets ${kb(p.body)})`;
	});
}

if (process.argv[1]?.endsWith('page-bytes.ts')) {
	const r = await pageBytes();
	console.log(r);
	for (const line of budgetLines(r)) console.log(line);
}
