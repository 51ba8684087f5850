/**
 * Time from navigation to the home screen being interactive, in real Chromium against the
 * production build, next to a baseline measured the same way in the same run on the same server:
 * a static page that is ready as soon as it has parsed. The ratio is what a later change moves.
 *
 * "Interactive" is what the person sees: the element that marks the screen ready (the home
 * screen's lists, `[data-ready]`) is in the page, the frame that draws it has been drawn, and the
 * page then runs its next task, so a tap would be taken (Kit's router listens by then: it starts in
 * the same microtasks as the first render).
 *
 * Two visits are measured:
 * - first visit (cold): a fresh browser context per run, no service worker, no HTTP or code cache,
 *   no database (the page makes it just after it shows: store/first-start.ts);
 * - repeat visit: how a therapist opens Somamap each day. One browser profile on disk, the service
 *   worker installed and controlling (stopped before each visit, as it is after a night), the
 *   database holding 50 clients with plans (./seed), a new tab per visit; then the same device
 *   with a PIN, where a new tab shows the lock screen (ready when its PIN field is there).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createServer } from 'node:http';
import { handler } from '../scripts/serve.js';
import { browserPath } from '../scripts/browser.js';
import { SEED_CLIENTS, seedBackup } from './seed';

const BASELINE = `<!doctype html><html><head><meta charset="utf-8"><title>baseline</title></head>
<body><main data-ready="true"><h1>Baseline</h1></main></body></html>`;

export const ARGS = ['--disable-background-networking', '--disable-component-update', '--no-first-run'];

export interface Timing {
	medianMs: number;
	p90Ms: number;
	/** Lowest and highest run: the spread. */
	minMs: number;
	maxMs: number;
	runs: number;
	/** Every run, in the order measured. */
	valuesMs: number[];
}

export function stats(values: number[]): Timing {
	const sorted = [...values].sort((a, b) => a - b);
	return {
		medianMs: sorted[Math.floor(sorted.length / 2)],
		p90Ms: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))],
		minMs: sorted[0],
		maxMs: sorted[sorted.length - 1],
		runs: sorted.length,
		valuesMs: values
	};
}

/**
 * Noted inside the page: when `selector` first matches, and then the first task after the next
 * frame (drawn, and free to take a tap). The page then says so on its console, which reaches the
 * bench through the DevTools protocol: nothing of Playwright's runs in the page while it loads
 * (waiting with `waitForFunction` put Playwright's injected script, some hundreds of KB, on the
 * page's main thread in the middle of every measured load). A string, not a function: tsx's
 * helpers would not exist inside the page.
 */
export const readyScript = (selector: string) => `{
	const check = () => {
		if (window.__readyAt !== undefined || !document.querySelector(${JSON.stringify(selector)})) return;
		window.__readyAt = performance.now();
		requestAnimationFrame(() => {
			const channel = new MessageChannel();
			channel.port1.onmessage = () => { window.__shownAt = performance.now(); console.debug(${JSON.stringify(SHOWN)}, window.__readyAt, window.__shownAt); };
			channel.port2.postMessage(0);
		});
	};
	new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
	document.addEventListener('DOMContentLoaded', check);
}`;
const SHOWN = 'somamap-bench:shown';

/** One navigation in a new tab: milliseconds from its start until interactive. */
async function visit(context: BrowserContext, url: string, selector: string): Promise<number> {
	const page = await context.newPage();
	try {
		await page.addInitScript(readyScript(selector));
		const said = page.waitForEvent('console', { predicate: (m) => m.text().startsWith(SHOWN), timeout: 30_000 });
		await page.goto(url, { waitUntil: 'commit' });
		const [inPage, shown] = await Promise.all((await said).args().slice(1).map((a) => a.jsonValue() as Promise<number>));
		if (process.env.BENCH_TRACE) console.log(`  ${url}: in the page ${inPage.toFixed(1)} ms, drawn and free ${shown.toFixed(1)} ms`);
		return shown;
	} finally {
		await page.close();
	}
}

/** First visits: a fresh context per run. */
async function coldTimes(browser: Browser, url: string, selector: string, runs: number): Promise<Timing> {
	const values: number[] = [];
	for (let i = 0; i < runs; i++) {
		const context = await browser.newContext({ serviceWorkers: 'block' });
		values.push(await visit(context, url, selector));
		await context.close();
	}
	return stats(values);
}

