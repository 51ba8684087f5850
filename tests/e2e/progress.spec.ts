/**
 * Progress over time: a session with marks, a follow-up that carries them over, confirming one,
 * clearing one, changing one and adding a new one; then the two sessions compared (better / worse
 * / new / resolved, the marked areas and their overlap) and the chart of intensity with its table.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { pickRegionByKeyboard } from './body-helpers';

const editor = (page: Page) => page.getByRole('form', { name: /mark on/ });
const carriedList = (page: Page) => page.getByRole('list', { name: 'From last session — still there?' });

async function setIntensity(page: Page, value: number) {
	const slider = editor(page).getByRole('slider', { name: 'Intensity' });
	await slider.focus();
	await page.keyboard.press('Home');
	for (let i = 0; i < value; i++) await page.keyboard.press('ArrowRight');
	await expect(slider).toHaveValue(String(value));
}

async function addMark(page: Page, query: string, region: RegExp, sensation: string, intensity: number) {
	await pickRegionByKeyboard(page, query, region);
	await setIntensity(page, intensity);
	await editor(page).getByRole('radio', { name: sensation }).check();
	await expect(page.getByRole('status').filter({ hasText: `Mark added: ${sensation} ${intensity} of 10` })).toBeVisible();
}

async function seriousViolations(page: Page) {
	const result = await new AxeBuilder({ page }).analyze();
	return result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** "123 cm²" → 123. */
const cm2 = (text: string) => Number(/([\d.]+) cm²/.exec(text)![1]);

