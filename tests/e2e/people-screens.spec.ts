/**
 * The treatment record's people screens (issue 12) on a phone held upright (390×844, touch) and a
 * tablet in landscape (1280×800), light and dark, into docs/img/screens/people-<screen>-<size>-<scheme>.png.
 * Opt-in like screens.spec.ts:  SCREENS=1 E2E_PORT=… npx playwright test tests/e2e/people-screens.spec.ts
 */
import type { Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { openTab } from './plan-tabs';
import { fillAlexMoreno, fillContactsAndHealth } from './people-helpers';
import { today } from '../../src/lib/domain/records';

test.skip(!process.env.SCREENS, 'writes docs/img/screens only when SCREENS=1');

const SIZES = [
	{ name: 'phone', viewport: { width: 390, height: 844 }, touch: true },
	{ name: 'tablet', viewport: { width: 1280, height: 800 }, touch: false }
] as const;

for (const size of SIZES) {
	test.describe(size.name, () => {
		test.use({ viewport: size.viewport, hasTouch: size.touch, isMobile: size.touch });
		test(`the people screens on a ${size.name}`, async ({ page }) => {
			test.setTimeout(180_000);
			async function shoot(screen: string, target: 'page' | 'dialog' = 'page') {
				for (const scheme of ['light', 'dark'] as const) {
					await page.emulateMedia({ colorScheme: scheme });
					await page.waitForTimeout(250);
					expect.soft(await page.evaluate(() => document.documentElement.scrollWidth), `${screen}: no wider than the screen`).toBeLessThanOrEqual(size.viewport.width);
					await page.screenshot({ path: `docs/img/screens/people-${screen}-${size.name}-${scheme}.png`, fullPage: target === 'page' });
				}
				await page.emulateMedia({ colorScheme: 'light' });
			}
			const scrollTo = (p: Page, name: string) => p.getByRole('heading', { level: 2, name, exact: true }).scrollIntoViewIfNeeded();

			await page.goto('/settings');
			await page.getByRole('button', { name: 'Add a practitioner' }).click();
			const d = page.getByRole('dialog', { name: 'Add a practitioner' });
			await fillAlexMoreno(d);
			await d.getByRole('button', { name: 'Add a provider number' }).click();
			await d.getByLabel('Fund 1').fill('Bupa');
			await d.getByLabel('Provider number 1', { exact: true }).fill('B123456');
			await d.getByRole('button', { name: 'Add a provider number' }).click();
			await d.getByLabel('Fund 2').fill('Medibank');
			await d.getByRole('button', { name: 'Save' }).click();
			await expect(d.getByRole('alert')).toBeVisible();
			await shoot('practitioner-dialog', 'dialog');
			await d.getByLabel('Provider number 2', { exact: true }).fill('MB-778899');
			await d.getByRole('button', { name: 'Save' }).click();
			await expect(d).toBeHidden();
			await page.getByRole('button', { name: 'Add a practitioner' }).click();
			await d.getByLabel('Full name').fill('Sam Tran');
			await d.getByLabel('Qualification').fill('Certificate IV in Massage Therapy');
			await d.getByRole('button', { name: 'Save' }).click();
			await expect(d).toBeHidden();
			await scrollTo(page, 'Practitioners');
			await shoot('settings');

			// A minor with full details.
			await createPlanForNewClient(page, 'Mia Chen', 'Neck and shoulders');
			await openTab(page, 'Plan');
			await page.getByLabel('Status').selectOption('done');
			await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
			await page.getByRole('link', { name: 'Mia Chen' }).click();
			const info = page.getByRole('region', { name: 'Personal and health information' });
			const dob = new Date();
			dob.setFullYear(dob.getFullYear() - 16);
			await info.getByLabel('Date of birth').fill(today(dob));
			await info.getByLabel('Gender').fill('Female');
			await info.getByLabel('Occupation').fill('Student');
			await info.getByLabel('Address', { exact: true }).fill('4 Park Rd, Marrickville NSW 2204');
			await expect(info.getByText(/needs a parent or guardian/)).toBeVisible();
			await info.getByRole('heading', { name: 'Personal and health information' }).scrollIntoViewIfNeeded();
			await shoot('client-minor-guardian');
			await info.getByLabel('Guardian’s name').fill('Li Chen');
			await info.getByLabel('Guardian’s phone').fill('0400 111 222');
			await info.getByLabel('Relationship to the client').fill('Mother');
			await fillContactsAndHealth(info, 'Father');
			await shoot('client-details-open');
			await page.reload();
			await expect(info.getByText(/Allergies: Nut oils/)).toBeVisible();
			await info.getByRole('heading', { name: 'Personal and health information' }).scrollIntoViewIfNeeded();
			await shoot('client-details');

			await page.getByRole('button', { name: 'Delete client…' }).click();
			const del = page.getByRole('dialog', { name: 'Delete Mia Chen?' });
			await expect(del.getByLabel('Reason for deleting')).toBeVisible();
			await del.getByLabel('Reason for deleting').fill('Client moved interstate; records sent to the new clinic');
			await shoot('delete-reason', 'dialog');
			await del.getByRole('button', { name: 'Delete client and plans' }).click();
			await expect(page.getByText('Mia Chen and their plans were deleted.')).toBeVisible();

			await page.goto('/settings');
			await page.getByText('Deletions kept (1)').click();
			await scrollTo(page, 'Keeping records');
			await shoot('retention');
		});
	});
}
