/**
 * Polish on the tablet (1280×800, touch): the therapist's region list keeps "Client's side"; screen
 * readers hear a region's name and its muscle hint apart, and the Marks tab by its count in words;
 * a notice stays on the page it was raised on; a tab opens at its start; a typed signature is typed
 * by the signer, never filled in.
 */
import type { Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { seriousViolations } from './pin-helpers';
import { openTab } from './plan-tabs';
import { seedPractitioner } from './practitioner-seed';
import { setStoredPlanField } from './stored';

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

	// The same in the Plan tab's areas to avoid.
	await openTab(page, 'Plan');
	await page.getByRole('region', { name: 'Areas to avoid' }).getByLabel('Add an area to avoid').fill('jaw');
	await expect(page.getByRole('checkbox', { name: 'Left jaw (masseter)', exact: true })).toHaveAccessibleDescription('jaw joint');
	await openTab(page, 'Marks');

	await addMark(page, 'jaw', /^Left jaw/);
	await expect(page.getByRole('tabpanel', { name: 'Marks, 1 mark', exact: true })).toBeVisible();
	await addMark(page, 'low back', /^Left low back/);
	await expect(page.getByRole('tab', { name: 'Marks, 2 marks', exact: true })).toHaveAttribute('aria-selected', 'true');
	await expect(page.getByRole('tabpanel', { name: 'Marks, 2 marks', exact: true })).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
});