test('follow-up, confirm and clear carried marks, compare two sessions, chart with its table', async ({ page }) => {
	test.setTimeout(120_000);
	await createPlanForNewClient(page, 'Progress Pat', 'Neck and back');
	await addMark(page, 'trapez', /Right top of the shoulder \(upper trapezius\)/, 'Knot or trigger point', 7);
	await addMark(page, 'low back', /Left low back beside the spine/, 'Aching pain', 5);
	await addMark(page, 'calf', /Left upper calf \(gastrocnemius\)/, 'Tension or tightness', 4);

	// The client's page lists the session with its felt areas, strongest first.
	await page.getByRole('link', { name: 'Progress Pat' }).click();
	const sessions = page.getByRole('list', { name: 'Plans for Progress Pat' });
	await expect(sessions.getByRole('link')).toHaveCount(1);
	await expect(sessions).toContainText('Right top of the shoulder (upper trapezius) 7 · Left low back beside the spine 5 · Left upper calf (gastrocnemius) 4');

	// Follow-up: today's plan from the last one, the three marks carried over to confirm.
	await page.getByRole('button', { name: 'Follow-up' }).click();
	await page.waitForURL(/\/plan\?id=/);
	await expect(page.getByRole('heading', { level: 1, name: 'Follow-up: Neck and back' })).toBeVisible();
	await expect(carriedList(page).getByRole('listitem')).toHaveCount(3);
	await expect(page.getByRole('list', { name: /^Marks/ })).toHaveCount(0); // nothing confirmed yet

	// Still there: the trapezius. Gone: the calf.
	await carriedList(page).getByRole('button', { name: /^Keep: still there — Knot or trigger point 7 of 10 on Right top of the shoulder \(upper trapezius\)/ }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Kept: Knot or trigger point 7 of 10 on Right top of the shoulder (upper trapezius).' })).toBeVisible();
	await carriedList(page).getByRole('button', { name: /^Clear: gone — Tension or tightness 4 of 10 on Left upper calf \(gastrocnemius\)/ }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Cleared: Tension or tightness 4 of 10 on Left upper calf (gastrocnemius).' })).toBeVisible();
	await expect(carriedList(page).getByRole('listitem')).toHaveCount(1);

	// The low back eased: changing its intensity confirms it too.
	await carriedList(page).getByRole('button', { name: /Edit mark from last session: Aching pain 5 of 10 on Left low back/ }).click();
	await expect(editor(page).getByRole('heading')).toContainText('Left low back beside the spine');
	await setIntensity(page, 2);
	await expect(page.getByRole('list', { name: /^Marks/ }).getByRole('button', { name: /Edit mark: Left low back beside the spine: Aching pain, 2 of 10/ })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'From last session — still there?' })).toHaveCount(0);

	// The trapezius got worse, and something new: the side of the neck.
	await page.getByRole('list', { name: /^Marks/ }).getByRole('button', { name: /Edit mark: Right top of the shoulder \(upper trapezius\)/ }).click();
	await setIntensity(page, 9);
	await expect(page.getByRole('list', { name: /^Marks/ }).getByRole('button', { name: /Edit mark: Right top of the shoulder \(upper trapezius\): Knot or trigger point, 9 of 10/ })).toBeVisible();
	await addMark(page, 'side of neck', /Left side of the neck \(scalenes\)/, 'Stiffness or limited movement', 6);
	await expect(page.getByRole('list', { name: /^Marks/ }).getByRole('listitem')).toHaveCount(3);

	// Back on the client's page: both sessions, newest first; compare them.
	await page.getByRole('link', { name: 'Progress Pat' }).click();
	await expect(sessions.getByRole('link')).toHaveCount(2);
	await expect(sessions.getByRole('link').first()).toContainText('Follow-up: Neck and back');
	await expect(sessions.getByRole('link').first()).toContainText('Right top of the shoulder (upper trapezius) 9 · Left side of the neck (scalenes) 6 · Left low back beside the spine 2');

	// The chart and its table: one row per session, oldest first; "–" where an area was not asked
	// (the neck, new in the follow-up), 0 where the follow-up cleared it (the calf).
	const chart = page.getByRole('img', { name: 'Intensity per focus area over 2 sessions' });
	await expect(chart).toBeVisible();
	const table = page.getByRole('table', { name: 'Intensity (0–10) per focus area and session' });
	await expect(table.getByRole('columnheader')).toHaveText([
		'Session',
		// Highest peak first.
		'Right top of the shoulder (upper trapezius)',
		'Left side of the neck (scalenes)',
		'Left low back beside the spine',
		'Left upper calf (gastrocnemius)'
	]);
	const rows = table.getByRole('row');
	await expect(rows.nth(1).getByRole('cell')).toHaveText(['7', '–not asked', '5', '4']);
	await expect(rows.nth(1).getByRole('rowheader')).toContainText('Neck and back');
	await expect(rows.nth(2).getByRole('cell')).toHaveText(['9', '6', '2', '0']);
	await expect(rows.nth(2).getByRole('rowheader')).toContainText('Follow-up: Neck and back');
	expect(await seriousViolations(page), 'client page').toEqual([]);

	await page.getByRole('button', { name: 'Compare' }).click();
	await page.waitForURL(/\/compare\?a=.+&b=.+/);
	await expect(page.getByRole('heading', { level: 1, name: 'Compare sessions' })).toBeVisible();
	await expect(page.getByRole('heading', { name: /^Before: .* Neck and back$/ })).toBeVisible();
	await expect(page.getByRole('heading', { name: /^After: .* Follow-up: Neck and back$/ })).toBeVisible();
	await expect(page.getByRole('region', { name: /^Body before/ }).locator('.stage')).toHaveAttribute('data-load', 'ready');
	await expect(page.getByRole('region', { name: /^Body after/ }).locator('.stage')).toHaveAttribute('data-load', 'ready');
	await expect(page.locator('canvas')).toHaveCount(2);

	for (const [change, n] of [['worse', 1], ['new', 1], ['better', 1], ['resolved', 1], ['same', 0]] as const) {
		await expect(page.getByTestId(`count-${change}`)).toHaveText(`${n} ${change}`);
	}
	const compare = page.getByTestId('compare-table');
	await expect(compare.getByRole('row')).toHaveCount(5);
	const row = (name: string) => compare.getByRole('row').filter({ has: page.getByRole('button', { name }) });
	await expect(row('Right top of the shoulder (upper trapezius)').getByRole('cell')).toHaveText(['7', '9', 'Worse']);
	await expect(row('Left side of the neck (scalenes)').getByRole('cell')).toHaveText(['–', '6', 'New']);
	await expect(row('Left low back beside the spine').getByRole('cell')).toHaveText(['5', '2', 'Better']);
	await expect(row('Left upper calf (gastrocnemius)').getByRole('cell')).toHaveText(['4', '–', 'Resolved']);

	// Figures: tapped regions on the model shown, so the overlap is measured per vertex. The two
	// regions marked both times are shared; the calf and the neck only once each.
	await expect(page.getByTestId('jaccard-method')).toContainText('Measured point by point');
	const before = cm2(await page.getByTestId('area-before').innerText());
	const after = cm2(await page.getByTestId('area-after').innerText());
	const jaccardText = await page.getByTestId('jaccard').innerText();
	const [, j, shared, union] = /^([\d.]+) \(\d+%\): ([\d.]+) cm² marked both times, of ([\d.]+) cm² marked either time$/.exec(jaccardText)!;
	expect(before).toBeGreaterThan(0);
	expect(after).toBeGreaterThan(0);
	expect(Number(shared)).toBeLessThan(Math.min(before, after));
	expect(Number(union)).toBeGreaterThan(Math.max(before, after));
	expect(Math.abs(before + after - Number(shared) - Number(union))).toBeLessThanOrEqual(2);
	expect(Number(j)).toBeCloseTo(Number(shared) / Number(union), 1);
	expect(Number(j)).toBeGreaterThan(0.2);
	expect(Number(j)).toBeLessThan(0.9);

	// A region chosen in the table is selected on both bodies.
	await row('Left upper calf (gastrocnemius)').getByRole('button', { name: 'Left upper calf (gastrocnemius)' }).click();
	await expect(page.getByTestId('region-name').nth(0)).toContainText('Left upper calf (gastrocnemius)');
	await expect(page.getByTestId('region-name').nth(1)).toContainText('Left upper calf (gastrocnemius)');
	expect(await seriousViolations(page), 'compare page').toEqual([]);

	// Overlaid: one body, coloured where only the earlier session, only the later, or both marked
	// (the calf only before, the neck only after, the trapezius and low back both times).
	await page.getByRole('radio', { name: 'Overlaid on one body' }).check();
	await expect(page.locator('canvas')).toHaveCount(1);
	const overlay = page.getByRole('region', { name: 'Both sessions on one body' });
	await expect(overlay.locator('.stage')).toHaveAttribute('data-load', 'ready');
	const legend = page.getByRole('list', { name: 'Colours on the body' });
	await expect(legend.getByRole('listitem')).toHaveText([/^Only before \(.+\)$/, /^Only after \(.+\)$/, 'Both sessions']);
	const painted = () =>
		page.locator('canvas').evaluate((c) => (c as unknown as { bodyScene: { paintedVertexCount(): number } }).bodyScene.paintedVertexCount());
	await expect.poll(painted).toBeGreaterThan(100);
	await expect(page.getByTestId('region-name')).toContainText('Left upper calf (gastrocnemius)'); // the selection carries over
	expect(await seriousViolations(page), 'compare page, overlaid').toEqual([]);
	await page.getByRole('radio', { name: 'Side by side' }).check();
	await expect(page.locator('canvas')).toHaveCount(2);
	for (const side of [/^Body before/, /^Body after/]) {
		await expect(page.getByRole('region', { name: side }).locator('.stage')).toHaveAttribute('data-load', 'ready');
	}

	// Two WebGL scenes while on the page; leaving it disposes both.
	type Res = { geometries: number; textures: number; programs: number; listeners: number; mounted: boolean };
	const canvases = await page.locator('canvas').elementHandles();
	expect(canvases).toHaveLength(2);
	const read = () =>
		Promise.all(canvases.map((c) => c.evaluate((el) => (el as unknown as { bodyScene: { resources(): Res } }).bodyScene.resources())));
	expect((await read()).map((r) => r.mounted)).toEqual([true, true]);
	await page.getByRole('link', { name: 'Progress Pat' }).click();
	await expect(page.locator('canvas')).toHaveCount(0);
	const gone = { geometries: 0, textures: 0, programs: 0, listeners: 0, mounted: false };
	expect(await read()).toEqual([gone, gone]);
});
