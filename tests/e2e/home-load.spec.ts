import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/**
 * The JavaScript a page fetched until the home screen showed its lists, each file's text. The
 * service worker is kept out (it would fetch the whole build), so every file is one the page
 * itself asked for.
 */
async function scriptsUntilReady(page: Page): Promise<string[]> {
	const scripts: Promise<string>[] = [];
	let ready = false;
	page.on('response', (r) => {
		if (!ready && r.request().resourceType() === 'script') scripts.push(r.text().catch(() => ''));
	});
	await page.goto('/');
	await expect(page.locator('[data-ready]')).toBeAttached();
	ready = true;
	return Promise.all(scripts);
}

test.use({ serviceWorkers: 'block' });

test('the home screen loads neither the dialogs nor the lock screen before it shows; they load when needed', async ({ page }) => {
	const loaded = (await scriptsUntilReady(page)).join('\n');
	// Words only those components hold: the New plan and New client dialogs, and the lock screen.
	const has = (words: string) => loaded.includes(words);
	expect(has('Clients and plans'), 'the home screen itself').toBe(true);
	expect(has('Create plan'), 'the New plan dialog').toBe(false);
	expect(has('Create client'), 'the New client dialog').toBe(false);
	expect(has('Somamap is locked'), 'the lock screen').toBe(false);
	expect(has('WebGLRenderer'), 'three.js').toBe(false);

	// Asked for, each opens as before.
	await page.getByRole('button', { name: 'New plan' }).click();
	await expect(page.getByRole('dialog', { name: 'New plan' })).toBeVisible();
	await page.getByRole('dialog', { name: 'New plan' }).getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByRole('dialog', { name: 'New plan' })).toBeHidden();
	await page.getByRole('button', { name: 'New client' }).click();
	await expect(page.getByRole('dialog', { name: 'New client' })).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(page.getByRole('dialog', { name: 'New client' })).toBeHidden();
	await expect(page.getByRole('button', { name: 'New client' })).toBeFocused();
});

test('the home screen waits on few files: its code comes in at most 7 scripts, each asked for from the page’s head, and nothing holds up the parser', async ({ page }) => {
	const asked: string[] = [];
	let ready = false;
	page.on('request', (r) => {
		if (!ready && r.resourceType() === 'script') asked.push(new URL(r.url()).pathname);
	});
	await page.goto('/');
	await expect(page.locator('[data-ready]')).toBeAttached();
	ready = true;
	// On two cores a first load waits on the number of requests (six at a time) more than on bytes.
	// Kit's two entries, its nodes for the layout and the home screen, the app's one shell chunk
	// (Svelte, Kit, Dexie, the store, the guard, the layout), Rolldown's helpers, and the error page.
	expect(asked.length, asked.join('\n')).toBeLessThanOrEqual(7);
	// Each is preloaded by the page's head, so none waits for another to arrive before it is asked
	// for; except the error page (Kit's node 1), which Kit fetches on the side and nothing waits on.
	const head = await page.evaluate(() => [...document.head.querySelectorAll('link[rel="modulepreload"], link[rel="preload"]')].map((l) => new URL((l as HTMLLinkElement).href).pathname));
	for (const path of asked.filter((p) => !/\/nodes\/1\./.test(p))) expect(head, `${path} is preloaded`).toContain(path);
	// Stylesheets hold up the first paint: the lock screen's parts share one, linked only when it shows.
	const html = await (await page.request.get('/')).text();
	const sheets = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*>/g)].map((m) => m[0]);
	// The app's styles and the layout's in one, the home screen's own in the other.
	expect(sheets.length, sheets.join('\n')).toBeLessThanOrEqual(2);
	// No classic script file in the page: the parser would stop at it until it came (the hand-off
	// catcher is inline, allowed by its hash).
	const blocking = [...html.matchAll(/<script\b[^>]*\bsrc=[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\b(type="module"|async|defer)\b/.test(tag));
	expect(blocking).toEqual([]);
});
