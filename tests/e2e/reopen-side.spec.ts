/**
 * QA session 10, item 10: a plan opened afresh (a new tab, after the browser was closed, from the
 * client's page: nothing selected in its address) shows the side where its marks are, not always
 * the front. Marks only on the back: the back view.
 */
import type { Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { pickRegionByKeyboard, showView } from './body-helpers';

test.use({ viewport: { width: 1280, height: 800 } });
test.describe.configure({ timeout: 120_000 });

const orientation = (page: Page) => page.getByTestId('orientation');

async function addMark(page: Page, query: string, region: RegExp) {
	await pickRegionByKeyboard(page, query, region);
	await page.getByRole('form', { name: /mark on/ }).getByRole('radio', { name: 'Tension or tightness', exact: true }).check();
	await expect(page.getByRole('status').filter({ hasText: 'Mark added: Tension or tightness' })).toBeVisible();
}

test('a plan whose marks are on the back opens on the back view in a new tab, with nothing selected', async ({ page, context }) => {
	const url = await createPlanForNewClient(page, 'Back Only', 'Low back');
	await addMark(page, 'low back', /^Left low back beside the spine/);
	await addMark(page, 'calf', /^Left upper calf \(gastrocnemius\)/);
	await showView(page, 'Front view');
	await expect(orientation(page)).toContainText('Front view');
	await page.close();

	// Opened as the client's page opens it: the plan's own address, no mark or region in it.
	const again = await context.newPage();
	await again.goto(url);
	expect(new URL(again.url()).searchParams.get('mark')).toBeNull();
	await expect(again.locator('canvas[data-body]')).toHaveCount(1, { timeout: 30_000 });
	await expect(again.getByRole('list', { name: /^Marks/ }).getByRole('listitem')).toHaveCount(2);
	await expect(orientation(again)).toContainText('Back view');
	await again.screenshot({ path: 'test-results/reopen-side-back.png' });
});

test('marks on both sides, more on the front: it opens on the front', async ({ page, context }) => {
	const url = await createPlanForNewClient(page, 'Mostly Front', 'Chest');
	await addMark(page, 'shin', /^Left shin/);
	await addMark(page, 'front of the thigh', /^Left front of the thigh/);
	await addMark(page, 'low back', /^Left low back beside the spine/);
	await expect(orientation(page)).toContainText('Back view');
	await page.close();
	const again = await context.newPage();
	await again.goto(url);
	await expect(again.locator('canvas[data-body]')).toHaveCount(1, { timeout: 30_000 });
	await expect(again.getByRole('list', { name: /^Marks/ }).getByRole('listitem')).toHaveCount(3);
	await expect(orientation(again)).toContainText('Front view');
});
