/**
 * The 3D body viewer on the production build: picking names the right side in the back view,
 * an idle page draws no frames, the list selects without the canvas, a lost WebGL context is
 * explained and recovered.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { frames, settle } from './body-helpers';

/** Open the explorer and wait until the body has been drawn; returns ms from navigation. */
async function openExplorer(page: Page): Promise<number> {
	const start = Date.now();
	await page.goto('/explore');
	// data-body is set on the first frame that actually shows the body.
	await expect(page.locator('canvas[data-body]')).toHaveCount(1, { timeout: 30_000 });
	return Date.now() - start;
}

/** Hover a grid of points on one half of the canvas; the first whose hover name matches. */
async function findOnScreen(page: Page, half: 'left' | 'right', name: RegExp) {
	const box = (await page.locator('canvas').boundingBox())!;
	const label = page.getByTestId('region-name');
	for (let fy = 0.5; fy <= 0.8; fy += 0.03) {
		for (let fx = 0.01; fx <= 0.12; fx += 0.015) {
			const x = box.x + box.width * (half === 'left' ? 0.5 - fx : 0.5 + fx);
			const y = box.y + box.height * fy;
			await page.mouse.move(x, y);
			const text = (await label.textContent()) ?? '';
			if (text.startsWith('Pointing at') && name.test(text)) return { x, y, text };
		}
	}
	throw new Error(`no ${name} on the ${half} half of the canvas`);
}

test('the body is shown soon after navigation and an idle page draws no frames', async ({ page }) => {
	const ms = await openExplorer(page);
	test.info().annotations.push({ type: 'body shown after (ms, software WebGL)', description: String(ms) });
	expect(ms).toBeLessThan(15_000); // goal on real hardware: 1 s; software WebGL on a shared CPU is far slower (see bench)
	const canvas = page.locator('canvas');
	await page.mouse.move(5, 5); // rest the mouse off the canvas
	await settle(canvas);
	const before = await frames(canvas);
	await page.waitForTimeout(1_000);
	expect(await frames(canvas)).toBe(before);
});

test("in the back view, tapping the back of the thigh on screen left selects the client's LEFT hamstrings", async ({ page }) => {
	await openExplorer(page);
	const canvas = page.locator('canvas');
	await page.getByRole('button', { name: 'Back view' }).click();
	await settle(canvas);
	await expect(page.getByTestId('edge-left')).toHaveText("Client's left");
	await expect(page.getByTestId('edge-right')).toHaveText("Client's right");

	const left = await findOnScreen(page, 'left', /back of the thigh/i);
	expect(left.text).toMatch(/Left back of the thigh \(hamstrings\)/);
	await page.mouse.click(left.x, left.y);
	await expect(page.getByTestId('announcer')).toHaveText('Selected: Left back of the thigh (hamstrings)');
	await expect(page.getByRole('button', { name: /Left back of the thigh \(hamstrings\)/, pressed: true })).toBeVisible();

	const right = await findOnScreen(page, 'right', /back of the thigh/i);
	expect(right.text).toMatch(/Right back of the thigh \(hamstrings\)/);
	// A drag is not a tap: it turns the body and must not change the selection.
	await page.mouse.move(right.x, right.y);
	await page.mouse.down();
	await page.mouse.move(right.x + 60, right.y, { steps: 5 });
	await page.mouse.up();
	await expect(page.getByTestId('announcer')).toHaveText('Selected: Left back of the thigh (hamstrings)');
});

test('a touch tap selects too (touch device)', async ({ browser }) => {
	const context = await browser.newContext({ hasTouch: true, viewport: { width: 768, height: 1024 } });
	const page = await context.newPage();
	await openExplorer(page);
	await page.getByRole('button', { name: 'Back view' }).click();
	await settle(page.locator('canvas'));
	const spot = await findOnScreen(page, 'right', /back of the thigh/i);
	await page.touchscreen.tap(spot.x, spot.y);
	await expect(page.getByTestId('announcer')).toHaveText('Selected: Right back of the thigh (hamstrings)');
	await context.close();
});

test('side views name the side that faces the viewer', async ({ page }) => {
	await openExplorer(page);
	await page.getByRole('button', { name: "Left side (the client's left)", exact: true }).click();
	await expect(page.getByTestId('orientation')).toContainText("Client's left side");
	await expect(page.getByTestId('edge-left')).toHaveText('Front');
	await page.getByRole('button', { name: "Right side (the client's right)", exact: true }).click();
	await expect(page.getByTestId('orientation')).toContainText("Client's right side");
	await expect(page.getByTestId('edge-left')).toHaveText('Back');
	await page.getByRole('button', { name: 'Front view' }).click();
	await expect(page.getByTestId('edge-left')).toHaveText("Client's right");
});

test('the region list selects regions without the canvas, by keyboard', async ({ page }) => {
	await openExplorer(page);
	await page.getByLabel('Find a region').fill('hamstrings');
	await expect(page.getByText('2 of 80 regions')).toBeVisible();
	await page.getByRole('radio', { name: 'Right' }).check();
	const item = page.getByRole('button', { name: /^Right back of the thigh \(hamstrings\)/ });
	await item.focus();
	await page.keyboard.press('Enter');
	await expect(item).toHaveAttribute('aria-pressed', 'true');
	await expect(page.getByTestId('announcer')).toHaveText('Selected: Right back of the thigh (hamstrings)');
	await expect(page.getByTestId('region-name')).toContainText('Right back of the thigh (hamstrings)');
});

