import { test, expect, createPlanForNewClient } from './fixtures';
import { openTab } from './plan-tabs';

test('a client and a plan created on the home screen are still there after a reload', async ({ page }) => {
	const planUrl = await createPlanForNewClient(page, 'Maria Lopez', 'Neck and shoulders');
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Neck and shoulders' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Maria Lopez' })).toBeVisible();

	await page.goto('/');
	await expect(page.getByRole('list', { name: 'Clients' }).getByRole('link', { name: /Maria Lopez/ })).toBeVisible();
	const recent = page.getByRole('list', { name: 'Recent plans' });
	await expect(recent.getByRole('link', { name: /Neck and shoulders/ })).toBeVisible();
	await recent.getByRole('link', { name: /Neck and shoulders/ }).click();
	await expect(page).toHaveURL(planUrl);
});

test('renaming a client and a plan is saved automatically', async ({ page }) => {
	await createPlanForNewClient(page, 'Tom Becker', 'First visit');
	await openTab(page, 'Plan');
	await page.getByLabel('Title').fill('Lower back');
	await page.getByLabel('Status').selectOption('planned');
	await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
	await page.getByRole('link', { name: 'Tom Becker' }).click();

	await page.getByLabel('Name').fill('Thomas Becker');
	await page.getByLabel('Contact').fill('0400 123 456');
	await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
	await page.reload();
	await expect(page.getByLabel('Name')).toHaveValue('Thomas Becker');
	await expect(page.getByLabel('Contact')).toHaveValue('0400 123 456');
	await expect(page.getByRole('list', { name: 'Plans for Thomas Becker' }).getByRole('link')).toContainText(['Lower back']);
	await expect(page.getByRole('list', { name: 'Plans for Thomas Becker' })).toContainText('Planned');

	// Typed and reloaded at once, before the throttled save: kept all the same.
	await page.getByLabel('Notes').fill('Prefers morning sessions');
	await page.reload();
	await expect(page.getByLabel('Notes')).toHaveValue('Prefers morning sessions');
	await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
});

test('an empty client name is refused with a message and the old name is kept', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'New client' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Create client' }).click();
	await expect(page.getByRole('dialog')).toContainText('Please enter a name.');
	await page.getByRole('dialog').getByLabel('Name').fill('Ana');
	await page.getByRole('dialog').getByRole('button', { name: 'Create client' }).click();
	await page.waitForURL(/\/client\?id=/);

	await page.getByLabel('Name').fill('');
	await expect(page.getByText('Please enter a name.')).toBeVisible();
	await page.reload();
	await expect(page.getByLabel('Name')).toHaveValue('Ana');
});

test('deleting a client asks first, says what goes, and removes their plans', async ({ page }) => {
	const planUrl = await createPlanForNewClient(page, 'Kim Ng', 'Hips');
	await page.getByRole('link', { name: 'Kim Ng' }).click();
	await page.getByRole('button', { name: 'New plan' }).click();
	await page.getByRole('dialog', { name: 'New plan' }).getByLabel('Title').fill('Follow-up');
	await page.getByRole('dialog', { name: 'New plan' }).getByRole('button', { name: 'Create plan' }).click();
	await page.waitForURL(/\/plan\?id=/);
	await page.getByRole('link', { name: 'Kim Ng' }).click();

	await page.getByRole('button', { name: 'Delete client…' }).click();
	const confirm = page.getByRole('dialog', { name: 'Delete Kim Ng?' });
	await expect(confirm).toContainText('2 plans');
	await confirm.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Kim Ng' })).toBeVisible();

	await page.getByRole('button', { name: 'Delete client…' }).click();
	await confirm.getByRole('button', { name: 'Delete client and plans' }).click();
	await expect(page).toHaveURL(/\/$/);
	await expect(page.getByText('Kim Ng and their plans were deleted.')).toBeVisible();
	await expect(page.getByRole('link', { name: /Hips/ })).toHaveCount(0);

	await page.goto(planUrl);
	await expect(page.getByRole('heading', { name: 'Plan not found' })).toBeVisible();
});

test('deleting a plan asks first and returns to the client', async ({ page }) => {
	await createPlanForNewClient(page, 'Lee Ho', 'Calves');
	await openTab(page, 'Plan');
	await page.getByRole('button', { name: 'Delete plan…' }).click();
	await page.getByRole('dialog', { name: 'Delete this plan?' }).getByRole('button', { name: 'Delete plan' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Lee Ho' })).toBeVisible();
	await expect(page.getByText('No plans yet for Lee Ho.')).toBeVisible();
});

test('unknown ids and addresses get a clear not-found page', async ({ page }) => {
	await page.goto('/plan?id=does-not-exist');
	await expect(page.getByRole('heading', { name: 'Plan not found' })).toBeVisible();
	await page.goto('/client?id=nope');
	await expect(page.getByRole('heading', { name: 'Client not found' })).toBeVisible();
	await page.goto('/plan');
	await expect(page.getByRole('heading', { name: 'Plan not found' })).toBeVisible();
	await page.getByRole('link', { name: 'Back to clients' }).click();
	await expect(page.getByRole('heading', { name: 'Clients and plans' })).toBeVisible();
});

test('an address that is not a page says so', async ({ page }) => {
	await page.goto('/no-such-page');
	await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});
