/**
 * On a phone held upright (390×844, touch): comparing two sessions shows the Before/After switch
 * and the body together on opening, with no scrolling, whichever is chosen; the pickers show
 * whole dates. The print preview fits the screen's width (the printed paper stays A4).
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

async function addMark(page: Page, query: string, region: RegExp) {
	await page.getByRole('searchbox', { name: 'Find a region' }).fill(query);
	await page.getByRole('region', { name: 'Regions', exact: true }).getByRole('button', { name: region }).first().click();
	const form = page.getByRole('form', { name: /mark on/ });
	await form.getByRole('radio', { name: 'Aching pain', exact: true }).check();
	await form.getByRole('slider', { name: 'Intensity' }).fill('6');
	// Saved as chosen, with no button; on a phone the editor's sheet stays until closed.
	await expect(page.getByRole('list', { name: /^Marks/ }).getByRole('button', { name: /Edit mark:/ }).first()).toBeAttached();
	const sheet = page.getByRole('dialog', { name: 'Mark editor' });
	if (await sheet.count()) await sheet.getByRole('button', { name: /^Close/ }).click();
}

/** The part of `what` outside the screen, at the current scroll: 0 when all of it shows. */
async function offScreen(what: Locator): Promise<number> {
	return what.evaluate((el) => {
		const r = el.getBoundingClientRect();
		return Math.max(0, -r.top) + Math.max(0, r.bottom - innerHeight);
	});
}

test('comparing on a phone: the switch and the body on screen together, whole dates in the pickers', async ({ page }) => {
	test.setTimeout(120_000);
	await createPlanForNewClient(page, 'Noor Compare', 'Neck and back');
	await addMark(page, 'low back', /^Left low back beside the spine/);
	await addMark(page, 'calf', /^Left upper calf/);
	await page.getByRole('link', { name: 'Noor Compare' }).first().click();
	await page.getByRole('button', { name: 'Follow-up' }).click();
	await page.waitForURL(/\/plan\?id=/);
	await page.getByRole('link', { name: 'Noor Compare' }).first().click();
	await page.getByRole('button', { name: 'Compare' }).click();
	await page.waitForURL(/\/compare\?a=.+&b=.+/);
	await expect(page.getByRole('heading', { level: 1, name: 'Compare sessions' })).toBeVisible();

	const choice = page.getByRole('group', { name: 'Which body to show' });
	await expect(choice).toBeVisible();
	expect(await page.evaluate(() => scrollY), 'opened at the top').toBe(0);
	for (const [pick, body] of [
		['After', 'Body after'],
		['Before', 'Body before'],
		['Both', 'Both sessions on one body']
	] as const) {
		await choice.getByText(pick, { exact: true }).tap();
		await page.evaluate(() => scrollTo(0, 0));
		const viewer = page.getByRole('region', { name: new RegExp(`^${body}`) });
		await expect(viewer.locator('canvas')).toBeVisible();
		expect(await offScreen(choice), `${pick}: the switch is on screen`).toBe(0);
		expect(await offScreen(viewer.locator('.stage')), `${pick}: the whole body is on screen`).toBe(0);
		expect(await offScreen(viewer.getByRole('button', { name: 'Back view', exact: true })), `${pick}: its quick views are on screen`).toBe(0);
	}

	// The table of changes keeps to the screen, whole words and all: "(gastrocnemius)", "Resolved".
	const table = page.getByTestId('compare-table');
	await expect(table.getByRole('button', { name: 'Left upper calf (gastrocnemius)' })).toBeVisible();
	expect(await page.evaluate(() => document.documentElement.scrollWidth), 'the page is no wider than the screen').toBeLessThanOrEqual(390);
	expect((await table.boundingBox())!.x + (await table.boundingBox())!.width, 'the table ends on screen').toBeLessThanOrEqual(390);
	const broken = await table.getByRole('button').evaluateAll((links) =>
		links.filter((l) => {
			// A word cut in two shows as a line ending inside a word: compare each line's text with the words.
			const range = document.createRange();
			range.selectNodeContents(l);
			const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
			const words = (l.textContent ?? '').split(' ').length;
			return lines > words;
		}).map((l) => l.textContent)
	);
	expect(broken, 'no region name broken inside a word').toEqual([]);

	// Whole dates: each picker is wide enough for its session's date.
	for (const label of ['Before', 'After']) {
		const select = page.getByRole('combobox', { name: label, exact: true });
		const { room, date } = await select.evaluate((el) => {
			const s = el as HTMLSelectElement;
			const text = s.selectedOptions[0].text;
			const date = text.split(' · ')[0];
			const ctx = document.createElement('canvas').getContext('2d')!;
			ctx.font = getComputedStyle(s).font;
			return { room: s.clientWidth - 40 - ctx.measureText(date).width, date };
		});
		expect(date, `${label}: a whole date`).toMatch(/\b20\d\d\b/);
		expect(room, `${label}: the date fits in the picker`).toBeGreaterThan(0);
	}
});