/**
 * Builds served side by side for `fn`: each copied with the baseline page beside it, all on
 * BENCH_PORT (another port when several checkouts share one machine). One build is served at
 * 127.0.0.1; several (bench/compare.ts) each at their own host name, b0.test, b1.test…, which the
 * browser maps to 127.0.0.1 and treats as secure (SITE_ARGS), so each has its own storage and
 * service worker and their runs can alternate.
 */
export async function withServers<T>(builds: string[], fn: (origins: string[]) => Promise<T>): Promise<T> {
	const port = Number(process.env.BENCH_PORT) || 4190;
	const dirs = builds.map((build) => {
		const dir = mkdtempSync(join(tmpdir(), 'somamap-bench-'));
		cpSync(build, dir, { recursive: true });
		writeFileSync(join(dir, 'bench-baseline.html'), BASELINE);
		return dir;
	});
	const handlers = dirs.map((dir) => handler(dir));
	const server = createServer((req, res) => {
		const i = Number(/^b(\d+)\.test/.exec(req.headers.host ?? '')?.[1] ?? 0);
		(handlers[i] ?? handlers[0])(req, res);
	});
	await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
	const origins = builds.length === 1 ? [`http://127.0.0.1:${port}`] : builds.map((_, i) => `http://b${i}.test:${port}`);
	try {
		return await fn(origins);
	} finally {
		await new Promise((ok) => server.close(ok));
		for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
	}
}

/** Chromium's arguments for `origins`: test host names reach this machine and count as secure. */
function siteArgs(origins: string[]): string[] {
	const named = origins.filter((o) => o.includes('.test'));
	if (!named.length) return ARGS;
	const hosts = named.map((o) => `MAP ${new URL(o).hostname} 127.0.0.1`).join(',');
	return [...ARGS, `--host-resolver-rules=${hosts}`, `--unsafely-treat-insecure-origin-as-secure=${named.join(',')}`];
}

const defaultBuild = () => process.env.BENCH_BUILD || 'build';

/** First visits (cold) of each origin in turn: the baseline and the home screen, and any `extra` page. */
export async function coldVisits(origins: string[], runs: number, extra: { name: string; path: string; selector: string }[] = []): Promise<Record<string, Timing>[]> {
	const browser = await chromium.launch({ executablePath: browserPath(), args: siteArgs(origins) });
	try {
		const pages = [{ name: 'baseline', path: '/bench-baseline.html', selector: '[data-ready]' }, { name: 'home', path: '/', selector: '[data-ready]' }, ...extra];
		// One warm-up so the OS file cache and Chromium's compiler start equal for all.
		for (const origin of origins) for (const p of pages.slice(0, 2)) await coldTimes(browser, origin + p.path, p.selector, 1);
		const times = origins.map(() => Object.fromEntries(pages.map((p) => [p.name, [] as number[]])));
		for (let i = 0; i < runs; i++) {
			// Each page in turn on every origin, the order of the origins alternating: they share the machine's load alike.
			for (const p of pages) {
				for (const k of order(origins.length, i)) times[k][p.name].push((await coldTimes(browser, origins[k] + p.path, p.selector, 1)).valuesMs[0]);
			}
		}
		return times.map((t) => Object.fromEntries(Object.entries(t).map(([name, v]) => [name, stats(v)])));
	} finally {
		await browser.close();
	}
}

/** 0…n-1, reversed on odd runs. */
const order = (n: number, run: number) => (run % 2 ? [...Array(n).keys()].reverse() : [...Array(n).keys()]);

/** First visits (cold): the baseline, the home screen and any `extra` page. */
export async function pageTimings(
	runs = 15,
	extra: { name: string; path: string; selector: string }[] = [],
	build = defaultBuild()
): Promise<Record<string, Timing>> {
	return withServers([build], async (origins) => (await coldVisits(origins, runs, extra))[0]);
}

