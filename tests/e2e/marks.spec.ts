import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { pickRegionByKeyboard } from './body-helpers';
import { storedPlan } from './stored';

const editor = (page: Page) => page.getByRole('form', { name: /mark on/ });
const markList = (page: Page) => page.getByRole('list', { name: /^Marks/ });


/** The overlay tint [r, g, b, strength] the body scene holds for a region code. */
async function tintOf(page: Page, code: number): Promise<number[]> {
	return page.locator('canvas').evaluate((c, code) => {
		type Scene = { material: { overlay: { image: { data: Uint8Array } } } };
		const data = (c as unknown as { bodyScene: Scene }).bodyScene.material.overlay.image.data;
		return [...data.slice(code * 4, code * 4 + 4)];
	}, code);
}
const RIGHT_TRAPEZIUS = 16; // upper-trapezius-r
const LEFT_LOW_BACK = 29; // lumbar-erector-l

/** The plan's "no pain today" answer as stored in the database (not what the page shows). */
const storedNoPain = async (page: Page) => (await storedPlan(page, page.url()))?.noPain;

async function seriousViolations(page: Page) {
	const result = await new AxeBuilder({ page }).analyze();
	return result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('marks: add by keyboard as client and therapist, reload, edit, filter, remove', async ({ page }) => {
	await createPlanForNewClient(page, 'Mark Mia', 'Neck and low back');

	// A knot, intensity 7, marked by the client, on a region chosen from the list by keyboard.
	await pickRegionByKeyboard(page, 'trapez', /Right top of the shoulder \(upper trapezius\)/);
	const form = editor(page);
	await expect(form.getByRole('heading')).toContainText('New mark on Right top of the shoulder (upper trapezius)');
	// Nothing is stored until what it feels like is chosen; then the mark is there at once, with no button.
	await expect(form.getByRole('button', { name: /Add|Save/ })).toHaveCount(0);
	await form.getByRole('radio', { name: 'Knot or trigger point' }).check();
	await expect(page.getByRole('status').filter({ hasText: 'Mark added: Knot or trigger point 5 of 10 on Right top of the shoulder (upper trapezius)' })).toBeVisible();
	await expect(form.getByRole('heading')).toContainText('Edit mark on Right top of the shoulder (upper trapezius)');
	const intensity = form.getByRole('slider', { name: 'Intensity' });
	await intensity.focus();
	await page.keyboard.press('Home');
	for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
	await expect(intensity).toHaveValue('7');
	await expect(form.getByText('7 severe')).toBeVisible();
	await form.getByRole('radio', { name: 'Client' }).check();
	await expect(form.getByRole('status')).toHaveText('Mark saved');
	// Drawn on the body in the knot colour (#CC79A7).
	await expect.poll(() => tintOf(page, RIGHT_TRAPEZIUS)).toEqual([0xcc, 0x79, 0xa7, expect.any(Number)]);
	await expect(markList(page).getByRole('button', { name: /Edit mark: Right top of the shoulder \(upper trapezius\): Knot or trigger point, 7 of 10, marked by client/ })).toBeVisible();

	// A second mark, by the therapist, deep, on the low back.
	await pickRegionByKeyboard(page, 'low back', /Left low back beside the spine/);
	await expect(editor(page).getByRole('heading')).toContainText('New mark on Left low back');
	// Everything set before the first choice of what it feels like goes in with it.
	await editor(page).getByRole('radio', { name: 'Deep', exact: true }).check();
	await editor(page).getByLabel('Deeper muscle').selectOption('quadratus lumborum');
	await editor(page).getByLabel('Pressure for this area').selectOption({ label: '2 Light: light, relaxing pressure' });
	await editor(page).getByRole('radio', { name: 'Therapist' }).check();
	await expect(markList(page).getByRole('listitem')).toHaveCount(1);
	await editor(page).getByRole('radio', { name: 'Aching pain' }).check();
	await expect(markList(page).getByRole('listitem')).toHaveCount(2);
	await expect(markList(page).getByRole('button', { name: /Edit mark: Left low back beside the spine: Aching pain, 5 of 10, deep \(quadratus lumborum\), marked by therapist/ })).toBeVisible();

	// Both survive a reload; the author last used is remembered for the next mark.
	await page.reload();
	await expect(markList(page).getByRole('listitem')).toHaveCount(2);
	await expect(markList(page)).toContainText('Right top of the shoulder (upper trapezius)');
	await expect(markList(page)).toContainText('Left low back beside the spine');
	await pickRegionByKeyboard(page, 'calf', /Left upper calf \(gastrocnemius\)/);
	await expect(editor(page).getByRole('radio', { name: 'Therapist' })).toBeChecked();

	// Choosing a mark in the list selects its region and opens it; edit it.
	await markList(page).getByRole('button', { name: /Edit mark: Right top of the shoulder \(upper trapezius\)/ }).click();
	await expect(page.getByRole('region', { name: 'Selected region' }).getByRole('heading')).toHaveText('Right top of the shoulder (upper trapezius)');
	await expect(editor(page).getByRole('heading')).toContainText('Edit mark on Right top of the shoulder (upper trapezius)');
	await expect(editor(page).getByRole('radio', { name: 'Knot or trigger point' })).toBeChecked();
	await editor(page).getByRole('slider', { name: 'Intensity' }).fill('4');
	await editor(page).getByLabel('Note').fill('Eased after heat');
	await expect(markList(page).getByRole('button', { name: /Edit mark: Right top of the shoulder \(upper trapezius\): Knot or trigger point, 4 of 10/ })).toBeVisible();
	await expect(editor(page).getByRole('status')).toHaveText('Mark saved');
	// A reload comes back to the mark chosen, with what was typed.
	await page.reload();
	await expect(editor(page).getByRole('heading')).toContainText('Edit mark on Right top of the shoulder (upper trapezius)');
	await expect(editor(page).getByLabel('Note')).toHaveValue('Eased after heat');

	// The author filter changes what the list shows.
	const filter = page.getByRole('group', { name: 'Show marks by' });
	await filter.getByRole('radio', { name: 'Client' }).check();
	await expect(markList(page).getByRole('listitem')).toHaveCount(1);
	await expect(markList(page)).toContainText('Right top of the shoulder (upper trapezius)');
	await expect(page.getByText('1 mark is hidden by the author filter.')).toBeVisible();
	await filter.getByRole('radio', { name: 'Therapist' }).check();
	await expect(markList(page).getByRole('listitem')).toHaveCount(1);
	await expect(markList(page)).toContainText('Left low back beside the spine');
	// The body follows the filter: the client's knot is not drawn, the therapist's ache is.
	expect((await tintOf(page, RIGHT_TRAPEZIUS))[3]).toBe(0);
	expect((await tintOf(page, LEFT_LOW_BACK))[3]).toBeGreaterThan(0);
	await filter.getByRole('radio', { name: 'Both' }).check();
	await expect(markList(page).getByRole('listitem')).toHaveCount(2);

	// Remove one: no confirmation, because it can be undone (the button beside the message,
	// or Ctrl+Z), and redone with Shift+Ctrl+Z.
	await markList(page).getByRole('button', { name: /Remove mark: Left low back/ }).click();
	await expect(markList(page).getByRole('listitem')).toHaveCount(1);
	await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
	await expect(markList(page).getByRole('listitem')).toHaveCount(2);
	await expect(page.getByRole('status').filter({ hasText: /Undone: removing Aching pain/ })).toBeVisible();
	await page.locator('canvas').focus();
	await page.keyboard.press('Control+Shift+Z');
	await expect(markList(page).getByRole('listitem')).toHaveCount(1);
	await page.keyboard.press('Control+Z');
	await expect(markList(page).getByRole('listitem')).toHaveCount(2);
	await page.getByRole('button', { name: /^Redo/ }).click();
	await expect(markList(page).getByRole('listitem')).toHaveCount(1);
	await page.reload();
	await expect(markList(page).getByRole('listitem')).toHaveCount(1);
	await expect(markList(page)).toContainText('Right top of the shoulder (upper trapezius)');
});

test('"no pain or tension today" is saved and says that existing marks remain', async ({ page }) => {
	await createPlanForNewClient(page, 'Calm Cal', 'Check-in');
	const noPain = page.getByRole('checkbox', { name: 'No pain or tension today' });
	await noPain.check();
	await expect(page.getByText('Nothing to mark today')).toBeVisible();
	// The answer reaches the database (the page's saver writes it), and a reload shows it.
	await expect.poll(() => storedNoPain(page)).toBe(true);
	await page.reload();
	await expect(noPain).toBeChecked();

	await pickRegionByKeyboard(page, 'shin', /Right shin/);
	await editor(page).getByRole('radio', { name: 'Do not touch' }).check();
	await expect(page.getByText(/One mark remains on the body map/)).toBeVisible();
	await noPain.uncheck();
	await expect.poll(() => storedNoPain(page)).toBe(false);
	await page.reload();
	await expect(noPain).not.toBeChecked();
});

test('"no pain or tension today" ticked and reloaded at once, in the same moment, is still ticked', async ({ page }) => {
	await createPlanForNewClient(page, 'Quick Quinn', 'Check-in');
	const noPain = page.getByRole('checkbox', { name: 'No pain or tension today' });
	await expect(noPain).not.toBeChecked();
	// A busy database (another write holding the plans, as on a loaded machine), then ticked and
	// reloaded in one task: the answer's write cannot finish first, only what the page keeps at
	// once (the edit journal) can bring it back.
	await noPain.evaluate((box: HTMLInputElement) => {
		const open = indexedDB.open('somamap');
		open.onsuccess = () => {
			const plans = open.result.transaction('plans', 'readwrite').objectStore('plans');
			const until = Date.now() + 1500;
			const busy = () => {
				if (Date.now() < until) plans.count().onsuccess = busy;
			};
			busy();
			box.click();
			location.reload();
		};
	});
	await page.waitForLoadState('load');
	await expect(noPain).toBeChecked();
	await expect(page.getByText('Nothing to mark today')).toBeVisible();
	// And the reloaded page writes it: the database has it too.
	await expect.poll(() => storedNoPain(page)).toBe(true);
	// Unticked and undone, it is saved the same way.
	await noPain.uncheck();
	await expect.poll(() => storedNoPain(page)).toBe(false);
	await page.getByRole('button', { name: /^Undo ?: the “no pain today” answer/ }).click();
	await expect(noPain).toBeChecked();
	await expect.poll(() => storedNoPain(page)).toBe(true);
});

test('"no pain or tension today" ticked in one tab shows in another tab on the plan, whose own changes keep it', async ({ page, context }) => {
	const url = await createPlanForNewClient(page, 'Twin Tess', 'Check-in');
	const other = await context.newPage();
	await other.goto(url);
	const box = (p: Page) => p.getByRole('checkbox', { name: 'No pain or tension today' });
	await expect(box(other)).not.toBeChecked();
	await box(page).check();
	// The other tab follows the plan: the answer arrives there without a reload.
	await expect(box(other)).toBeChecked();
	// A change of the other tab's own (unticking) goes back to the first.
	await box(other).uncheck();
	await expect(box(page)).not.toBeChecked();
	await expect.poll(() => storedNoPain(page)).toBe(false);
	await other.close();
});

test('axe finds no serious violations on the planner with the mark editor open', async ({ page }) => {
	test.setTimeout(120_000); // axe over the whole planner, twice, on software rendering
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		await createPlanForNewClient(page, `Axe Mark ${scheme}`, 'Axe marks');
		await pickRegionByKeyboard(page, 'trapez', /Left top of the shoulder \(upper trapezius\)/);
		await editor(page).getByRole('radio', { name: 'Sharp pain' }).check();
		await expect(markList(page).getByRole('listitem')).toHaveCount(1);
		await editor(page).getByRole('radio', { name: 'Deep', exact: true }).check();
		expect(await seriousViolations(page), scheme).toEqual([]);
	}
});

