/**
 * A signed session's plan is part of its record (QA session 10, items 1, 2 and 9): the printed
 * record keeps the health check as answered when it was signed, whatever the plan holds later
 * (here a plan row edited behind the app's back, as an edited backup file would); the Plan, Notes
 * and Outcome tabs show everything read-only after signing, in this tab and in one already open;
 * and the practitioner's word on consent at signing is on the printed record.
 */
import type { Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { openTab } from './plan-tabs';
import { seedPractitioner } from './practitioner-seed';
import { sign } from './sign-helpers';
import { setStoredPlanField } from './stored';

const PLAN_SEALED = "This session's record is signed: its plan, notes and outcome cannot change. Add an addendum to correct it.";
const THINNERS = 'Taking blood thinners?';

/** The blood-thinners question's Yes or No on the Plan tab's health check. */
const thinners = (page: Page, answer: 'Yes' | 'No') =>
	page.getByRole('region', { name: 'Health check' }).getByRole('group', { name: THINNERS }).getByRole('radio', { name: answer });
const saved = (page: Page) => expect(page.getByRole('status').filter({ hasText: 'Saved on this device' }).first()).toBeVisible();

/** The printed record's words, from a new tab. */
async function printedRecord(page: Page, planId: string): Promise<string> {
	const paper = await page.context().newPage();
	await paper.goto(`/print-record?plan=${planId}`);
	await expect(paper.getByText('Verified: unchanged since signed').first()).toBeVisible();
	const text = await paper.locator('body').innerText();
	await paper.close();
	return text;
}

test.describe('a signed session’s plan on a tablet (1280×800)', () => {
	test.use({ viewport: { width: 1280, height: 800 } });

	test('keeps the health check as signed on the record, shows Plan, Notes and Outcome read-only, and prints the word on consent', async ({ page, context }) => {
		const url = await createPlanForNewClient(page, 'Dev Tanaka', 'Shoulder');
		const planId = new URL(url).searchParams.get('id')!;
		await seedPractitioner(page, 'Sam Ortiz');
		await openTab(page, 'Plan');
		await thinners(page, 'Yes').check();
		await openTab(page, 'Notes');
		await page.getByLabel("Therapist's notes").fill('Tight left shoulder.');
		await saved(page);

		// A second tab already on the Notes tab when the record is signed.
		const other = await context.newPage();
		await other.goto(url);
		await openTab(other, 'Notes');
		await expect(other.getByLabel("Therapist's notes")).toBeEditable();

		await sign(page);

		for (const tab of [page, other]) {
			for (const name of ['Plan', 'Notes', 'Outcome'] as const) {
				await openTab(tab, name);
				await expect(tab.locator(`#panel-${name.toLowerCase()}`).getByText(PLAN_SEALED)).toBeVisible();
			}
			await openTab(tab, 'Plan');
			await expect(thinners(tab, 'Yes')).toBeDisabled();
			await expect(thinners(tab, 'No')).toBeDisabled();
			await expect(tab.getByRole('radio', { name: /Full body/ })).toBeDisabled();
			await expect(tab.getByLabel('Title')).toBeDisabled();
			await openTab(tab, 'Notes');
			await expect(tab.getByLabel("Therapist's notes")).toBeDisabled();
			await expect(tab.getByLabel("Therapist's notes")).toHaveValue('Tight left shoulder.');
			await openTab(tab, 'Outcome');
			await expect(tab.getByLabel("The client's response")).toBeDisabled();
		}

		const signed = await printedRecord(page, planId);
		expect(signed).toContain(`Yes: ${THINNERS}`);
		// The sign step's tick (no signed consent) is on paper as the practitioner's word.
		expect(signed).toContain("The practitioner declared they have the client's consent another way (e.g. on paper) or will record why in the notes.");

		// The plan's answers changed behind the app's back: the record still prints what was signed.
		await setStoredPlanField(page, planId, 'health', { thinners: false, pregnancy: true, cancer: true });
		const after = await printedRecord(page, planId);
		expect(after).toContain(`Yes: ${THINNERS}`);
		expect(after).not.toContain('Yes: Pregnant?');
		expect(after).not.toContain('Yes: Having treatment for cancer?');
		await other.close();
	});
});
