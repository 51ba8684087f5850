/**
 * Freehand painting on a touch tablet: one finger paints, two fingers turn without painting,
 * strokes undo, the painting is described and saved as a mark keyed to the body model, and a
 * plan painted on an older model still shows and plans by region.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { paintedVertices, screenPointOf, showView, storedMarks, tintOf, touchDrag } from './body-helpers';
import { codeOf } from '../../src/lib/domain/regions';

// Software WebGL on a shared CPU is slow; these drive the 3D body a lot.
test.describe.configure({ timeout: 120_000 });
test.use({ hasTouch: true, viewport: { width: 1024, height: 768 } });

// Every sex and build shares one model version (the MakeHuman figures' one vertex list).
const FEMALE_VERSION = JSON.parse(readFileSync('static/body/manifest.json', 'utf8')).version as string;
const LEFT_TRAPEZIUS = codeOf('upper-trapezius-l');
const LEFT_LOW_BACK = codeOf('lumbar-erector-l');
const markList = (page: Page) => page.getByRole('list', { name: /^Marks/ });
// On the Plan tab, read while the Marks tab is shown.
const timedPlan = (page: Page) => page.locator('section.timed');

test('paint an area by touch, undo a stroke, pinch without painting, a reload mid-way, describe and save it; it survives a reload', async ({ page }) => {
	await createPlanForNewClient(page, 'Paint Pat', 'Shoulders');
	await showView(page, 'Back view');
	await page.getByRole('radio', { name: 'Paint an area' }).tap();

	// One finger paints across the client's left upper trapezius.
	// A short stroke for the body's size on screen (about 5 cm), so it stays on that shoulder.
	const trap = await screenPointOf(page, LEFT_TRAPEZIUS);
	const h = (await page.locator('canvas').boundingBox())!.height;
	await touchDrag(page, [[trap, { x: trap.x + h * 0.04, y: trap.y + h * 0.013 }]]);
	const painter = page.getByRole('form', { name: /New painted area/ });
	await expect(painter).toBeVisible();
	await expect(painter.getByTestId('painted-coverage')).toContainText('Left top of the shoulder (upper trapezius)');
	const afterFirst = await paintedVertices(page);
	expect(afterFirst).toBeGreaterThan(10);

	// A second stroke lower down, then undone with the Undo button: back to the first stroke only.
	const low = await screenPointOf(page, LEFT_LOW_BACK);
	await touchDrag(page, [[low, { x: low.x, y: low.y + 30 }]]);
	await expect.poll(() => paintedVertices(page)).toBeGreaterThan(afterFirst);
	await expect(painter.getByTestId('painted-coverage')).toContainText('Left low back');
	await page.getByRole('button', { name: /^Undo/ }).tap();
	await expect.poll(() => paintedVertices(page)).toBe(afterFirst);
	await expect(painter.getByTestId('painted-coverage')).not.toContainText('Left low back');

	// Two fingers turn the body and paint nothing.
	const view = page.getByTestId('orientation');
	const facing = await view.textContent();
	await touchDrag(page, [
		[{ x: low.x - 60, y: low.y }, { x: low.x + 140, y: low.y }],
		[{ x: low.x - 60, y: low.y + 80 }, { x: low.x + 140, y: low.y + 80 }]
	]);
	await expect.poll(() => view.textContent()).not.toBe(facing);
	expect(await paintedVertices(page)).toBe(afterFirst);

	// Half described, then the page reloads (or the tablet dropped the app): nothing is lost.
	await painter.getByRole('slider', { name: 'Intensity' }).fill('6');
	await page.reload();
	await expect(page.locator('canvas[data-body]')).toHaveCount(1, { timeout: 30_000 });
	await expect(painter.getByTestId('painted-coverage')).toContainText('Left top of the shoulder (upper trapezius)');
	await expect.poll(() => paintedVertices(page)).toBe(afterFirst);
	await expect(painter.getByRole('slider', { name: 'Intensity' })).toHaveValue('6');
	await expect(page.getByRole('radio', { name: 'Paint an area' })).toBeChecked();
	expect(await storedMarks(page)).toEqual([]);

	// Choosing what it feels like adds the painted mark, as for a tapped region.
	await painter.getByRole('radio', { name: 'Aching pain' }).tap();
	await expect(page.getByRole('status').filter({ hasText: /Mark added: Aching pain 6 of 10 on .*Left top of the shoulder \(upper trapezius\)/ })).toBeVisible();
	await expect(markList(page).getByRole('listitem')).toHaveCount(1);
	await page.getByRole('tab', { name: 'Plan' }).tap();
	await expect(timedPlan(page)).toContainText('Left top of the shoulder (upper trapezius)');
	await page.getByRole('tab', { name: 'Marks' }).tap();

	// Stored compactly, keyed to the model on show, with its regions.
	const [stored] = await storedMarks(page);
	expect(stored.region).toBe(LEFT_TRAPEZIUS);
	expect(stored.patch!.modelVersion).toBe(FEMALE_VERSION);
	expect(stored.patch!.vertices.length).toBeGreaterThan(10);
	expect(stored.patch!.regions[0].region).toBe(LEFT_TRAPEZIUS);

	// After a reload the painting is drawn again and the mark is listed.
	await page.reload();
	await expect(markList(page).getByRole('listitem')).toHaveCount(1);
	await expect(page.locator('canvas[data-body]')).toHaveCount(1, { timeout: 30_000 });
	await expect.poll(() => paintedVertices(page)).toBe(stored.patch!.vertices.length);

	// Repaint: the area comes back as a painting in progress; erased whole, nothing is written (the
	// mark keeps its area), and Done shows it again as stored.
	await markList(page).getByRole('button', { name: /Edit mark: Left top of the shoulder \(upper trapezius\)/ }).tap();
	await page.getByRole('button', { name: 'Repaint area' }).tap();
	const repaint = page.getByRole('form', { name: /Repainting area/ });
	await expect(repaint.getByTestId('painted-coverage')).toContainText('Left top of the shoulder (upper trapezius)');
	await page.getByRole('button', { name: 'Clear painting' }).tap();
	await expect(page.getByText('Paint the area on the body')).toBeHidden();
	await expect(repaint.getByRole('status').filter({ hasText: 'Nothing is painted now: the mark keeps its last area' })).toBeVisible();
	await repaint.getByRole('button', { name: 'Done repainting' }).tap();
	await expect.poll(() => paintedVertices(page)).toBe(stored.patch!.vertices.length);
	expect((await storedMarks(page))[0].patch!.vertices).toEqual(stored.patch!.vertices);
});

test('a plan painted on an older body model still shows its marks by region and still plans them', async ({ page }) => {
	await createPlanForNewClient(page, 'Old Model Olga', 'Low back');
	const planId = new URL(page.url()).searchParams.get('id')!;
	// A mark as an earlier model version would have stored it.
	await page.evaluate(
		({ planId, region }) =>
			new Promise<void>((ok, fail) => {
				const open = indexedDB.open('somamap');
				open.onsuccess = () => {
					const tx = open.result.transaction('marks', 'readwrite');
					tx.objectStore('marks').put({
						id: 'old-mark', planId, region, sensation: 'stiffness', intensity: 7, depth: 'surface', structure: null,
						pressure: null, note: 'from last year', author: 'therapist', createdAt: 1, updatedAt: 1,
						patch: { modelVersion: 'retired-model', vertices: new Uint32Array([5, 6, 7]), weights: new Uint8Array([255, 255, 90]), regions: [{ region, area: 120 }] }
					});
					tx.oncomplete = () => (open.result.close(), ok());
					tx.onerror = () => fail(tx.error);
				};
			}),
		{ planId, region: LEFT_LOW_BACK }
	);
	await page.reload();
	await expect(markList(page).getByRole('listitem')).toHaveCount(1);
	await expect(page.locator('canvas[data-body]')).toHaveCount(1, { timeout: 30_000 });
	// Shown on its region (stiffness blue, #0072B2), with no stray per-vertex paint.
	await expect.poll(() => tintOf(page, LEFT_LOW_BACK)).toEqual([0x00, 0x72, 0xb2, expect.any(Number)]);
	expect(await paintedVertices(page)).toBe(0);
	await page.getByRole('tab', { name: 'Plan' }).tap();
	await expect(timedPlan(page)).toContainText('Left low back');
	await page.getByRole('tab', { name: 'Marks' }).tap();
	await markList(page).getByRole('button', { name: /Edit mark: Left low back/ }).tap();
	await expect(page.getByText('Painted on an earlier version of the body model')).toBeVisible();
});

test.describe('with a mouse', () => {
	test.use({ hasTouch: false, viewport: { width: 1280, height: 800 } });

	test('left-drag paints, right-drag and Alt-drag turn without painting, the eraser takes paint away; a pen erases with its eraser end', async ({ page }) => {
		await createPlanForNewClient(page, 'Mouse Moe', 'Mouse');
		await showView(page, 'Back view');
		await page.getByRole('radio', { name: 'Paint an area' }).check();
		const drag = async (from: { x: number; y: number }, dx: number, dy: number, button: 'left' | 'right' = 'left') => {
			await page.mouse.move(from.x, from.y);
			await page.mouse.down({ button });
			for (let i = 1; i <= 8; i++) await page.mouse.move(from.x + (dx * i) / 8, from.y + (dy * i) / 8);
			await page.mouse.up({ button });
		};
		await page.getByRole('radio', { name: 'Large' }).check();
		const back = await screenPointOf(page, LEFT_LOW_BACK); // after any scrolling the clicks caused
		await drag(back, 0, 30);
		const painted = await paintedVertices(page);
		expect(painted).toBeGreaterThan(50);

		const view = page.getByTestId('orientation');
		const facing = await view.textContent();
		// A turn of about a third of a circle (a full circle is one canvas height): the view changes.
		const third = (await page.locator('canvas').boundingBox())!.height / 3;
		await drag({ x: back.x - third / 2, y: back.y }, third, 0, 'right');
		await expect.poll(() => view.textContent()).not.toBe(facing);
		expect(await paintedVertices(page)).toBe(painted);
		await showView(page, 'Back view');
		await page.keyboard.down('Alt');
		await drag({ x: back.x - third / 2, y: back.y }, third, 0);
		await page.keyboard.up('Alt');
		await expect.poll(() => view.textContent()).not.toBe(facing);
		expect(await paintedVertices(page)).toBe(painted);

		await showView(page, 'Back view');
		await page.getByRole('button', { name: 'Eraser' }).click();
		await expect(page.getByRole('button', { name: 'Eraser' })).toHaveAttribute('aria-pressed', 'true');
		const again = await screenPointOf(page, LEFT_LOW_BACK);
		await drag(again, 0, 30);
		await expect.poll(() => paintedVertices(page)).toBeLessThan(painted / 2);

		// A pen: its tip paints with the brush chosen, its eraser end erases (Pointer Events: button 5,
		// buttons bit 32). Neither the browser's input emulation nor Playwright has a pen eraser, so the
		// events are dispatched on the canvas.
		await page.getByRole('button', { name: 'Eraser' }).click();
		await expect(page.getByRole('button', { name: 'Eraser' })).toHaveAttribute('aria-pressed', 'false');
		const pen = async (at: { x: number; y: number }, eraser: boolean) =>
			page.locator('canvas').evaluate(
				(canvas, { at, eraser }) => {
					// A dispatched pointer is not an active one: capturing it would throw, so capture is a no-op here.
					canvas.setPointerCapture = () => {};
					canvas.releasePointerCapture = () => {};
					const send = (type: string, y: number, buttons: number) =>
						canvas.dispatchEvent(
							new PointerEvent(type, { pointerId: 40, pointerType: 'pen', isPrimary: true, clientX: at.x, clientY: y, button: eraser ? 5 : 0, buttons, bubbles: true, cancelable: true })
						);
					send('pointerdown', at.y, eraser ? 32 : 1);
					for (let i = 1; i <= 8; i++) send('pointermove', at.y + i * 4, eraser ? 32 : 1);
					send('pointerup', at.y + 32, 0);
				},
				{ at, eraser }
			);
		const penAt = await screenPointOf(page, LEFT_LOW_BACK);
		const before = await paintedVertices(page);
		await pen(penAt, false);
		await expect.poll(() => paintedVertices(page)).toBeGreaterThan(before + 50);
		const withPen = await paintedVertices(page);
		await pen(penAt, true);
		await expect.poll(() => paintedVertices(page)).toBeLessThan(withPen / 2);
		await expect(page.getByRole('button', { name: 'Eraser' })).toHaveAttribute('aria-pressed', 'false'); // the tool chosen stays
	});
});