test('two marks on one region: tapping the region opens the strongest, the others are one tap away', async ({ page }) => {
	await createPlanForNewClient(page, 'Two Tia', 'Calf');
	await pickRegionByKeyboard(page, 'calf', /Right upper calf \(gastrocnemius\)/);
	await editor(page).getByRole('slider', { name: 'Intensity' }).fill('3');
	await editor(page).getByRole('radio', { name: 'Tension or tightness' }).check();
	await expect(markList(page).getByRole('listitem')).toHaveCount(1);
	await page.getByRole('button', { name: 'Add another mark on Right upper calf (gastrocnemius)' }).click();
	await expect(editor(page).getByRole('heading')).toContainText('New mark on Right upper calf (gastrocnemius)');
	await editor(page).getByRole('radio', { name: 'Sharp pain' }).check();
	await editor(page).getByRole('slider', { name: 'Intensity' }).fill('8');
	await expect(markList(page).getByRole('listitem')).toHaveCount(2);
	await expect(markList(page)).toContainText('8/10');

	// Choose the region again, as a tap on the body would: the stronger mark opens.
	await page.getByRole('button', { name: /^Clear selection/ }).click();
	await pickRegionByKeyboard(page, 'calf', /Right upper calf \(gastrocnemius\)/);
	await expect(editor(page).getByRole('radio', { name: 'Sharp pain' })).toBeChecked();
	const here = page.getByRole('group', { name: 'Marks on Right upper calf (gastrocnemius)' });
	await here.getByRole('button', { name: /Tension 3/ }).click();
	await expect(editor(page).getByRole('radio', { name: 'Tension or tightness' })).toBeChecked();
	await expect(here.getByRole('button', { name: /Tension 3/ })).toHaveAttribute('aria-pressed', 'true');
});

