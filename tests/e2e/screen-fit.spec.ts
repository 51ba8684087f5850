/**
 * More of what the screenshots showed, each at the size where it shows: the client's progress
 * figures read on a phone with no sideways scroll; compare's hints name what is on the screen;
 * the body map explorer fits a 1280×800 tablet; the link dialogs' actions are on a phone's screen
 * with the QR code; the PIN screens' and the mark tools' touch targets are 44×44 px or more; the
 * client page's cards stand apart.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { codeOf } from '../../src/lib/domain/regions';
import { mapCalf } from './my-map-helpers';
import { setPinInSettings } from './pin-helpers';

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } as const;
const TABLET = { viewport: { width: 1280, height: 800 } } as const;
const PIN = '2468';

/** Five areas felt in one session: more than a phone's width holds as table columns. */
const AREAS = [
	['upper-trapezius-r', 'Right top of the shoulder (upper trapezius)', 8],
	['lumbar-erector-l', 'Left low back beside the spine (lumbar erector spinae)', 6],
	['gastrocnemius-l', 'Left upper calf (gastrocnemius)', 4],
	['rhomboids-r', 'Right between the shoulder blade and spine (rhomboids, middle trapezius)', 5],
	['thoracic-erector-l', 'Left upper back beside the spine (thoracic erector spinae)', 3]
] as const;

/** Writes marks straight into the plan (quicker than through the editor; the page follows). */
function seedMarks(page: Page, planUrl: string, marks: readonly { region: number; intensity: number }[]) {
	const planId = new URL(planUrl).searchParams.get('id')!;
	return page.evaluate(
		([planId, marks]) =>
			new Promise<void>((ok, ko) => {
				const open = indexedDB.open('somamap');
				open.onerror = () => ko(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction('marks', 'readwrite');
					const now = Date.now();
					marks.forEach((m, i) =>
						tx.objectStore('marks').put({
							id: `seed-${planId}-${i}`,
							planId,
							region: m.region,
							patch: null,
							sensation: 'aching',
							intensity: m.intensity,
							depth: 'surface',
							structure: null,
							pressure: null,
							note: '',
							author: 'therapist',
							carried: false,
							createdAt: now + i,
							updatedAt: now + i
						})
					);
					tx.oncomplete = () => (open.result.close(), ok());
					tx.onerror = () => ko(tx.error);
				};
			}),
		[planId, marks] as const
	);
}

/** A client with two sessions, the first with five areas felt, the later with two; its page's address. */
async function clientWithTwoSessions(page: Page, name: string): Promise<{ client: string; first: string; later: string }> {
	const first = await createPlanForNewClient(page, name, 'Neck and low back');
	await seedMarks(page, first, AREAS.map(([id, , intensity]) => ({ region: codeOf(id), intensity })));
	const later = await createPlanForNewClient(page, 'Second', 'Follow-up');
	// The second plan belongs to another new client: move it to the first one's.
	await page.evaluate(
		([a, b]) =>
			new Promise<void>((ok, ko) => {
				const open = indexedDB.open('somamap');
				open.onsuccess = () => {
					const tx = open.result.transaction('plans', 'readwrite');
					const plans = tx.objectStore('plans');
					const get = plans.get(a);
					get.onsuccess = () => {
						const clientId = get.result.clientId;
						const other = plans.get(b);
						other.onsuccess = () => plans.put({ ...other.result, clientId, date: '2099-01-01' });
					};
					tx.oncomplete = () => (open.result.close(), ok());
					tx.onerror = () => ko(tx.error);
				};
				open.onerror = () => ko(open.error);
			}),
		[new URL(first).searchParams.get('id')!, new URL(later).searchParams.get('id')!] as const
	);
	await seedMarks(page, later, [
		{ region: codeOf('upper-trapezius-r'), intensity: 3 },
		{ region: codeOf('gastrocnemius-l'), intensity: 0 }
	]);
	await page.goto(first);
	await page.getByRole('link', { name }).first().click();
	await page.waitForURL(/\/client\?id=/);
	return { client: page.url(), first, later };
}

