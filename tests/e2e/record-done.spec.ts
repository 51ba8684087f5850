/**
 * QA session 10, item 8: the Outcome tab's "What was done" comes into the record's own "What was
 * done" (Techniques, one item a line) when that list is empty, so the signed record does not say
 * "Techniques: None recorded" beside a session sheet that prints it; never over techniques typed
 * in the record.
 */
import type { Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { openTab } from './plan-tabs';

test.use({ viewport: { width: 1280, height: 800 } });

const DONE = 'Trigger point release, right upper trapezius\nHeat pack, gentle neck stretches';
const record = (page: Page) => page.locator('#panel-record');
const techniques = (page: Page) => record(page).getByLabel(/^Techniques/);
const recordSaved = (page: Page) => expect(record(page).getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();

async function writeDone(page: Page, done: string): Promise<void> {
	await openTab(page, 'Outcome');
	await page.locator('#panel-outcome').getByLabel('What was done').fill(done);
	await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' }).first()).toBeVisible();
}

test("the Outcome's \"What was done\" is the record's techniques, kept and printed", async ({ page }) => {
	const url = await createPlanForNewClient(page, 'Tom Reyes', 'Neck');
	await writeDone(page, DONE);
	await openTab(page, 'Record');
	await expect(techniques(page)).toHaveValue(DONE);
	await recordSaved(page);
	await page.screenshot({ path: 'test-results/record-done-prefill.png', fullPage: true });

	await page.goto(url);
	await openTab(page, 'Record');
	await expect(techniques(page)).toHaveValue(DONE);
	await page.getByRole('link', { name: 'Print record' }).click();
	const sheet = page.getByRole('article').first();
	await expect(sheet).toContainText('Trigger point release, right upper trapezius; Heat pack, gentle neck stretches');
	await expect(sheet).not.toContainText(/Techniques:?\s*None recorded/);
});

test('written after the record is open, it fills an empty list at once; techniques typed in the record stay', async ({ page }) => {
	await createPlanForNewClient(page, 'Ana Ruiz', 'Back');
	await openTab(page, 'Record');
	await expect(techniques(page)).toHaveValue('');
	await writeDone(page, DONE);
	await openTab(page, 'Record');
	await expect(techniques(page)).toHaveValue(DONE);

	await createPlanForNewClient(page, 'Lee Moss', 'Back');
	await openTab(page, 'Record');
	await techniques(page).fill('Myofascial release');
	await recordSaved(page);
	await writeDone(page, DONE);
	await openTab(page, 'Record');
	await expect(techniques(page)).toHaveValue('Myofascial release');
	await page.reload();
	await openTab(page, 'Record');
	await expect(techniques(page)).toHaveValue('Myofascial release');
});
