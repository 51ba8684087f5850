/**
 * Polish on a phone held upright (390×844, touch): a region chosen from the list shows on the body
 * above whatever covers the lower screen (the planner's mark sheet, the client's Next bar), in the
 * planner, in client mode and on the client's own map; no control's label spills out of its box.
 */
import type { Page } from '@playwright/test';
import { codeOf } from '../../src/lib/domain/regions';
import { test, expect, createPlanForNewClient } from './fixtures';
import { settle } from './body-helpers';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

const LOW_BACK = codeOf('lumbar-erector-l');
const CALF = codeOf('gastrocnemius-l');

/**
 * How many sample points of region `code` the body draws where the person can see them now: on
 * screen, inside the canvas and above the sheet or fixed bar over the lower screen (no scrolling).
 */
async function visiblePoints(page: Page, code: number): Promise<number> {
	await settle(page.locator('canvas'));
	return page.locator('canvas').evaluate((c, code) => {
		type Scene = { pickAt(x: number, y: number): { code: number } | null };
		const scene = (c as unknown as { bodyScene: Scene }).bodyScene;
		const r = c.getBoundingClientRect();
		const cover = document.querySelector('[data-testid="mark-sheet"], [data-fixed-bar]');
		const bottom = Math.min(r.bottom, innerHeight, cover ? cover.getBoundingClientRect().top : Infinity);
		let n = 0;
		for (let y = Math.max(r.top, 0) + 2; y < bottom; y += 4) {
			for (let x = r.left + 2; x < r.right; x += 4) if (scene.pickAt(x, y)?.code === code) n++;
		}
		return n;
	}, code);
}

async function chooseFromList(page: Page, query: string, name: RegExp) {
	await page.getByRole('searchbox', { name: 'Find a region' }).fill(query);
	await page.getByRole('region', { name: 'Regions', exact: true }).getByRole('button', { name }).first().click();
}

test('planner on a phone: a low-back or calf region chosen from the list shows above the mark sheet', async ({ page }) => {
	await createPlanForNewClient(page, 'Pia Phone');
	await expect(page.locator('canvas[data-body]')).toHaveCount(1, { timeout: 30_000 });
	for (const [query, name, code] of [['low back', /^Left low back/, LOW_BACK], ['calf', /^Left upper calf/, CALF]] as const) {
		await chooseFromList(page, query, name);
		await expect(page.getByTestId('mark-sheet')).toBeVisible();
		expect(await visiblePoints(page, code), `${query} in view above the sheet`).toBeGreaterThan(20);
		await page.getByTestId('mark-sheet').getByRole('button', { name: /^Close/ }).click();
	}
});

for (const where of ['/my-map', 'client mode'] as const) {
	test(`${where} on a phone: a low-back or calf place chosen from the list shows on the body above the Next bar`, async ({ page }) => {
		if (where === '/my-map') await page.goto('/my-map');
		else {
			await createPlanForNewClient(page, 'Cai Client');
			await page.getByRole('button', { name: 'Hand to client' }).click();
			await page.getByRole('dialog', { name: 'Set a PIN before handing over' }).getByRole('button', { name: 'hand over without a PIN' }).click();
			await page.waitForURL(/\/client-mode\?plan=/);
		}
		await expect(page.locator('canvas[data-body]')).toHaveCount(1, { timeout: 30_000 });
		for (const [query, name, code] of [['low back', /^Left low back/, LOW_BACK], ['calf', /^Left upper calf/, CALF]] as const) {
			await chooseFromList(page, query, name);
			await expect(page.getByRole('region', { name: /Your places/ })).toContainText(new RegExp(name.source.slice(1)));
			expect(await visiblePoints(page, code), `${query} in view above the Next bar`).toBeGreaterThan(20);
		}
	});
}

/** Controls on the page whose label is wider than their box (the text spills over the border). */
function spilledControls(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll<HTMLElement>('button, a, label, select, summary, [role="button"], [role="radio"]')]
			// (a visually hidden label is a 1 px box on purpose)
			.filter((el) => el.offsetParent !== null && el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1)
			.map((el) => `${el.textContent?.trim()} (${el.scrollWidth} in ${el.clientWidth})`)
	);
}

test('/my-map on a phone: beside a long place name, Remove stays inside its button', async ({ page }) => {
	await page.goto('/my-map');
	await expect(page.locator('canvas[data-body]')).toHaveCount(1, { timeout: 30_000 });
	for (const [query, name] of [['top of the shoulder', /^Left top of the shoulder/], ['low back', /^Left low back/]] as const) await chooseFromList(page, query, name);
	const places = page.getByRole('region', { name: /Your places/ });
	await expect(places.getByRole('button', { name: 'Remove Left top of the shoulder (upper trapezius)' })).toBeVisible();
	expect(await spilledControls(page)).toEqual([]);
	await places.screenshot({ path: 'test-results/polish-places-phone.png' });
});

for (const where of ['/my-map', 'client mode'] as const) {
	test(`${where} on a phone: the region list's side filter speaks to the client ("Your side")`, async ({ page }) => {
		if (where === '/my-map') await page.goto('/my-map');
		else {
			await createPlanForNewClient(page, 'Cai Client');
			await page.getByRole('button', { name: 'Hand to client' }).click();
			await page.getByRole('dialog', { name: 'Set a PIN before handing over' }).getByRole('button', { name: 'hand over without a PIN' }).click();
			await page.waitForURL(/\/client-mode\?plan=/);
		}
		await expect(page.getByRole('group', { name: 'Your side', exact: true })).toBeVisible();
		await expect(page.getByRole('group', { name: "Client's side" })).toHaveCount(0);
	});
}