/** Visible controls in `scope` smaller than 44×44 CSS px, with their sizes. */
function smallTargets(scope: Locator): Promise<string[]> {
	return scope.evaluate((root) => {
		const out: string[] = [];
		for (const el of root.querySelectorAll<HTMLElement>('button, a[href], summary, select, input:not([type=hidden]), textarea, [role=button]')) {
			const r = el.getBoundingClientRect();
			if (!r.width || !r.height || getComputedStyle(el).visibility === 'hidden') continue;
			// A radio or checkbox inside its label: the label is what a finger hits.
			const hit = el.matches('input[type=radio], input[type=checkbox]') && el.closest('label') ? el.closest('label')!.getBoundingClientRect() : r;
			if (Math.max(hit.width, r.width) < 44 - 0.5 || Math.max(hit.height, r.height) < 44 - 0.5)
				out.push(`${(el.textContent || el.getAttribute('aria-label') || el.tagName).trim().slice(0, 40)}: ${Math.round(Math.max(hit.width, r.width))}×${Math.round(Math.max(hit.height, r.height))}`);
		}
		return out;
	});
}

/** The control is on screen as the page stands (no scrolling) and nothing covers it. */
async function reachable(page: Page, control: Locator, what: string) {
	const box = (await control.boundingBox())!;
	const { width, height } = page.viewportSize()!;
	expect(box, `${what} is laid out`).not.toBeNull();
	expect(box.y, `${what} is below the top`).toBeGreaterThanOrEqual(0);
	expect(box.y + box.height, `${what} is above the bottom of the screen`).toBeLessThanOrEqual(height);
	expect(box.x + box.width, `${what} is inside the width`).toBeLessThanOrEqual(width);
	const onTop = await control.evaluate((el) => {
		const r = el.getBoundingClientRect();
		const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
		return !!top && (el === top || el.contains(top));
	});
	expect(onTop, `${what} is not covered`).toBe(true);
}