/** The app opened once: its service worker controlling, and the seed restored through Settings. */
export async function prepareDevice(page: Page, origin: string): Promise<void> {
	await page.goto(`${origin}/`);
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 120_000 });
	await page.goto(`${origin}/settings`);
	const chooser = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: 'Restore from a file…' }).click();
	await (await chooser).setFiles({ name: 'seed.json', mimeType: 'application/json', buffer: Buffer.from(await seedBackup()) });
	await page.getByRole('dialog', { name: 'Restore this backup?' }).getByRole('button', { name: 'Restore' }).click();
	await page.getByRole('status').filter({ hasText: 'Restore finished.' }).waitFor({ timeout: 60_000 });
	await page.goto(`${origin}/`);
	await page.locator('[data-ready]').waitFor({ state: 'attached' });
	const shown = await page.getByRole('list', { name: 'Clients' }).getByRole('listitem').count();
	if (shown !== SEED_CLIENTS) throw new Error(`The seeded device shows ${shown} clients, not ${SEED_CLIENTS}.`);
	if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) throw new Error('No service worker controls the page.');
}

/** The lock screen's PIN field: what a locked device shows and takes a tap on. */
const LOCKED = 'main.lock form.pin input';

/** The PIN set in Settings and asked for when Somamap opens, as a therapist does: a new tab opens on the lock screen. */
async function setPin(page: Page, origin: string): Promise<void> {
	await page.goto(`${origin}/settings`);
	const section = page.getByRole('region', { name: 'Therapist PIN' });
	await section.getByLabel('New PIN (4 to 8 digits)').fill('2468');
	await section.getByLabel('Repeat the new PIN').fill('2468');
	await section.getByRole('button', { name: 'Set PIN' }).click();
	await section.getByRole('button', { name: 'I have written it down' }).click();
	await section.getByText('A PIN is set.').waitFor();
	await section.getByRole('checkbox', { name: 'Ask for the PIN when Somamap opens' }).check();
	await section.getByRole('button', { name: 'Lock now' }).click();
	await page.locator(LOCKED).waitFor();
}

export type RepeatTiming = Record<'baseline' | 'home' | 'locked', Timing>;

/**
 * Repeat visits of each origin in turn: the baseline and the home screen, each in a new tab of
 * the same profile, the service workers stopped before each (they are, when the app is opened
 * the next day); then, with a PIN set, the baseline and the lock screen the same way.
 */
export async function repeatVisits(origins: string[], runs: number): Promise<RepeatTiming[]> {
	const profile = mkdtempSync(join(tmpdir(), 'somamap-profile-'));
	const context = await chromium.launchPersistentContext(profile, { executablePath: browserPath(), args: siteArgs(origins), serviceWorkers: 'allow' });
	try {
		const keeper = context.pages()[0] ?? (await context.newPage());
		for (const origin of origins) await prepareDevice(keeper, origin);
		await keeper.goto('about:blank');
		const devtools = await context.newCDPSession(keeper);
		await devtools.send('ServiceWorker.enable');
		const times = origins.map(() => ({ baseline: [] as number[], home: [] as number[], locked: [] as number[] }));
		const visits = { baseline: ['/bench-baseline.html', '[data-ready]'], home: ['/', '[data-ready]'], locked: ['/', LOCKED] } as const;
		for (const screen of ['home', 'locked'] as const) {
			if (screen === 'locked') for (const origin of origins) await setPin(keeper, origin);
			await keeper.goto('about:blank');
			// Two warm-ups each (the code cache is written on the second load of a script), then the runs.
			for (let i = -2; i < runs; i++) {
				for (const name of ['baseline', screen] as const) {
					for (const k of order(origins.length, i)) {
						await devtools.send('ServiceWorker.stopAllWorkers');
						const ms = await visit(context, origins[k] + visits[name][0], visits[name][1]);
						if (i >= 0) times[k][name].push(ms);
					}
				}
			}
		}
		return times.map((t) => ({ baseline: stats(t.baseline), home: stats(t.home), locked: stats(t.locked) }));
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
}

/** Repeat visits of one build: the baseline, the home screen, and the lock screen once a PIN is set. */
export async function repeatTimings(runs = 15, build = defaultBuild()): Promise<RepeatTiming> {
	return withServers([build], async (origins) => (await repeatVisits(origins, runs))[0]);
}

/** One line: median, p90, spread and the ratio to `base`. */
export function timingLine(name: string, t: Timing, base: Timing): string {
	const f = (n: number) => `${n.toFixed(1)} ms`.padStart(9);
	return (
		`${name.padEnd(24)} median ${f(t.medianMs)}  p90 ${f(t.p90Ms)}  (${t.minMs.toFixed(0)}–${t.maxMs.toFixed(0)})  ` +
		`×${(t.medianMs / base.medianMs).toFixed(2)} baseline`
	);
}
