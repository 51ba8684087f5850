/**
 * One plan or client open in two tabs (two pages of one browser context share IndexedDB and
 * localStorage, as two tabs do): a change in one tab never undoes the other's, each tab follows
 * the other, and when both change the same text the person sees both and chooses.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { openTab } from './plan-tabs';

const saved = (page: Page) => expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
// By label: found on the Notes tab even while another tab is shown (for its value).
const notes = (page: Page) => page.getByLabel("Therapist's notes", { exact: true });

test('notes typed in one tab survive the title edited in another, and each tab shows the other’s change', async ({ page, context }) => {
	const url = await createPlanForNewClient(page, 'Tab Tess', 'First visit');
	const other = await context.newPage();
	await other.goto(url);
	await expect(other.getByLabel('Title')).toHaveValue('First visit');

	await openTab(page, 'Notes');
	await notes(page).fill('Left shoulder tight after gardening');
	await saved(page);
	await openTab(other, 'Plan');
	await other.getByLabel('Title').fill('Shoulder session');
	await saved(other);

	// Both are stored.
	const fresh = await context.newPage();
	await fresh.goto(url);
	await expect(fresh.getByLabel('Title')).toHaveValue('Shoulder session');
	await openTab(fresh, 'Notes');
	await expect(notes(fresh)).toHaveValue('Left shoulder tight after gardening');

	// And each open tab follows the other's change without a reload.
	await expect(page.getByLabel('Title')).toHaveValue('Shoulder session');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Shoulder session');
	await expect(notes(other)).toHaveValue('Left shoulder tight after gardening');
});

test('a client’s note survives their contact edited in another tab', async ({ page, context }) => {
	await createPlanForNewClient(page, 'Cleo Moss', 'Visit');
	await page.getByRole('link', { name: 'Cleo Moss' }).click();
	await page.waitForURL(/\/client\?id=/);
	const url = page.url();
	const other = await context.newPage();
	await other.goto(url);
	await expect(other.getByLabel('Name')).toHaveValue('Cleo Moss');

	await page.getByLabel('Notes').fill('Prefers a quiet room');
	await saved(page);
	await other.getByLabel('Contact').fill('0400 555 111');
	await saved(other);

	const fresh = await context.newPage();
	await fresh.goto(url);
	await expect(fresh.getByLabel('Notes')).toHaveValue('Prefers a quiet room');
	await expect(fresh.getByLabel('Contact')).toHaveValue('0400 555 111');
	await expect(page.getByLabel('Contact')).toHaveValue('0400 555 111');
	await expect(other.getByLabel('Notes')).toHaveValue('Prefers a quiet room');
});

test('the same note changed in two tabs at once: both texts are shown and the person chooses', async ({ page, context }) => {
	const url = await createPlanForNewClient(page, 'Clash Carla', 'Visit');
	const other = await context.newPage();
	await other.goto(url);
	await openTab(page, 'Notes');
	await openTab(other, 'Notes');
	await expect(notes(other)).toHaveValue('');

	// Both type before either tab's save has run (it waits 0.4 s after the last keystroke).
	await notes(page).fill('Written in the first tab');
	await notes(other).fill('Written in the second tab');

	// The tab whose save came second is told, with both texts; neither text is lost.
	const conflictIn = async (p: Page) => p.getByRole('heading', { name: '“Therapist\'s notes” was also changed in another tab' }).count();
	await expect.poll(async () => (await conflictIn(page)) + (await conflictIn(other))).toBe(1);
	const [loser, winner, mine, theirs] =
		(await conflictIn(page)) === 1
			? [page, other, 'Written in the first tab', 'Written in the second tab']
			: [other, page, 'Written in the second tab', 'Written in the first tab'];
	const box = loser.getByRole('region', { name: /also changed in another tab/ });
	await expect(box).toContainText(mine);
	await expect(box).toContainText(theirs);
	await expect(loser.getByRole('status').filter({ hasText: 'Changed in another tab too' })).toBeVisible();
	await expect(notes(loser)).toHaveValue(mine); // still what this person typed
	expect((await new AxeBuilder({ page: loser }).include('main').analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
	await loser.screenshot({ path: test.info().outputPath('conflict.png'), fullPage: false });

	// Unchosen, the conflict outlives a reload of the tab (its text was never written).
	await loser.reload();
	await expect(loser.getByRole('region', { name: /also changed in another tab/ })).toContainText(theirs);
	await openTab(loser, 'Notes');
	await expect(notes(loser)).toHaveValue(mine);

	// Keep yours: this tab's text is stored, and the other tab follows.
	await loser.getByRole('button', { name: 'Keep yours' }).click();
	await expect(loser.getByRole('region', { name: /also changed in another tab/ })).toHaveCount(0);
	await saved(loser);
	await expect(notes(winner)).toHaveValue(mine);

	// Keep theirs, on the client's words this time.
	await openTab(loser, 'Notes');
	await openTab(winner, 'Notes');
	await loser.getByRole('textbox', { name: "In the client's words" }).fill('Mine again');
	await winner.getByRole('textbox', { name: "In the client's words" }).fill('Theirs again');
	const words = async (p: Page) => p.getByRole('heading', { name: /“In the client's words” was also changed/ }).count();
	await expect.poll(async () => (await words(loser)) + (await words(winner))).toBe(1);
	const chooser = (await words(loser)) === 1 ? loser : winner;
	const otherText = chooser === loser ? 'Theirs again' : 'Mine again';
	await chooser.getByRole('button', { name: 'Keep theirs' }).click();
	await expect(chooser.getByLabel("In the client's words", { exact: true })).toHaveValue(otherText);
	await saved(chooser);
	const fresh = await context.newPage();
	await fresh.goto(url);
	await openTab(fresh, 'Notes');
	await expect(notes(fresh)).toHaveValue(mine);
	await expect(fresh.getByLabel("In the client's words", { exact: true })).toHaveValue(otherText);
});

test('a title typed with pauses keeps its spaces while the saved title is trimmed', async ({ page }) => {
	const url = await createPlanForNewClient(page, 'Pause Pat', 'Visit');
	await openTab(page, 'Plan');
	const title = page.getByLabel('Title');
	await title.fill('');
	// A pause after the space lets the write land (the store keeps "Neck"); typing goes on.
	await title.pressSequentially('Neck ');
	await saved(page);
	await title.pressSequentially('pain');
	await expect(title).toHaveValue('Neck pain');
	await saved(page);
	await page.goto(url);
	await expect(page.getByLabel('Title')).toHaveValue('Neck pain');
});

test('a goal ticked in one tab and another goal ticked in the other are both kept', async ({ page, context }) => {
	const url = await createPlanForNewClient(page, 'Goal Gina', 'Visit');
	const other = await context.newPage();
	await other.goto(url);
	await expect(other.getByLabel('Title')).toHaveValue('Visit');

	// Ticked at about the same time: neither tab has seen the other's goal yet.
	await openTab(page, 'Plan');
	await openTab(other, 'Plan');
	await page.getByRole('checkbox', { name: 'Relaxation', exact: true }).check();
	await other.getByRole('checkbox', { name: 'Less stress', exact: true }).check();
	await saved(page);
	await saved(other);

	const fresh = await context.newPage();
	await fresh.goto(url);
	await openTab(fresh, 'Plan');
	await expect(fresh.getByRole('checkbox', { name: 'Relaxation', exact: true })).toBeChecked();
	await expect(fresh.getByRole('checkbox', { name: 'Less stress', exact: true })).toBeChecked();
	// Both open tabs show both goals.
	await expect(page.getByRole('checkbox', { name: 'Less stress', exact: true })).toBeChecked();
	await expect(other.getByRole('checkbox', { name: 'Relaxation', exact: true })).toBeChecked();
});

test.describe('on a tablet (1280×800)', () => {
	test.use({ viewport: { width: 1280, height: 800 } });

	test('a conflict restored from the journal brings the person to its tab and field, as a live one finds them there', async ({ page, context }) => {
		const url = await createPlanForNewClient(page, 'Clash Cleo', 'Visit');
		const other = await context.newPage();
		await other.goto(url);
		for (const p of [page, other]) await openTab(p, 'Outcome');
		const advice = (p: Page) => p.getByLabel('Advice given', { exact: true });
		// Both type before either tab's save has run (it waits 0.4 s after the last keystroke).
		await Promise.all([advice(page).fill('Stretch the calves twice a day'), advice(other).fill('Rest, and heat in the evening')]);
		const conflictIn = async (p: Page) => p.getByRole('heading', { name: '“Advice given” was also changed in another tab' }).count();
		await expect.poll(async () => (await conflictIn(page)) + (await conflictIn(other))).toBe(1);
		const loser = (await conflictIn(page)) === 1 ? page : other;
		// The tab closes with the conflict unchosen; the plan opens again, on the Marks tab by default.
		const url2 = loser.url();
		await loser.close();
		const again = await context.newPage();
		await again.goto(url2);
		await expect(again.getByRole('region', { name: /“Advice given” was also changed/ })).toBeVisible();
		await expect(again.getByRole('tab', { name: /^Outcome/ })).toHaveAttribute('aria-selected', 'true');
		const field = advice(again);
		await expect(field).toBeVisible();
		await expect(field).toBeInViewport();
		// Not hidden under the dock that shows both texts.
		const [f, dock] = [(await field.boundingBox())!, (await again.getByRole('region', { name: /also changed in another tab/ }).boundingBox())!];
		expect(f.y + f.height, 'the field is above the dock').toBeLessThanOrEqual(dock.y);
		await again.screenshot({ path: test.info().outputPath('restored-conflict.png') });
	});
});
