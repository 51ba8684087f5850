/**
 * Screenshots of the planner for docs/img: a filled-in plan on a 10-inch tablet in landscape,
 * the at-a-glance summary (light and dark), the areas-to-avoid picker and the outcome form.
 * Run after `npx vite build`: `npx tsx scripts/shoot-planner.ts` (PORT to change the port).
 */
import { chromium, type Page } from '@playwright/test';
import { browserPath } from './browser.js';
import { serve } from './serve.js';

const port = Number(process.env.PORT ?? 4291);
const origin = `http://127.0.0.1:${port}`;
const out = (name: string) => `docs/img/${name}.png`;

async function addMark(page: Page, query: string, region: string, sensation: string, intensity: number) {
	await page.getByRole('searchbox', { name: 'Find a region' }).fill(query);
	await page.getByRole('region', { name: 'Regions', exact: true }).getByRole('button', { name: new RegExp(`^${region}`) }).click();
	const form = page.getByRole('form', { name: new RegExp(`mark on ${region}`) });
	await form.getByRole('radio', { name: sensation, exact: true }).check();
	await form.getByRole('slider', { name: 'Intensity' }).fill(String(intensity));
	await form.getByRole('button', { name: 'Add mark' }).click();
	await page.getByRole('list', { name: /^Marks/ }).getByRole('button', { name: new RegExp(`Edit mark: ${region}`) }).first().waitFor();
}

async function fillPlan(page: Page) {
	await page.goto(origin + '/');
	await page.getByRole('button', { name: 'New plan' }).click();
	const dialog = page.getByRole('dialog', { name: 'New plan' });
	await dialog.getByLabel('Client', { exact: true }).selectOption({ label: 'A new client…' });
	await dialog.getByLabel("New client's name").fill('Sam Carter');
	await dialog.getByLabel('Title').fill('Neck and low back');
	await dialog.getByRole('button', { name: 'Create plan' }).click();
	await page.waitForURL(/\/plan\?id=/);

	await page.getByRole('radio', { name: /Full body/ }).check();
	await addMark(page, 'low back', 'Left low back beside spine', 'Aching pain', 7);
	await addMark(page, 'trapez', 'Right upper trapezius', 'Knot or trigger point', 6);
	await addMark(page, 'levator', 'Right levator scapulae', 'Sharp pain', 5);
	await addMark(page, 'buttock', 'Left buttock', 'Aching pain', 4);
	await page.getByRole('button', { name: /^Clear selection/ }).click();
	await page.getByRole('checkbox', { name: 'Taking blood thinners?' }).check();
	for (const goal of ['Less muscle tension', 'Relaxation']) await page.getByRole('checkbox', { name: goal, exact: true }).check();
	await page.getByRole('checkbox', { name: 'Postural tension', exact: true }).check();
	for (const t of ['Remedial massage', 'Trigger point therapy']) await page.getByRole('checkbox', { name: t, exact: true }).check();
	await page.getByLabel('Oil or lotion preference').fill('Unscented');
	await page.getByLabel('Allergies').fill('Nut oils');
	await page.getByLabel("In the client's words").fill('My neck locks up by Friday, and my low back aches after a long drive.');
	const avoid = page.getByRole('region', { name: 'Areas to avoid' });
	await avoid.getByLabel('Add an area to avoid').fill('left knee');
	await avoid.getByLabel('Add an area to avoid').press('Enter');
	await page.getByRole('status').filter({ hasText: 'Saved on this device' }).waitFor();
}

const server = await serve({ port });
const browser = await chromium.launch({ executablePath: browserPath(), args: ['--disable-background-networking', '--no-first-run'] });
try {
	const context = await browser.newContext({ viewport: { width: 1180, height: 820 }, deviceScaleFactor: 1 });
	const page = await context.newPage();
	await fillPlan(page);
	await page.reload();
	const summary = page.getByRole('region', { name: 'At a glance' });
	await summary.waitFor();
	await page.waitForTimeout(500);
	await page.screenshot({ path: out('planner-summary') });
	await summary.screenshot({ path: out('planner-summary-card') });
	await page.emulateMedia({ colorScheme: 'dark' });
	await summary.screenshot({ path: out('planner-summary-dark') });
	await page.emulateMedia({ colorScheme: 'light' });

	const avoid = page.getByRole('region', { name: 'Areas to avoid' });
	await avoid.getByLabel('Add an area to avoid').fill('calf');
	await avoid.screenshot({ path: out('planner-avoid') });

	const outcome = page.getByRole('region', { name: 'After the session' });
	await outcome.getByLabel('What was done').fill('Trigger point work on the right trapezius, long strokes along the low back.');
	await outcome.getByRole('spinbutton', { name: 'Intensity afterwards: Left low back beside spine' }).fill('3');
	await outcome.getByRole('spinbutton', { name: 'Intensity afterwards: Right upper trapezius' }).fill('4');
	await outcome.getByLabel("The client's response").fill('Neck turns further; low back eased.');
	await outcome.getByLabel('Advice given').fill('Heat at night; stand up every hour when driving.');
	await outcome.screenshot({ path: out('planner-outcome') });

	// On a phone, with a red flag.
	await page.getByRole('checkbox', { name: /A fever/ }).check();
	await page.getByRole('status').filter({ hasText: 'Saved on this device' }).waitFor();
	await page.setViewportSize({ width: 390, height: 844 });
	await summary.screenshot({ path: out('planner-summary-phone') });
	console.log('wrote docs/img/planner-{summary,summary-card,summary-dark,avoid,outcome,summary-phone}.png');
} finally {
	await browser.close();
	server.close();
}
