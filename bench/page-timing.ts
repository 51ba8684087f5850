/**
 * Time from navigation to the home screen being interactive, in real Chromium against the
 * production build, next to a baseline measured in the same run on the same server: a static
 * page that is "interactive" as soon as it has parsed. The ratio is what a later change moves.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { serve } from '../scripts/serve.js';
import { browserPath } from '../scripts/browser.js';

const BASELINE = `<!doctype html><html><head><meta charset="utf-8"><title>baseline</title></head>
<body><main data-ready="true"><h1>Baseline</h1></main></body></html>`;

export interface Timing {
	medianMs: number;
	p90Ms: number;
	runs: number;
}

function stats(values: number[]): Timing {
	const sorted = [...values].sort((a, b) => a - b);
	return {
		medianMs: sorted[Math.floor(sorted.length / 2)],
		p90Ms: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))],
		runs: sorted.length
	};
}

/** Milliseconds from navigation start until `selector` exists, in a fresh context per run. */
async function timeTo(browser: Browser, url: string, selector: string, runs: number): Promise<Timing> {
	const values: number[] = [];
	for (let i = 0; i < runs; i++) {
		const context = await browser.newContext({ serviceWorkers: 'block' });
		// Noted inside the page the moment the element appears, so Playwright's polling adds nothing.
		// (A string, not a function: tsx's helpers would not exist inside the page.)
		await context.addInitScript(`{
			const check = () => {
				if (window.__readyAt === undefined && document.querySelector(${JSON.stringify(selector)}))
					window.__readyAt = performance.now();
			};
			new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
			document.addEventListener('DOMContentLoaded', check);
		}`);
		const page = await context.newPage();
		await page.goto(url, { waitUntil: 'commit' });
		await page.waitForSelector(selector, { state: 'attached' });
		values.push(await page.evaluate(() => (window as unknown as { __readyAt: number }).__readyAt));
		await context.close();
	}
	return stats(values);
}

export async function pageTimings(
	runs = 15,
	extra: { name: string; path: string; selector: string }[] = []
): Promise<Record<string, Timing>> {
	const dir = mkdtempSync(join(tmpdir(), 'somamap-bench-'));
	cpSync('build', dir, { recursive: true });
	writeFileSync(join(dir, 'bench-baseline.html'), BASELINE);
	// BENCH_PORT: another port when several checkouts share one machine.
	const port = Number(process.env.BENCH_PORT) || 4190;
	const server = await serve({ dir, port });
	const browser = await chromium.launch({
		executablePath: browserPath(),
		args: ['--disable-background-networking', '--disable-component-update', '--no-first-run']
	});
	try {
		const origin = `http://127.0.0.1:${port}`;
		// One warm-up so the OS file cache and Chromium's compiler start equal for both.
		await timeTo(browser, `${origin}/bench-baseline.html`, '[data-ready]', 1);
		await timeTo(browser, `${origin}/`, '[data-ready]', 1);
		const out: Record<string, Timing> = {
			baseline: await timeTo(browser, `${origin}/bench-baseline.html`, '[data-ready]', runs),
			home: await timeTo(browser, `${origin}/`, '[data-ready]', runs)
		};
		for (const e of extra) out[e.name] = await timeTo(browser, origin + e.path, e.selector, runs);
		return out;
	} finally {
		await browser.close();
		await new Promise((ok) => server.close(ok));
		rmSync(dir, { recursive: true, force: true });
	}
}
