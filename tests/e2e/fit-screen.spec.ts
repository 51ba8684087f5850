/**
 * Nothing is wider than the screen: every page, on a phone held upright (390×844, touch) and on a
 * tablet in landscape (1280×800). The page must not scroll sideways, and no visible control may
 * stick out past the right edge (a control clipped by a card is as unreachable as one off-screen).
 * The planner is visited with marks, the mark editor open and the summary unfolded; the print
 * preview shows whole pages, shrunk to a phone's width, instead of scrolling sideways.
 */
import type { Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { setPinInSettings } from './pin-helpers';
import { openTab } from './plan-tabs';

/** A region name matched literally. */
const esc = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What sticks out: the page's scroll width, and every visible control reaching past the right edge. */
async function overflow(page: Page, width: number) {
	return page.evaluate((width) => {
		const controls = document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, summary, [role="tab"], [role="slider"], label');
		const out: string[] = [];
		for (const el of controls) {
			if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
			const r = el.getBoundingClientRect();
			if (r.width <= 1 || r.height <= 1) continue; // visually hidden
			if (r.right > width + 0.5) {
				const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
				out.push(`${el.tagName.toLowerCase()} “${name}” right=${Math.round(r.right)}`);
			}
		}
		// A box that scrolls sideways hides part of itself past the edge just the same (a print preview).
		const sideways = [...document.querySelectorAll<HTMLElement>('body *')]
			.filter((el) => el.scrollWidth > el.clientWidth + 1 && /auto|scroll/.test(getComputedStyle(el).overflowX) && el.checkVisibility())
			.map((el) => `${el.tagName.toLowerCase()}.${el.classList[0] ?? ''} scrolls ${el.scrollWidth - el.clientWidth}px sideways`);
		return { scrollWidth: document.documentElement.scrollWidth, innerWidth, controls: out, sideways };
	}, width);
}

async function expectFits(page: Page, what: string, width: number) {
	await page.waitForTimeout(200); // layout after fonts and late content
	const o = await overflow(page, width);
	// On a phone, a page wider than the screen widens the layout viewport itself (the browser zooms out).
	expect.soft(o.innerWidth, `${what}: the layout viewport is the screen`).toBe(width);
	expect.soft(o.scrollWidth, `${what}: the page is no wider than the screen`).toBeLessThanOrEqual(o.innerWidth);
	expect.soft(o.controls, `${what}: controls past the right edge`).toEqual([]);
	expect.soft(o.sideways, `${what}: boxes that scroll sideways`).toEqual([]);
}

async function addMark(page: Page, query: string, region: string) {
	await page.getByRole('searchbox', { name: 'Find a region' }).fill(query);
	await page.getByRole('region', { name: 'Regions', exact: true }).getByRole('button', { name: new RegExp(`^${esc(region)}`) }).click();
	const form = page.getByRole('form', { name: new RegExp(`mark on ${esc(region)}`) });
	await form.getByRole('slider', { name: 'Intensity' }).fill('6');
	await form.getByRole('radio', { name: 'Aching pain', exact: true }).check();
	await expect(page.getByRole('list', { name: /^Marks/ }).getByRole('button', { name: new RegExp(`Edit mark: ${esc(region)}`) }).first()).toBeAttached();
	// On a phone the editor's sheet stays until closed (the mark is already saved).
	const sheet = page.getByRole('dialog', { name: 'Mark editor' });
	if (await sheet.count()) await sheet.getByRole('button', { name: /^Close/ }).click();
}

const SIZES = [
	{ name: 'phone', viewport: { width: 390, height: 844 }, touch: true },
	{ name: 'tablet', viewport: { width: 1280, height: 800 }, touch: false }
] as const;

for (const size of SIZES) {
	test.describe(`on a ${size.name} (${size.viewport.width}×${size.viewport.height})`, () => {
		test.use({ viewport: size.viewport, hasTouch: size.touch, isMobile: size.touch });

		test('no page is wider than the screen', async ({ page }) => {
			test.setTimeout(180_000);
			const w = size.viewport.width;
			await page.goto('/');
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await expectFits(page, 'home, empty', w);

			const planUrl = await createPlanForNewClient(page, 'Alexandra Wide-Margins', 'Neck, shoulders and the low back after driving');
			await expectFits(page, 'plan, no marks', w);
			await addMark(page, 'low back', 'Left low back beside the spine');
			await addMark(page, 'trapez', 'Right top of the shoulder (upper trapezius)');
			await openTab(page, 'Plan');
			await page.getByRole('radio', { name: /Full body/ }).check();
			await page.getByRole('group', { name: 'Taking blood thinners?' }).getByRole('radio', { name: 'Yes' }).check();
			await page.getByRole('checkbox', { name: 'Relaxation', exact: true }).check();
			// Every card open: the summary unfolded, each tab shown, a mark's editor showing.
			const fold = page.getByRole('button', { name: /Show the plan at a glance/ });
			if (await fold.count()) await fold.click();
			for (const tab of ['Plan', 'Notes', 'Outcome'] as const) {
				await openTab(page, tab);
				await expectFits(page, `plan, ${tab} tab`, w);
			}
			await openTab(page, 'Marks');
			await page.getByRole('list', { name: /^Marks/ }).getByRole('button', { name: /Edit mark: Left low back/ }).click();
			await expect(page.getByRole('form', { name: /mark on Left low back/ })).toBeVisible();
			await expectFits(page, 'plan with marks, a mark open', w);

			// A second session, to compare.
			await page.getByRole('link', { name: 'Alexandra Wide-Margins' }).first().click();
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await page.getByRole('button', { name: 'Follow-up' }).click();
			await page.waitForURL(/\/plan\?id=/);
			await page.getByRole('link', { name: 'Alexandra Wide-Margins' }).first().click();
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await expectFits(page, 'client', w);
			await page.getByRole('button', { name: 'Send a mapping link…' }).click();
			await expect(page.getByRole('dialog', { name: /A mapping link for/ })).toBeVisible();
			await expectFits(page, 'client, mapping link', w);
			await page.getByRole('dialog', { name: /A mapping link for/ }).getByRole('button', { name: 'Close' }).click();
			await page.getByRole('button', { name: 'Compare' }).click();
			await page.waitForURL(/\/compare\?a=.+&b=.+/);
			await expect(page.getByRole('heading', { level: 1, name: 'Compare sessions' })).toBeVisible();
			await expectFits(page, 'compare', w);

			await page.goto('/');
			await expectFits(page, 'home, with a client', w);
			await page.goto('/explore');
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await expectFits(page, 'explore', w);
			await page.goto('/import');
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await expectFits(page, 'import', w);
			// A client's own map at home, from a mapping link with the longest names it shows.
			await page.goto(`/my-map#n=${'Maximiliana'.repeat(4)}&p=${encodeURIComponent('The Long-Named Remedial Massage and Bodywork Practice of the Valley')}`);
			await expect(page.getByRole('heading', { level: 1, name: 'Where do you feel tension or pain?' })).toBeVisible();
			await expectFits(page, 'my map: where', w);
			await page.getByRole('searchbox', { name: 'Find a region' }).fill('calf');
			await page.getByRole('region', { name: 'Regions', exact: true }).getByRole('button', { name: /^Right upper calf/ }).click();
			await page.getByRole('button', { name: 'Next' }).click();
			await page.getByRole('radio', { name: 'Aching pain' }).check();
			await page.getByRole('radio', { name: '7', exact: true }).check();
			await expectFits(page, 'my map: feel', w);
			await page.getByRole('button', { name: 'Next' }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'A few health questions' })).toBeVisible();
			await expectFits(page, 'my map: health', w);
			await page.getByRole('button', { name: 'Next' }).click();
			await page.getByRole('button', { name: 'Send to my therapist' }).click();
			await expect(page.getByRole('dialog', { name: 'Send to my therapist' })).toBeVisible();
			await expectFits(page, 'my map: send', w);
			await page.getByRole('dialog', { name: 'Send to my therapist' }).getByRole('button', { name: 'Close' }).click();
			await page.goto(planUrl.replace('/plan?', '/print?'));
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await expect(page.locator('.paper[data-ready]')).toBeAttached({ timeout: 30_000 });
			await expectFits(page, 'print', w);

			await setPinInSettings(page, '2468');
			await expectFits(page, 'settings', w);
			await page.goto(planUrl);
			await page.getByRole('button', { name: 'Hand to client' }).click();
			await page.waitForURL(/\/client-mode\?plan=/);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await expectFits(page, 'client mode', w);
		});
	});
}
