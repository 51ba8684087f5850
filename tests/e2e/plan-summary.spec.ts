import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { setClientAllergies } from './allergies-helper';
import { openTab } from './plan-tabs';

/** A region's name inside a pattern: its brackets ("(upper trapezius)") are meant literally. */
const esc = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const summary = (page: Page) => page.getByRole('region', { name: 'At a glance' });
const summarySteps = (page: Page) => summary(page).locator('ol > li');
const timedRows = (page: Page) => page.getByRole('table').locator('tbody tr');
const notWorkedOn = (page: Page) => page.getByRole('region', { name: 'Timed plan' }).locator('p').filter({ hasText: 'Not worked on today:' });
const avoidZones = (page: Page) => page.getByRole('region', { name: 'Areas to avoid' });
const outcome = (page: Page) => page.getByRole('region', { name: 'After the session' });
const saved = (page: Page) => expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();

/** Adds a mark on a region chosen in the region list, as a mouse or touch user would. */
async function addMark(page: Page, query: string, region: string, sensation: string, intensity: number) {
	await page.getByRole('searchbox', { name: 'Find a region' }).fill(query);
	await page.getByRole('region', { name: 'Regions', exact: true }).getByRole('button', { name: new RegExp(`^${esc(region)}`) }).click();
	const form = page.getByRole('form', { name: new RegExp(`mark on ${esc(region)}`) });
	await form.getByRole('slider', { name: 'Intensity' }).fill(String(intensity));
	await form.getByRole('radio', { name: sensation, exact: true }).check();
	await expect(page.getByRole('list', { name: /^Marks/ }).getByRole('button', { name: new RegExp(`Edit mark: ${esc(region)}: ${sensation}, ${intensity} of 10`) })).toBeVisible();
}

