import type { Page } from '@playwright/test';
import { test, expect, createPlanForNewClient, waitForServiceWorker } from './fixtures';

/** Where each of the page's files came from: 'cache' when the browser took it from the app's cache itself. */
function sources(page: Page) {
	return page.evaluate(() => {
		type Timed = PerformanceResourceTiming & { workerMatchedSourceType?: string };
		const nav = performance.getEntriesByType('navigation')[0] as Timed;
		const files = (performance.getEntriesByType('resource') as Timed[])
			.filter((e) => /\.(js|css)$/.test(new URL(e.name).pathname))
			.map((e) => `${new URL(e.name).pathname} ${e.workerMatchedSourceType || 'not routed'}`);
		return { page: nav.workerMatchedSourceType || 'not routed', files };
	});
}

test('opened again the next day, the home screen and its files come straight from the app’s cache, without waiting for the service worker; a plan’s address still reaches its page', async ({ page, context }) => {
	const plan = await createPlanForNewClient(page, 'Rita Return', 'Tuesday');
	await waitForServiceWorker(page);
	// The next day the service worker is not running: a new tab opens the app.
	const devtools = await context.newCDPSession(page);
	await devtools.send('ServiceWorker.enable');
	await devtools.send('ServiceWorker.stopAllWorkers');
	const tab = await context.newPage();
	await tab.goto('/');
	await expect(tab.getByRole('list', { name: 'Clients' }).getByRole('link', { name: 'Rita Return' })).toBeVisible();
	const home = await sources(tab);
	expect(home.page, 'the home page').toBe('cache');
	expect(home.files.length).toBeGreaterThan(3);
	for (const file of home.files) expect(file).toMatch(/ cache$/);

	// An address with a record's id is no file of the cache: the service worker's handler serves the page's shell (offline too).
	await context.setOffline(true);
	const other = await context.newPage();
	await other.goto(plan);
	await expect(other.getByRole('heading', { level: 1, name: 'Tuesday' })).toBeVisible();
	expect((await sources(other)).page).toBe('not routed');
	await context.setOffline(false);
});

test('the home screen is marked ready (what the speed figures time) only with its lists drawn in the same moment, never while “Loading…”', async ({ page, context }) => {
	await createPlanForNewClient(page, 'Ada One', 'Neck');
	await createPlanForNewClient(page, 'Bo Two', 'Back');
	// Noted inside the page at the very mutation that adds the mark.
	await context.addInitScript(`{
		new MutationObserver((_, observer) => {
			if (!document.querySelector('[data-ready]')) return;
			observer.disconnect();
			window.__atReady = {
				clients: document.querySelectorAll('ul[aria-label="Clients"] li').length,
				recent: document.querySelectorAll('[aria-label="Recent plans"] li').length,
				loading: document.body.textContent.includes('Loading…')
			};
		}).observe(document, { subtree: true, childList: true, attributes: true });
	}`);
	const tab = await context.newPage();
	await tab.goto('/');
	await expect(tab.locator('[data-ready]')).toBeAttached();
	expect(await tab.evaluate(() => (window as unknown as { __atReady: unknown }).__atReady)).toEqual({ clients: 2, recent: 2, loading: false });
});
