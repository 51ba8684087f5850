/**
 * Issue 10 (bytes): opening a plan carries only what it shows. The hand-off dialog (QR code, link),
 * the PIN offer before a hand-over, the Plan/Notes/Outcome tabs, the Record tab and the mark editor load when
 * first asked for; the service worker keeps them all, so they still open with no network, and a
 * missing part says so in words the therapist can act on.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect, createPlanForNewClient, waitForServiceWorker } from './fixtures';

/** Words only each later part's code carries. */
const LATER_PARTS = {
	'the hand-off dialog': 'This plan is too detailed for a QR code',
	'the PIN offer': 'Set a PIN before handing over',
	'the Plan tab': 'In this order',
	'the Notes tab': 'Preferences and notes',
	'the Outcome tab': 'After the session',
	'the Record tab': 'Finalise and sign this record',
	'the mark editor': 'Choose what it feels like, and the mark is added.'
};

/** The text of every script the page fetches from now on. */
function scriptsOf(page: Page): Promise<string>[] {
	const scripts: Promise<string>[] = [];
	page.on('response', (r) => {
		if (new URL(r.url()).pathname.endsWith('.js')) scripts.push(r.text().catch(() => ''));
	});
	return scripts;
}

async function openEveryLaterPart(page: Page) {
	await page.getByRole('button', { name: 'Send this plan…' }).click();
	const send = page.getByRole('dialog', { name: 'Send this plan to another device' });
	await expect(send.getByRole('img', { name: 'QR code of the link to this plan' })).toBeVisible();
	await send.getByRole('button', { name: 'Close' }).click();

	await page.getByRole('button', { name: 'Hand to client' }).click();
	const pin = page.getByRole('dialog', { name: 'Set a PIN before handing over' });
	await expect(pin).toBeVisible();
	await pin.getByRole('button', { name: 'Cancel' }).click();
	await expect(pin).toBeHidden();

	await page.getByRole('tab', { name: 'Notes' }).click();
	await expect(page.getByLabel('Oil or lotion preference')).toBeVisible();
	await page.getByRole('tab', { name: 'Outcome' }).click();
	await expect(page.getByLabel('What was done')).toBeVisible();
	await page.getByRole('tab', { name: 'Plan' }).click();
	await expect(page.getByRole('heading', { name: 'At a glance' })).toBeVisible();
	await page.getByRole('tab', { name: 'Record' }).click();
	await expect(page.getByRole('button', { name: 'Finalise and sign…' })).toBeVisible();

	await page.getByRole('tab', { name: 'Marks' }).click();
	await page.getByRole('searchbox', { name: 'Find a region' }).fill('shoulder blade');
	await page.getByRole('region', { name: 'Regions', exact: true }).getByRole('button', { name: /^Right shoulder blade/ }).click();
	await expect(page.getByRole('form', { name: /mark on Right shoulder blade/ }).getByText('Choose what it feels like, and the mark is added.')).toBeVisible();
}

/** Opens a new plan for a new client, its body drawn. */
async function openNewPlan(page: Page, title: string) {
	const plan = await createPlanForNewClient(page, 'Lazy Lena', title);
	await page.goto(plan);
	await expect(page.locator('canvas[data-body]')).toHaveCount(1, { timeout: 30_000 });
}

/**
 * Opens a new plan whose `part` cannot be fetched: the connection drops as its code is asked for
 * (a preload and the import may each ask for it, so it stays blocked until `unblock()`).
 */
async function planWithout(page: Page, title: string, part: keyof typeof LATER_PARTS) {
	await openNewPlan(page, title);
	let blocking = true;
	let blocked = 0;
	await page.route('**/*.js', async (route) => {
		const response = await route.fetch();
		if (blocking && (await response.text()).includes(LATER_PARTS[part])) {
			blocked++;
			return route.abort('internetdisconnected');
		}
		return route.fulfill({ response });
	});
	return { blocked: () => blocked, unblock: () => (blocking = false) };
}

/** Try again on a tab's message brings the tab (shown by `loaded`), with no change of tab. */
async function tryAgain(page: Page, missing: Locator, tab: string, loaded: Locator) {
	await missing.getByRole('button', { name: 'Try again' }).click();
	await expect(loaded).toBeVisible();
	await expect(missing).toHaveCount(0);
	await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
	// A preload still being fetched through planWithout's route must not fail the next test.
	await page.unrouteAll({ behavior: 'ignoreErrors' });
}