test('a stray tap stores nothing; what is typed before choosing a feeling is kept over another region and a reload', async ({ page }) => {
	await createPlanForNewClient(page, 'Keep Kit', 'Keep');
	await pickRegionByKeyboard(page, 'trapez', /Right top of the shoulder \(upper trapezius\)/);
	await editor(page).getByLabel('Note').fill('Cannot turn head to the right');
	await expect(editor(page).getByText('Choose what it feels like, and the mark is added.')).toBeVisible();

	await pickRegionByKeyboard(page, 'calf', /Left upper calf \(gastrocnemius\)/);
	await expect(editor(page).getByLabel('Note')).toHaveValue('');
	await pickRegionByKeyboard(page, 'trapez', /Right top of the shoulder \(upper trapezius\)/);
	await expect(editor(page).getByLabel('Note')).toHaveValue('Cannot turn head to the right');

	// A reload (or the tablet dropping the app in the background) comes back to the region, with it.
	await page.reload();
	await expect(editor(page).getByRole('heading')).toContainText('New mark on Right top of the shoulder (upper trapezius)');
	await expect(editor(page).getByLabel('Note')).toHaveValue('Cannot turn head to the right');
	await expect(markList(page).getByRole('listitem')).toHaveCount(0); // looked at, typed in: no mark yet

	await editor(page).getByRole('radio', { name: 'Stiffness or limited movement' }).check();
	await expect(markList(page).getByRole('listitem')).toHaveCount(1);
	await page.reload();
	await expect(editor(page).getByLabel('Note')).toHaveValue('Cannot turn head to the right');
	await expect(editor(page).getByRole('radio', { name: 'Stiffness or limited movement' })).toBeChecked();
	await page.getByRole('button', { name: 'Add another mark on Right top of the shoulder (upper trapezius)' }).click();
	await expect(editor(page).getByLabel('Note')).toHaveValue('');
	await expect(editor(page).getByRole('heading')).toContainText('New mark on');
});