/** Signs the draft record by typing the practitioner's name (after checking the box starts empty). */
async function signRecordTyped(page: Page, name: string) {
	await openTab(page, 'Record');
	await page.getByRole('button', { name: 'Start session' }).click();
	await page.getByRole('button', { name: 'End session' }).click();
	await page.getByRole('button', { name: 'Finalise and sign…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Finalise and sign this record' });
	await dialog.getByRole('checkbox', { name: /I have the client's consent another way/ }).check();
	await dialog.getByRole('button', { name: 'Type your name instead' }).click();
	const typed = dialog.getByLabel('Type your full name to sign');
	await expect(typed, 'never filled in for the signer').toHaveValue('');
	await expect(typed).toHaveAccessibleDescription(new RegExp(`Signing as ${name}`));
	// Nothing typed, nothing signed.
	await dialog.getByRole('button', { name: 'Sign and lock' }).click();
	await expect(dialog).toBeVisible();
	await expect(dialog.getByRole('alert')).toContainText('Please sign the record.');
	await typed.fill(name);
	await dialog.getByRole('button', { name: 'Sign and lock' }).click();
	await expect(dialog).toBeHidden();
}

test('signing: the typed name is typed by the signer in the record, addendum and consent dialogs', async ({ page }) => {
	await createPlanForNewClient(page, 'Tia Typed');
	await seedPractitioner(page, 'Sam Ortiz');
	await page.reload();
	await signRecordTyped(page, 'Sam Ortiz');
	await page.getByRole('button', { name: 'Add a correction (addendum)…' }).click();
	const add = page.getByRole('dialog', { name: 'Add a correction (addendum)' });
	await add.getByLabel('What is corrected or added, and why').fill('Client phoned: better.');
	await add.getByRole('button', { name: 'Type your name instead' }).click();
	await expect(add.getByLabel('Type your full name to sign')).toHaveValue('');
	await expect(add.getByLabel('Type your full name to sign')).toHaveAccessibleDescription(/Signing as Sam Ortiz/);
	expect(await seriousViolations(page), 'addendum dialog').toEqual([]);
	await page.screenshot({ path: 'test-results/polish-addendum-typed.png' });
	await add.getByRole('button', { name: 'Cancel' }).click();

	await page.getByRole('link', { name: 'Tia Typed' }).first().click();
	await page.waitForURL(/\/client\?id=/);
	await page.getByRole('button', { name: 'Sign consent…' }).click();
	const consent = page.getByRole('dialog', { name: 'Consent to treatment: Tia Typed' });
	await consent.getByRole('button', { name: 'Type your name instead' }).click();
	await expect(consent.getByLabel('Type your full name to sign')).toHaveValue('');
	await expect(consent.getByLabel('Type your full name to sign')).toHaveAccessibleDescription(/Signing as Tia Typed/);
	await consent.getByRole('button', { name: 'Sign consent' }).click();
	await expect(consent.getByRole('alert')).toHaveText('Please sign in the box or type your name.');
});

test('a notice raised on the planner stays there: the session sheet opens without it', async ({ page }) => {
	await createPlanForNewClient(page, 'Nia Notice');
	await seedPractitioner(page, 'Sam Ortiz');
	await page.reload();
	await signRecordTyped(page, 'Sam Ortiz');
	const notice = page.getByRole('status').filter({ hasText: 'The record is signed and locked.' });
	await expect(notice).toBeVisible();
	await page.getByRole('link', { name: 'Session sheet' }).click();
	await page.waitForURL(/\/print\?id=/);
	await expect(page.getByRole('article', { name: /Session sheet for Nia Notice/ })).toBeVisible();
	await expect(notice).toHaveCount(0);
	await page.goBack();
	await page.waitForURL(/\/plan\?id=/);
	await expect(notice).toHaveCount(0);

	// A notice raised for the next page (a plan deleted, then the client's page) is shown there, once.
	await createPlanForNewClient(page, 'Nia Notice', 'Spare plan');
	await openTab(page, 'Plan');
	await page.getByRole('button', { name: 'Delete plan…' }).click();
	await page.getByRole('dialog', { name: 'Delete this plan?' }).getByRole('button', { name: 'Delete plan' }).click();
	const deleted = page.getByRole('status').filter({ hasText: 'The plan “Spare plan” was deleted.' });
	await expect(deleted).toBeVisible();
	await page.getByRole('link', { name: 'Clients', exact: true }).click();
	await expect(deleted).toHaveCount(0);
});

for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
	test(`at ${size.width}×${size.height}, a tab opens at its start: the Record tab shows "Finalise and sign" after a long Plan tab`, async ({ page }) => {
		await page.setViewportSize(size);
		await createPlanForNewClient(page, 'Ria Record');
		await seedPractitioner(page, 'Sam Ortiz');
		await page.reload();
		await openTab(page, 'Plan');
		await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
		await openTab(page, 'Record');
		const panel = page.getByRole('tabpanel', { name: 'Record' });
		// (the Record tab's parts load as it opens: still at its start once they have)
		await expect(panel.getByRole('heading', { name: 'SOAP notes' })).toBeAttached();
		await page.waitForTimeout(500);
		await expect(panel.getByRole('button', { name: 'Finalise and sign…' })).toBeInViewport();
		const top = await panel.evaluate((el) => el.getBoundingClientRect().top);
		expect(top, 'the panel starts on screen').toBeGreaterThanOrEqual(0);
		expect(top).toBeLessThan(size.height / 2);
		if (size.width > 700) await expect(page.locator('canvas[data-body]'), 'the body stays in view on the tablet').toBeInViewport();
		await page.screenshot({ path: `test-results/polish-record-tab-${size.width}.png` });
	});
}

test("allergies are asked once, in the client's health details: the Notes tab shows them with a way there, and the plan takes care of them; an older plan's own note is kept", async ({ page }) => {
	const planUrl = await createPlanForNewClient(page, 'Alma Allergy');
	await openTab(page, 'Notes');
	await expect(page.getByTestId('client-allergies')).toHaveText('None recorded');
	await expect(page.getByLabel('Allergies noted on this plan')).toHaveCount(0);
	await page.getByRole('link', { name: 'Edit in the health details' }).click();
	await page.waitForURL(/\/client\?id=/);
	const info = page.getByRole('region', { name: 'Personal and health information' });
	await info.getByText('Health', { exact: true }).click();
	await info.getByLabel('Allergies').fill('Almond oil');
	await expect(info.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();

	await page.goto(planUrl);
	await openTab(page, 'Notes');
	await expect(page.getByTestId('client-allergies')).toHaveText('Almond oil');
	expect(await seriousViolations(page), 'notes tab').toEqual([]);
	await page.locator('#panel-notes').screenshot({ path: 'test-results/polish-notes-allergies.png' });
	await openTab(page, 'Plan');
	await expect(page.locator('#panel-plan').getByText('Allergies: Almond oil')).toBeVisible();

	// An older plan noted allergies in its own field: still shown there, editable, and taken care of.
	// Allergies in the plan's own (older) field, as plans made before kept them.
	await setStoredPlanField(page, planUrl, 'oil.allergies', 'Lanolin');
	await page.goto(planUrl);
	await openTab(page, 'Notes');
	await expect(page.getByLabel('Allergies noted on this plan')).toHaveValue('Lanolin');
	await openTab(page, 'Plan');
	await expect(page.locator('#panel-plan').getByText('Allergies: Almond oil; Lanolin')).toBeVisible();
	// The session sheet says the same.
	await page.getByRole('link', { name: 'Session sheet' }).click();
	await expect(page.getByRole('article', { name: /Session sheet for Alma Allergy/ })).toContainText('Almond oil; Lanolin');
});
