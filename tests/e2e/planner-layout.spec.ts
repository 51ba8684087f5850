/**
 * The planner is laid out around the body: on a tablet (landscape and portrait) the body, the
 * client's left/right strip and the quick views are on screen when a plan opens and stay there
 * while the therapist chooses marks, switches tabs and scrolls a long tab. On a phone, whatever is
 * chosen (a region in the list, a tap on the body) puts its editor on screen, as a sheet that
 * takes focus and gives it back. The body map's quick views are within the fold on /explore, and
 * compare shows one body at a time on a phone.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { openTab } from './plan-tabs';
import { screenPointOf, showView } from './body-helpers';
import { codeOf } from '../../src/lib/domain/regions';

/** A region name matched literally. */
const esc = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const markList = (page: Page) => page.getByRole('list', { name: /^Marks/ });

/** The element's whole box is inside the viewport (nothing to scroll to see it). */
async function expectOnScreen(page: Page, locator: Locator, what: string) {
	const box = await locator.boundingBox();
	expect(box, `${what} is laid out`).not.toBeNull();
	const { width, height } = page.viewportSize()!;
	expect.soft(box!.y, `${what}: top (${Math.round(box!.y)}) on screen`).toBeGreaterThanOrEqual(-1);
	expect.soft(box!.y + box!.height, `${what}: bottom (${Math.round(box!.y + box!.height)}) on screen of ${height}`).toBeLessThanOrEqual(height + 1);
	expect.soft(box!.x + box!.width, `${what}: right edge on screen`).toBeLessThanOrEqual(width + 1);
}

/** The body, its left/right strip and its quick views, all on screen. */
async function expectBodyOnScreen(page: Page, when: string) {
	await expectOnScreen(page, page.locator('canvas'), `${when}: the body`);
	await expectOnScreen(page, page.getByTestId('orientation'), `${when}: the left/right strip`);
	await expectOnScreen(page, page.getByRole('group', { name: 'Views' }), `${when}: the quick views`);
}

