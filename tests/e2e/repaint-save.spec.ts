/**
 * A repaint is saved as it is painted, like every other edit of a mark: each finished stroke is
 * written to the mark at once (no "Save" button), with undo stroke by stroke while repainting and
 * one step for the whole repaint once it is done. A tab closed right after a stroke, without
 * waiting for anything, keeps the repaint.
 */
import type { Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { paintedVertices, paintTensionFrom, screenPointOf, showView, storedMarks } from './body-helpers';
import { codeOf } from '../../src/lib/domain/regions';

test.describe.configure({ timeout: 120_000 });
test.use({ viewport: { width: 1280, height: 800 } });

const LOW_BACK = codeOf('lumbar-erector-l');
const RIGHT_LOW_BACK = codeOf('lumbar-erector-r');
const markList = (page: Page) => page.getByRole('list', { name: /^Marks/ });
const storedVertices = async (page: Page) => (await storedMarks(page))[0]?.patch?.vertices.length ?? 0;

/** A painted tension mark on the left low back, opened for repainting; its stored vertex count. */
async function paintedMarkRepainting(page: Page): Promise<number> {
	await createPlanForNewClient(page, 'Repaint Rae', 'Low back');
	await showView(page, 'Back view');
	await page.getByRole('radio', { name: 'Paint an area' }).check();
	await paintTensionFrom(page, await screenPointOf(page, LOW_BACK));
	await expect.poll(() => storedVertices(page)).toBeGreaterThan(10);
	const first = await storedVertices(page);
	await page.getByRole('form', { name: /Edit painted area/ }).getByRole('button', { name: 'Repaint area' }).click();
	const form = page.getByRole('form', { name: /Repainting area/ });
	await expect(form).toContainText('Each stroke is saved as you paint');
	await expect(form.getByRole('button', { name: /^Save/ })).toHaveCount(0);
	return first;
}

/** One stroke down from the right low back (the other side of the spine: new paint). */
async function strokeOnRight(page: Page): Promise<void> {
	const from = await screenPointOf(page, RIGHT_LOW_BACK);
	await page.mouse.move(from.x, from.y);
	await page.mouse.down();
	for (let i = 1; i <= 8; i++) await page.mouse.move(from.x, from.y + 4 * i);
	await page.mouse.up();
}

/**
 * The worst moment: the stroke's write cannot land before the tab goes. Another connection holds
 * the marks table in a write transaction that never ends (until the page closes), so the app's
 * own write waits behind it.
 */
async function holdMarksTable(page: Page): Promise<void> {
	await page.evaluate(
		() =>
			new Promise<void>((ok, ko) => {
				const open = indexedDB.open('somamap');
				open.onerror = () => ko(open.error);
				open.onsuccess = () => {
					const marks = open.result.transaction('marks', 'readwrite').objectStore('marks');
					// Each answer asks again: the transaction stays open, the app's write waits behind it.
					const spin = () => void (marks.count().onsuccess = spin);
					spin();
					ok();
				};
			})
	);
}

test('a repaint is kept when the tab closes right after the stroke, before its write could land, with no button pressed', async ({ page, context }) => {
	const first = await paintedMarkRepainting(page);
	const address = page.url();
	await holdMarksTable(page);
	await strokeOnRight(page);
	await page.close(); // at once: nothing waited for

	const again = await context.newPage();
	await again.goto(address);
	await expect(again.locator('canvas[data-body]')).toHaveCount(1, { timeout: 30_000 });
	await expect(markList(again).getByRole('listitem')).toHaveCount(1);
	await expect.poll(() => storedVertices(again)).toBeGreaterThan(first);
	const kept = await storedVertices(again);
	await expect.poll(() => paintedVertices(again)).toBe(kept);
	expect((await storedMarks(again))[0].patch!.regions.map((r) => r.region)).toContain(RIGHT_LOW_BACK);
});

test('a repaint saves stroke by stroke with undo and redo; once done, one undo takes the whole repaint back', async ({ page }, info) => {
	const first = await paintedMarkRepainting(page);
	await strokeOnRight(page);
	await expect.poll(() => storedVertices(page)).toBeGreaterThan(first);
	const repainted = await storedVertices(page);
	await page.evaluate(() => window.scrollTo(0, 0));
	await page.screenshot({ path: info.outputPath('repainting.png') });

	// Undo while repainting takes the stroke back, in the store too; redo puts it back.
	await page.getByRole('button', { name: /^Undo/ }).click();
	await expect.poll(() => storedVertices(page)).toBe(first);
	await page.getByRole('button', { name: /^Redo/ }).click();
	await expect.poll(() => storedVertices(page)).toBe(repainted);

	// Done: the mark's own editor again; one undo takes the whole repaint back.
	await page.getByRole('button', { name: 'Done repainting' }).click();
	await expect(page.getByRole('form', { name: /Edit painted area/ })).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: /^Repainted: Tension/ })).toBeVisible();
	await expect.poll(() => paintedVertices(page)).toBe(repainted);
	await page.getByRole('button', { name: /^Undo/ }).click();
	await expect.poll(() => storedVertices(page)).toBe(first);
	await expect.poll(() => paintedVertices(page)).toBe(first);
	await expect(markList(page).getByRole('listitem')).toHaveCount(1);
});
