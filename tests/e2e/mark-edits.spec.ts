/**
 * A mark is saved as it is edited, like the plan's fields: two tabs on one mark merge field by
 * field and show both texts when they clash; a note typed just before the tab closes is kept;
 * and a reload comes back to the selected mark, turned to the side of the body that shows it.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { storedMarksOf } from './stored';
import { showView } from './body-helpers';

const editor = (page: Page) => page.getByRole('form', { name: /mark on/ });
const markList = (page: Page) => page.getByRole('list', { name: /^Marks/ });
const NOTE = 'Worse after the long drive home';

async function pick(page: Page, query: string, region: RegExp) {
	await page.getByRole('searchbox', { name: 'Find a region' }).fill(query);
	await page.getByRole('region', { name: 'Regions', exact: true }).getByRole('button', { name: region }).first().click();
	await expect(editor(page)).toBeVisible();
}

/** A plan with one mark (aching, 5) on the left low back; returns the plan's address. */
async function planWithMark(page: Page, name: string): Promise<string> {
	const url = await createPlanForNewClient(page, name, 'Low back');
	await pick(page, 'low back', /^Left low back beside the spine/);
	await editor(page).getByRole('radio', { name: 'Aching pain', exact: true }).check();
	await expect(markList(page).getByRole('listitem')).toHaveCount(1);
	return url;
}

/** The notes of the plan's marks as stored in the database (not what a page shows). */
const storedNotes = async (page: Page, url: string) => (await storedMarksOf(page, url)).map((m) => m.note);

async function openMark(context: BrowserContext, url: string): Promise<Page> {
	const p = await context.newPage();
	await p.goto(url);
	await markList(p).getByRole('button', { name: /Edit mark: Left low back/ }).click();
	await expect(editor(p).getByRole('heading')).toContainText('Edit mark on Left low back');
	return p;
}

test('two tabs on one mark: a note in one and the strength in the other are both kept; one note in both shows both texts', async ({ page, context }) => {
	const url = await planWithMark(page, 'Twin Tabs');
	const a = await openMark(context, url);
	const b = await openMark(context, url);

	// Racing: both change the mark before either tab's save has run (it waits 0.4 s).
	await editor(a).getByLabel('Note').fill(NOTE);
	await editor(b).getByRole('slider', { name: 'Intensity' }).fill('8');
	await expect(editor(a).getByRole('status')).toHaveText('Mark saved');
	await expect(editor(b).getByRole('status')).toHaveText('Mark saved');
	// Each tab follows the other, and both changes are stored.
	await expect(editor(b).getByLabel('Note')).toHaveValue(NOTE);
	await expect(editor(a).getByRole('slider', { name: 'Intensity' })).toHaveValue('8');
	const fresh = await openMark(context, url);
	await expect(editor(fresh).getByLabel('Note')).toHaveValue(NOTE);
	await expect(editor(fresh).getByRole('slider', { name: 'Intensity' })).toHaveValue('8');
	await fresh.close();

	// The same note in both: the tab that saves second is shown both texts and chooses.
	await editor(a).getByLabel('Note').fill('Typed in the first tab');
	await editor(b).getByLabel('Note').fill('Typed in the second tab');
	const clash = (p: Page) => p.getByRole('heading', { name: '“Note on Left low back beside the spine” was also changed in another tab' });
	await expect.poll(async () => (await clash(a).count()) + (await clash(b).count())).toBe(1);
	const [loser, winner, mine, theirs] =
		(await clash(a).count()) === 1
			? [a, b, 'Typed in the first tab', 'Typed in the second tab']
			: [b, a, 'Typed in the second tab', 'Typed in the first tab'];
	const box = loser.getByRole('region', { name: /also changed in another tab/ });
	await expect(box).toContainText(mine);
	await expect(box).toContainText(theirs);
	await expect(editor(loser).getByLabel('Note')).toHaveValue(mine); // still what this person typed
	await loser.screenshot({ path: test.info().outputPath('mark-conflict.png') });
	await box.getByRole('button', { name: 'Keep yours' }).click();
	await expect(box).toHaveCount(0);
	await expect(editor(winner).getByLabel('Note')).toHaveValue(mine);
	await expect.poll(() => storedNotes(page, url)).toEqual([mine]);
});

