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

test('a new device shows its first screen before it makes its database, then follows other tabs as ever', async ({ page, context }) => {
	// Note when the database is first asked to open, and when the empty home screen is there.
	await page.addInitScript(() => {
		const w = window as unknown as { openAsked?: number; emptyShown?: number };
		const open = IDBFactory.prototype.open;
		IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
			w.openAsked ??= performance.now();
			return open.apply(this, args);
		};
		new MutationObserver(() => {
			if (w.emptyShown === undefined && document.body?.innerText.includes('No clients yet')) w.emptyShown = performance.now();
		}).observe(document, { subtree: true, childList: true, characterData: true });
	});
	// This browser profile has never held Somamap: no database. The home screen shows first…
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: 'Clients and plans' })).toBeVisible();
	await expect(page.getByText('No clients yet.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'I’m a client: map where it hurts' })).toBeVisible();
	// …and the database is made just after, with nothing asked of the person.
	await expect.poll(() => page.evaluate(() => indexedDB.databases().then((l) => l.map((d) => d.name)))).toContain('somamap');
	const { openAsked, emptyShown } = await page.evaluate(() => {
		const w = window as unknown as { openAsked: number; emptyShown: number };
		return { openAsked: w.openAsked, emptyShown: w.emptyShown };
	});
	expect(emptyShown, 'the empty home screen was there before the database was asked to open').toBeLessThan(openAsked);

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

/**
 * A first visit whose app code is held back (a slow first load) after its page asked which
 * databases exist ("none"), while another tab makes the database and locks it or hands it over.
 */
async function slowFirstVisit(context: BrowserContext): Promise<{ tab: Page; release: () => void }> {
	const tab = await context.newPage();
	await armBeforeLoad(tab, ['Nora Early', 'Nora plan', 'Clients and plans', 'Clients · Somamap']);
	let release!: () => void;
	const held = new Promise<void>((go) => (release = go));
	await tab.route('**/_app/**', async (route) => {
		await held;
		await route.continue();
	});
	await tab.goto('/', { waitUntil: 'commit' });
	await expect.poll(() => tab.evaluate(async () => (await (window as unknown as { somamapDatabases: Promise<{ name: string }[]> }).somamapDatabases).map((d) => d.name))).toEqual([]);
	return { tab, release };
}

test('a first visit that asked "which databases?" before another tab made one and locked it shows not one frame of the home screen', async ({ context }) => {
	await watch(context);
	const { tab, release } = await slowFirstVisit(context);
	const other = await context.newPage();
	await createPlanForNewClient(other, 'Nora Early', 'Nora plan');
	await setPinInSettings(other, PIN);
	const section = other.getByRole('region', { name: 'Therapist PIN' });
	await section.getByRole('checkbox', { name: 'Ask for the PIN when Somamap opens' }).check();
	await section.getByRole('button', { name: 'Lock now' }).click();
	await expect(other.getByRole('heading', { level: 1, name: 'Somamap is locked' })).toBeVisible();

	release();
	await expect(tab.getByRole('heading', { level: 1, name: 'Somamap is locked' })).toBeVisible();
	await tab.waitForTimeout(500);
	expect((await watched(tab)).leaks, 'nothing of the home screen was seen').toEqual([]);
});

test('a first visit that asked "which databases?" before another tab made one and handed it to a client goes to the client’s screens, with no frame of home', async ({ context }) => {
	await watch(context);
	const { tab, release } = await slowFirstVisit(context);
	const other = await context.newPage();
	const plan = await createPlanForNewClient(other, 'Nora Early', 'Nora plan');
	await setPinInSettings(other, PIN);
	await other.goto(plan);
	await other.getByRole('button', { name: 'Hand to client' }).click();
	await other.waitForURL(/\/client-mode\?plan=/);

	release();
	await tab.waitForURL(/\/client-mode\?plan=/);
	await tab.waitForTimeout(500);
	expect((await watched(tab)).leaks, 'nothing of the home screen was seen').toEqual([]);
});
