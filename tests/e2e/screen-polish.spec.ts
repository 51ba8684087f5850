/**
 * What the screenshots showed a person would notice, each at the size where it shows: the
 * client's Next bar never covers the "Selected … / Clear" strip (phone); the compare pickers show
 * each session's whole date and title (phone); the pressure choices read on a phone; a region
 * chosen from the list on a tablet brings its editor on screen with the body still in view; a
 * painted mark reopened by a reload shows its paint, not the selection colour.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { settle, showView } from './body-helpers';
import { openTab } from './plan-tabs';
import { codeOf } from '../../src/lib/domain/regions';

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } as const;

/** A point of region `code` on the canvas where it is now (no scrolling), or null. */
function pointOf(page: Page, code: number) {
	return page.locator('canvas').evaluate((c, code) => {
		type Scene = { pickAt(x: number, y: number): { code: number } | null };
		const scene = (c as unknown as { bodyScene: Scene }).bodyScene;
		const r = c.getBoundingClientRect();
		const hits: [number, number][] = [];
		for (let y = Math.max(r.top, 0) + 3; y < Math.min(r.bottom, innerHeight); y += 5)
			for (let x = r.left + 3; x < r.right; x += 5) if (scene.pickAt(x, y)?.code === code) hits.push([x, y]);
		return hits.length ? { x: hits[hits.length >> 1][0], y: hits[hits.length >> 1][1] } : null;
	}, code);
}

async function overlap(a: Locator, b: Locator): Promise<number> {
	const [p, q] = [(await a.boundingBox())!, (await b.boundingBox())!];
	const w = Math.min(p.x + p.width, q.x + q.width) - Math.max(p.x, q.x);
	const h = Math.min(p.y + p.height, q.y + q.height) - Math.max(p.y, q.y);
	return Math.max(0, w) * Math.max(0, h);
}

test.describe('on a phone (390×844, touch)', () => {
	test.use(PHONE);

	test('the client’s own map: after a tap on the body, the Next bar does not cover “Selected … / Clear”', async ({ page }) => {
		test.setTimeout(90_000);
		await page.goto('/my-map#n=Sam&p=Bodywise%20Massage&r=rAAAAAAAAAAAAAAAAAAAAAA');
		await expect(page.getByTestId('greeting')).toBeVisible();
		await showView(page, 'Back view');
		await page.evaluate(() => scrollTo(0, 0));
		const point = await pointOf(page, codeOf('gluteus-maximus-l'));
		expect(point, 'the buttock shows on the first screen').not.toBeNull();
		await page.touchscreen.tap(point!.x, point!.y);
		await expect(page.getByRole('region', { name: /Your places/ })).toContainText('buttock');
		const strip = page.getByRole('button', { name: /^Clear selection/ }).locator('..');
		await expect(strip).toContainText('Selected');
		await page.waitForTimeout(300);
		const bar = page.getByRole('button', { name: 'Next' }).locator('..');
		expect(await overlap(strip, bar), 'the strip and the Next bar do not overlap').toBe(0);
		expect((await strip.boundingBox())!.y, 'the strip is on screen').toBeGreaterThanOrEqual(0);
	});

	test('compare: each picker shows its session’s whole date and title', async ({ page }) => {
		test.setTimeout(90_000);
		await createPlanForNewClient(page, 'Noor Titles', 'Neck and low back after the long drive');
		await page.getByRole('link', { name: 'Noor Titles' }).first().click();
		await page.getByRole('button', { name: 'Follow-up' }).click();
		await page.waitForURL(/\/plan\?id=/);
		await page.getByRole('link', { name: 'Noor Titles' }).first().click();
		const titles = [
			['Before', 'Neck and low back after the long drive'],
			['After', 'Follow-up: Neck and low back after the long drive']
		] as const;
		await expectWhole(page, titles); // on the client's page
		await page.getByRole('button', { name: 'Compare' }).click();
		await page.waitForURL(/\/compare\?a=.+&b=.+/);
		await expectWhole(page, titles);
		// Choosing still works.
		const before = page.getByRole('combobox', { name: 'Before', exact: true });
		await expect(before.locator('option')).toHaveCount(2);
	});

	async function expectWhole(page: Page, titles: readonly (readonly [string, string])[]) {
		for (const [label, title] of titles) {
			const select = page.getByRole('combobox', { name: label, exact: true });
			await expect(select).toBeVisible();
			const field = select.locator('xpath=ancestor::div[contains(@class,"field")][1]');
			const shown = field.getByText(title, { exact: true });
			await expect(shown, `${label}: the title shows`).toBeVisible();
			const cut = await shown.evaluate((el) => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > innerWidth);
			expect(cut, `${label}: the title is not cut`).toBe(false);
			await expect(field.getByText(/\b20\d\d\b/).first(), `${label}: the date shows`).toBeVisible();
		}
	}

	test('planner: the pressure choices read on a phone, each name on one line', async ({ page }) => {
		await createPlanForNewClient(page, 'Pia Pressure', 'Back');
		await openTab(page, 'Plan');
		const group = page.getByRole('group', { name: 'Pressure for the session' });
		await expect(group).toBeVisible();
		const cards = await group.locator('label').evaluateAll((labels) =>
			labels.map((l) => {
				const name = l.querySelector('strong')!;
				const lh = parseFloat(getComputedStyle(name).lineHeight) || 20;
				const hint = l.querySelector('.hint') as HTMLElement;
				const hlh = parseFloat(getComputedStyle(hint).lineHeight) || 18;
				return { text: name.textContent, nameLines: Math.round(name.getBoundingClientRect().height / lh), hintLines: Math.round(hint.getBoundingClientRect().height / hlh) };
			})
		);
		expect(cards).toHaveLength(5);
		for (const c of cards) {
			expect(c.nameLines, `“${c.text}” on one line`).toBe(1);
			expect(c.hintLines, `“${c.text}”: its description in at most two lines`).toBeLessThanOrEqual(2);
		}
		// Every control of the Plan tab inside its card (the avoid-zone Side select stuck out).
		const out = await page.getByRole('tabpanel', { name: 'Plan' }).evaluate((panel) => {
			const past: string[] = [];
			for (const card of panel.querySelectorAll<HTMLElement>('.card')) {
				const edge = card.getBoundingClientRect().right - parseFloat(getComputedStyle(card).paddingRight) + 1;
				for (const el of card.querySelectorAll<HTMLElement>('input, select, button, textarea')) {
					const r = el.getBoundingClientRect();
					if (r.width && r.right > edge) past.push(`${el.id || el.textContent?.trim().slice(0, 20)} ${Math.round(r.right - edge)}px`);
				}
			}
			return past;
		});
		expect(out, 'controls past their card’s edge').toEqual([]);
		// The Outcome tab points to where the status is changed: the Plan tab, not "the top of the page".
		await openTab(page, 'Outcome');
		await expect(page.getByRole('tabpanel', { name: 'Outcome' })).toContainText('You can still change its status on the Plan tab.');
	});
});

