/**
 * One client map, brought in once, whichever way it comes: the phone (/my-map) sends Dana's map
 * by link, then Sends again and saves it as a file (each Send stamps its own time into the text).
 * The therapist's tablet knows the second as the map already brought in ("Open it"), in either
 * order; a map the client changed after the first Send is another version, added beside it on the
 * same client, and said so.
 */
import type { Browser, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { mapCalf } from './my-map-helpers';
import { seriousViolations } from './pin-helpers';

/** A phone that maps Dana's right calf and stops at the send step. */
async function danasPhone(browser: Browser, baseURL: string | undefined) {
	const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, acceptDownloads: true });
	const phone = await context.newPage();
	await phone.goto('/my-map');
	await mapCalf(phone, 'No');
	await phone.getByLabel('Your name').fill('Dana');
	return { context, phone };
}

/** One Send: its link, and (when asked) the file saved from the same dialog. */
async function send(phone: Page, file: string | null): Promise<string> {
	await phone.getByRole('button', { name: 'Send to my therapist' }).click();
	const dialog = phone.getByRole('dialog', { name: 'Send to my therapist' });
	const link = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
	if (file) {
		const [download] = await Promise.all([phone.waitForEvent('download'), dialog.getByRole('button', { name: 'Save as a file' }).click()]);
		await download.saveAs(file);
	}
	await dialog.getByRole('button', { name: 'Close' }).click();
	return link;
}

/** The link and the file of two separate Sends of the same map (a moment apart). */
async function linkAndLaterFile(browser: Browser, baseURL: string | undefined, file: string, change?: (phone: Page) => Promise<void>) {
	const { context, phone } = await danasPhone(browser, baseURL);
	const link = await send(phone, null);
	await phone.waitForTimeout(20); // another Send, another time stamped into it
	if (change) await change(phone);
	await send(phone, file);
	await context.close();
	return link;
}

async function bringInLink(page: Page, link: string) {
	await page.goto('/');
	await page.goto(link);
	await expect(page.getByRole('heading', { level: 2, name: "Dana's map" })).toBeVisible();
}

async function bringInFile(page: Page, file: string) {
	await page.goto('/import');
	await page.getByLabel('Open a plan file…').setInputFiles(file);
	await expect(page.getByRole('heading', { level: 2, name: "Dana's map" })).toBeVisible();
}

async function add(page: Page): Promise<string> {
	await page.getByRole('button', { name: 'Add this plan' }).click();
	await page.waitForURL(/\/plan\?id=/);
	return page.url();
}

/** The second arrival says it was brought in, offers only "Open it", which opens the first plan. */
async function expectAlreadyHere(page: Page, first: string, shot: string) {
	await expect(page.getByRole('status').filter({ hasText: 'This plan was already brought in' })).toContainText("as “Dana's map” for Dana");
	await expect(page.getByRole('button', { name: /^Add this plan/ })).toHaveCount(0);
	expect(await seriousViolations(page)).toEqual([]);
	await page.screenshot({ path: shot, fullPage: true });
	await page.getByRole('link', { name: 'Open it' }).click();
	await expect(page).toHaveURL(first);
	await page.goto('/');
	await expect(page.getByRole('link', { name: /Dana's map/ })).toHaveCount(1);
}

test('a map brought in by link, then the same map’s file from a later Send: “already brought in”, Open it', async ({ page, browser, baseURL }, info) => {
	test.setTimeout(120_000);
	const file = info.outputPath('danas-map.json');
	const link = await linkAndLaterFile(browser, baseURL, file);
	await bringInLink(page, link);
	const first = await add(page);
	await bringInFile(page, file);
	await expectAlreadyHere(page, first, info.outputPath('file-after-link.png'));
});

test('a map brought in by file, then the same map’s link from an earlier Send: “already brought in”, Open it', async ({ page, browser, baseURL }, info) => {
	test.setTimeout(120_000);
	const file = info.outputPath('danas-map.json');
	const link = await linkAndLaterFile(browser, baseURL, file);
	await bringInFile(page, file);
	const first = await add(page);
	await bringInLink(page, link);
	await expectAlreadyHere(page, first, info.outputPath('link-after-file.png'));
});

test('a map the client changed after the first Send is brought in as another version, beside the first, on the same client', async ({ page, browser, baseURL }, info) => {
	test.setTimeout(120_000);
	const file = info.outputPath('danas-map-changed.json');
	const link = await linkAndLaterFile(browser, baseURL, file, async (phone) => {
		await phone.getByRole('button', { name: 'Back' }).click();
		await phone.getByRole('group', { name: 'Pregnant?' }).getByRole('radio', { name: 'Yes' }).check();
		await phone.getByRole('button', { name: 'Next' }).click();
	});
	await bringInLink(page, link);
	const first = await add(page);
	await bringInFile(page, file);
	const other = page.getByRole('status').filter({ hasText: 'Another version of this map was brought in' });
	await expect(other).toContainText("as “Dana's map” for Dana. This one differs from it, so it is added as a new plan beside it.");
	await expect(page.getByRole('radio', { name: 'A client already here' })).toBeChecked();
	await expect(page.getByLabel('Client', { exact: true }).locator('option:checked')).toHaveText('Dana');
	expect(await seriousViolations(page)).toEqual([]);
	await page.screenshot({ path: info.outputPath('changed-version.png'), fullPage: true });
	await expect(other.getByRole('link', { name: 'Open the other version' })).toHaveAttribute('href', new URL(first).pathname + new URL(first).search);
	const second = await add(page);
	expect(second).not.toBe(first);
	await page.goto('/');
	await expect(page.getByRole('list', { name: 'Clients' }).getByRole('link')).toHaveCount(1);
	await page.getByRole('list', { name: 'Clients' }).getByRole('link', { name: 'Dana' }).click();
	await expect(page.getByRole('link', { name: /Dana's map/ })).toHaveCount(2);
});
