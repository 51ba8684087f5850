/**
 * QA session 10, item 11: on a portrait tablet (800×1280) the planner's tab bar beside the body is
 * about 400 px wide; five tabs with their badges ("Marks 2", "Outcome ✓") must each fit their tab,
 * none touching or running into the next.
 */
import type { Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { pickRegionByKeyboard } from './body-helpers';
import { openTab } from './plan-tabs';

async function addMark(page: Page, query: string, region: RegExp) {
	await pickRegionByKeyboard(page, query, region);
	await page.getByRole('form', { name: /mark on/ }).getByRole('radio', { name: 'Aching pain' }).check();
	await expect(page.getByRole('status').filter({ hasText: 'Mark added: Aching pain' })).toBeVisible();
}

/** Each tab's box and how far its label (text and badge) reaches, in page pixels. */
function tabBoxes(page: Page) {
	return page.getByRole('tablist', { name: 'Planner' }).evaluate((list) =>
		[...list.querySelectorAll<HTMLElement>('[role="tab"]')].map((tab) => {
			const box = tab.getBoundingClientRect();
			const range = document.createRange();
			range.selectNodeContents(tab);
			const ink = range.getBoundingClientRect();
			const pad = parseFloat(getComputedStyle(tab).paddingLeft);
			return { name: tab.textContent!.trim(), left: box.left, right: box.right, top: box.top, inkLeft: ink.left, inkRight: ink.right, pad, overflow: tab.scrollWidth - tab.clientWidth };
		})
	);
}

for (const [w, h] of [[800, 1280], [1280, 800], [390, 844]] as const) {
	test(`${w}×${h}: every planner tab holds its whole label, with room between tabs`, async ({ page }) => {
		test.setTimeout(90_000);
		await page.setViewportSize({ width: w, height: h });
		await createPlanForNewClient(page, 'Tab Fit', 'Neck');
		await addMark(page, 'trapez', /Right top of the shoulder \(upper trapezius\)/);
		await addMark(page, 'low back', /Left low back beside the spine/);
		await openTab(page, 'Outcome');
		await page.locator('#panel-outcome').getByLabel('What was done').fill('Neck release');
		const list = page.getByRole('tablist', { name: 'Planner' });
		await expect(list.getByRole('tab', { name: /^Marks/ })).toContainText('2');
		await expect(list.getByRole('tab', { name: /^Outcome/ })).toContainText('✓');
		await list.scrollIntoViewIfNeeded();
		await list.screenshot({ path: `test-results/planner-tabs-${w}x${h}.png` });

		const tabs = await tabBoxes(page);
		expect(tabs.map((t) => /^[A-Za-z]+/.exec(t.name)?.[0])).toEqual(['Marks', 'Plan', 'Notes', 'Outcome', 'Record']);
		for (const t of tabs) {
			expect(t.overflow, `${t.name}: label wider than its tab`).toBeLessThanOrEqual(0);
			expect(t.inkLeft, `${t.name}: label starts outside its tab`).toBeGreaterThanOrEqual(t.left);
			expect(t.inkRight, `${t.name}: label runs past its tab`).toBeLessThanOrEqual(t.right);
			expect(t.top, `${t.name}: all on one row`).toBe(tabs[0].top);
		}
		// Between two labels, at least a few pixels of space: "Notes" and "Outcome" must not touch.
		for (let i = 1; i < tabs.length; i++) {
			expect(tabs[i].left, `${tabs[i - 1].name} and ${tabs[i].name} overlap`).toBeGreaterThanOrEqual(tabs[i - 1].right);
			expect(tabs[i].inkLeft - tabs[i - 1].inkRight, `${tabs[i - 1].name} and ${tabs[i].name} touch`).toBeGreaterThanOrEqual(6);
		}
	});
}
