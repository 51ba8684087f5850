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
