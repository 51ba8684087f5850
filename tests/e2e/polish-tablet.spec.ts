/**
 * Polish on the tablet (1280×800, touch): the therapist's region list keeps "Client's side"; screen
 * readers hear a region's name and its muscle hint apart, and the Marks tab by its count in words.
 */
import type { Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { seriousViolations } from './pin-helpers';

test.use({ viewport: { width: 1280, height: 800 }, hasTouch: true });

async function addMark(page: Page, query: string, name: RegExp) {
	await page.getByRole('searchbox', { name: 'Find a region' }).fill(query);
	await page.getByRole('region', { name: 'Regions', exact: true }).getByRole('button', { name }).first().click();
	await page.getByRole('form', { name: /mark on/ }).getByRole('radio', { name: 'Aching pain', exact: true }).check();
	await expect(page.getByRole('list', { name: /^Marks/ }).getByRole('button', { name: new RegExp(`Edit mark: ${name.source.slice(1)}`) })).toBeAttached();
}

test('planner: region names and muscle hints are heard apart; the Marks tab says how many marks', async ({ page }) => {
	await createPlanForNewClient(page, 'Noor Names');
	await expect(page.getByRole('group', { name: "Client's side", exact: true })).toBeAttached();
	const list = page.getByRole('region', { name: 'Regions', exact: true });
	await page.getByRole('searchbox', { name: 'Find a region' }).fill('jaw');
	const jaw = list.getByRole('button', { name: 'Left jaw (masseter)', exact: true });
	await expect(jaw).toHaveAccessibleDescription('jaw joint');
	await page.getByRole('searchbox', { name: 'Find a region' }).fill('back of the neck');
	await expect(list.getByRole('button', { name: 'Left back of the neck', exact: true })).toHaveAccessibleDescription('splenius, semispinalis');

	await addMark(page, 'jaw', /^Left jaw/);
	await expect(page.getByRole('tabpanel', { name: 'Marks, 1 mark', exact: true })).toBeVisible();
	await addMark(page, 'low back', /^Left low back/);
	await expect(page.getByRole('tab', { name: 'Marks, 2 marks', exact: true })).toHaveAttribute('aria-selected', 'true');
	await expect(page.getByRole('tabpanel', { name: 'Marks, 2 marks', exact: true })).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
});
