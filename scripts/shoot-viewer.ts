/**
 * Screenshots of the body map (/explore) for docs/img: a phone (light and dark), a tablet in
 * portrait (dark) and in landscape (light; the male figure in dark), and the regions in their
 * review colours. Run after `npx vite build`: `npx tsx scripts/shoot-viewer.ts` (PORT to change).
 */
import { chromium, type Page } from '@playwright/test';
import { browserPath } from './browser.js';
import { serve } from './serve.js';

const port = Number(process.env.PORT ?? 4293);
const origin = `http://127.0.0.1:${port}`;
const out = (name: string) => `docs/img/${name}.png`;

async function shown(page: Page) {
	await page.locator('.stage[data-load="ready"]').waitFor({ timeout: 30_000 });
	await page.waitForTimeout(600);
}

const server = await serve({ dir: 'build', port });
const browser = await chromium.launch({ executablePath: browserPath() });
try {
	const shots: { name: string; width: number; height: number; dark?: boolean; touch?: boolean; steps?: (page: Page) => Promise<void> }[] = [
		{ name: 'viewer-phone-light', width: 390, height: 844, touch: true },
		{ name: 'viewer-phone-dark', width: 390, height: 844, dark: true, touch: true },
		{ name: 'viewer-tablet-portrait-dark', width: 820, height: 1180, dark: true, touch: true },
		{
			name: 'viewer-tablet-landscape-light',
			width: 1180,
			height: 820,
			touch: true,
			steps: async (page) => {
				await page.getByRole('searchbox', { name: 'Find a region' }).fill('trapez');
				await page.getByRole('button', { name: /^Right top of the shoulder/ }).click();
				await page.getByRole('button', { name: 'Back view' }).click();
			}
		},
		{
			name: 'viewer-male-tablet-landscape-dark',
			width: 1180,
			height: 820,
			dark: true,
			touch: true,
			steps: async (page) => {
				await page.getByRole('radio', { name: 'Male', exact: true }).check();
				await shown(page);
			}
		},
		{
			name: 'viewer-region-colours',
			width: 1180,
			height: 820,
			steps: async (page) => {
				await page.getByRole('checkbox', { name: /colour/i }).check();
			}
		}
	];
	for (const s of shots) {
		const context = await browser.newContext({
			viewport: { width: s.width, height: s.height },
			hasTouch: s.touch ?? false,
			colorScheme: s.dark ? 'dark' : 'light',
			deviceScaleFactor: 1
		});
		const page = await context.newPage();
		await page.goto(origin + '/explore');
		await shown(page);
		await s.steps?.(page);
		await page.waitForTimeout(800);
		await page.screenshot({ path: out(s.name) });
		await context.close();
	}
	console.log(`wrote ${shots.map((s) => out(s.name)).join(', ')}`);
} finally {
	await browser.close();
	server.close();
}
