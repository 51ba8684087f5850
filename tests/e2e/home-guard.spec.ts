/**
 * The home screen reads its lists while the guard reads the lock and client mode (+page.ts beside
 * +layout.ts), and its code and the database open as early as they can: none of that may show a
 * locked or handed-over tablet's home screen, not for one frame, in a new tab or on a reload.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { setPinInSettings } from './pin-helpers';
import { armBeforeLoad, watch, watched } from './watch-helpers';

const PIN = '2468';
// What only the home screen shows: its heading and title, a client's name and a plan's title.
const HOME = ['Clients and plans', 'Clients · Somamap', 'Alice Firstframe', 'Alice first plan'];

/** A new tab, watched from its first frame, opened at the home screen. */
async function homeInNewTab(context: BrowserContext): Promise<Page> {
	const tab = await context.newPage();
	await armBeforeLoad(tab, HOME);
	await tab.goto('/');
	return tab;
}

async function noFrameOfHome(tab: Page) {
	await tab.reload();
	await tab.waitForTimeout(500);
	const { leaks, shows } = await watched(tab);
	expect(shows.length, 'the watch saw the pages load').toBeGreaterThanOrEqual(2);
	expect(leaks, 'nothing of the home screen was seen').toEqual([]);
}

test('a locked tablet opening the home screen shows the lock screen and not one frame of the home list', async ({ page, context }) => {
	await watch(context);
	await createPlanForNewClient(page, 'Alice Firstframe', 'Alice first plan');
	await setPinInSettings(page, PIN);
	const section = page.getByRole('region', { name: 'Therapist PIN' });
	await section.getByRole('checkbox', { name: 'Ask for the PIN when Somamap opens' }).check();
	await section.getByRole('button', { name: 'Lock now' }).click();

	const tab = await homeInNewTab(context);
	await expect(tab.getByRole('heading', { level: 1, name: 'Somamap is locked' })).toBeVisible();
	await noFrameOfHome(tab);
	await expect(tab.getByRole('heading', { level: 1, name: 'Somamap is locked' })).toBeVisible();

	// Unlocked, the same tab shows the list (the words watched were the right ones).
	await tab.getByLabel('PIN').fill(PIN);
	await tab.getByRole('button', { name: 'Unlock' }).click();
	await expect(tab.getByRole('heading', { level: 1, name: 'Clients and plans' })).toBeVisible();
	await expect(tab.getByRole('link', { name: 'Alice Firstframe' }).first()).toBeVisible();
	expect((await watched(tab)).leaks.length, 'the watch sees the home screen once it shows').toBeGreaterThan(0);
});

test('a tablet handed to a client opening the home screen goes to the client’s screens, with not one frame of the home list', async ({ page, context }) => {
	await watch(context);
	const plan = await createPlanForNewClient(page, 'Alice Firstframe', 'Alice first plan');
	await setPinInSettings(page, PIN);
	await page.goto(plan);
	await page.getByRole('button', { name: 'Hand to client' }).click();
	await page.waitForURL(/\/client-mode\?plan=/);

	const tab = await homeInNewTab(context);
	await tab.waitForURL(/\/client-mode\?plan=/);
	await expect(tab.getByRole('heading', { level: 1, name: 'Where do you feel tension or pain?' })).toBeVisible();
	await tab.goto('/');
	await tab.waitForURL(/\/client-mode\?plan=/);
	await noFrameOfHome(tab);
});

test('a new device shows its first screen without first making its database, then follows other tabs as ever', async ({ page, context }) => {
	// This browser profile has never held Somamap: no database. The home screen shows at once…
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Clients and plans' })).toBeVisible();
	await expect(page.getByText('No clients yet.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'I’m a client: map where it hurts' })).toBeVisible();
	// …and the database is made just after, with nothing asked of the person.
	await expect.poll(() => page.evaluate(() => indexedDB.databases().then((l) => l.map((d) => d.name)))).toContain('somamap');

	// A client added in another tab appears here, live.
	const other = await context.newPage();
	await createPlanForNewClient(other, 'Nora Newdevice', 'Nora first plan');
	await expect(page.getByRole('link', { name: 'Nora Newdevice' }).first()).toBeVisible();

	// A PIN set there and "Lock now" lock this tab too, though it started before there was a database.
	await setPinInSettings(other, PIN);
	const section = other.getByRole('region', { name: 'Therapist PIN' });
	await section.getByRole('checkbox', { name: 'Ask for the PIN when Somamap opens' }).check();
	await section.getByRole('button', { name: 'Lock now' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Somamap is locked' })).toBeVisible();
	await expect(page.locator('body')).not.toContainText('Nora');
});