test.describe('on a phone (390×844, touch)', () => {
	test.use(PHONE);

	test('the client’s progress figures read with no sideways scroll', async ({ page }) => {
		test.setTimeout(90_000);
		await clientWithTwoSessions(page, 'Maria Phone');
		const progress = page.getByRole('region', { name: 'Progress' });
		await expect(progress).toBeVisible();
		await progress.scrollIntoViewIfNeeded();
		const sideways = await progress.evaluate((sec) =>
			[sec, ...sec.querySelectorAll<HTMLElement>('*')]
				.filter((e) => e.getClientRects().length && e.scrollWidth > e.clientWidth + 1 && /auto|scroll/.test(getComputedStyle(e).overflowX))
				.map((e) => `${e.className}: ${e.scrollWidth} in ${e.clientWidth}`)
		);
		expect(sideways, 'nothing in the progress card scrolls sideways').toEqual([]);
		// Every area's name (as the legend gives it), with its figure per session, on the screen's width.
		const labels = await progress.getByRole('list', { name: 'Focus areas in the chart' }).getByRole('listitem').allInnerTexts();
		expect(labels).toHaveLength(AREAS.length);
		for (const label of labels.map((l) => l.trim())) {
			const names = progress.getByText(label, { exact: true }).filter({ visible: true });
			expect(await names.count(), `${label}: in the legend and once per session`).toBe(3);
			for (const name of await names.all()) {
				const box = (await name.boundingBox())!;
				expect(box.x, label).toBeGreaterThanOrEqual(0);
				expect(box.x + box.width, label).toBeLessThanOrEqual(390);
			}
		}
		await expect(progress.getByTestId('progress-stacked').getByRole('listitem').first()).toContainText(/Right top of the shoulder[^0-9]*8/);
		await page.screenshot({ path: test.info().outputPath('progress-phone.png'), fullPage: true });
	});

	test('compare: every hint names what is on the screen', async ({ page }) => {
		test.setTimeout(90_000);
		await clientWithTwoSessions(page, 'Hint Phone');
		await page.getByRole('button', { name: 'Compare' }).click();
		await page.waitForURL(/\/compare\?a=.+&b=.+/);
		await expectHintsTrue(page);
		await page.getByRole('radio', { name: 'Both' }).check();
		await expectHintsTrue(page);
	});

	test('the link dialogs: Copy and Close on screen with the QR code, no scrolling', async ({ page }) => {
		test.setTimeout(120_000);
		await createPlanForNewClient(page, 'Sam Taylor', 'Shoulders');
		// The plan's own "Send this plan…".
		await page.getByRole('button', { name: 'Send this plan…' }).click();
		await expectActionsReachable(page, page.getByRole('dialog', { name: 'Send this plan to another device' }));
		// The client's page: "Send a mapping link…".
		await page.getByRole('link', { name: 'Sam Taylor' }).first().click();
		await page.waitForURL(/\/client\?id=/);
		await page.getByRole('button', { name: 'Send a mapping link…' }).click();
		const link = await expectActionsReachable(page, page.getByRole('dialog', { name: 'A mapping link for Sam' }));
		// The client's own phone: "Send to my therapist".
		await page.goto(link.replace(/^https?:\/\/[^/]+/, ''));
		await mapCalf(page, null);
		await page.getByRole('button', { name: 'Send to my therapist' }).click();
		await expectActionsReachable(page, page.getByRole('dialog', { name: 'Send to my therapist' }));
	});

	test('client mode’s exit and the mark tools: touch targets of 44×44 px or more', async ({ page }) => {
		test.setTimeout(120_000);
		const planUrl = await createPlanForNewClient(page, 'Kim Touch', 'Shoulders');
		// The mark tools under the body.
		const tools = page.locator('.tools').filter({ has: page.getByRole('radiogroup', { name: 'How to mark' }) });
		await expect(tools.getByRole('button', { name: /^Undo/ })).toBeVisible();
		expect(await smallTargets(tools), 'mark tools').toEqual([]);
		await page.getByRole('radio', { name: 'Paint an area' }).check();
		expect(await smallTargets(tools), 'mark tools, painting').toEqual([]);

		await setPinInSettings(page, PIN, { touch: true });
		// Client mode: "For the therapist" → the PIN dialog, with "Forgotten the PIN?" open.
		await page.goto(planUrl);
		await page.getByRole('button', { name: 'Hand to client' }).tap();
		await page.waitForURL(/\/client-mode\?plan=/);
		await page.getByRole('button', { name: 'For the therapist' }).tap();
		const exit = page.getByRole('dialog', { name: 'For your therapist' });
		await expect(exit).toBeVisible();
		expect(await smallTargets(exit), 'client mode exit').toEqual([]);
		await exit.getByText('Forgotten the PIN?').tap();
		await expect(exit.getByLabel('Recovery code')).toBeVisible();
		expect(await smallTargets(exit), 'client mode exit, recovery open').toEqual([]);
		await page.screenshot({ path: test.info().outputPath('exit-phone.png') });
	});

	test('the lock screen: touch targets of 44×44 px or more', async ({ page, context }) => {
		test.setTimeout(90_000);
		await setPinInSettings(page, PIN, { touch: true });
		await page.getByRole('region', { name: 'Therapist PIN' }).getByRole('checkbox', { name: 'Ask for the PIN when Somamap opens' }).check();
		await expect(page.locator('#main').getByRole('button', { name: 'Lock now' })).toBeVisible();
		const locked = await context.newPage();
		await locked.goto('/');
		await expect(locked.getByRole('heading', { level: 1, name: 'Somamap is locked' })).toBeVisible();
		expect(await smallTargets(locked.locator('body')), 'lock screen').toEqual([]);
		await locked.getByText('Forgotten the PIN?').tap();
		await expect(locked.getByText('Lost the recovery code too?')).toBeVisible();
		expect(await smallTargets(locked.locator('body')), 'lock screen, recovery open').toEqual([]);
		await locked.getByText('Lost the recovery code too?').tap();
		expect(await smallTargets(locked.locator('body')), 'lock screen, erase open').toEqual([]);
		await locked.screenshot({ path: test.info().outputPath('lock-phone.png'), fullPage: true });
	});
});

