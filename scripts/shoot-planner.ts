/**
 * Screenshots of the planner for docs/img: a filled-in plan at 1280×800 (tablet landscape),
 * 800×1280 (tablet portrait) and 390×844 (phone), light and dark — the planner with a mark
 * chosen, the body map explorer and the comparison of two sessions — and the at-a-glance
 * summary, the areas-to-avoid picker, the outcome form and a painting.
 * Run after `npx vite build`: `npx tsx scripts/shoot-planner.ts` (PORT to change the port).
 */
import { chromium, type Page } from '@playwright/test';
import { browserPath } from './browser.js';
import { serve } from './serve.js';

const port = Number(process.env.PORT ?? 4291);
const origin = `http://127.0.0.1:${port}`;
/** A region name (with its brackets) matched literally. */
const esc = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const out = (name: string) => `docs/img/${name}.png`;
/** Shows a tab of the planner beside the body. */
const tab = (page: Page, name: 'Marks' | 'Plan' | 'Notes' | 'Outcome') =>
	page.getByRole('tablist', { name: 'Planner' }).getByRole('tab', { name: new RegExp(`^${name}`) }).click();
const SIZES = [
	{ name: 'tablet-landscape', width: 1280, height: 800 },
	{ name: 'tablet-portrait', width: 800, height: 1280 },
	{ name: 'phone', width: 390, height: 844 }
] as const;

async function addMark(page: Page, query: string, region: string, sensation: string, intensity: number) {
	await page.getByRole('searchbox', { name: 'Find a region' }).fill(query);
	await page.getByRole('region', { name: 'Regions', exact: true }).getByRole('button', { name: new RegExp(`^${esc(region)}`) }).click();
	const form = page.getByRole('form', { name: new RegExp(`mark on ${esc(region)}`) });
	await form.getByRole('radio', { name: sensation, exact: true }).check();
	await form.getByRole('slider', { name: 'Intensity' }).fill(String(intensity));
	await form.getByRole('button', { name: 'Add mark' }).click();
	await page.getByRole('list', { name: /^Marks/ }).getByRole('button', { name: new RegExp(`Edit mark: ${esc(region)}`) }).first().waitFor();
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

	await addMark(page, 'low back', 'Left low back beside the spine', 'Aching pain', 7);
	await addMark(page, 'trapez', 'Right top of the shoulder (upper trapezius)', 'Knot or trigger point', 6);
	await addMark(page, 'levator', 'Right neck to shoulder blade (levator scapulae)', 'Sharp pain', 5);
	await addMark(page, 'buttock', 'Left buttock (glutes)', 'Aching pain', 4);
	await page.getByRole('button', { name: /^Clear selection/ }).click();
	await tab(page, 'Plan');
	await page.getByRole('radio', { name: /Full body/ }).check();
	await page.getByRole('checkbox', { name: 'Taking blood thinners?' }).check();
	for (const goal of ['Less muscle tension', 'Relaxation']) await page.getByRole('checkbox', { name: goal, exact: true }).check();
	await page.getByRole('checkbox', { name: 'Postural tension', exact: true }).check();
	for (const t of ['Remedial massage', 'Trigger point therapy']) await page.getByRole('checkbox', { name: t, exact: true }).check();
	await tab(page, 'Notes');
	await page.getByLabel('Oil or lotion preference').fill('Unscented');
	await page.getByLabel('Allergies').fill('Nut oils');
	await page.getByLabel("In the client's words").fill('My neck locks up by Friday, and my low back aches after a long drive.');
	await tab(page, 'Plan');
	const avoid = page.getByRole('region', { name: 'Areas to avoid' });
	await avoid.getByLabel('Add an area to avoid').fill('left knee');
	await avoid.getByLabel('Add an area to avoid').press('Enter');
	await page.getByRole('status').filter({ hasText: 'Saved on this device' }).waitFor();
}

/** A follow-up session with one mark changed, for the comparison; returns its compare address. */
async function followUp(page: Page): Promise<string> {
	await page.getByRole('link', { name: 'Sam Carter' }).first().click();
	await page.getByRole('button', { name: 'Follow-up' }).click();
	await page.waitForURL(/\/plan\?id=/);
	await page.getByRole('button', { name: /^Keep: still there .*Left low back/ }).click();
	await page.getByRole('button', { name: /^Clear: gone .*Left buttock/ }).click();
	await page.getByRole('link', { name: 'Sam Carter' }).first().click();
	await page.getByRole('button', { name: 'Compare' }).click();
	await page.waitForURL(/\/compare\?a=.+&b=.+/);
	return page.url();
}

/** The planner (a mark chosen), the explorer and the comparison at each size, light and dark. */
async function shootSizes(page: Page, planUrl: string, compareUrl: string) {
	for (const size of SIZES) {
		await page.setViewportSize({ width: size.width, height: size.height });
		for (const scheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme: scheme });
			await page.goto(planUrl);
			await page.locator('canvas[data-body]').waitFor({ timeout: 30_000 });
			await page.getByRole('button', { name: 'Back view', exact: true }).click();
			await page.getByRole('list', { name: /^Marks/ }).getByRole('button', { name: /Edit mark: Left low back/ }).click();
			await page.waitForTimeout(900);
			await page.screenshot({ path: out(`planner-${size.name}-${scheme}`) });
			if (size.name !== 'phone' && scheme === 'light') {
				await tab(page, 'Plan');
				await page.waitForTimeout(300);
				await page.screenshot({ path: out(`planner-${size.name}-plan-tab`) });
			}
			await page.goto(origin + '/explore');
			await page.locator('canvas[data-body]').waitFor({ timeout: 30_000 });
			await page.waitForTimeout(700);
			await page.screenshot({ path: out(`explore-${size.name}-${scheme}`) });
			await page.goto(compareUrl);
			await page.locator('canvas[data-body]:visible').first().waitFor({ timeout: 30_000 });
			await page.waitForTimeout(900);
			await page.screenshot({ path: out(`compare-${size.name}-${scheme}`) });
		}
	}
	await page.emulateMedia({ colorScheme: 'light' });
}