test('opening a plan fetches none of its later parts; each loads when asked for, also with no network', async ({ page, context }) => {
	await page.goto('/');
	await waitForServiceWorker(page);
	const plan = await createPlanForNewClient(page, 'Lazy Lena', 'Later parts');

	// A fresh load of the plan: what it fetches to open.
	await page.goto('/');
	const opening = scriptsOf(page);
	await page.goto(plan);
	await expect(page.locator('canvas[data-body]')).toHaveCount(1, { timeout: 30_000 });
	await expect(page.getByRole('button', { name: 'Hand to client' })).toBeVisible();
	const code = (await Promise.all(opening)).join('\n');
	expect(code).toContain('Send this plan…'); // the buttons' own code is among what was seen
	for (const [part, words] of Object.entries(LATER_PARTS)) expect(code, `${part} is not fetched on opening`).not.toContain(words);

	// No network at all: the service worker's copy answers, later parts included.
	await context.setOffline(true);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Later parts' })).toBeVisible();
	await openEveryLaterPart(page);
});

test.describe('a later part missing from the device', () => {
	test.use({ serviceWorkers: 'block' });

	test('says so in plain words, and the page goes on working', async ({ page }) => {
		await openNewPlan(page, 'Missing parts');
		// From now on no script can be fetched (a first visit cut off, the cache cleared).
		await page.route('**/*.js', (route) => route.abort('internetdisconnected'));

		await page.getByRole('button', { name: 'Send this plan…' }).click();
		await expect(page.getByText('“Send this plan” could not be opened: this part of Somamap is not on this device yet.')).toBeVisible();
		await page.getByRole('tab', { name: 'Notes' }).click();
		await expect(page.getByRole('alert').filter({ hasText: 'This tab is not on this device yet.' })).toBeVisible();
		// What was already loaded still works: back to Marks, the body and the region list are there.
		await page.getByRole('tab', { name: 'Marks' }).click();
		await expect(page.getByRole('searchbox', { name: 'Find a region' })).toBeVisible();
	});
});

test.describe('a later tab that could not load', () => {
	test.use({ serviceWorkers: 'block' });

	test('offers “Try again”, which loads it once the network is back', async ({ page }) => {
		// The Notes tab's code cannot be fetched (the connection dropped as it was asked for).
		const net = await planWithout(page, 'Try again', 'the Notes tab');
		await page.getByRole('tab', { name: 'Notes' }).click();
		const missing = page.getByRole('alert').filter({ hasText: 'This tab is not on this device yet.' });
		await expect(missing).toBeVisible();
		expect(net.blocked()).toBeGreaterThan(0);
		await page.screenshot({ path: test.info().outputPath('tab-missing.png') });
		// Back: the tab says how to get it, and a press of Try again brings it, with no tab change.
		net.unblock();
		await tryAgain(page, missing, 'Notes', page.getByLabel('Oil or lotion preference'));
	});

	test('the Record tab too: it says so in the tab, and Try again loads it', async ({ page }) => {
		const net = await planWithout(page, 'Record again', 'the Record tab');
		await page.getByRole('tab', { name: 'Record' }).click();
		const missing = page.getByRole('tabpanel', { name: 'Record' }).getByRole('alert').filter({ hasText: 'This tab is not on this device yet.' });
		await expect(missing).toBeVisible();
		expect(net.blocked()).toBeGreaterThan(0);
		await page.screenshot({ path: test.info().outputPath('record-tab-missing.png') });
		net.unblock();
		await tryAgain(page, missing, 'Record', page.getByRole('button', { name: 'Finalise and sign…' }));
	});

	test('loads it by itself when the page comes back online', async ({ page, context }) => {
		await openNewPlan(page, 'Back online');
		await context.setOffline(true);
		await page.getByRole('tab', { name: 'Outcome' }).click();
		await expect(page.getByRole('alert').filter({ hasText: 'This tab is not on this device yet.' })).toBeVisible();
		await context.setOffline(false);
		await expect(page.getByLabel('What was done')).toBeVisible();
	});
});