test.describe('on a tablet (1280×800)', () => {
	test.use(TABLET);

	test('the body map fits the screen: body, quick views and the region list, with no page scroll', async ({ page }) => {
		await page.goto('/explore');
		await expect(page.locator('canvas[data-body]')).toHaveCount(1, { timeout: 30_000 });
		const height = await page.evaluate(() => document.documentElement.scrollHeight);
		expect(height, 'the page is no taller than the screen').toBeLessThanOrEqual(800);
		await quickViewsOnScreen(page);
		await reachable(page, page.getByRole('searchbox', { name: 'Find a region' }), 'the region search');
		await reachable(page, page.getByRole('region', { name: 'Regions', exact: true }).getByRole('button').first(), 'the first region');
		await page.screenshot({ path: test.info().outputPath('explore-tablet.png') });
	});

	test('the client page: its cards stand apart, with a gap between each and the next', async ({ page }) => {
		await createPlanForNewClient(page, 'Gap Tablet', 'Gap plan');
		await page.goto('/');
		await page.getByRole('link', { name: 'Gap Tablet' }).first().click();
		const consent = page.getByRole('region', { name: 'Informed consent' });
		const record = page.getByRole('region', { name: 'Whole record' });
		await expect(record).toBeVisible();
		const [above, below] = [(await consent.boundingBox())!, (await record.boundingBox())!];
		expect(below.y - (above.y + above.height), 'the gap between the consent and whole-record cards').toBeGreaterThanOrEqual(12);
	});

	test('compare: every hint names what is on the screen', async ({ page }) => {
		test.setTimeout(90_000);
		await clientWithTwoSessions(page, 'Hint Tablet');
		await page.getByRole('button', { name: 'Compare' }).click();
		await page.waitForURL(/\/compare\?a=.+&b=.+/);
		await expectHintsTrue(page);
		await page.getByRole('radio', { name: 'Overlaid on one body' }).check();
		await expectHintsTrue(page);
		await page.screenshot({ path: test.info().outputPath('compare-tablet.png'), fullPage: true });
	});
});

test.describe('on a tablet held upright (800×1280)', () => {
	test.use({ viewport: { width: 800, height: 1280 } });

	test('the body map: the body and its quick views on the first screen', async ({ page }) => {
		await page.goto('/explore');
		await expect(page.locator('canvas[data-body]')).toHaveCount(1, { timeout: 30_000 });
		await quickViewsOnScreen(page);
	});
});

/** Every quick view (front, back, sides, reset) on screen as the page opens. */
async function quickViewsOnScreen(page: Page) {
	const views = page.getByRole('group', { name: 'Views' }).getByRole('button');
	await expect(views).toHaveCount(5);
	for (const view of await views.all()) await reachable(page, view, (await view.getAttribute('aria-label'))!);
}

/** Compare's hints say only what is true of the screen: the table, how many bodies. */
async function expectHintsTrue(page: Page) {
	await expect(page.locator('canvas[data-body]').filter({ visible: true }).first()).toBeVisible({ timeout: 30_000 });
	const hints = (await page.locator('.hint, [data-testid="region-name"]').filter({ visible: true }).allInnerTexts()).join('\n');
	expect(hints, 'no list on this page to pick from').not.toMatch(/from the list/);
	const bodies = await page.locator('canvas[data-body]').filter({ visible: true }).count();
	const table = page.getByTestId('compare-table');
	await expect(table).toBeVisible();
	// The body's hint names the table that is there.
	expect(hints).toContain('choose one in the “Change by region” table below');
	await expect(page.getByRole('heading', { name: 'Change by region' })).toBeVisible();
	// "Both bodies" only where two are on show.
	if (bodies === 1) expect(hints, 'one body on show').not.toMatch(/both bodies/);
	else expect(hints).toMatch(/both bodies/);
	await expect(page.getByText(/Choose a region in the table to highlight it on/).filter({ visible: true })).toBeVisible();
}

/** The dialog opened on a phone: its QR code, Copy link and Close all on screen at once. */
async function expectActionsReachable(page: Page, dialog: Locator): Promise<string> {
	await expect(dialog).toBeVisible();
	await page.waitForTimeout(200);
	await expect(dialog.getByRole('img', { name: /QR code/ })).toBeVisible();
	await reachable(page, dialog.getByRole('button', { name: 'Copy link' }), 'Copy link');
	await reachable(page, dialog.getByRole('button', { name: 'Close' }), 'Close');
	await page.screenshot({ path: test.info().outputPath(`${(await dialog.getAttribute('aria-labelledby')) ?? 'dialog'}.png`) });
	const link = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
	await dialog.getByRole('button', { name: 'Close' }).click();
	await expect(dialog).toBeHidden();
	return link;
}