test.describe('on a tablet (1280×800)', () => {
	test.use({ viewport: { width: 1280, height: 800 } });

	test('a region chosen from the list brings its editor on screen, the body still in view', async ({ page }) => {
		test.setTimeout(90_000);
		await createPlanForNewClient(page, 'Tom Tablet', 'Jaw');
		const regions = page.getByRole('region', { name: 'Regions', exact: true });
		const item = regions.getByRole('button', { name: /^Left jaw \(masseter\)/ });
		await item.scrollIntoViewIfNeeded();
		await page.evaluate(() => scrollBy(0, 200)); // well down the list, as a therapist would be
		const canvasTop = (await page.locator('canvas').boundingBox())!.y;
		await item.click();
		const heading = page.locator('[data-mark-editor-heading]');
		await expect(heading).toContainText('Left jaw');
		await expect(heading).toBeInViewport({ ratio: 1 });
		await expect(page.getByRole('form', { name: /mark on/ }).getByRole('radio', { name: 'Aching pain', exact: true })).toBeInViewport();
		const body = (await page.locator('canvas').boundingBox())!;
		expect(Math.abs(body.y - canvasTop), 'the body pane did not jump').toBeLessThan(2);
		await expect(page.locator('canvas')).toBeInViewport({ ratio: 0.9 });
	});

	test('a painted mark reopened by a reload shows its paint, not the selection colour', async ({ page }) => {
		test.setTimeout(120_000);
		await createPlanForNewClient(page, 'Rita Reload', 'Shoulder');
		await showView(page, 'Back view');
		await page.getByRole('radio', { name: 'Paint an area' }).check();
		const from = (await pointOf(page, codeOf('rhomboids-l')))!;
		await page.mouse.move(from.x, from.y);
		await page.mouse.down();
		for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + i, from.y + 4 * i);
		await page.mouse.up();
		const form = page.getByRole('form', { name: /New painted area/ });
		await form.getByRole('radio', { name: 'Tension or tightness', exact: true }).click(); // adds it: the form becomes the stored mark's
		await expect(page.getByRole('status').filter({ hasText: 'Mark added' })).toBeVisible();
		await page.getByRole('radio', { name: 'Tap a region' }).check();
		await expect.poll(() => page.url()).toMatch(/[?&]mark=/);
		await page.reload();
		await expect(page.locator('[data-mark-editor-heading]')).toBeVisible({ timeout: 30_000 });
		await settle(page.locator('canvas'));
		const selectedOnBody = () =>
			page.locator('canvas').evaluate((c) => (c as unknown as { bodyScene: { material: { material: { uniforms: { uSelected: { value: number } } } } } }).bodyScene.material.material.uniforms.uSelected.value);
		await page.waitForTimeout(500);
		expect(await selectedOnBody(), 'no region drawn in the selection colour over the paint').toBe(0);
	});
});
