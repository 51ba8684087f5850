import type { Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';

const framesOf = (page: Page) =>
	page.locator('canvas').evaluate((c) => Number((c as HTMLCanvasElement).dataset.frames ?? 0));

async function bodyShown(page: Page) {
	await expect.poll(() => framesOf(page), { timeout: 20_000 }).toBeGreaterThan(0);
}

test('the planner shows the client’s figure, and a region chosen from the list is named', async ({ page }) => {
	await createPlanForNewClient(page, 'Figure Fay', 'Shoulders');
	await page.getByRole('link', { name: 'Figure Fay' }).click();
	await page.getByLabel('Body figure').selectOption('male');
	await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
	await page.getByRole('list', { name: 'Plans for Figure Fay' }).getByRole('link').first().click();

	await expect(page.getByText('Loading the male figure')).toHaveCount(0, { timeout: 20_000 });
	await bodyShown(page);
	await page.getByRole('searchbox').fill('trapez');
	await page.getByRole('button', { name: /Right top of the shoulder \(upper trapezius\)/ }).click();
	await expect(page.getByRole('region', { name: 'Selected region' }).getByRole('heading')).toHaveText('Right top of the shoulder (upper trapezius)');
});

test('entering and leaving the planner again and again frees the 3D view each time', async ({ page }) => {
	test.setTimeout(180_000);
	await createPlanForNewClient(page, 'Memory Mo', 'Leak check');
	const cdp = await page.context().newCDPSession(page);
	const heap = async () => {
		await cdp.send('HeapProfiler.collectGarbage');
		await cdp.send('HeapProfiler.collectGarbage');
		return (await cdp.send('Runtime.getHeapUsage')).usedSize;
	};
	const round = async () => {
		await bodyShown(page);
		await page.getByRole('link', { name: 'Memory Mo' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Memory Mo' })).toBeVisible();
		await page.getByRole('list', { name: 'Plans for Memory Mo' }).getByRole('link').first().click();
		await expect(page.getByRole('heading', { level: 1, name: 'Leak check' })).toBeVisible();
	};

	// The scene of a planner that was left has let go of everything it held.
	await bodyShown(page);
	const old = await page.locator('canvas').elementHandle();
	await round();
	const left = await old!.evaluate((c) => (c as unknown as { bodyScene: { resources(): object } }).bodyScene.resources());
	expect(left).toEqual({ geometries: 0, textures: 0, programs: 0, listeners: 0, mounted: false });
	await old!.dispose();

	await round();
	const before = await heap();
	for (let i = 0; i < 8; i++) await round();
	await bodyShown(page);
	const after = await heap();
	// One body held in memory is several MB; eight leaked planners would be far above this.
	expect(after - before).toBeLessThan(3 * 1024 * 1024);
});
