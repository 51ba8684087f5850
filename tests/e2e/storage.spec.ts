import { test, expect } from './fixtures';

test('settings show whether storage is persistent and how much is used', async ({ page }) => {
	await page.goto('/settings');
	await expect(page.getByTestId('persisted')).toHaveText(/^(Yes|No):/);
	await expect(page.getByTestId('usage')).toHaveText(/\d+(\.\d)? (bytes|KB|MB|GB)/);
});

test('a full disk gets a clear message and leaves no half-saved client', async ({ page, context }) => {
	// Chromium's own quota override: the origin may store nothing more. Sent before the app's
	// first write: in this Chromium an override sent after an origin has written (the app notes,
	// at an idle moment, that no old painting is left) was seen not to apply, and writes landed.
	const cdp = await context.newCDPSession(page);
	const origin = new URL(test.info().project.use.baseURL!).origin;
	await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Clients and plans' })).toBeVisible();

	await page.getByRole('button', { name: 'New plan' }).click();
	const dialog = page.getByRole('dialog', { name: 'New plan' });
	await dialog.getByLabel("New client's name").fill('Quota Quinn');
	await dialog.getByRole('button', { name: 'Create plan' }).click();
	await expect(page.getByRole('alert')).toContainText("storage is full");
	await expect(page.getByRole('alert')).toContainText('Nothing was half-saved');
	await expect(page).toHaveURL(/\/$/);

	await cdp.send('Storage.overrideQuotaForOrigin', { origin });
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await page.reload();
	await expect(page.getByText('No clients yet.')).toBeVisible();
	await expect(page.getByText('Quota Quinn')).toHaveCount(0);
});