test('a note typed 100 ms before the tab closes is stored when the plan opens again', async ({ page, context }) => {
	// Three times: a close sometimes lets the save's IndexedDB write finish, and sometimes not.
	for (let round = 0; round < 3; round++) {
		const url = await planWithMark(page, `Closing Cleo ${round}`);
		const tab = await openMark(context, url);
		await editor(tab).getByLabel('Note').fill(NOTE);
		await page.waitForTimeout(100);
		await tab.close();
		// Opened from its plain address (no mark chosen): the note is written at once, and shows.
		const again = await context.newPage();
		await again.goto(url);
		await expect.poll(() => storedNotes(again, url)).toEqual([NOTE]);
		await markList(again).getByRole('button', { name: /Edit mark: Left low back/ }).click();
		await expect(editor(again).getByLabel('Note')).toHaveValue(NOTE);
		await again.close();
	}
});

test('after a reload the chosen mark is open again, on the side of the body that shows it', async ({ page }) => {
	test.setTimeout(90_000);
	await planWithMark(page, 'Side Sam');
	// Chosen from the list, the body turned to it; turned away again before the reload.
	await expect(page.getByTestId('orientation')).toContainText('Back view');
	await showView(page, 'Front view');
	await expect(page.getByTestId('orientation')).toContainText('Front view');
	await page.reload();
	await expect(page.locator('canvas[data-body]')).toHaveCount(1, { timeout: 30_000 });
	await expect(editor(page).getByRole('heading')).toContainText('Edit mark on Left low back beside the spine');
	await expect(page.getByTestId('orientation')).toContainText('Back view');

	// A mark on the side of the neck: the client's left side.
	await pick(page, 'side of neck', /^Left side of the neck/);
	await editor(page).getByRole('radio', { name: 'Stiffness or limited movement', exact: true }).check();
	await expect(markList(page).getByRole('listitem')).toHaveCount(2);
	await page.reload();
	await expect(editor(page).getByRole('heading')).toContainText('Edit mark on Left side of the neck');
	await expect(page.getByTestId('orientation')).toContainText("Client's left side");
	await expect(page.getByRole('region', { name: 'Selected region' }).getByRole('heading')).toHaveText(/Left side of the neck/);
});

test("undoing two changes keeps a note another tab typed between them; an undo over another tab's change is refused in words", async ({ page, context }) => {
	const url = await planWithMark(page, 'Undo Twin');
	const slider = (p: Page) => editor(p).getByRole('slider', { name: 'Intensity' });
	const undo = page.getByRole('button', { name: /^Undo/ });
	const said = page.getByRole('status').filter({ hasText: /^Undone/ });

	await slider(page).fill('8'); // step 1 in this tab
	await expect(editor(page).getByRole('status')).toHaveText('Mark saved');
	const other = await openMark(context, url);
	await editor(other).getByLabel('Note').fill(NOTE);
	await expect(editor(other).getByRole('status')).toHaveText('Mark saved');
	await expect(editor(page).getByLabel('Note')).toHaveValue(NOTE); // merged into this tab's form
	await editor(page).getByLabel('Pressure for this area').selectOption({ index: 4 }); // step 2
	await expect(editor(page).getByRole('status')).toHaveText('Mark saved');

	await undo.click();
	await expect(said).toContainText('Undone: changes to');
	await expect(editor(page).getByLabel('Pressure for this area').locator('option:checked')).toHaveText(/Plan default/);
	await undo.click();
	await expect(slider(page)).toHaveValue('5');
	// The other tab's note is still there, in both tabs and in storage.
	await expect(editor(page).getByLabel('Note')).toHaveValue(NOTE);
	await expect(editor(other).getByLabel('Note')).toHaveValue(NOTE);
	expect(await storedNotes(page, url)).toEqual([NOTE]);

	// Redo brings the strength back; the other tab then changes it, and undo is refused in words.
	await page.getByRole('button', { name: /^Redo/ }).click();
	await expect(slider(page)).toHaveValue('8');
	await expect(slider(other)).toHaveValue('8');
	await slider(other).fill('3');
	await expect(editor(other).getByRole('status')).toHaveText('Mark saved');
	await expect(slider(page)).toHaveValue('3');
	await undo.click();
	await expect(page.getByRole('alert').filter({ hasText: "Changed in another tab since — can't undo that." })).toBeVisible();
	await expect(slider(page)).toHaveValue('3');
	await expect(slider(other)).toHaveValue('3');
	await other.close();
});
