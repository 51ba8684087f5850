/**
 * Helpers for tests that use the 3D body: wait for it, find a region on screen through the
 * scene's own picking, choose one from the list by keyboard, paint an area, drive real touch
 * input through the DevTools protocol, and read what the scene shows and what IndexedDB holds.
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

export const frames = (canvas: Locator) => canvas.evaluate((c) => Number((c as HTMLCanvasElement).dataset.frames ?? 0));

/** Wait until no frame has been drawn for `quietMs` (a view transition or damping has settled). */
export async function settle(canvas: Locator, quietMs = 600): Promise<void> {
	let last = -1;
	for (let i = 0; i < 40; i++) {
		const now = await frames(canvas);
		if (now === last) return;
		last = now;
		await canvas.page().waitForTimeout(quietMs);
	}
	throw new Error('the viewer never stopped drawing');
}

/** Waits for the body to be drawn, turns to a quick view and lets it settle. */
export async function showView(page: Page, view: 'Front view' | 'Back view'): Promise<void> {
	await expect(page.locator('canvas[data-body]')).toHaveCount(1, { timeout: 30_000 });
	await page.getByRole('button', { name: view, exact: true }).click();
	await settle(page.locator('canvas'));
}

/** A point on screen (CSS px) near the middle of where region `code` shows, or null. */
export async function screenPointOf(page: Page, code: number): Promise<{ x: number; y: number }> {
	const point = await page.locator('canvas').evaluate((c, code) => {
		type Scene = { pickAt(x: number, y: number): { code: number } | null };
		const scene = (c as unknown as { bodyScene: Scene }).bodyScene;
		c.scrollIntoView({ block: 'center', behavior: 'instant' });
		const r = c.getBoundingClientRect();
		const hits: [number, number][] = [];
		for (let y = Math.max(r.top, 0) + 3; y < Math.min(r.bottom, innerHeight); y += 5) {
			for (let x = r.left + 3; x < r.right; x += 5) if (scene.pickAt(x, y)?.code === code) hits.push([x, y]);
		}
		if (!hits.length) return null;
		const cx = hits.reduce((s, h) => s + h[0], 0) / hits.length;
		const cy = hits.reduce((s, h) => s + h[1], 0) / hits.length;
		hits.sort((a, b) => Math.hypot(a[0] - cx, a[1] - cy) - Math.hypot(b[0] - cx, b[1] - cy));
		return { x: hits[0][0], y: hits[0][1] };
	}, code);
	expect(point, `region ${code} is on screen`).not.toBeNull();
	return point!;
}

type Point = { x: number; y: number };

/** Chooses a region from the region list with the keyboard only. */
export async function pickRegionByKeyboard(page: Page, query: string, name: RegExp) {
	await page.getByRole('searchbox', { name: 'Find a region' }).fill(query);
	// The search box is followed by the side filter; one tab stop later is the list.
	await page.getByRole('radio', { name: 'All', exact: true }).focus();
	await page.keyboard.press('Tab');
	for (let i = 0; i < 10; i++) {
		const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
		if (name.test(focused)) break;
		await page.keyboard.press('ArrowDown');
	}
	await page.keyboard.press('Enter');
	await expect(page.getByRole('region', { name: 'Selected region' }).getByRole('heading')).toHaveText(name);
}

/** With "Paint an area" on: paints a short stroke down from `from` with the mouse and adds it as tension. */
export async function paintTensionFrom(page: Page, from: Point): Promise<void> {
	await page.mouse.move(from.x, from.y);
	await page.mouse.down();
	for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + i, from.y + 4 * i);
	await page.mouse.up();
	const form = page.getByRole('form', { name: /New painted area/ });
	await form.getByRole('radio', { name: 'Tension or tightness', exact: true }).click(); // adds it: the form becomes the stored mark's
	await expect(page.getByRole('status').filter({ hasText: 'Mark added' })).toBeVisible();
}

/**
 * Real touch input: each finger follows its own path, all moving together in `steps`. Fingers
 * start one after another (the second lands after the first has moved a little, as in life).
 */
export async function touchDrag(page: Page, paths: [Point, Point][], steps = 12): Promise<void> {
	const cdp = await page.context().newCDPSession(page);
	const at = (t: number, n: number) =>
		paths.slice(0, n).map(([a, b], id) => ({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t, id }));
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0, 1) });
	for (let i = 1; i <= steps; i++) {
		const t = i / steps;
		if (i === 2 && paths.length > 1) await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(t, paths.length) });
		await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(t, i >= 2 ? paths.length : 1) });
	}
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
	await cdp.detach();
}

/** How many vertices of the body show paint now. */
export const paintedVertices = (page: Page) =>
	page.locator('canvas').evaluate((c) => (c as unknown as { bodyScene: { paintedVertexCount(): number } }).bodyScene.paintedVertexCount());

/** The overlay tint [r, g, b, strength] the body scene holds for a region code. */
export async function tintOf(page: Page, code: number): Promise<number[]> {
	return page.locator('canvas').evaluate((c, code) => {
		type Scene = { material: { overlay: { image: { data: Uint8Array } } } };
		const data = (c as unknown as { bodyScene: Scene }).bodyScene.material.overlay.image.data;
		return [...data.slice(code * 4, code * 4 + 4)];
	}, code);
}

/** Every mark stored in the app's IndexedDB, read with the plain IndexedDB API. */
type StoredPatch = { modelVersion: string; vertices: number[]; regions: { region: number; area: number }[] };
export async function storedMarks(page: Page): Promise<{ id: string; region: number; patch: StoredPatch | null }[]> {
	return page.evaluate(
		() =>
			new Promise((ok, fail) => {
				const open = indexedDB.open('somamap');
				open.onerror = () => fail(open.error);
				open.onsuccess = () => {
					const req = open.result.transaction('marks').objectStore('marks').getAll();
					req.onsuccess = () => {
						open.result.close();
						ok(
							req.result.map((m: { id: string; region: number; patch: null | (Omit<StoredPatch, 'vertices'> & { vertices: Uint32Array }) }) => ({
								id: m.id,
								region: m.region,
								patch: m.patch && { modelVersion: m.patch.modelVersion, regions: m.patch.regions, vertices: [...m.patch.vertices] }
							}))
						);
					};
				};
			})
	);
}
