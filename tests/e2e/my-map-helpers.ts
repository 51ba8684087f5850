/** A client's own map (/my-map, or a mapping link), driven as the client would on their phone. */
import type { Page } from '@playwright/test';
import { codeOf } from '../../src/lib/domain/regions';
import { expect } from './fixtures';

export const CALF = codeOf('gastrocnemius-r');

/**
 * From the where step to the send step: the right calf, aching 5, then "Pregnant?" answered
 * (`pregnant`) or left unanswered (null).
 */
export async function mapCalf(page: Page, pregnant: 'Yes' | 'No' | null = 'Yes'): Promise<void> {
	await page.getByRole('searchbox', { name: 'Find a region' }).fill('calf');
	await page.locator(`button[data-code="${CALF}"]`).click();
	await page.getByRole('button', { name: 'Next' }).click();
	await page.getByRole('radio', { name: 'Aching pain' }).check();
	await page.getByRole('radio', { name: '5', exact: true }).check();
	await page.getByRole('button', { name: 'Next' }).click();
	if (pregnant) await page.getByRole('group', { name: 'Pregnant?' }).getByRole('radio', { name: pregnant }).check();
	await page.getByRole('button', { name: 'Next' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Send to my therapist' })).toBeVisible();
}
