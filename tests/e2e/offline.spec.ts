import { test, expect, createPlanForNewClient, waitForServiceWorker } from './fixtures';

test('after one visit the app loads, navigates and saves with no network', async ({ page, context }) => {
	await page.goto('/');
	await waitForServiceWorker(page);
	await createPlanForNewClient(page, 'Offline Olga', 'Before going offline');

	await context.setOffline(true);
	// A real reload with no network: only the service worker's cache can answer.
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Before going offline' })).toBeVisible();
	await page.getByRole('link', { name: 'Settings' }).click();
	await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Clients and plans' })).toBeVisible();

	const offlinePlan = await createPlanForNewClient(page, 'Offline Olga', 'Made offline');
	await page.goto(offlinePlan);
	await expect(page.getByRole('heading', { level: 1, name: 'Made offline' })).toBeVisible();

	await context.setOffline(false);
	await page.goto('/');
	await page.reload();
	const recent = page.getByRole('list', { name: 'Recent plans' });
	await expect(recent.getByRole('link', { name: /Made offline/ })).toBeVisible();
	await expect(recent.getByRole('link', { name: /Before going offline/ })).toBeVisible();
});

test('the app is installable: manifest with icons, theme colour and standalone display', async ({ page, request }) => {
	await page.goto('/');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	const manifest = await (await request.get(new URL(href!, page.url()).href)).json();
	expect(manifest).toMatchObject({ name: expect.stringContaining('Somamap'), display: 'standalone', start_url: '/' });
	expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
	const sizes = manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`);
	expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
	for (const icon of manifest.icons) {
		const res = await request.get(new URL(icon.src, page.url()).href);
		expect(res.ok(), icon.src).toBe(true);
	}
});