test('what is typed in the editor 100 ms before the tab crashes is there when the plan opens in a new tab', async ({ page, context }) => {
	const url = await createPlanForNewClient(page, 'Crash Kit', 'Crash');
	await pickRegionByKeyboard(page, 'trapez', /Right top of the shoulder \(upper trapezius\)/);
	await editor(page).getByRole('radio', { name: 'Deep', exact: true }).check();
	await editor(page).getByLabel('Note').fill('Cannot turn head to the right');
	await page.waitForTimeout(100);
	const crashed = new Promise((ok) => page.once('crash', ok));
	void page.goto('chrome://crash').catch(() => {}); // never loads: the renderer is gone
	await crashed;

	const again = await context.newPage();
	await again.goto(url);
	await pickRegionByKeyboard(again, 'trapez', /Right top of the shoulder \(upper trapezius\)/);
	// Taken back as soon as the crashed tab's journal has gone quiet (a few seconds at most).
	await expect(editor(again).getByLabel('Note')).toHaveValue('Cannot turn head to the right');
	await expect(editor(again).getByRole('radio', { name: 'Deep', exact: true })).toBeChecked();
});

test('undo takes back one change at a time: a note typed is one step, a sensation another; redo puts them back', async ({ page }) => {
	await createPlanForNewClient(page, 'Undo Uma', 'Undo');
	await pickRegionByKeyboard(page, 'trapez', /Right top of the shoulder \(upper trapezius\)/);
	await editor(page).getByRole('slider', { name: 'Intensity' }).fill('7');
	await editor(page).getByRole('radio', { name: 'Knot or trigger point' }).check();
	await expect(editor(page).getByRole('heading')).toContainText('Edit mark on Right top of the shoulder (upper trapezius)');
	await expect(markList(page)).toContainText('7/10');

	await editor(page).getByRole('slider', { name: 'Intensity' }).fill('3');
	await expect(markList(page)).toContainText('3/10');
	// A note typed key by key, slower than the saves run: many writes, one change.
	await editor(page).getByLabel('Note').pressSequentially('worse after desk work', { delay: 60 });
	await expect(editor(page).getByRole('status')).toHaveText('Mark saved');
	await editor(page).getByRole('radio', { name: 'Sharp pain' }).check();
	await expect(markList(page)).toContainText('Sharp');

	const undo = page.getByRole('button', { name: /^Undo/ });
	await undo.click();
	await expect(editor(page).getByRole('radio', { name: 'Knot or trigger point' })).toBeChecked();
	await expect(editor(page).getByLabel('Note')).toHaveValue('worse after desk work');
	await undo.click();
	await expect(editor(page).getByLabel('Note')).toHaveValue('');
	await expect(page.getByRole('status').filter({ hasText: /Undone: changes to/ })).toBeVisible();
	await expect(editor(page).getByRole('slider', { name: 'Intensity' })).toHaveValue('3');
	await undo.click();
	await expect(markList(page)).toContainText('7/10');
	await expect(editor(page).getByRole('slider', { name: 'Intensity' })).toHaveValue('7');
	await undo.click();
	await expect(markList(page).getByRole('listitem')).toHaveCount(0);
	await expect(editor(page).getByRole('heading')).toContainText('New mark on Right top of the shoulder (upper trapezius)');
	await page.getByRole('button', { name: /^Redo/ }).click();
	await expect(markList(page).getByRole('listitem')).toHaveCount(1);
	await expect(editor(page).getByRole('heading')).toContainText('Edit mark on Right top of the shoulder (upper trapezius)');
	await expect(editor(page).getByRole('slider', { name: 'Intensity' })).toHaveValue('7');
	await page.getByRole('button', { name: /^Redo/ }).click();
	await page.getByRole('button', { name: /^Redo/ }).click();
	await expect(editor(page).getByLabel('Note')).toHaveValue('worse after desk work');
	// Stored, not only shown: a reload has it.
	await page.reload();
	await expect(editor(page).getByLabel('Note')).toHaveValue('worse after desk work');
	// Ctrl+Z typed in the note is the browser's own text undo, not a mark undo.
	await editor(page).getByLabel('Note').press('Control+z');
	await expect(markList(page).getByRole('listitem')).toHaveCount(1);
});