async function seriousViolations(page: Page) {
	const result = await new AxeBuilder({ page }).analyze();
	return result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('the summary shows the steps with minutes and pressure, the figures as information, cautions and the client’s words', async ({ page }) => {
	await createPlanForNewClient(page, 'Glance Gia', 'Back and neck');
	await openTab(page, 'Plan');
	await expect(summary(page)).toContainText('Nothing to plan yet');
	await expect(summary(page)).toContainText('0 of 19 sites');

	await openTab(page, 'Marks');
	await addMark(page, 'low back', 'Left low back beside the spine', 'Aching pain', 8);
	await addMark(page, 'trapez', 'Right top of the shoulder (upper trapezius)', 'Sharp pain', 6);
	await addMark(page, 'calf', 'Left upper calf (gastrocnemius)', 'Knot or trigger point', 4);

	// In treatment order: the back before the shoulder, the calf after; minutes fill the 25 hands-on.
	await openTab(page, 'Plan');
	await expect(summarySteps(page)).toHaveCount(3);
	await expect(summarySteps(page).nth(0)).toContainText('Left low back beside the spine');
	await expect(summarySteps(page).nth(0)).toContainText('3 · Moderate');
	await expect(summarySteps(page).nth(0)).toContainText('Aching 8/10');
	await expect(summarySteps(page).nth(1)).toContainText('Right top of the shoulder (upper trapezius)');
	await expect(summary(page)).toContainText('Local focus · 30 min (25 hands-on)');
	const minutes = await summarySteps(page).evaluateAll((items) =>
		items.map((li) => Number(/(\d+) min/.exec(li.textContent ?? '')?.[1] ?? NaN))
	);
	expect(minutes.reduce((a, b) => a + b, 0)).toBe(25);
	// The same minutes as the timed plan.
	await expect(timedRows(page).first().getByRole('spinbutton')).toHaveValue(String(minutes[0]));

	// Two pain sites of 19 (the knot is no pain); a real share of the body; said to be no diagnosis.
	const facts = summary(page).getByRole('definition');
	await expect(summary(page)).toContainText('2 of 19 sites');
	await expect(facts.filter({ hasText: /of the body/ })).toHaveText(/^(under 1|[1-9]\d?)% of the body$/);
	await expect(summary(page).getByText('They are not a diagnosis.')).toBeVisible();

	await openTab(page, 'Notes');
	await page.getByLabel("In the client's words").fill('It grabs when I turn my head.');
	await openTab(page, 'Plan');
	await expect(summary(page).locator('blockquote')).toHaveText('“It grabs when I turn my head.”');
	await page.getByRole('checkbox', { name: 'Relaxation', exact: true }).check();
	// The client's allergies, from their health details.
	await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' }).first()).toBeVisible();
	await setClientAllergies(page, page.url(), 'Nut oils');
	await page.reload();
	await openTab(page, 'Plan');
	await expect(summary(page)).toContainText('Relaxation');
	await expect(summary(page)).toContainText('Allergies: Nut oils');

	// A red flag reaches the summary too.
	await expect(summary(page)).not.toContainText('see a medical professional');
	await page.getByRole('group', { name: /A fever/ }).getByRole('radio', { name: 'Yes' }).check();
	await expect(summary(page)).toContainText('Ask the client to see a medical professional before treatment');
	await expect(summary(page)).not.toContainText('right for you');
	await expect(summary(page)).toContainText('Fever or infection');
	await saved(page);

	await page.reload();
	await openTab(page, 'Plan');
	await expect(summarySteps(page)).toHaveCount(3);
	await expect(summary(page)).toContainText('2 of 19 sites');
	await expect(summary(page).locator('blockquote')).toHaveText('“It grabs when I turn my head.”');

	// "No pain or tension today": the marks stay but leave the plan and the figures.
	await openTab(page, 'Marks');
	await page.getByRole('checkbox', { name: 'No pain or tension today' }).check();
	await openTab(page, 'Plan');
	await expect(summarySteps(page)).toHaveCount(0);
	await expect(summary(page)).toContainText('No pain or tension today (3 marks are kept but left out)');
	await expect(summary(page)).not.toContainText('of 19 sites');
});

test('recording the outcome marks the plan done, keeps before and after, and survives a reload', async ({ page }) => {
	await createPlanForNewClient(page, 'Outcome Ola', 'Shins');
	await addMark(page, 'shin', 'Right shin', 'Aching pain', 7);
	await expect(page.getByLabel('Status')).toHaveValue('draft');

	await openTab(page, 'Outcome');
	const o = outcome(page);
	await expect(o.getByText('before 7')).toBeVisible();
	await o.getByLabel('What was done').fill('Myofascial release along the shin');
	await expect(page.getByLabel('Status')).toHaveValue('done');
	await expect(o.getByRole('status')).toHaveText("Outcome recorded: the plan's status is now Done.");

	const after = o.getByRole('spinbutton', { name: 'Intensity afterwards: Right shin' });
	await after.fill('12');
	await expect(o.getByRole('alert')).toHaveText('Enter a whole number from 0 (none) to 10 (worst), or leave it empty.');
	await after.fill('3');
	await expect(o.getByRole('alert')).toHaveCount(0);
	await expect(o).toContainText('better by 4');
	await o.getByLabel("The client's response").fill('Less pulling when walking');
	await o.getByLabel('Advice given').fill('Calf stretch twice a day');
	await saved(page);

	await page.reload();
	await openTab(page, 'Outcome');
	await expect(page.getByLabel('Status')).toHaveValue('done');
	await expect(o.getByLabel('What was done')).toHaveValue('Myofascial release along the shin');
	await expect(o.getByLabel("The client's response")).toHaveValue('Less pulling when walking');
	await expect(o.getByLabel('Advice given')).toHaveValue('Calf stretch twice a day');
	await expect(after).toHaveValue('3');

	// Typed and reloaded at once, before the throttled save could run: nothing is lost.
	await o.getByLabel('Advice given').fill('Calf stretch twice a day, and heat');
	await page.reload();
	await openTab(page, 'Outcome');
	await expect(o.getByLabel('Advice given')).toHaveValue('Calf stretch twice a day, and heat');
	await saved(page);
	await page.reload();
	await openTab(page, 'Outcome');
	await expect(o.getByLabel('Advice given')).toHaveValue('Calf stretch twice a day, and heat');

	// The therapist can still change the status; later outcome edits leave it alone.
	await openTab(page, 'Plan');
	await page.getByLabel('Status').selectOption('planned');
	await openTab(page, 'Outcome');
	await o.getByLabel('Advice given').fill('Calf stretch twice a day; heat at night');
	await saved(page);
	await page.reload();
	await openTab(page, 'Outcome');
	await expect(page.getByLabel('Status')).toHaveValue('planned');
	await expect(o.getByLabel('Advice given')).toHaveValue('Calf stretch twice a day; heat at night');
});

test('an area the therapist avoids leaves the timed plan and shows in the summary', async ({ page }) => {
	await createPlanForNewClient(page, 'Avoid Ava', 'Legs');
	await addMark(page, 'knee', 'Left knee', 'Aching pain', 5);
	await addMark(page, 'calf', 'Right upper calf (gastrocnemius)', 'Tension or tightness', 4);
	await openTab(page, 'Plan');
	await expect(timedRows(page).filter({ hasText: 'Left knee' })).toHaveCount(1);

	const zones = avoidZones(page);
	await zones.getByLabel('Add an area to avoid').fill('knee');
	await zones.getByLabel('Side', { exact: true }).selectOption({ label: "Client's left" });
	await expect(zones.getByText('1 region matches.')).toBeVisible();
	await zones.getByRole('checkbox', { name: /^Left knee/ }).check();

	await expect(timedRows(page).filter({ hasText: 'Left knee' })).toHaveCount(0);
	await expect(timedRows(page)).toHaveCount(1);
	await expect(notWorkedOn(page)).toHaveText('Not worked on today: Left knee.');
	await expect(summarySteps(page)).toHaveCount(1);
	await expect(summary(page)).toContainText('Avoid: Left knee — chosen by the therapist');
	await expect(zones.getByRole('list', { name: 'Chosen by you' })).toContainText('Left knee');
	await saved(page);

	await page.reload();
	await openTab(page, 'Plan');
	await expect(summary(page)).toContainText('Avoid: Left knee — chosen by the therapist');
	await expect(timedRows(page).filter({ hasText: 'Left knee' })).toHaveCount(0);
	await zones.getByRole('button', { name: 'Remove Left knee from the areas to avoid' }).click();
	await expect(timedRows(page).filter({ hasText: 'Left knee' })).toHaveCount(1);
	await expect(summary(page)).not.toContainText('Avoid:');
});

test('the avoid picker works with the keyboard alone, and axe finds nothing serious on the filled-in planner', async ({ page }) => {
	await createPlanForNewClient(page, 'Keys Kai', 'Full body');
	await openTab(page, 'Plan');
	await page.getByRole('radio', { name: /Full body/ }).check();
	const zones = avoidZones(page);
	const search = zones.getByLabel('Add an area to avoid');
	const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest('label')?.textContent?.trim() ?? document.activeElement?.id ?? '');

	// Type, pick the side, go down into the matches and tick the second one.
	await search.focus();
	await page.keyboard.type('calf');
	await page.keyboard.press('Tab');
	await expect(zones.getByLabel('Side', { exact: true })).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await expect(zones.getByLabel('Side', { exact: true })).toHaveValue('left');
	await page.keyboard.press('ArrowDown');
	await expect(zones.getByLabel('Side', { exact: true })).toHaveValue('right');
	await expect(zones.getByText('2 regions match.')).toBeVisible();
	await page.keyboard.press('Shift+Tab');
	await expect(search).toBeFocused();
	await page.keyboard.press('ArrowDown');
	expect(await focused()).toMatch(/^Right upper calf \(gastrocnemius\)/);
	await page.keyboard.press('ArrowDown');
	expect(await focused()).toMatch(/^Right lower calf and Achilles/);
	await page.keyboard.press('Space');
	await expect(zones.getByRole('checkbox', { name: /^Right lower calf/ })).toBeChecked();
	await expect(zones.getByRole('list', { name: 'Chosen by you' })).toContainText('Right lower calf and Achilles');
	await page.keyboard.press('Escape');
	await expect(search).toBeFocused();

	// Enter adds the only match.
	await page.keyboard.press('Control+A');
	await page.keyboard.type('shin');
	await expect(zones.getByText('1 region matches.')).toBeVisible();
	await page.keyboard.press('Enter');
	await expect(zones.getByRole('list', { name: 'Chosen by you' }).getByRole('listitem')).toHaveCount(2);
	await expect(summary(page)).toContainText('Right shin — chosen by the therapist');
	await expect(notWorkedOn(page)).toContainText('Right shin');

	// Back to the list of chosen areas, and remove one from the keyboard; focus stays in the list.
	await page.keyboard.press('Shift+Tab');
	await expect(zones.getByRole('button', { name: 'Remove Right shin from the areas to avoid' })).toBeFocused();
	await page.keyboard.press('Shift+Tab');
	await expect(zones.getByRole('button', { name: 'Remove Right lower calf and Achilles from the areas to avoid' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(zones.getByRole('list', { name: 'Chosen by you' }).getByRole('listitem')).toHaveCount(1);
	await expect(zones.getByRole('button', { name: 'Remove Right shin from the areas to avoid' })).toBeFocused();

	// A filled-in planner, light and dark: summary with a red flag, picker open, outcome recorded.
	await page.getByRole('group', { name: /A fever/ }).getByRole('radio', { name: 'Yes' }).check();
	await openTab(page, 'Notes');
	await page.getByLabel("In the client's words").fill('Tight all over after the marathon.');
	await openTab(page, 'Outcome');
	await outcome(page).getByLabel('What was done').fill('Full-body sports massage');
	await openTab(page, 'Plan');
	await search.fill('back');
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		expect(await seriousViolations(page), scheme).toEqual([]);
	}
});

test('the summary folds away while mapping, stays folded after a reload, and a red flag still shows', async ({ page }) => {
	await createPlanForNewClient(page, 'Fold Fay', 'Fold');
	await openTab(page, 'Plan');
	const glance = page.getByRole('region', { name: 'At a glance' });
	const fold = glance.getByRole('button', { name: /the plan at a glance/ });
	await expect(fold).toHaveAttribute('aria-expanded', 'true');
	await expect(glance.getByText('In this order')).toBeVisible();
	await fold.click();
	await expect(fold).toHaveAttribute('aria-expanded', 'false');
	await expect(glance.getByText('In this order')).toBeHidden();
	await page.getByRole('group', { name: /A fever/ }).getByRole('radio', { name: 'Yes' }).check();
	await expect(glance.getByText(/^Red flag: Ask the client/)).toBeVisible();
	await page.reload();
	await openTab(page, 'Plan');
	await expect(glance.getByRole('button', { name: /the plan at a glance/ })).toHaveAttribute('aria-expanded', 'false');
	// With the red flag, the steps there are a draft on hold.
	await expect(glance.getByText('Timed plan on hold')).toBeHidden();
	await glance.getByRole('button', { name: /the plan at a glance/ }).click();
	await expect(glance.getByText('Timed plan on hold')).toBeVisible();
	await expect(glance.getByText('In this order')).toHaveCount(0);
});
