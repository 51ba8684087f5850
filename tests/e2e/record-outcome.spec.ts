/**
 * QA session 9, item 5: what the therapist writes on the Outcome tab ("Advice given", "The
 * client's response") comes into the record's draft: P (home care and advice) and A, when they are
 * empty, so the printed record agrees with the session sheet; never over what was typed in the
 * record itself.
 */
import type { Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { openTab } from './plan-tabs';

test.use({ viewport: { width: 1280, height: 800 } });

const ADVICE = 'Heat at home, doorway stretch';
const RESPONSE = 'Less guarding by the end; turns the head further to the left.';
const record = (page: Page) => page.locator('#panel-record');
const recordSaved = (page: Page) => expect(record(page).getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();

async function writeOutcome(page: Page, advice: string, response: string): Promise<void> {
	await openTab(page, 'Outcome');
	await page.getByLabel("The client's response").fill(response);
	await page.getByLabel('Advice given').fill(advice);
	await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' }).first()).toBeVisible();
}

test("the Outcome's advice and response are in the record's P and A when it is first opened, kept, and printed", async ({ page }) => {
	const url = await createPlanForNewClient(page, 'Margaret Hale', 'Neck');
	await writeOutcome(page, ADVICE, RESPONSE);
	await openTab(page, 'Record');
	await expect(record(page).getByLabel('Home care and advice')).toHaveValue(ADVICE);
	await expect(record(page).getByLabel(/^A · Assessment/)).toHaveValue(RESPONSE);
	await recordSaved(page);
	await page.screenshot({ path: 'test-results/record-outcome-prefill.png', fullPage: true });

	// Stored in the record: there after a reload, and on the printed record.
	await page.goto(url);
	await openTab(page, 'Record');
	await expect(record(page).getByLabel('Home care and advice')).toHaveValue(ADVICE);
	await page.getByRole('link', { name: 'Print record' }).click();
	const sheet = page.getByRole('article').first();
	await expect(sheet).toContainText(/Home care and advice:?\s*Heat at home, doorway stretch/);
	await expect(sheet).not.toContainText(/Home care and advice:?\s*None recorded/);
	await expect(sheet).toContainText(RESPONSE);
});

test('advice written after the record is open fills only an empty P; what the therapist typed in the record stays', async ({ page }) => {
	await createPlanForNewClient(page, 'Nina Park', 'Shoulders');
	await openTab(page, 'Record');
	await record(page).getByLabel('Home care and advice').fill('Chin tucks twice a day.');
	await recordSaved(page);
	await writeOutcome(page, ADVICE, RESPONSE);
	await openTab(page, 'Record');
	await expect(record(page).getByLabel(/^A · Assessment/)).toHaveValue(RESPONSE);
	await expect(record(page).getByLabel('Home care and advice')).toHaveValue('Chin tucks twice a day.');
	await recordSaved(page);
	await page.reload();
	await openTab(page, 'Record');
	await expect(record(page).getByLabel('Home care and advice')).toHaveValue('Chin tucks twice a day.');
	await expect(record(page).getByLabel(/^A · Assessment/)).toHaveValue(RESPONSE);
});
