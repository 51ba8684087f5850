/**
 * A painting is saved like a tapped mark: choosing what it feels like adds it (closing the tab
 * loses nothing), and a reopened painted mark shows the side it is on. A region chosen from the
 * list turns the body to show it, and from the keyboard the focus goes on to the editor.
 */
import type { Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { screenPointOf, showView } from './body-helpers';
import { storedMarksOf } from './stored';
import { codeOf } from '../../src/lib/domain/regions';

test.describe.configure({ timeout: 120_000 });

const markList = (page: Page) => page.getByRole('list', { name: /^Marks/ });
const orientation = (page: Page) => page.getByTestId('orientation');
const regionList = (page: Page) => page.getByRole('region', { name: 'Regions', exact: true });

test('choosing what a painting feels like saves it as a mark: a new page after closing the tab shows it, turned to its side', async ({ page, context }) => {
	const url = await createPlanForNewClient(page, 'Paint Saved', 'Low back');
	await showView(page, 'Back view');
	await page.getByRole('radio', { name: 'Paint an area' }).check();
	const from = await screenPointOf(page, codeOf('lumbar-erector-l'));
	await page.mouse.move(from.x, from.y);
	await page.mouse.down();
	for (let i = 1; i <= 8; i++) await page.mouse.move(from.x, from.y + (30 * i) / 8);
	await page.mouse.up();
	await page.getByRole('form', { name: /New painted area/ }).getByRole('radio', { name: 'Tension or tightness', exact: true }).click();
	// The stored mark's editor takes the painting's place, with the focus on the choice just made.
	await expect(page.getByRole('form', { name: /Edit painted area/ }).getByRole('radio', { name: 'Tension or tightness', exact: true })).toBeFocused();

	// Added at once, as a tapped region's mark is: listed, stored, and undoable.
	await expect(markList(page).getByRole('listitem')).toHaveCount(1);
	await expect(page.getByRole('form', { name: /Edit painted area/ })).toBeVisible();
	await expect.poll(async () => (await storedMarksOf(page, url)).length).toBe(1);
	await expect(page.getByRole('button', { name: /^Undo\W+adding Tension or tightness/ })).toBeVisible();

	// The tab closes; the plan opened again in a new one (fresh session storage) shows the mark on its side.
	const address = page.url();
	await page.close();
	const again = await context.newPage();
	await again.goto(address);
	await expect(again.locator('canvas[data-body]')).toHaveCount(1, { timeout: 30_000 });
	await expect(markList(again).getByRole('listitem')).toHaveCount(1);
	await expect(markList(again)).toContainText('Tension · 5/10');
	await expect(orientation(again)).toContainText('Back view');

	// Chosen from the list after turning away: the body turns back to it.
	await showView(again, 'Front view');
	await markList(again).getByRole('button', { name: /Edit mark/ }).click();
	await expect(orientation(again)).toContainText('Back view');
});

test('a region chosen from the list turns the body to the side that shows it', async ({ page }) => {
	await createPlanForNewClient(page, 'List Turn', 'Low back');
	await showView(page, 'Front view');
	await page.getByRole('searchbox', { name: 'Find a region' }).fill('low back');
	await regionList(page).getByRole('button', { name: /^Left low back beside the spine/ }).click();
	await expect(orientation(page)).toContainText('Back view');
});

test('keyboard only: Enter on a region in the list puts the focus on the editor\'s first question, in view', async ({ page }) => {
	await createPlanForNewClient(page, 'Keys Kim', 'Low back');
	await expect(page.locator('canvas[data-body]')).toHaveCount(1, { timeout: 30_000 });
	await page.getByRole('searchbox', { name: 'Find a region' }).fill('low back');
	const button = regionList(page).getByRole('button', { name: /^Left low back beside the spine/ });
	await button.focus();
	await page.keyboard.press('Enter');
	const first = page.getByRole('form', { name: /New mark on Left low back/ }).getByRole('radio').first();
	await expect(first).toBeFocused();
	await expect(first).toBeInViewport();
	// Space there chooses what it feels like (not "Do not touch"): the mark is added.
	await page.keyboard.press('Space');
	await expect(markList(page).getByRole('listitem')).toHaveCount(1);
});
