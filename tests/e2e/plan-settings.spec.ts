import type { Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { openTab } from './plan-tabs';

const steps = (page: Page) => page.getByRole('table').locator('tbody tr');
const total = (page: Page) => page.getByRole('table').locator('tfoot');

test('a full-body plan is timed, cautioned by the health check, adjustable, and kept after a reload', async ({ page }) => {
	await createPlanForNewClient(page, 'Plan Pat', 'Full body');
	await openTab(page, 'Plan');

	await page.getByRole('radio', { name: /Full body/ }).check();
	await expect(page.getByLabel('Length')).toHaveValue('60');
	await page.getByRole('radio', { name: /4 · Firm/ }).check();
	await expect(steps(page).first()).toContainText('4 · Firm');
	await expect(total(page)).toContainText('50 min');

	// Blood thinners cap every area at light pressure; no red flag for that alone.
	await page.getByRole('group', { name: 'Taking blood thinners?' }).getByRole('radio', { name: 'Yes' }).check();
	await expect(page.getByRole('list', { name: 'Cautions' })).toContainText('Light pressure only');
	await expect(steps(page).first()).toContainText('2 · Light');
	await expect(page.getByText(/see a medical professional/)).toHaveCount(0);

	await page.getByRole('group', { name: /A fever/ }).getByRole('radio', { name: 'Yes' }).check();
	await expect(page.getByRole('alert').filter({ hasText: 'Ask the client to see a medical professional before treatment' })).toBeVisible();
	// The minutes are now a draft, folded away until the therapist opens them.
	await expect(page.getByRole('table')).toBeHidden();
	await page.getByRole('region', { name: 'Timed plan' }).getByText('Draft plan, for when the client has recovered').click();

	// The therapist sets the back to 20 minutes: the rest rebalances, the total stays.
	await page.getByRole('spinbutton', { name: 'Minutes for Back', exact: true }).fill('20');
	await page.getByRole('spinbutton', { name: 'Minutes for Back', exact: true }).press('Tab');
	await expect(total(page)).toContainText('50 min');
	await expect(page.getByRole('spinbutton', { name: 'Minutes for Back', exact: true })).toHaveValue('20');

	// CranioSacral therapy at the end, with its own share.
	await page.getByRole('checkbox', { name: 'CranioSacral therapy' }).check();
	await expect(steps(page).last()).toContainText('CranioSacral therapy');
	await expect(total(page)).toContainText('50 min');

	await openTab(page, 'Notes');
	await page.getByLabel('Oil or lotion preference').fill('Grapeseed');
	await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
	await page.reload();
	await openTab(page, 'Plan');
	await page.getByRole('region', { name: 'Timed plan' }).getByText('Draft plan, for when the client has recovered').click();
	await expect(page.getByRole('radio', { name: /Full body/ })).toBeChecked();
	await expect(page.getByRole('group', { name: 'Taking blood thinners?' }).getByRole('radio', { name: 'Yes' })).toBeChecked();
	await expect(page.getByRole('spinbutton', { name: 'Minutes for Back', exact: true })).toHaveValue('20');
	await expect(steps(page).last()).toContainText('CranioSacral therapy');
	await openTab(page, 'Notes');
	await expect(page.getByLabel('Oil or lotion preference')).toHaveValue('Grapeseed');
	await openTab(page, 'Plan');

	await page.getByRole('button', { name: 'Back to the proposed timing' }).click();
	await expect(page.getByRole('spinbutton', { name: 'Minutes for Back', exact: true })).not.toHaveValue('20');
	await expect(total(page)).toContainText('50 min');
});

test('the order of the steps can be changed from the keyboard', async ({ page }) => {
	await createPlanForNewClient(page, 'Order Olu', 'Order');
	await openTab(page, 'Plan');
	await page.getByRole('radio', { name: /Full body/ }).check();
	const first = await steps(page).first().locator('th').textContent();
	await page.getByRole('button', { name: `Move ${first!.trim()} later` }).press('Enter');
	await expect(steps(page).nth(1).locator('th')).toHaveText(first!.trim());
});
