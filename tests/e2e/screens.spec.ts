/**
 * Every screen on a phone held upright (390×844, touch) and on a tablet in landscape (1280×800),
 * light and dark, into docs/img/screens/<screen>-<phone|tablet>-<light|dark>.png: the pictures
 * someone looks at to judge the app as a therapist and as a client would.
 * Opt-in (SCREENS=1), so the normal test run does not rewrite the docs:
 *   SCREENS=1 E2E_PORT=… npx playwright test tests/e2e/screens.spec.ts
 * Each screen is also checked on the way: nothing wider than the screen.
 */
import type { Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { settle } from './body-helpers';
import { setPinInSettings } from './pin-helpers';
import { openTab } from './plan-tabs';

test.skip(!process.env.SCREENS, 'writes docs/img/screens only when SCREENS=1');

const SIZES = [
	{ name: 'phone', viewport: { width: 390, height: 844 }, touch: true },
	{ name: 'tablet', viewport: { width: 1280, height: 800 }, touch: false }
] as const;

const PIN = '2468';

/** Lets every body on the page finish drawing (a screen without one returns at once). */
async function bodiesSettled(page: Page) {
	const canvases = page.locator('canvas');
	for (let i = 0; i < (await canvases.count()); i++) {
		const c = canvases.nth(i);
		if (await c.isVisible()) await settle(c, 400);
	}
}

async function addMark(page: Page, query: string, region: RegExp, feel: string, intensity: number, note = '') {
	await page.getByRole('searchbox', { name: 'Find a region' }).fill(query);
	await page.getByRole('region', { name: 'Regions', exact: true }).getByRole('button', { name: region }).first().click();
	const form = page.getByRole('form', { name: /mark on/ });
	await form.getByRole('radio', { name: feel, exact: true }).check();
	await form.getByRole('slider', { name: 'Intensity' }).fill(String(intensity));
	if (note) await form.getByLabel(/Note/).first().fill(note);
	// Saved as chosen, with no button: wait for it in the list, then close a phone's sheet.
	await expect(page.getByRole('list', { name: /^Marks/ }).getByRole('button', { name: /Edit mark:/ }).first()).toBeAttached();
	await expect(form.getByRole('status').filter({ hasText: 'Mark saved' })).toBeVisible();
	const sheet = page.getByRole('dialog', { name: 'Mark editor' });
	if (await sheet.count()) await sheet.getByRole('button', { name: /^Close/ }).click();
	await page.getByRole('searchbox', { name: 'Find a region' }).fill('');
}

for (const size of SIZES) {
	test.describe(size.name, () => {
	test.use({ viewport: size.viewport, hasTouch: size.touch, isMobile: size.touch });
	test(`every screen on a ${size.name}, light and dark`, async ({ page }) => {
		test.setTimeout(420_000);
		const w = size.viewport.width;

		async function shoot(screen: string, prepare?: () => Promise<void>) {
			for (const scheme of ['light', 'dark'] as const) {
				await page.emulateMedia({ colorScheme: scheme });
				if (prepare) await prepare();
				await page.waitForTimeout(250); // the scheme's repaint, late fonts
				await bodiesSettled(page);
				const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
				expect.soft(scrollWidth, `${screen}: no wider than the screen`).toBeLessThanOrEqual(w);
				await page.screenshot({ path: `docs/img/screens/${screen}-${size.name}-${scheme}.png`, fullPage: true });
			}
			await page.emulateMedia({ colorScheme: 'light' });
		}

		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await shoot('home-empty');

		const planUrl = await createPlanForNewClient(page, 'Maria Ferreira', 'Neck and low back');
		await addMark(page, 'low back', /^Left low back beside the spine/, 'Aching pain', 6, 'Worse after long drives; eases with walking.');
		await addMark(page, 'trapez', /^Right top of the shoulder/, 'Knot or trigger point', 8);
		await addMark(page, 'calf', /^Left upper calf/, 'Tension or tightness', 4);
		await page.goto(planUrl);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		for (const tab of ['Marks', 'Plan', 'Notes', 'Outcome', 'Record'] as const) {
			await openTab(page, tab);
			await page.evaluate(() => window.scrollTo(0, 0));
			await shoot(`planner-${tab.toLowerCase()}`);
		}

		// A follow-up, so the client has a history and two sessions compare.
		await page.getByRole('link', { name: 'Maria Ferreira' }).first().click();
		await page.getByRole('button', { name: 'Follow-up' }).click();
		await page.waitForURL(/\/plan\?id=/);
		await addMark(page, 'side of neck', /^Left side of the neck/, 'Stiffness or limited movement', 5);
		await page.getByRole('link', { name: 'Maria Ferreira' }).first().click();
		await expect(page.getByRole('heading', { level: 1, name: 'Maria Ferreira' })).toBeVisible();
		await shoot('client');

		await page.getByRole('button', { name: 'Compare' }).click();
		await page.waitForURL(/\/compare\?a=.+&b=.+/);
		await expect(page.getByRole('heading', { level: 1, name: 'Compare sessions' })).toBeVisible();
		await shoot('compare');
		// Both sessions on one body: a phone's switch has it as "Both".
		if (size.touch) await page.getByRole('group', { name: 'Which body to show' }).getByText('Both', { exact: true }).click();
		else await page.getByRole('radio', { name: 'Overlaid on one body' }).check();
		await shoot('compare-overlay');

		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await shoot('home');
		await page.goto('/explore');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await shoot('explore');
		await page.goto('/import');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await shoot('import');
		await page.goto(planUrl.replace('/plan?', '/print?'));
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(page.locator('.sheet img').first()).toBeVisible({ timeout: 30_000 }).catch(() => {});
		await shoot('print');

		await setPinInSettings(page, PIN, { touch: size.touch });
		await page.evaluate(() => window.scrollTo(0, 0));
		await shoot('settings');

		// Client mode, each step.
		await page.goto(planUrl);
		await page.getByRole('button', { name: 'Hand to client' }).click();
		await page.waitForURL(/\/client-mode\?plan=/);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await page.getByRole('searchbox', { name: 'Find a region' }).fill('shoulder blade');
		await page.getByRole('region', { name: 'Regions', exact: true }).getByRole('button', { name: /^Left shoulder blade/ }).first().click();
		await page.getByRole('searchbox', { name: 'Find a region' }).fill('');
		await page.evaluate(() => window.scrollTo(0, 0));
		await shoot('client-mode-1-where');
		await page.getByRole('button', { name: 'Next' }).click();
		await expect(page.getByRole('heading', { name: 'How does it feel?' })).toBeVisible();
		await page.getByRole('radio', { name: 'Aching pain' }).check();
		await page.getByRole('radio', { name: '6', exact: true }).check();
		await shoot('client-mode-2-feel');
		const next = page.getByRole('button', { name: 'Next' });
		while (await page.getByRole('heading', { name: 'How does it feel?' }).isVisible()) await next.click();
		await expect(page.getByRole('heading', { level: 1, name: 'A few health questions' })).toBeVisible();
		await shoot('client-mode-3-health');
		await page.getByRole('button', { name: 'Next' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Your consent to treatment' })).toBeVisible();
		await page.getByRole('button', { name: 'Not now' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
		await shoot('client-mode-4-thanks');
		await page.getByRole('button', { name: 'I am the therapist' }).click();
		const dialog = page.getByRole('dialog', { name: 'For your therapist' });
		await shoot('client-mode-5-exit');
		await dialog.getByLabel("Therapist's PIN").fill(PIN);
		await dialog.getByRole('button', { name: 'Leave client mode' }).click();
		await page.waitForURL(/\/plan\?id=/);

		// The lock screen: "Lock now".
		await page.goto('/settings');
		const pin = page.getByRole('region', { name: 'Therapist PIN' });
		await pin.getByRole('checkbox', { name: 'Ask for the PIN when Somamap opens' }).check();
		await pin.getByRole('button', { name: 'Lock now' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await shoot('lock');
	});
	});
}
