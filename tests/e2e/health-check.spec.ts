/**
 * The therapist's health check on a tablet (1280×800, touch): each question answered Yes or No,
 * "None of these apply" for the rest, the answers in words on the planner, the session sheet and
 * the printed record; a red flag puts the timed plan on hold (a draft kept folded) and a place
 * marked with numbness gets no minutes, with the reason; the import preview counts the answers.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { openTab } from './plan-tabs';
import { addMark, sheet } from './print-helpers';
import { handOffDoc, linkFor } from './hostile-links';

test.use({ viewport: { width: 1280, height: 800 }, hasTouch: true });

const health = (page: Page) => page.getByRole('region', { name: 'Health check' });
const tally = (page: Page) => health(page).getByRole('status');
const answer = (page: Page, question: RegExp | string, yes: 'Yes' | 'No') => health(page).getByRole('group', { name: question }).getByRole('radio', { name: yes });
const timed = (page: Page) => page.getByRole('region', { name: 'Timed plan' });
const glance = (page: Page) => page.getByRole('region', { name: 'At a glance' });
const saved = (page: Page) => expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
const squash = (s: string) => s.replace(/\s+/g, ' ');

async function seriousViolations(page: Page) {
	const result = await new AxeBuilder({ page }).analyze();
	return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function openSheet(page: Page) {
	await page.getByRole('link', { name: 'Session sheet' }).click();
	await page.waitForURL(/\/print\?id=/);
	await expect(page.locator('.paper[data-ready]')).toBeAttached({ timeout: 30_000 });
	return squash((await sheet(page).first().textContent()) ?? '');
}

test('the therapist answers each question Yes or No, the rest No in one tap; the answers given are kept and printed', async ({ page }, info) => {
	await createPlanForNewClient(page, 'Nora Noanswers', 'Neck');
	await openTab(page, 'Plan');
	await expect(tally(page)).toHaveText('None of the 11 questions answered');
	await expect(health(page).getByRole('radio', { name: 'No' })).toHaveCount(11);
	await expect(health(page).getByRole('button', { name: 'None of these apply' })).toBeVisible();
	await health(page).evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 60));
	await page.screenshot({ path: info.outputPath('health-check-open.png') });

	// By keyboard: Space answers Yes, an arrow key turns it to No.
	await answer(page, 'Taking blood thinners?', 'Yes').focus();
	await page.keyboard.press('Space');
	await expect(answer(page, 'Taking blood thinners?', 'Yes')).toBeChecked();
	await page.keyboard.press('ArrowRight');
	await expect(answer(page, 'Taking blood thinners?', 'No')).toBeChecked();
	await expect(tally(page)).toHaveText('1 no, 10 not answered');

	// One tap answers the ten still open No; each answer is a target a finger can hit.
	const rest = health(page).getByRole('button', { name: 'No to the other 10' });
	await rest.tap();
	await expect(tally(page)).toHaveText('No to all 11 questions');
	for (const label of await health(page).locator('fieldset label').all()) expect((await label.boundingBox())!.height).toBeGreaterThanOrEqual(44);
	await expect(health(page).getByRole('button', { name: /None of these apply|No to the other/ })).toHaveCount(0);
	await expect(glance(page)).toContainText('Health check');
	await expect(glance(page)).toContainText('No to all 11 questions');
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		await health(page).evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 60));
		await page.screenshot({ path: info.outputPath(`health-check-${scheme}.png`) });
		expect(await seriousViolations(page), scheme).toEqual([]);
	}
	await page.emulateMedia({ colorScheme: 'light' });

	// A yes changes one answer, the others stay No.
	await answer(page, /A fever/, 'Yes').tap();
	await expect(tally(page)).toHaveText('Yes: fever or infection; no to the 10 others');
	await saved(page);
	await page.reload();
	await openTab(page, 'Plan');
	await expect(tally(page)).toHaveText('Yes: fever or infection; no to the 10 others');
	await expect(answer(page, /A fever/, 'Yes')).toBeChecked();
	await expect(answer(page, 'Pregnant?', 'No')).toBeChecked();

	const onSheet = await openSheet(page);
	expect(onSheet).toMatch(/Health check\s*Yes: fever or infection; no to the 10 others/);

	await page.getByRole('link', { name: 'Back to the plan' }).click();
	await openTab(page, 'Record');
	await page.locator('#panel-record').getByRole('link', { name: 'Print record' }).click();
	await page.waitForURL(/\/print-record\?plan=/);
	await expect(page.locator('.paper').first()).toContainText('Health check', { timeout: 30_000 });
	const record = squash((await page.locator('main').textContent()) ?? '');
	expect(record).toContain('Yes: A fever, or feeling unwell with an infection?');
	expect(record).toContain('No to the 10 others');
	expect(record).not.toContain('Not answered');
});

test('a fever puts the timed plan on hold: why, and the draft minutes only when asked for, on the planner and on paper', async ({ page }, info) => {
	await createPlanForNewClient(page, 'Fay Fever', 'Full body');
	await openTab(page, 'Plan');
	await page.getByRole('radio', { name: /Full body/ }).check();
	await expect(timed(page).getByRole('table')).toBeVisible();
	await expect(glance(page).getByText('In this order')).toBeVisible();

	await answer(page, /A fever/, 'Yes').tap();
	await expect(timed(page)).toContainText('Timed plan on hold. Red flag: fever or infection. Postpone the massage until the client has recovered.');
	await expect(timed(page).getByRole('table')).toBeHidden();
	await expect(glance(page).getByText('In this order')).toHaveCount(0);
	await expect(glance(page)).toContainText('Timed plan on hold');
	await expect(glance(page).locator('ol > li').first()).toBeHidden();
	await glance(page).screenshot({ path: info.outputPath('glance-on-hold.png') });

	// The draft, opened by the therapist who decides: still every minute of the hands-on time.
	await timed(page).getByText('Draft plan, for when the client has recovered').tap();
	await expect(timed(page).getByRole('table')).toBeVisible();
	await expect(timed(page).getByRole('table').locator('tfoot')).toContainText('50 min');
	await timed(page).scrollIntoViewIfNeeded();
	await timed(page).screenshot({ path: info.outputPath('timed-on-hold.png') });
	expect(await seriousViolations(page)).toEqual([]);
	await saved(page);

	const onSheet = await openSheet(page);
	expect(onSheet).toContain('Timed plan on hold. Red flag: fever or infection. Postpone the massage until the client has recovered.');
	expect(onSheet).toContain('Draft plan, for when the client has recovered');
	expect(onSheet).not.toContain('Focus areas, in order');
	await page.locator('.paper').first().screenshot({ path: info.outputPath('sheet-on-hold.png') });
});

test('numbness marked on the right deltoid with Yes to the nerve question: that place gets no minutes, and says why', async ({ page }, info) => {
	await createPlanForNewClient(page, 'Ned Numb', 'Shoulder');
	await addMark(page, 'deltoid', 'Right cap of the shoulder (deltoid)', 'Numbness or tingling', 6);
	await addMark(page, 'trapez', 'Left top of the shoulder (upper trapezius)', 'Knot or trigger point', 5);
	await openTab(page, 'Plan');
	await answer(page, /Numbness, tingling or pain that spreads/, 'Yes').tap();

	await expect(timed(page)).toContainText('Timed plan on hold. Red flag: unexplained numbness or tingling. Ask the client to see a medical professional before treatment.');
	await expect(timed(page)).toContainText(
		'Left out of the minutes: Right cap of the shoulder (deltoid) — numbness or tingling marked there: left out until a medical professional has checked it.'
	);
	await timed(page).getByText('Draft plan, only if you go ahead after medical advice').tap();
	const rows = timed(page).getByRole('table').locator('tbody tr');
	await expect(rows).toHaveCount(1);
	await expect(rows.first()).toContainText('Left top of the shoulder (upper trapezius)');
	await expect(rows.first().getByRole('spinbutton')).toHaveValue('25');
	await expect(page.getByRole('region', { name: 'Areas to avoid' })).toContainText('Right cap of the shoulder (deltoid) — numbness or tingling marked there');
	await timed(page).scrollIntoViewIfNeeded();
	await timed(page).screenshot({ path: info.outputPath('timed-numbness.png') });
	await saved(page);

	const onSheet = await openSheet(page);
	expect(onSheet).toContain('Draft plan, only if you go ahead after medical advice');
	expect(onSheet).toContain('Right cap of the shoulder (deltoid) — numbness or tingling marked there');
	expect(onSheet).not.toMatch(/Right cap of the shoulder \(deltoid\)\s*Numbness 6\/10\s*\d+ min/);
});

test('the import preview says the health answers as given: "6 no, 5 not answered"', async ({ page }) => {
	const six = Object.fromEntries(['accident', 'acute', 'fever', 'clot', 'thinners', 'osteoporosis'].map((id) => [id, false]));
	await page.goto(linkFor(JSON.stringify(handOffDoc({ plan: { health: six } }))));
	const preview = page.getByRole('region', { name: 'From home' });
	await expect(preview).toContainText('Health check: 6 no, 5 not answered.');
	await expect(preview).not.toContainText('no question answered yes');
});
