/**
 * QA session 9, item 4: "Finalise and sign" on a record with no signed consent, with sensitive
 * areas ("Ask consent first") in "Areas treated" the client did not agree to. The sign step
 * lists what the record lacks on consent, and "Sign and lock" waits for the therapist to
 * acknowledge it (they may hold consent on paper); the printed record says no consent was signed.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { openTab } from './plan-tabs';
import { addMark } from './print-helpers';
import { seedPractitioner } from './practitioner-seed';

test.use({ viewport: { width: 1280, height: 800 } });

const panel = (page: Page) => page.locator('#panel-record');

async function typeSignature(dialog: Locator, name: string): Promise<void> {
	await dialog.getByRole('button', { name: 'Type your name instead' }).click();
	await dialog.getByLabel('Type your full name to sign').fill(name);
}

test('signing a record with no consent and both glutes treated lists both, and waits for the acknowledgement', async ({ page }) => {
	await createPlanForNewClient(page, 'Margaret Hale', 'Low back and hips');
	await seedPractitioner(page, 'Dana Reyes');
	await addMark(page, 'glutes', 'Left buttock (glutes)', 'Knot or trigger point', 6);
	await addMark(page, 'glutes', 'Right buttock (glutes)', 'Tension or tightness', 5);
	await openTab(page, 'Record');
	await expect(panel(page).getByLabel('Areas treated')).toHaveValue(/Left buttock \(glutes\)/);
	await page.getByRole('button', { name: 'Start session' }).click();
	await page.getByRole('button', { name: 'End session' }).click();
	await expect(panel(page).getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();

	await page.getByRole('button', { name: 'Finalise and sign…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Finalise and sign this record' });
	const warnings = dialog.getByTestId('sign-warnings');
	await expect(warnings.getByRole('listitem')).toHaveText([
		'No signed consent from the client before this session',
		"Left buttock (glutes) treated without the client's consent to work there",
		"Right buttock (glutes) treated without the client's consent to work there"
	]);
	const signButton = dialog.getByRole('button', { name: 'Sign and lock' });
	await dialog.getByLabel('Practitioner:', { exact: true }).selectOption({ label: 'Dana Reyes' });
	await typeSignature(dialog, 'Dana Reyes');
	// Signed and practitioner chosen: still waits for the consent to be acknowledged.
	await expect(signButton).toBeDisabled();
	const hint = dialog.getByText("To sign, first tick “I have the client's consent another way” above.");
	await expect(hint).toBeVisible();
	await page.screenshot({ path: 'test-results/sign-consent-warnings.png' });
	const ack = dialog.getByRole('checkbox', { name: /I have the client's consent another way \(e\.g\. on paper\) or will record why in the notes/ });
	await ack.check();
	await expect(signButton).toBeEnabled();
	await expect(hint).toBeHidden();
	await page.screenshot({ path: 'test-results/sign-consent-acknowledged.png' });
	await signButton.click();
	await expect(dialog).toBeHidden();
	await expect(page.getByText(/Signed by Dana Reyes/)).toBeVisible();

	// The printed record says it was signed with no consent in force.
	await page.getByRole('link', { name: 'Print record' }).click();
	const sheet = page.getByRole('article').first();
	await expect(sheet).toContainText('No signed consent before this session.');
	await expect(sheet).toContainText('Sensitive areas treated Left buttock (glutes); Right buttock (glutes): with no signed consent.');
});

test('the client consented to the area on the plan: only the missing signed consent is listed', async ({ page }) => {
	await createPlanForNewClient(page, 'Nina Park', 'Hips');
	await seedPractitioner(page, 'Dana Reyes');
	await addMark(page, 'glutes', 'Left buttock (glutes)', 'Knot or trigger point', 6);
	await openTab(page, 'Plan');
	await page.getByRole('checkbox', { name: 'Client consents to work here' }).check();
	await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' }).first()).toBeVisible();
	await openTab(page, 'Record');
	await page.getByRole('button', { name: 'Start session' }).click();
	await page.getByRole('button', { name: 'End session' }).click();
	await expect(panel(page).getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
	await page.getByRole('button', { name: 'Finalise and sign…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Finalise and sign this record' });
	await expect(dialog.getByTestId('sign-warnings').getByRole('listitem')).toHaveText(['No signed consent from the client before this session']);
	await expect(dialog.getByRole('button', { name: 'Sign and lock' })).toBeDisabled();
});

test.describe('on a phone', () => {
	test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
	test('the sign step says beside the button why it waits', async ({ page }) => {
		await createPlanForNewClient(page, 'Ruth Bell', 'Hips');
		await seedPractitioner(page, 'Dana Reyes');
		await addMark(page, 'glutes', 'Left buttock (glutes)', 'Knot or trigger point', 6);
		await openTab(page, 'Record');
		await page.getByRole('button', { name: 'Finalise and sign…' }).click();
		const dialog = page.getByRole('dialog', { name: 'Finalise and sign this record' });
		await expect(dialog.getByTestId('sign-warnings').getByRole('listitem')).toHaveCount(2);
		await page.screenshot({ path: 'test-results/sign-consent-warnings-phone.png' });
		await dialog.getByRole('button', { name: 'Sign and lock' }).scrollIntoViewIfNeeded();
		await expect(dialog.getByText("To sign, first tick “I have the client's consent another way” above.")).toBeInViewport();
		await page.screenshot({ path: 'test-results/sign-consent-warnings-phone-bottom.png' });
	});
});