/** A screen point near the middle of where region `id` shows, found with the scene's own picking. */
async function pointOf(page: Page, id: string): Promise<{ x: number; y: number }> {
	const { codeOf } = await import('../src/lib/domain/regions');
	const code = codeOf(id);
	// A string, not a function: tsx would add helpers the page does not have.
	return page.locator('canvas').evaluate(
		new Function(
			'c',
			'code',
			`const s = c.bodyScene; c.scrollIntoView({ block: 'center', behavior: 'instant' }); const r = c.getBoundingClientRect();
			const hits = []; for (let y = Math.max(r.top, 0) + 3; y < Math.min(r.bottom, innerHeight); y += 5) for (let x = r.left + 3; x < r.right; x += 5) if (s.pickAt(x, y)?.code === code) hits.push([x, y]);
			const cx = hits.reduce((a, h) => a + h[0], 0) / hits.length, cy = hits.reduce((a, h) => a + h[1], 0) / hits.length;
			hits.sort((a, b) => Math.hypot(a[0] - cx, a[1] - cy) - Math.hypot(b[0] - cx, b[1] - cy)); return { x: hits[0][0], y: hits[0][1] };`
		) as (c: Element, code: number) => { x: number; y: number },
		code
	);
}

/** The body map on a tablet in landscape: a saved painted area and one still being painted. */
async function shootPainting(page: Page) {
	await page.setViewportSize({ width: 1180, height: 820 });
	await page.getByRole('button', { name: 'Back view', exact: true }).click();
	await page.waitForTimeout(800);
	await page.getByRole('radio', { name: 'Paint an area' }).check();
	const drag = async (from: { x: number; y: number }, dx: number, dy: number) => {
		await page.mouse.move(from.x, from.y);
		await page.mouse.down();
		for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + (dx * i) / 10, from.y + (dy * i) / 10);
		await page.mouse.up();
	};
	await drag(await pointOf(page, 'rhomboids-l'), 10, 40);
	const form = page.getByRole('form', { name: /New painted area/ });
	await form.getByRole('radio', { name: 'Tension or tightness', exact: true }).check();
	await form.getByRole('slider', { name: 'Intensity' }).fill('6');
	await form.getByRole('button', { name: 'Add painted mark' }).click();
	await page.getByRole('status').filter({ hasText: 'Mark added' }).waitFor();
	await drag(await pointOf(page, 'hamstrings-r'), 0, 60);
	await page.waitForTimeout(400);
	await page.locator('canvas').scrollIntoViewIfNeeded();
	await page.screenshot({ path: out('planner-paint') });
}

const server = await serve({ port });
const browser = await chromium.launch({ executablePath: browserPath(), args: ['--disable-background-networking', '--no-first-run'] });
try {
	const context = await browser.newContext({ viewport: { width: 1180, height: 820 }, deviceScaleFactor: 1 });
	const page = await context.newPage();
	await fillPlan(page);
	await page.reload();
	await tab(page, 'Plan');
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

	await tab(page, 'Outcome');
	const outcome = page.getByRole('region', { name: 'After the session' });
	await outcome.getByLabel('What was done').fill('Trigger point work on the right trapezius, long strokes along the low back.');
	await outcome.getByRole('spinbutton', { name: 'Intensity afterwards: Left low back beside the spine' }).fill('3');
	await outcome.getByRole('spinbutton', { name: 'Intensity afterwards: Right top of the shoulder (upper trapezius)' }).fill('4');
	await outcome.getByLabel("The client's response").fill('Neck turns further; low back eased.');
	await outcome.getByLabel('Advice given').fill('Heat at night; stand up every hour when driving.');
	await outcome.screenshot({ path: out('planner-outcome') });

	// On a phone, with a red flag.
	await tab(page, 'Plan');
	await page.getByRole('checkbox', { name: /A fever/ }).check();
	await page.getByRole('status').filter({ hasText: 'Saved on this device' }).waitFor();
	await page.setViewportSize({ width: 390, height: 844 });
	// The tab list stays at the top while the page scrolls: it would be drawn across a tall card.
	// Strings, not functions: tsx would add helpers the page does not have.
	await page.evaluate(`(() => { const s = document.createElement('style'); s.id = 'unstick'; s.textContent = "[role='tablist'] { position: static !important; }"; document.head.append(s); })()`);
	await summary.screenshot({ path: out('planner-summary-phone') });
	await page.evaluate(`document.getElementById('unstick').remove()`);
	await tab(page, 'Marks');
	const planUrl = page.url();
	const compareUrl = await followUp(page);
	await shootSizes(page, planUrl, compareUrl);
	await page.goto(planUrl);
	await shootPainting(page);
	console.log('wrote docs/img/planner-{summary,summary-card,summary-dark,avoid,outcome,summary-phone,paint}.png');
	console.log('wrote docs/img/{planner,explore,compare}-{tablet-landscape,tablet-portrait,phone}-{light,dark}.png');
} finally {
	await browser.close();
	server.close();
}