test('the print preview on a phone fits the screen: whole pages, shrunk, nothing scrolls sideways', async ({ page }) => {
	test.setTimeout(90_000);
	const planUrl = await createPlanForNewClient(page, 'Ines Narrow', 'Shoulders');
	await addMark(page, 'trapez', /^Right top of the shoulder/);
	await page.goto(planUrl.replace('/plan?', '/print?'));
	await expect(page.locator('.paper[data-ready]')).toBeAttached({ timeout: 30_000 });
	const sheet = page.getByRole('article', { name: 'Session sheet for Ines Narrow' });
	await expect(sheet).toBeVisible();
	const fit = await page.evaluate(() => {
		const sideways = [...document.querySelectorAll<HTMLElement>('body *')].filter((el) => el.scrollWidth > el.clientWidth + 1 && /auto|scroll/.test(getComputedStyle(el).overflowX));
		const pages = [...document.querySelectorAll('.print-sheet .page')].map((p) => p.getBoundingClientRect());
		return { scrollWidth: document.documentElement.scrollWidth, sideways: sideways.map((el) => el.className), pages: pages.map((r) => [Math.round(r.left), Math.round(r.right)]) };
	});
	expect(fit.scrollWidth, 'the page is no wider than the screen').toBeLessThanOrEqual(390);
	expect(fit.sideways, 'nothing scrolls sideways').toEqual([]);
	expect(fit.pages.length).toBeGreaterThan(0);
	for (const [left, right] of fit.pages) {
		expect(left, 'a whole page: its left edge on screen').toBeGreaterThanOrEqual(0);
		expect(right, 'a whole page: its right edge on screen').toBeLessThanOrEqual(390);
		expect(right - left, 'the page is shrunk, not cut: most of the screen wide').toBeGreaterThan(300);
	}
	// Its proportions stay those of the paper: 210 mm across, at least 276 mm down (252 mm + margins).
	const box = (await sheet.locator('.page').first().boundingBox())!;
	expect(box.height / box.width).toBeGreaterThan(276 / 210 - 0.02);
});

/** Text that runs out of its card: each visible element in a card ending past the card's inner edge. */
function outOfCards(page: Page) {
	return page.evaluate(() => {
		const out: string[] = [];
		for (const card of document.querySelectorAll<HTMLElement>('.card')) {
			const edge = card.getBoundingClientRect().right - parseFloat(getComputedStyle(card).paddingRight) + 1;
			for (const el of card.querySelectorAll<HTMLElement>('*')) {
				if (!el.checkVisibility() || el.closest('.visually-hidden')) continue;
				const range = document.createRange();
				range.selectNodeContents(el);
				const right = Math.max(...[...range.getClientRects()].map((r) => r.right), el.getBoundingClientRect().right);
				if (right > edge) out.push(`${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 30)}” ${Math.round(right - edge)}px past its card`);
			}
		}
		return out;
	});
}

test('home and settings on a phone: every label whole, every answer inside its card', async ({ page }) => {
	await createPlanForNewClient(page, 'Rosa Longfellow-Whitmore', 'A plan with a title long enough to wrap');
	await page.goto('/');
	await expect(page.locator('[data-ready]')).toBeAttached();
	// The home screen's buttons wrap as wholes: each label on one line.
	for (const name of ['Bring in a plan…', 'New client', 'New plan']) {
		const control = page.getByRole(name.startsWith('Bring') ? 'link' : 'button', { name });
		const { height } = (await control.boundingBox())!;
		expect(height, `“${name}” on one line`).toBeLessThan(56); // a line of text is about 24 px, the tap target 44 px
	}
	// A recent plan's title has the row's width: the date and status go under it.
	const title = page.getByRole('list', { name: 'Recent plans' }).getByText('A plan with a title long enough to wrap');
	expect((await title.boundingBox())!.width, 'the title is not squeezed beside the date').toBeGreaterThan(250);
	expect(await outOfCards(page), 'home').toEqual([]);

	await page.goto('/settings');
	await expect(page.getByTestId('persisted')).toBeVisible();
	expect(await outOfCards(page), 'settings').toEqual([]);
});
