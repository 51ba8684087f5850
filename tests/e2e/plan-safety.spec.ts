/**
 * What the health check changes in the plan, on a tablet (1280×800): pregnancy puts the client
 * side-lying or seated (never face down) on the planner and the session sheet; a pressure cap is
 * the session's pressure wherever one is stated (At a glance, the sheet, the record's Pressure),
 * and choosing above it says so; numbness marked with the client's own "No" to the nerve question
 * is a caution, not a red flag (unanswered and Yes keep it).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { openTab } from './plan-tabs';
import { addMark, sheet } from './print-helpers';
import { seedPractitioner } from './practitioner-seed';

test.use({ viewport: { width: 1280, height: 800 }, hasTouch: true });

const health = (page: Page) => page.getByRole('region', { name: 'Health check' });
const timed = (page: Page) => page.getByRole('region', { name: 'Timed plan' });
const glance = (page: Page) => page.getByRole('region', { name: 'At a glance' });
const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ');
const redFlag = (page: Page) => page.getByText(/see a medical professional before treatment/);

/** Answers a question Yes or No: Yes/No radios where the planner has them, else its tick box (unticked after a tick is a No). */
async function answer(page: Page, question: string, yes: boolean): Promise<void> {
	const group = health(page).getByRole('group', { name: question });
	if (await group.count()) return group.getByRole('radio', { name: yes ? 'Yes' : 'No' }).check();
	const box = health(page).getByRole('checkbox', { name: question });
	await box.check();
	if (!yes) await box.uncheck();
}

async function openSheet(page: Page): Promise<string> {
	// The sheet reads the stored plan: the last answer is saved first.
	await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' }).first()).toBeVisible();
	await page.getByRole('link', { name: 'Session sheet' }).click();
	await page.waitForURL(/\/print\?id=/);
	await expect(page.locator('.paper[data-ready]')).toBeAttached({ timeout: 30_000 });
	return squash(await sheet(page).first().textContent());
}

async function seriousViolations(page: Page): Promise<string[]> {
	const result = await new AxeBuilder({ page }).analyze();
	return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

test('pregnant: the timed plan and the session sheet are side-lying or seated, never face down', async ({ page }, info) => {
	await createPlanForNewClient(page, 'Priya Pregnant', 'Full body');
	await openTab(page, 'Plan');
	await page.getByRole('radio', { name: /Full body/ }).check();
	await expect(timed(page)).toContainText('Face down');
	await answer(page, 'Pregnant?', true);
	await expect(health(page)).toContainText('side-lying or seated position');

	await expect(timed(page).getByRole('row').filter({ hasText: 'Side-lying or seated' })).not.toHaveCount(0);
	await expect(timed(page)).not.toContainText(/Face down|Face up/);
	await expect(glance(page)).toContainText(/Side-lying or seated · \d+ min/);
	await expect(glance(page)).not.toContainText(/Face down|Face up/);
	await glance(page).evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 60));
	await page.screenshot({ path: info.outputPath('pregnant-glance.png') });
	expect(await seriousViolations(page)).toEqual([]);

	const text = await openSheet(page);
	expect(text).toMatch(/Side-lying or seated · \d+ min/);
	expect(text).not.toMatch(/Face down|Face up/);
	await page.screenshot({ path: info.outputPath('pregnant-sheet.png'), fullPage: true });
});

test('a health-check cap is the session pressure on At a glance, the sheet and the record, and choosing above it says so', async ({ page }, info) => {
	await createPlanForNewClient(page, 'Theo Thinners', 'Neck');
	await seedPractitioner(page, 'Dana Reyes');
	await addMark(page, 'trapez', 'Right top of the shoulder (upper trapezius)', 'Knot or trigger point', 6);
	await openTab(page, 'Plan');
	await page.getByRole('radio', { name: /^3 · Moderate/ }).check();
	await expect(glance(page)).toContainText('default pressure 3 · Moderate');
	await answer(page, 'Taking blood thinners?', true);

	const capped = '2 · Light (capped by the health check: blood thinners)';
	await expect(glance(page)).toContainText(`default pressure ${capped}`);
	const session = page.getByRole('group', { name: 'Pressure for the session' });
	await expect(session.getByRole('status')).toHaveText('Planned at 2 · Light: capped by the health check: blood thinners.');
	await expect(session.getByText('5 · Deep')).toBeVisible();
	await expect(session.locator('label').filter({ hasText: '5 · Deep' })).toContainText('capped at 2 · Light today');
	await session.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 80));
	await page.screenshot({ path: info.outputPath('pressure-capped.png') });
	expect(await seriousViolations(page)).toEqual([]);

	// Pregnant, 5 · Deep chosen: the session is planned at Moderate, and says both reasons apart.
	await answer(page, 'Taking blood thinners?', false);
	await answer(page, 'Pregnant?', true);
	await page.getByRole('radio', { name: /^5 · Deep/ }).check();
	await expect(glance(page)).toContainText('default pressure 3 · Moderate (capped by the health check: pregnancy)');
	await expect(glance(page)).not.toContainText('5 · Deep');
	await page.getByRole('radio', { name: /^3 · Moderate/ }).check();
	await expect(session.getByRole('status')).toHaveCount(0);
	await answer(page, 'Pregnant?', false);
	await answer(page, 'Taking blood thinners?', true);
	await expect(glance(page)).toContainText(`default pressure ${capped}`);

	// A mark's "plan default" names the planned pressure too.
	await openTab(page, 'Marks');
	await page.getByRole('list', { name: /^Marks/ }).getByRole('button', { name: /^Edit mark: Right top of the shoulder/ }).click();
	await expect(page.getByLabel('Pressure for this area').locator('option').first()).toHaveText('Plan default (Light)');

	await openTab(page, 'Record');
	await expect(page.locator('#panel-record').getByLabel('Pressure', { exact: true })).toHaveValue(capped);
	await openTab(page, 'Plan');
	const text = await openSheet(page);
	// On paper the reasons are the Take care lines beside it, to keep the plan on page one.
	expect(text).toContain('Default pressure 2 · Light (capped by the health check)');
	expect(text).toContain('Blood thinners: bruising comes easily. Light pressure only');
});

test('numbness marked: the client’s own No is a caution, not a red flag; unanswered and Yes keep the red flag', async ({ page }, info) => {
	await createPlanForNewClient(page, 'Nia Numb', 'Shoulder');
	await addMark(page, 'trapez', 'Left top of the shoulder (upper trapezius)', 'Numbness or tingling', 5);
	await openTab(page, 'Plan');
	// Not answered: the reason is unknown, the red flag stands.
	await expect(redFlag(page).first()).toBeVisible();

	await answer(page, 'Numbness, tingling or pain that spreads, without a known reason?', false);
	await expect(health(page)).toContainText('Numbness or tingling was marked, with a reason the client knows: light pressure at most (2 · Light) there');
	await expect(redFlag(page)).toHaveCount(0);
	await expect(timed(page).getByRole('row').filter({ hasText: 'Left top of the shoulder' })).toContainText('2 · Light');
	await health(page).evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 60));
	await page.screenshot({ path: info.outputPath('numbness-no.png') });
	const text = await openSheet(page);
	expect(text).not.toMatch(/see a medical professional/);
	expect(text).toContain('with a reason the client knows');
	await page.goBack();
	await openTab(page, 'Plan');

	await answer(page, 'Numbness, tingling or pain that spreads, without a known reason?', true);
	await expect(redFlag(page).first()).toBeVisible();
	await expect(health(page)).not.toContainText('with a reason the client knows');
});
