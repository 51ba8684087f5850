/**
 * The words a person reads (issue 11, "Words"): cautions grouped by body part and addressed to
 * the page's reader, base shares named for what they cover, region list headings, dates, and
 * restore errors in words and in view on a phone.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { openTab } from './plan-tabs';
import { handOffDoc, linkFor } from './hostile-links';
import { codeOf } from '../../src/lib/domain/regions';

const summary = (page: Page) => page.getByRole('region', { name: 'At a glance' });
const timedPlan = (page: Page) => page.getByRole('region', { name: 'Timed plan' });
const saved = (page: Page) => expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();

async function seriousViolations(page: Page) {
	const result = await new AxeBuilder({ page }).analyze();
	return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

async function addMark(page: Page, query: string, region: string, sensation: string) {
	await page.getByRole('searchbox', { name: 'Find a region' }).fill(query);
	const name = new RegExp(`^${region.replace(/[()]/g, '\\$&')}`);
	await page.getByRole('region', { name: 'Regions', exact: true }).getByRole('button', { name }).click();
	const form = page.getByRole('form', { name: /mark on/ });
	await form.getByRole('radio', { name: sensation, exact: true }).check();
	await expect(form.getByRole('heading')).toContainText('Edit mark'); // added, with no button
}

test('a blood clot avoids "Both legs" in one line, its pressure words match its cap, and the red flag speaks to the therapist', async ({ page }, info) => {
	await createPlanForNewClient(page, 'Clot Cleo', 'Full body');
	await openTab(page, 'Plan');
	await page.getByRole('radio', { name: /Full body/ }).check();
	await openTab(page, 'Marks');
	await addMark(page, 'low back', 'Right low back beside the spine', 'Aching pain');
	await openTab(page, 'Plan');
	await page.getByRole('group', { name: /A blood clot/ }).getByRole('radio', { name: 'Yes' }).check();

	// One line for the 22 leg regions, in the summary and in the timed plan.
	await expect(summary(page)).toContainText('Avoid: Both legs — from the health check');
	await expect(summary(page)).not.toContainText('Left knee');
	await expect(timedPlan(page).locator('p').filter({ hasText: 'Not worked on today:' })).toHaveText('Not worked on today: Both legs.');
	await expect(page.getByRole('region', { name: 'Areas to avoid' })).toContainText('Already avoided: Both legs — from the health check.');

	// A red flag: the minutes are a draft, opened by the therapist who goes ahead after medical advice.
	await expect(timedPlan(page)).toContainText('Timed plan on hold. Red flag: blood clot.');
	await timedPlan(page).getByText('Draft plan, only if you go ahead after medical advice').click();

	// The caution's words come from its cap.
	await expect(summary(page)).toContainText('light pressure at most (2 · Light) elsewhere');
	await expect(summary(page)).not.toContainText('gentle pressure elsewhere');
	await expect(timedPlan(page).getByRole('table')).toContainText('2 · Light');

	// The therapist reads this page: the red flag is about the client, not to them.
	await expect(summary(page)).toContainText('Ask the client to see a medical professional before treatment');
	await expect(page.getByText(/right for you now/)).toHaveCount(0);

	// A base share beside a focus area inside it is the rest of that area.
	await expect(timedPlan(page).getByRole('table')).toContainText('Rest of the back');
	await expect(timedPlan(page).getByRole('table')).toContainText('Right low back beside the spine');
	await saved(page);
	expect(await seriousViolations(page)).toEqual([]);
	await summary(page).screenshot({ path: info.outputPath('words-summary.png') });
	await page.getByRole('region', { name: 'Areas to avoid' }).screenshot({ path: info.outputPath('words-avoid.png') });
	await timedPlan(page).screenshot({ path: info.outputPath('words-timed-plan.png') });
});

test('the region list never shows a heading without its regions under it', async ({ page }, info) => {
	await createPlanForNewClient(page, 'List Lou', 'Lists');
	const scroller = page.getByRole('region', { name: 'Regions', exact: true }).locator('.scroller');
	await expect(scroller.locator('button[data-code]')).toHaveCount(80);
	await scroller.evaluate((el) => el.scrollIntoView({ block: 'center' }));
	const max = await scroller.evaluate((el) => el.scrollHeight - el.clientHeight);
	expect(max).toBeGreaterThan(200);
	const empty: string[] = [];
	for (let top = 0; top <= max; top += 23) {
		const found = await scroller.evaluate((el, top) => {
			el.scrollTop = top;
			const box = el.getBoundingClientRect();
			const out: string[] = [];
			for (const h of el.querySelectorAll('h3')) {
				const hb = h.getBoundingClientRect();
				if (hb.top < box.top - 1 || hb.bottom > box.bottom) continue; // not wholly in view
				const seen = document.elementFromPoint(hb.left + 10, (hb.top + hb.bottom) / 2);
				if (!seen || !h.contains(seen)) continue; // covered by another heading
				// Its own regions have all gone up under it: the heading stands empty.
				const list = el.querySelector(`ul[aria-labelledby="${h.id}"]`)!.getBoundingClientRect();
				if (list.bottom < hb.bottom - 1) out.push(`${h.textContent} at scrollTop ${el.scrollTop}`);
			}
			return out;
		}, top);
		empty.push(...found);
	}
	expect(empty).toEqual([]);
	await scroller.evaluate((el) => (el.scrollTop = el.querySelector<HTMLElement>('[data-group="upper back"]')!.offsetTop - 10));
	await page.getByRole('region', { name: 'Regions', exact: true }).screenshot({ path: info.outputPath('words-region-list.png') });
});

test('dates look the same in the hand-off preview as everywhere else', async ({ page }, info) => {
	await page.goto(linkFor(JSON.stringify(handOffDoc({ client: { name: 'Date Dana' }, plan: { title: 'Dated', date: '2026-11-29' } }))));
	const preview = page.getByRole('region', { name: 'Dated' });
	const shown = await page.evaluate(() => new Date(2026, 10, 29).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' }));
	await expect(preview).toContainText(`From Date Dana, ${shown}`);
	await expect(preview).not.toContainText('2026-11-29');
	await preview.screenshot({ path: info.outputPath('words-handoff.png') });
	await page.getByRole('button', { name: 'Add this plan' }).click();
	await page.waitForURL(/\/plan\?id=/);
	await page.goto('/');
	await page.getByRole('list', { name: 'Clients' }).getByRole('link', { name: 'Date Dana' }).click();
	await expect(page.getByRole('list', { name: 'Plans for Date Dana' })).toContainText(shown);
});

test('restoring an older copy over newer local changes says the newer local versions were kept', async ({ page }, info) => {
	const planUrl = await createPlanForNewClient(page, 'Olde Ola', 'First title');
	await page.goto('/settings');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export all data' }).click();
	const path = info.outputPath('older.json');
	await (await download).saveAs(path);

	await page.goto(planUrl);
	await openTab(page, 'Plan');
	await page.getByLabel('Title', { exact: true }).fill('Changed since');
	await saved(page);
	await page.goto('/settings');
	const chooser = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: 'Restore from a file…' }).click();
	await (await chooser).setFiles(path);
	await page.getByRole('dialog', { name: 'Restore this backup?' }).getByRole('button', { name: 'Restore' }).click();
	const status = page.getByRole('status').filter({ hasText: 'Restore finished' });
	await expect(status).toContainText('This device had newer versions of 1 plan than the file: the newer versions on this device were kept.');
	await expect(status).not.toContainText('Nothing changed');
});

test('compare: a front mark among back marks, chosen in the table, gets the front view', async ({ page }) => {
	// Two sessions of one client, restored from a file: mostly the back of the legs, one front thigh.
	const base = handOffDoc({ plan: { title: 'Before', date: '2026-11-01' }, marks: 2 });
	const mark = (id: string, planId: string, region: string, intensity: number) => ({ ...base.marks[0], id, planId, region: codeOf(region), intensity });
	const doc = {
		...base,
		plans: [base.plans[0], { ...base.plans[0], id: 'hp2', title: 'After', date: '2026-11-29' }],
		marks: [
			mark('m1', 'hp1', 'hamstrings-l', 6),
			mark('m2', 'hp1', 'gluteus-maximus-l', 5),
			mark('m3', 'hp1', 'hamstrings-r', 5),
			mark('m4', 'hp2', 'hamstrings-l', 3),
			mark('m5', 'hp2', 'quadriceps-l', 4)
		]
	};
	await page.goto('/settings');
	const chooser = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: 'Restore from a file…' }).click();
	await (await chooser).setFiles({ name: 'two.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
	await page.getByRole('dialog', { name: 'Restore this backup?' }).getByRole('button', { name: 'Restore' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Restore finished' })).toBeVisible();

	await page.goto('/compare?a=hp1&b=hp2');
	const bodies = [page.getByRole('region', { name: /^Body before/ }), page.getByRole('region', { name: /^Body after/ })];
	for (const body of bodies) await expect(body.locator('.stage')).toHaveAttribute('data-load', 'ready');
	for (const body of bodies) await expect(body.getByTestId('orientation')).toContainText('Back view');
	await page.getByTestId('compare-table').getByRole('button', { name: 'Left front of the thigh (quads)' }).click();
	for (const body of bodies) await expect(body.getByTestId('orientation')).toContainText('Front view');
	for (const body of bodies) await expect(body.getByTestId('region-name')).toContainText('Left front of the thigh (quads)');
});

test.describe('on a 390×844 phone', () => {
	test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

	test('a restore error names the mark and plan in words, and shows where the person is looking', async ({ page }, info) => {
		const doc = handOffDoc({ plan: { title: 'Shoulder' }, marks: 4 });
		doc.marks[3].intensity = 11;
		await page.goto('/settings');
		const button = page.getByRole('button', { name: 'Restore from a file…' });
		await button.scrollIntoViewIfNeeded();
		const chooser = page.waitForEvent('filechooser');
		await button.tap();
		await (await chooser).setFiles({ name: 'shoulder.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });

		const alert = page.getByRole('alert').filter({ hasText: 'This file cannot be restored' });
		await expect(alert).toHaveText('This file cannot be restored: Mark 4 on plan “Shoulder”: intensity must be a whole number from 0 to 10. Nothing on this device was changed.');
		await expect(alert).toBeInViewport({ ratio: 1 });
		await expect(alert).toBeFocused();
		await page.screenshot({ path: info.outputPath('words-restore-error-phone.png') });

		// A cut-short file: no parser text.
		const chooser2 = page.waitForEvent('filechooser');
		await button.tap();
		await (await chooser2).setFiles({ name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc).slice(0, 80)) });
		await expect(alert).toHaveText(/^This file cannot be restored: The file is cut short/);
		await expect(alert).not.toContainText(/JSON|token|position/);
		await expect(alert).toBeInViewport({ ratio: 1 });
	});
});
