import { cpSync, appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { serve } from '../../scripts/serve.js';
import { test, expect, createPlanForNewClient, waitForServiceWorker } from './fixtures';
import { openTab } from './plan-tabs';

// A deployment of its own: a copy of the build on another port, so the test can "deploy" a
// new version by changing the copy's service worker.
let dir: string;
let server: Server;
const PORT = 4181;

test.beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'somamap-deploy-'));
	cpSync('build', dir, { recursive: true });
	server = await serve({ dir, port: PORT });
});

test.afterAll(async () => {
	await new Promise((ok) => server.close(ok));
	rmSync(dir, { recursive: true, force: true });
});

test('a new version is announced, and reloading into it keeps what was just typed', async ({ page }) => {
	const origin = `http://127.0.0.1:${PORT}`;
	await page.goto(`${origin}/`);
	await waitForServiceWorker(page);
	await page.goto(`${origin}/`);
	const planUrl = await createPlanForNewClient(page, 'Update Uma', 'Before the update', origin);
	expect(planUrl.startsWith(origin)).toBe(true);
	await expect(page.getByText('A new version of Somamap is ready')).toHaveCount(0);

	appendFileSync(join(dir, 'service-worker.js'), '\n// next deployment\n');
	await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
	await expect(page.getByText('A new version of Somamap is ready')).toBeVisible();

	// Typed a moment before pressing reload: still inside the autosave delay.
	await openTab(page, 'Plan');
	await page.getByLabel('Title').fill('Typed right before reloading');
	// Waiting for the load before the click: served from the app's cache, the reload can finish
	// before a wait set up after the click begins (seen under load: the test then waited forever).
	const reloaded = page.waitForEvent('load');
	await page.getByRole('button', { name: 'Reload to update' }).click();
	await reloaded;
	await openTab(page, 'Plan');
	await expect(page.getByLabel('Title')).toHaveValue('Typed right before reloading');
	await expect(page.getByText('A new version of Somamap is ready')).toHaveCount(0);
	const scriptEnds = await page.evaluate(async () => {
		const url = navigator.serviceWorker.controller?.scriptURL;
		return url ? (await (await fetch(url)).text()).trim().endsWith('// next deployment') : false;
	});
	expect(scriptEnds).toBe(true);
});