async function seriousViolations(page: Page) {
	const result = await new AxeBuilder({ page }).analyze();
	return result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function addMark(page: Page, query: string, region: string) {
	await page.getByRole('searchbox', { name: 'Find a region' }).fill(query);
	await page.getByRole('region', { name: 'Regions', exact: true }).getByRole('button', { name: new RegExp(`^${esc(region)}`) }).click();
	const form = page.getByRole('form', { name: new RegExp(`mark on ${esc(region)}`) });
	await form.getByRole('radio', { name: 'Aching pain', exact: true }).check();
	await expect(markList(page).getByRole('button', { name: new RegExp(`Edit mark: ${esc(region)}`) })).toBeAttached();
}

for (const size of [
	{ name: 'landscape', viewport: { width: 1280, height: 800 } },
	{ name: 'portrait', viewport: { width: 800, height: 1280 } }
]) {
	test.describe(`a tablet in ${size.name} (${size.viewport.width}×${size.viewport.height})`, () => {
		test.use({ viewport: size.viewport, hasTouch: true });

		test('the body, its left/right strip and quick views stay on screen while marking and switching tabs', async ({ page }) => {
			test.setTimeout(120_000);
			const url = await createPlanForNewClient(page, 'Tara Tablet', 'Neck and low back');
			await page.reload();
			await expect(page.locator('canvas[data-body]')).toHaveCount(1, { timeout: 30_000 });
			await expectBodyOnScreen(page, 'on opening a new plan');
			expect(test.info().errors).toEqual([]);
			await addMark(page, 'low back', 'Left low back beside the spine');
			await addMark(page, 'trapez', 'Right top of the shoulder (upper trapezius)');
			await openTab(page, 'Plan');
			await page.getByRole('radio', { name: /Full body/ }).check();
			await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();

			// Opening the plan: the body is in view before anything is scrolled.
			await page.goto(url);
			await expect(page.locator('canvas[data-body]')).toHaveCount(1, { timeout: 30_000 });
			await expect(page.getByRole('heading', { level: 1, name: 'Neck and low back' })).toBeVisible();
			await expectBodyOnScreen(page, 'on opening');

			// Choosing a mark in the list: its editor and the body are both on screen.
			await markList(page).getByRole('button', { name: /Edit mark: Left low back/ }).click();
			const editor = page.getByRole('form', { name: /mark on Left low back/ });
			await expect(editor).toBeVisible();
			await expectOnScreen(page, editor.getByRole('heading').first(), 'the chosen mark’s editor');
			await expectBodyOnScreen(page, 'after choosing a mark');

			// Each tab, scrolled to its end: the body stays.
			for (const tab of ['Plan', 'Notes', 'Outcome', 'Marks'] as const) {
				await openTab(page, tab);
				await expectBodyOnScreen(page, `on the ${tab} tab`);
				await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
				await expectBodyOnScreen(page, `at the end of the ${tab} tab`);
				await page.evaluate(() => scrollTo(0, 0));
			}

			// A tap on the body while another tab is shown opens the Marks tab with the editor.
			await openTab(page, 'Notes');
			await showView(page, 'Back view');
			const blade = await screenPointOf(page, codeOf('infraspinatus-r'));
			await page.touchscreen.tap(blade.x, blade.y);
			await expect(page.getByRole('tab', { name: /^Marks/ })).toHaveAttribute('aria-selected', 'true');
			await expectOnScreen(page, page.getByRole('form', { name: /mark on Right shoulder blade/ }).getByRole('heading').first(), 'the tapped region’s editor');
			await expectBodyOnScreen(page, 'after a tap on the body');
			expect(test.info().errors).toEqual([]);
		});

		test('the tabs work from the keyboard and axe finds nothing serious on each', async ({ page }) => {
			test.setTimeout(180_000); // seven axe runs on a loaded machine
			await createPlanForNewClient(page, 'Kit Keys', 'Tabs');
			const tabs = page.getByRole('tablist', { name: 'Planner' });
			await expect(tabs.getByRole('tab')).toHaveText(['Marks', 'Plan', 'Notes', 'Outcome', 'Record']);
			await tabs.getByRole('tab', { name: 'Marks' }).focus();
			for (const [key, name] of [['ArrowRight', 'Plan'], ['ArrowRight', 'Notes'], ['ArrowRight', 'Outcome'], ['End', 'Record'], ['ArrowRight', 'Marks'], ['ArrowLeft', 'Record'], ['Home', 'Marks']]) {
				await page.keyboard.press(key);
				const tab = tabs.getByRole('tab', { name, exact: true });
				await expect(tab).toBeFocused();
				await expect(tab).toHaveAttribute('aria-selected', 'true');
				await expect(page.getByRole('tabpanel', { name })).toBeVisible();
				await expect(page.getByRole('tabpanel')).toHaveCount(1); // the others are hidden
				expect(await seriousViolations(page), `${name} tab`).toEqual([]);
			}
		});
	});
}

test('after a painting is saved, its paint shows on the body, not the selection colour over it', async ({ page }) => {
	test.setTimeout(90_000);
	await page.setViewportSize({ width: 1280, height: 800 });
	await createPlanForNewClient(page, 'Paula Paint', 'Shoulder');
	await showView(page, 'Back view');
	await page.getByRole('radio', { name: 'Paint an area' }).check();
	const from = await screenPointOf(page, codeOf('rhomboids-l'));
	await page.mouse.move(from.x, from.y);
	await page.mouse.down();
	for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + i, from.y + 4 * i);
	await page.mouse.up();
	const form = page.getByRole('form', { name: /New painted area/ });
	await form.getByRole('radio', { name: 'Tension or tightness', exact: true }).click(); // adds it: the form becomes the stored mark's
	await expect(page.getByRole('status').filter({ hasText: 'Mark added' })).toBeVisible();
	// Back to tapping with the painted mark still in the editor: the region is not drawn over.
	await page.getByRole('radio', { name: 'Tap a region' }).check();
	await expect(page.getByRole('form', { name: /painted/i }).or(page.getByRole('form', { name: /mark on/ })).first()).toBeVisible();
	const selectedOnBody = () =>
		page.locator('canvas').evaluate((c) => (c as unknown as { bodyScene: { material: { material: { uniforms: { uSelected: { value: number } } } } } }).bodyScene.material.material.uniforms.uSelected.value);
	await page.waitForTimeout(300);
	expect(await selectedOnBody(), 'no region drawn in the selection colour over the new paint').toBe(0);
	// A tapped (unpainted) region is still shown selected.
	await page.getByRole('searchbox', { name: 'Find a region' }).fill('calf');
	await page.getByRole('region', { name: 'Regions', exact: true }).getByRole('button', { name: /^Right upper calf/ }).click();
	await expect.poll(selectedOnBody).toBe(codeOf('gastrocnemius-r'));
});

