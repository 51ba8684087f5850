/**
 * A client's own map on a therapist's locked device (PIN, app lock, records): the /my-map flow
 * opens, but reads and writes nothing of the stored records, only its own draft. Back, Forward,
 * typed addresses and new tabs from it reach the lock screen, never a record, not for one frame
 * (the back/forward cache is on, as in lock-navigation.spec.ts). The lock screen, and the home
 * screen of a device holding records, do not offer "I'm a client" (nor "Continue my map"). There
 * the map is kept for its tab only, cleared by a lock; opening it in an unlocked tab ends that
 * tab's unlocking.
 */
import type { Page } from '@playwright/test';
import { browserPath } from '../../scripts/browser.js';
import { codeOf } from '../../src/lib/domain/regions';
import { test, expect, createPlanForNewClient } from './fixtures';
import { mapCalf } from './my-map-helpers';
import { setPinInSettings } from './pin-helpers';
import { arm, back, watch, watched } from './watch-helpers';

const ARGS = ['--disable-background-networking', '--disable-component-update', '--no-first-run'];
test.use({ launchOptions: { executablePath: browserPath(), ignoreDefaultArgs: ['--disable-back-forward-cache'], args: ARGS } });

const lockScreen = (page: Page) => page.getByRole('heading', { level: 1, name: 'Somamap is locked' });
const WORDS = ['Robin Private', 'Robin shoulder plan', 'robin@example.org'];

/** Every record in the device's IndexedDB, counted per table. */
function counts(page: Page) {
	return page.evaluate(
		() =>
			new Promise<Record<string, number>>((ok, fail) => {
				const open = indexedDB.open('somamap');
				open.onerror = () => fail(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tables = ['clients', 'plans', 'marks', 'handoffs'];
					const tx = db.transaction(tables);
					const out: Record<string, number> = {};
					for (const t of tables) tx.objectStore(t).count().onsuccess = (e) => (out[t] = (e.target as IDBRequest<number>).result);
					tx.oncomplete = () => (db.close(), ok(out));
				};
			})
	);
}

test('on a locked therapist’s device the client’s map reaches no record, by Back, Forward, addresses or new tabs', async ({ page, context }) => {
	test.setTimeout(120_000);
	await watch(context);
	const plan = await createPlanForNewClient(page, 'Robin Private', 'Robin shoulder plan');
	await page.getByRole('link', { name: 'Robin Private' }).first().click();
	await page.waitForURL(/\/client\?id=/);
	const clientUrl = page.url();
	await page.getByLabel('Contact').fill('robin@example.org');
	await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
	// A device holding records does not offer the client's map on its home screen.
	await page.goto('/');
	await expect(page.getByRole('list', { name: 'Clients' })).toContainText('Robin Private');
	await expect(page.getByRole('link', { name: /I.m a client/ })).toHaveCount(0);

	await setPinInSettings(page, '2468');
	await page.getByRole('region', { name: 'Therapist PIN' }).getByRole('checkbox', { name: 'Ask for the PIN when Somamap opens' }).check();
	await expect(page.getByRole('button', { name: 'Lock now' }).first()).toBeVisible();
	await page.goto(clientUrl);
	await expect(page.getByRole('heading', { level: 1, name: 'Robin Private' })).toBeVisible();
	await page.getByRole('button', { name: 'Lock now' }).first().click();
	await expect(lockScreen(page)).toBeVisible();
	await expect(page.getByRole('link', { name: /I.m a client/ })).toHaveCount(0);
	const before = await counts(page);
	await arm(page, WORDS);

	// The map opens while locked, showing nothing of the device's records.
	await page.goto('/my-map');
	await expect(page.getByRole('heading', { level: 1, name: 'Where do you feel tension or pain?' })).toBeVisible();
	await expect(page.getByRole('navigation')).toHaveCount(0);
	await mapCalf(page, 'No');
	await page.getByRole('button', { name: 'Send to my therapist' }).click();
	await expect(page.getByRole('dialog', { name: 'Send to my therapist' })).toBeVisible();
	await page.getByRole('dialog', { name: 'Send to my therapist' }).getByRole('button', { name: 'Close' }).click();

	// It wrote only its own draft: no record was added, changed or removed.
	expect(await counts(page)).toEqual(before);
	// On a therapist's device the map is kept for this tab only, never on the device.
	expect(await page.evaluate(() => sessionStorage.getItem('somamap.myMap'))).toContain('"step":"send"');
	expect(await page.evaluate(() => localStorage.getItem('somamap.myMap'))).toBeNull();

	// Back: the locked client page, from the back/forward cache, still locked.
	await back(page);
	await expect(page).toHaveURL(clientUrl);
	await expect(lockScreen(page)).toBeVisible();
	// Forward: the map again, where the client left it.
	await page.evaluate(() => history.forward());
	await expect(page.getByRole('heading', { level: 1, name: 'Send to my therapist' })).toBeVisible();
	// Typed addresses from the map: the lock screen.
	for (const url of [clientUrl, plan, '/', '/settings', '/import']) {
		await page.goto(url);
		await expect(lockScreen(page)).toBeVisible();
	}
	// A new tab: a new map (the other tab's is that tab's alone); everything else is locked.
	const tab = await context.newPage();
	await tab.goto('/my-map');
	await expect(tab.getByRole('heading', { level: 1, name: 'Where do you feel tension or pain?' })).toBeVisible();
	await expect(tab.getByRole('region', { name: /Your places/ }).getByRole('heading')).toHaveText('Your places (0)');
	await tab.goto(plan);
	await expect(lockScreen(tab)).toBeVisible();

	const { leaks, shows } = await watched(page);
	expect(shows.filter((s) => s.persisted).length, 'pages came back from the back/forward cache').toBeGreaterThan(0);
	expect(leaks, 'nothing of the records was seen').toEqual([]);
	expect((await watched(tab)).leaks).toEqual([]);
});

