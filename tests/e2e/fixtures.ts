/**
 * The base for every end-to-end test: the real production build in real Chromium. Any request
 * to another origin is blocked and fails the test (Somamap is private by construction).
 */
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

const LOCAL = /^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|data:|blob:|about:|chrome-extension:)/;

export const test = base.extend<{ foreignRequests: string[]; pageErrors: string[] }>({
	// An uncaught error in the page (e.g. an effect loop in a component) fails the test, even when
	// the screen happens to look right.
	pageErrors: [
		async ({ context }, use) => {
			const errors: string[] = [];
			const watch = (page: import('@playwright/test').Page) => page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
			context.pages().forEach(watch);
			context.on('page', watch);
			await use(errors);
			expect(errors, 'uncaught errors in the page').toEqual([]);
		},
		{ auto: true }
	],
	foreignRequests: [
		async ({ context }, use) => {
			const foreign = await blockForeignRequests(context);
			context.on('request', (r) => {
				if (!LOCAL.test(r.url())) foreign.push(r.url());
			});
			await use(foreign);
			expect(foreign, 'requests to other origins').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };

/** Blocks every request `context` makes to another origin; the list they are noted in. */
export async function blockForeignRequests(context: BrowserContext): Promise<string[]> {
	const foreign: string[] = [];
	await context.route(
		(url) => !LOCAL.test(url.href),
		(route) => {
			foreign.push(route.request().url());
			return route.abort();
		}
	);
	return foreign;
}

/** Waits until the service worker controls the page (after the first visit). */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
		}
	});
}

/** Creates a plan (and its client) through the home screen; returns the plan page URL. */
export async function createPlanForNewClient(
	page: Page,
	client: string,
	title = 'Session',
	origin = ''
): Promise<string> {
	await page.goto(`${origin}/`);
	await page.getByRole('button', { name: 'New plan' }).click();
	const dialog = page.getByRole('dialog', { name: 'New plan' });
	await dialog.getByLabel('Client', { exact: true }).selectOption({ label: 'A new client…' });
	await dialog.getByLabel("New client's name").fill(client);
	await dialog.getByLabel('Title').fill(title);
	await dialog.getByRole('button', { name: 'Create plan' }).click();
	await page.waitForURL(/\/plan\?id=/);
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	return page.url();
}