test('a lost WebGL context is explained and the view recovers', async ({ page }) => {
	await openExplorer(page);
	const canvas = page.locator('canvas');
	await canvas.evaluate((c) => {
		const gl = (c as HTMLCanvasElement).getContext('webgl2')!;
		(window as unknown as { __lose: WEBGL_lose_context }).__lose = gl.getExtension('WEBGL_lose_context')!;
		(window as unknown as { __lose: WEBGL_lose_context }).__lose.loseContext();
	});
	await expect(page.getByText('The 3D view was interrupted — restoring…')).toBeVisible();
	const before = await frames(canvas);
	await page.evaluate(() => (window as unknown as { __lose: WEBGL_lose_context }).__lose.restoreContext());
	await expect(page.getByText('The 3D view was interrupted — restoring…')).toHaveCount(0);
	await expect.poll(() => frames(canvas)).toBeGreaterThan(before);
});

test('leaving the page frees the WebGL context (no context pile-up over many visits)', async ({ page }) => {
	const warnings: string[] = [];
	page.on('console', (m) => /too many active webgl contexts/i.test(m.text()) && warnings.push(m.text()));
	await openExplorer(page);
	for (let i = 0; i < 18; i++) {
		await page.getByRole('link', { name: 'Clients' }).click();
		await page.getByRole('link', { name: 'Body map' }).click();
		await expect(page.locator('canvas[data-body]')).toHaveCount(1);
	}
	expect(warnings).toEqual([]);
});

test('leaving the page disposes every GPU resource, listener and observer', async ({ page }) => {
	await openExplorer(page);
	type Res = { geometries: number; textures: number; programs: number; listeners: number; mounted: boolean };
	const canvas = await page.locator('canvas').elementHandle();
	const read = () => canvas!.evaluate((c) => (c as unknown as { bodyScene: { resources(): Res } }).bodyScene.resources());
	const live = await read();
	expect(live.geometries).toBeGreaterThanOrEqual(1);
	expect(live.textures).toBe(2); // the palette and overlay lookup textures
	expect(live.listeners).toBeGreaterThan(0);
	await page.getByRole('link', { name: 'Clients' }).click();
	await expect(page.locator('canvas')).toHaveCount(0);
	expect(await read()).toEqual({ geometries: 0, textures: 0, programs: 0, listeners: 0, mounted: false });
});

test('pixel ratio is capped at 2 and a resize redraws at the new size', async ({ browser }) => {
	const context = await browser.newContext({ deviceScaleFactor: 3, viewport: { width: 1024, height: 768 } });
	const page = await context.newPage();
	await openExplorer(page);
	const canvas = page.locator('canvas');
	const size = () => canvas.evaluate((c) => ({ w: (c as HTMLCanvasElement).width, css: c.clientWidth }));
	let s = await size();
	expect(s.w).toBe(s.css * 2);
	await settle(canvas);
	const before = await frames(canvas);
	await page.setViewportSize({ width: 768, height: 1024 });
	await expect.poll(async () => (s = await size()).css).not.toBe(0);
	await expect.poll(() => frames(canvas)).toBeGreaterThan(before);
	s = await size();
	expect(s.w).toBe(s.css * 2);
	await context.close();
});

test('with reduced motion a quick view jumps (a frame or two, no animation)', async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await openExplorer(page);
	const canvas = page.locator('canvas');
	await page.mouse.move(1, 1);
	await settle(canvas);
	const before = await frames(canvas);
	await page.getByRole('button', { name: 'Back view' }).click();
	await expect(page.getByTestId('edge-left')).toHaveText("Client's left");
	await settle(canvas);
	expect((await frames(canvas)) - before).toBeLessThanOrEqual(3);
});

test('arrow keys on the focused canvas turn the body', async ({ page }) => {
	await openExplorer(page);
	await page.locator('canvas').focus();
	// 6 × 15° = a quarter turn; like dragging right, the body turns to show its right side.
	for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
	await expect(page.getByTestId('orientation')).toContainText("Client's right side");
	for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
	await expect(page.getByTestId('orientation')).toContainText('Back view');
});

for (const scheme of ['light', 'dark'] as const) {
	test(`axe finds no serious violations on the body map (${scheme})`, async ({ page }) => {
		await page.emulateMedia({ colorScheme: scheme });
		await openExplorer(page);
		await page.getByRole('button', { name: /^Left back of the thigh \(hamstrings\)/ }).click();
		const result = await new AxeBuilder({ page }).analyze();
		const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
		expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
	});
}

test('per-region overlays and per-vertex paint draw without shader errors', async ({ page }) => {
	const errors: string[] = [];
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	await openExplorer(page);
	const canvas = page.locator('canvas');
	const before = await frames(canvas);
	const painted = await canvas.evaluate((c) => {
		type Scene = {
			material: { setOverlay(code: number, colour: string, strength?: number): void };
			enablePaint(): { array: Uint8Array; count: number } | null;
			paintChanged(): void;
		};
		const scene = (c as unknown as { bodyScene: Scene }).bodyScene;
		scene.material.setOverlay(1, '#c0392b', 0.7);
		const paint = scene.enablePaint()!;
		for (let v = 0; v < paint.count; v += 7) paint.array.set([40, 90, 200, 180], v * 4);
		scene.paintChanged();
		return paint.count;
	});
	expect(painted).toBeGreaterThan(1000);
	await expect.poll(() => frames(canvas)).toBeGreaterThan(before);
	await settle(canvas);
	expect(errors).toEqual([]);
});
