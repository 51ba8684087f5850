/**
 * A signed session's marks are part of its record (QA session 9, item 1): once "Sign and lock" is
 * done the Marks tab shows them read-only (no Remove, no painting, no adding), "Hand to client" is
 * not offered, a change still asked for (an undo from before signing) is refused in words and loses
 * nothing, and the printed record's body views and legend stay as they were signed.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { addMark } from './print-helpers';
import { openTab } from './plan-tabs';
import { storedMarksOf } from './stored';
import { seedPractitioner } from './practitioner-seed';
import { sign } from './sign-helpers';

const SEALED = "This session's record is signed: its marks cannot change. Add an addendum to correct it.";
const SHOULDER_BLADE = 'Right between the shoulder blade and spine (rhomboids)';
const NECK = 'Left top of the shoulder (upper trapezius)';
const KNEE = 'Left upper calf (gastrocnemius)';

/** The printed record of the plan: its legend's sensations and its verification line. */
async function printed(page: Page, planId: string): Promise<string[]> {
	const paper = await page.context().newPage();
	await paper.goto(`/print-record?plan=${planId}`);
	await expect(paper.getByText('Verified: unchanged since signed').first()).toBeVisible();
	const legend = paper.getByRole('list', { name: 'Sensation colours' });
	await expect(legend).toBeVisible();
	// Each item: its swatch's letter, then the sensation's name.
	const items = (await legend.getByRole('listitem').allInnerTexts()).map((t) => t.trim().split('\n').at(-1)!.trim());
	await paper.close();
	return items;
}

const markList = (page: Page) => page.getByRole('list', { name: /^Marks/ });

test.describe('a signed session on a tablet (1280×800)', () => {
	test.use({ viewport: { width: 1280, height: 800 } });

	test('shows its marks read-only, is not handed to the client, refuses a late change in words and prints the record as signed', async ({ page, context }) => {
		const url = await createPlanForNewClient(page, 'Margaret Lee', 'Session');
		const planId = new URL(url).searchParams.get('id')!;
		await seedPractitioner(page, 'Sam Ortiz');
		await addMark(page, 'rhomboid', SHOULDER_BLADE, 'Knot or trigger point', 7);
		await addMark(page, 'trapez', NECK, 'Tension or tightness', 4);
		await addMark(page, 'calf', KNEE, 'Sharp pain', 8);
		// Removed before signing: an undo step that, taken after signing, would bring it back.
		await markList(page).getByRole('button', { name: new RegExp(`^Remove mark: ${KNEE.replace(/[()]/g, '\\$&')}`) }).click();
		await expect(markList(page).getByRole('listitem')).toHaveCount(2);

		// A second tab with the Marks tab open before signing.
		const other = await context.newPage();
		await other.goto(url);
		await expect(markList(other).getByRole('button', { name: /^Remove mark:/ })).toHaveCount(2);

		await sign(page);
		const stored = await storedMarksOf(page, url);
		const legend = await printed(page, planId);
		expect([...legend].sort()).toEqual(['Knot or trigger point', 'Tension or tightness']);

		for (const tab of [page, other]) {
			await openTab(tab, 'Marks');
			await expect(tab.locator('#panel-marks').getByText(`${SEALED} It can no longer be handed to the client.`)).toBeVisible();
			// Both marks are shown, and nothing that would change them is offered.
			await expect(markList(tab).getByRole('button', { name: /^Show mark:/ })).toHaveCount(2);
			await expect(tab.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
			await expect(tab.getByRole('button', { name: /^Undo/ })).toHaveCount(0);
			await expect(tab.getByRole('radiogroup', { name: 'How to mark' })).toHaveCount(0);
			await expect(tab.getByRole('button', { name: 'Hand to client' })).toHaveCount(0);
			// Choosing a region shows it; no editor opens to add a mark there.
			await tab.getByRole('searchbox', { name: 'Find a region' }).fill('calf');
			await tab.getByRole('region', { name: 'Regions', exact: true }).getByRole('button', { name: new RegExp(`^${KNEE.replace(/[()]/g, '\\$&')}`) }).click();
			await expect(tab.getByRole('form', { name: /mark on/ })).toHaveCount(0);
			await expect(tab.getByRole('radio', { name: 'Sharp pain' })).toHaveCount(0);
		}

		// The undo of the removal made before signing is still on this tab's keys: the store refuses it.
		await page.locator('body').click({ position: { x: 5, y: 5 } });
		await page.keyboard.press('ControlOrMeta+Z');
		await expect(page.getByRole('alert').filter({ hasText: SEALED })).toBeVisible();
		expect(await storedMarksOf(page, url)).toEqual(stored);

		// The printed record is as it was signed.
		expect(await printed(page, planId)).toEqual(legend);
		expect(await storedMarksOf(page, url)).toEqual(stored);

		await openTab(page, 'Marks');
		const axe = await new AxeBuilder({ page }).include('#panel-marks').analyze();
		expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
		await page.screenshot({ path: 'test-results/sealed-marks-1280.png' });
		await page.setViewportSize({ width: 390, height: 844 });
		await openTab(page, 'Marks');
		await page.screenshot({ path: 'test-results/sealed-marks-390.png', fullPage: true });
	});
});
