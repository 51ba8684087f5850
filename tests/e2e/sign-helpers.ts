/** Signing a session's record as a therapist does, for the specs about what signing locks. */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { openTab } from './plan-tabs';

/** Record tab: the session started and ended, then finalised and signed with the typed name. */
export async function sign(page: Page): Promise<void> {
	await openTab(page, 'Record');
	const panel = page.locator('#panel-record');
	await panel.getByRole('button', { name: 'Start session' }).click();
	await panel.getByRole('button', { name: 'End session' }).click();
	await expect(panel.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
	await page.getByRole('button', { name: 'Finalise and sign…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Finalise and sign this record' });
	await dialog.getByRole('button', { name: 'Type your name instead' }).click();
	await dialog.getByLabel('Type your full name to sign').fill('Sam Ortiz');
	// This client signed no consent: the sign step says so and waits for the therapist's tick.
	await dialog.getByRole('checkbox', { name: /I have the client's consent another way/ }).check();
	await dialog.getByRole('button', { name: 'Sign and lock' }).click();
	await expect(dialog).toBeHidden();
	await expect(page.getByText('Verified: unchanged since signed')).toBeVisible();
}