test('on an unlocked therapist’s tab the client’s map is a hand-over: not offered at home, Back reaches the lock screen, a lock clears it', async ({ page, context }) => {
	test.setTimeout(120_000);
	await watch(context);
	await createPlanForNewClient(page, 'Robin Private', 'Robin shoulder plan');
	// A map left on the device (before any of this was a therapist's device): not offered at home.
	await page.evaluate(
		(code) => localStorage.setItem('somamap.myMap', JSON.stringify({ clientId: 'c1', planId: 'p1', startedAt: Date.now(), areas: [code], step: 'where' })),
		codeOf('gastrocnemius-r')
	);
	await page.goto('/');
	await expect(page.getByRole('list', { name: 'Clients' })).toContainText('Robin Private');
	await expect(page.getByRole('link', { name: 'Continue my map' })).toHaveCount(0);
	await expect(page.getByRole('link', { name: /I.m a client/ })).toHaveCount(0);

	await setPinInSettings(page, '2468');
	await page.getByRole('region', { name: 'Therapist PIN' }).getByRole('checkbox', { name: 'Ask for the PIN when Somamap opens' }).check();
	await page.goto('/');
	await page.getByRole('link', { name: 'Robin Private' }).first().click();
	await page.waitForURL(/\/client\?id=/);
	const clientUrl = page.url();
	await expect(page.getByRole('heading', { level: 1, name: 'Robin Private' })).toBeVisible();

	// The unlocked therapist types /my-map and hands the tablet over.
	await page.goto('/my-map');
	await expect(page.getByRole('heading', { level: 1, name: 'Where do you feel tension or pain?' })).toBeVisible();
	await arm(page, WORDS);
	// The map left on the device is now this tab's alone.
	expect(await page.evaluate(() => localStorage.getItem('somamap.myMap'))).toBeNull();
	await expect(page.getByRole('region', { name: /Your places/ }).getByRole('heading')).toHaveText('Your places (1)');
	// Back: the lock screen, not the client list or Robin's page (the back/forward cache is on).
	await back(page);
	await expect(page).toHaveURL(clientUrl);
	await expect(lockScreen(page)).toBeVisible();
	await page.evaluate(() => history.forward());
	await expect(page.getByRole('region', { name: /Your places/ }).getByRole('heading')).toHaveText('Your places (1)');

	// "Lock now" in another tab clears the map kept in this one.
	const other = await context.newPage();
	await other.goto('/');
	await other.getByLabel('PIN').fill('2468');
	await other.getByRole('button', { name: 'Unlock' }).click();
	await other.getByRole('button', { name: 'Lock now' }).first().click();
	await expect(lockScreen(other)).toBeVisible();
	await expect(page.getByRole('region', { name: /Your places/ }).getByRole('heading')).toHaveText('Your places (0)');
	expect(await page.evaluate(() => sessionStorage.getItem('somamap.myMap') ?? '')).not.toContain(String(codeOf('gastrocnemius-r')));

	const { leaks, shows } = await watched(page);
	expect(shows.filter((s) => s.persisted).length, 'pages came back from the back/forward cache').toBeGreaterThan(0);
	expect(leaks, 'nothing of the records was seen').toEqual([]);
});
