/**
 * Screenshots of progress over time for docs/img: a client seen four times (each session a
 * follow-up of the last, carried marks kept, changed or cleared), the client page with the
 * sessions list and the progress chart (light and dark), and the first and last sessions
 * compared on a tablet in landscape. Run after `npx vite build`:
 * `npx tsx scripts/shoot-progress.ts` (PORT to change the port).
 */
import { chromium, type Page } from '@playwright/test';
import { browserPath } from './browser.js';
import { serve } from './serve.js';

const port = Number(process.env.PORT ?? 4292);
const origin = `http://127.0.0.1:${port}`;
/** A region name (with its brackets) matched literally. */
const esc = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const out = (name: string) => `docs/img/${name}.png`;
const marks = (page: Page) => page.getByRole('list', { name: /^Marks/ });

async function addMark(page: Page, query: string, region: string, sensation: string, intensity: number) {
	await page.getByRole('searchbox', { name: 'Find a region' }).fill(query);
	await page.getByRole('region', { name: 'Regions', exact: true }).getByRole('button', { name: new RegExp(`^${esc(region)}`) }).click();
	const form = page.getByRole('form', { name: new RegExp(`mark on ${esc(region)}`) });
	await form.getByRole('radio', { name: sensation, exact: true }).check();
	await form.getByRole('slider', { name: 'Intensity' }).fill(String(intensity));
	await form.getByRole('button', { name: 'Add mark' }).click();
	await marks(page).getByRole('button', { name: new RegExp(`Edit mark: ${esc(region)}`) }).first().waitFor();
}

async function setIntensity(page: Page, region: string, intensity: number) {
	await marks(page).getByRole('button', { name: new RegExp(`Edit mark: ${esc(region)}`) }).click();
	const form = page.getByRole('form', { name: new RegExp(`mark on ${esc(region)}`) });
	await form.getByRole('slider', { name: 'Intensity' }).fill(String(intensity));
	await form.getByRole('button', { name: 'Save changes' }).click();
	await page.getByRole('status').filter({ hasText: `Saved: ` }).filter({ hasText: `${intensity} of 10 on ${region}` }).waitFor();
}

async function setDate(page: Page, date: string) {
	await page.getByLabel('Date', { exact: true }).fill(date);
	await page.getByRole('status').filter({ hasText: 'Saved on this device' }).waitFor();
}

/** From the plan page: the client's page, then a follow-up of the latest session. */
async function followUp(page: Page, date: string, clear: string[], shoot = false) {
	await page.getByRole('link', { name: 'Sam Carter' }).click();
	await page.getByRole('button', { name: 'Follow-up' }).click();
	await page.waitForURL(/\/plan\?id=/);
	await page.getByRole('heading', { name: 'From last session — still there?' }).waitFor();
	await setDate(page, date);
	if (shoot) {
		const card = page.getByRole('region', { name: 'From last session — still there?' });
		await page.getByRole('button', { name: 'Back view', exact: true }).click();
		await card.scrollIntoViewIfNeeded();
		await page.waitForTimeout(900);
		await page.screenshot({ path: out('progress-carried') });
		await card.screenshot({ path: out('progress-carried-card') });
	}
	for (const region of clear) {
		await page.getByRole('button', { name: new RegExp(`^Clear: gone — .* on ${esc(region)}`) }).click();
		await page.getByRole('status').filter({ hasText: `on ${region}.` }).waitFor();
	}
	await page.getByRole('button', { name: /^Keep all/ }).click();
	await page.getByRole('heading', { name: 'From last session — still there?' }).waitFor({ state: 'detached' });
}

async function fourSessions(page: Page) {
	await page.goto(origin + '/');
	await page.getByRole('button', { name: 'New plan' }).click();
	const dialog = page.getByRole('dialog', { name: 'New plan' });
	await dialog.getByLabel('Client', { exact: true }).selectOption({ label: 'A new client…' });
	await dialog.getByLabel("New client's name").fill('Sam Carter');
	await dialog.getByLabel('Title').fill('Neck and low back');
	await dialog.getByRole('button', { name: 'Create plan' }).click();
	await page.waitForURL(/\/plan\?id=/);
	await setDate(page, '2026-10-05');
	await addMark(page, 'low back', 'Left low back beside the spine', 'Aching pain', 7);
	await addMark(page, 'trapez', 'Right top of the shoulder (upper trapezius)', 'Knot or trigger point', 6);
	await addMark(page, 'levator', 'Right neck to shoulder blade (levator scapulae)', 'Sharp pain', 5);
	await addMark(page, 'buttock', 'Left buttock (glutes)', 'Aching pain', 4);

	await followUp(page, '2026-10-19', ['Right neck to shoulder blade (levator scapulae)']);
	await setIntensity(page, 'Left low back beside the spine', 5);
	await setIntensity(page, 'Left buttock (glutes)', 3);
	await addMark(page, 'hamstring', 'Right back of the thigh (hamstrings)', 'Tension or tightness', 4);

	await followUp(page, '2026-11-02', []);
	await setIntensity(page, 'Left low back beside the spine', 4);
	await setIntensity(page, 'Right top of the shoulder (upper trapezius)', 7);
	await setIntensity(page, 'Right back of the thigh (hamstrings)', 5);

	await followUp(page, '2026-11-16', ['Left buttock (glutes)'], true);
	await setIntensity(page, 'Left low back beside the spine', 2);
	await setIntensity(page, 'Right top of the shoulder (upper trapezius)', 3);
	await setIntensity(page, 'Right back of the thigh (hamstrings)', 2);
	await page.getByRole('link', { name: 'Sam Carter' }).click();
}

const server = await serve({ port });
const browser = await chromium.launch({ executablePath: browserPath(), args: ['--disable-background-networking', '--no-first-run'] });
try {
	const context = await browser.newContext({ viewport: { width: 1180, height: 820 }, deviceScaleFactor: 1 });
	const page = await context.newPage();
	await fourSessions(page);

	const progress = page.getByRole('region', { name: 'Progress' });
	await progress.waitFor();
	await page.waitForTimeout(300);
	await page.screenshot({ path: out('progress-client'), fullPage: true });
	await progress.screenshot({ path: out('progress-chart') });
	await page.emulateMedia({ colorScheme: 'dark' });
	await progress.screenshot({ path: out('progress-chart-dark') });
	await page.emulateMedia({ colorScheme: 'light' });
	await page.setViewportSize({ width: 390, height: 844 });
	await progress.screenshot({ path: out('progress-chart-phone') });
	await page.setViewportSize({ width: 1180, height: 820 });

	// First and last sessions compared.
	await page.getByLabel('Before', { exact: true }).selectOption({ index: 3 });
	await page.getByRole('button', { name: 'Compare' }).click();
	await page.waitForURL(/\/compare\?/);
	for (const stage of await page.locator('.stage').all()) await stage.and(page.locator('[data-load="ready"]')).waitFor();
	await page.waitForTimeout(1200);
	await page.screenshot({ path: out('progress-compare'), fullPage: true });
	await page.getByRole('region', { name: 'Change by region' }).screenshot({ path: out('progress-compare-figures') });
	await page.getByRole('radio', { name: 'Overlaid on one body' }).check();
	await page.locator('.stage[data-load="ready"]').waitFor();
	await page.waitForTimeout(1200);
	await page.screenshot({ path: out('progress-compare-overlay') });
	console.log('wrote docs/img/progress-{carried,carried-card,client,chart,chart-dark,chart-phone,compare,compare-figures,compare-overlay}.png');
} finally {
	await browser.close();
	server.close();
}