test.describe('a phone (390×844, touch)', () => {
	test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

	test('choosing a region in the list or on the body puts its editor on screen; Close and Escape give focus back', async ({ page }) => {
		test.setTimeout(120_000);
		await createPlanForNewClient(page, 'Pia Phone', 'Calves');
		await expect(page.locator('canvas[data-body]')).toHaveCount(1, { timeout: 30_000 });
		await expectBodyOnScreen(page, 'on opening');

		// From the region list, far below the body.
		await page.getByRole('searchbox', { name: 'Find a region' }).fill('calf');
		const item = page.getByRole('region', { name: 'Regions', exact: true }).getByRole('button', { name: /^Right upper calf/ });
		await item.tap();
		const editor = page.getByRole('form', { name: /mark on Right upper calf/ });
		await expect(editor).toBeVisible();
		await expectOnScreen(page, editor.getByRole('heading').first(), 'the editor after choosing from the list');
		await expectOnScreen(page, editor.getByRole('radio', { name: 'Aching pain' }), 'the first sensation');
		await expect(editor.getByRole('heading').first()).toBeFocused();
		expect(await seriousViolations(page), 'the sheet').toEqual([]);
		await page.keyboard.press('Escape');
		await expect(editor).toHaveCount(0);
		await expect(item).toBeFocused();

		// From a tap on the body.
		await page.evaluate(() => scrollTo(0, 0));
		await showView(page, 'Back view');
		const calf = await screenPointOf(page, codeOf('gastrocnemius-l'));
		await page.touchscreen.tap(calf.x, calf.y);
		const tapped = page.getByRole('form', { name: /mark on Left upper calf/ });
		await expect(tapped).toBeVisible();
		await expectOnScreen(page, tapped.getByRole('heading').first(), 'the editor after a tap on the body');
		await tapped.getByRole('radio', { name: 'Tension or tightness', exact: true }).tap();
		// Added at once, with no button; the sheet stays for the strength and the rest.
		await expect(markList(page).getByRole('listitem')).toHaveCount(1);
		await expect(tapped.getByRole('heading').first()).toContainText('Edit mark');
		// Closed, the sheet gives way to the body, which shows the new mark; focus is back where it was.
		await page.getByRole('dialog', { name: 'Mark editor' }).getByRole('button', { name: /^Close/ }).tap();
		await expect(tapped).toHaveCount(0);
		await expect(page.getByRole('button', { name: 'Back view', exact: true })).toBeFocused();
		await expectBodyOnScreen(page, 'after saving a mark');

		// A mark chosen in the list opens the sheet too; its Close button closes it.
		await markList(page).getByRole('button', { name: /Edit mark: Left upper calf/ }).tap();
		const sheet = page.getByRole('dialog', { name: 'Mark editor' });
		await expectOnScreen(page, sheet.getByRole('form').getByRole('heading').first(), 'the editor of a mark chosen in the list');
		await sheet.getByRole('button', { name: /^Close/ }).tap();
		await expect(sheet).toHaveCount(0);
		await expect(markList(page).getByRole('button', { name: /Edit mark: Left upper calf/ })).toBeFocused();
	});

	test('the body map’s quick views are within the fold, and compare shows one body at a time', async ({ page }) => {
		test.setTimeout(120_000);
		await page.goto('/explore');
		await expect(page.locator('canvas[data-body]')).toHaveCount(1, { timeout: 30_000 });
		await expectBodyOnScreen(page, 'explore');

		await createPlanForNewClient(page, 'Cam Compare', 'First');
		await addMark(page, 'calf', 'Right upper calf (gastrocnemius)');
		await page.getByRole('link', { name: 'Cam Compare' }).first().click();
		await page.getByRole('button', { name: 'Follow-up' }).click();
		await page.waitForURL(/\/plan\?id=/);
		await page.getByRole('link', { name: 'Cam Compare' }).first().click();
		await page.getByRole('button', { name: 'Compare' }).click();
		await page.waitForURL(/\/compare\?a=.+&b=.+/);
		const before = page.getByRole('region', { name: /^Body before/ });
		const after = page.getByRole('region', { name: /^Body after/ });
		await expect(after).toBeVisible();
		await expect(before).toBeHidden();
		await page.getByRole('radio', { name: 'Before', exact: true }).tap();
		await expect(before).toBeVisible();
		await expect(after).toBeHidden();
		await expect(before.locator('.stage')).toHaveAttribute('data-load', 'ready');
		expect(await seriousViolations(page), 'compare').toEqual([]);
	});
});
