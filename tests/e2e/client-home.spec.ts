/**
 * A client's own map at home, end to end, on a phone (390×844, touch) and a tablet (1280×800):
 * the therapist sends a mapping link from the client's page; the client's phone (its own browser
 * context) opens it, is greeted by name and practice, maps a place on the body, says how it
 * feels and how strong, answers the health questions, and sends it by link; the therapist's
 * browser opens that link and the map lands on the client it was asked of. The work is kept on
 * the phone through a reload and a closed tab, and can be sent again after a change.
 * Every new screen is saved to docs/img/screens/, light and dark.
 */
import type { Browser, Locator, Page } from '@playwright/test';
import { codeOf } from '../../src/lib/domain/regions';
import { test, expect, createPlanForNewClient } from './fixtures';
import { screenPointOf, showView, settle } from './body-helpers';
import { seriousViolations } from './pin-helpers';

const SIZES = [
	{ name: 'phone', viewport: { width: 390, height: 844 }, touch: true },
	{ name: 'tablet', viewport: { width: 1280, height: 800 }, touch: false }
] as const;

/** Nothing sticks out sideways: the page's width and every visible control. */
async function expectFits(page: Page, what: string) {
	const o = await page.evaluate(() => {
		const out: string[] = [];
		for (const el of document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, label')) {
			if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
			const r = el.getBoundingClientRect();
			if (r.width > 1 && r.height > 1 && r.right > innerWidth + 0.5) out.push(`${el.tagName} ${el.textContent?.trim().slice(0, 30)}`);
		}
		return { scroll: document.documentElement.scrollWidth, width: innerWidth, out };
	});
	expect.soft(o.scroll, `${what}: no wider than the screen`).toBeLessThanOrEqual(o.width);
	expect.soft(o.out, `${what}: controls past the right edge`).toEqual([]);
}

/** The screen as it is, light and dark, into docs/img/screens/; checked by axe and for overflow in both. */
async function shoot(page: Page, step: string, size: string) {
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		await page.waitForTimeout(150);
		await page.screenshot({ path: `docs/img/screens/client-home-${step}-${size}-${scheme}.png` });
		expect(await seriousViolations(page), `${step} (${scheme})`).toEqual([]);
	}
	await page.emulateMedia({ colorScheme: 'light' });
	await expectFits(page, step);
}

async function phoneContext(browser: Browser, size: (typeof SIZES)[number]) {
	const context = await browser.newContext({ viewport: size.viewport, hasTouch: size.touch, isMobile: size.touch });
	const foreign: string[] = [];
	await context.route(
		(url) => !/^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(url.href) && !url.href.startsWith('data:') && !url.href.startsWith('blob:'),
		(r) => (foreign.push(r.request().url()), r.abort())
	);
	return { context, foreign };
}

for (const size of SIZES) {
	test.describe(`on a ${size.name}`, () => {
		test.use({ viewport: size.viewport, hasTouch: size.touch, isMobile: size.touch });

		test('a client maps at home from a mapping link, sends it, and it lands on them at the therapist’s', async ({ page, browser }) => {
			test.setTimeout(480_000);
			const press = (l: Locator) => (size.touch ? l.tap() : l.click());

			// The therapist: a practice name, a client, and the mapping link for them.
			await createPlanForNewClient(page, 'Sam Taylor', 'First visit');
			await createPlanForNewClient(page, 'Sam Other', 'Other visit');
			await page.goto('/settings');
			await page.getByLabel('Practice name').fill('Bodywise Massage');
			await expect(page.getByRole('status').filter({ hasText: 'Saved on this device.' })).toBeVisible();
			await page.goto('/');
			await page.getByRole('list', { name: 'Clients' }).getByRole('link', { name: 'Sam Taylor' }).click();
			const clientPage = page.url();
			await page.getByRole('button', { name: 'Send a mapping link…' }).click();
			const ask = page.getByRole('dialog', { name: 'A mapping link for Sam' });
			await expect(ask).toContainText('They see: “Hi Sam — Bodywise Massage asks you to mark where it hurts.”');
			await expect(ask.getByRole('img', { name: 'QR code of the mapping link' })).toBeVisible();
			const mapping = await ask.getByRole('textbox', { name: 'Link' }).inputValue();
			expect(mapping).toMatch(/\/my-map#n=Sam&p=Bodywise%20Massage&r=r[A-Za-z0-9_-]{22}$/);
			await shoot(page, 'mapping-link', size.name);
			await ask.getByRole('button', { name: 'Close' }).click();

			// The client's phone: its own browser, nothing of the therapist's on it.
			const { context, foreign } = await phoneContext(browser, size);
			let phone = await context.newPage();
			const errors: string[] = [];
			phone.on('pageerror', (e) => errors.push(e.message));
			await phone.goto(mapping);
			await expect(phone.getByTestId('greeting')).toHaveText('Hi Sam — Bodywise Massage asks you to mark where it hurts.');
			expect(new URL(phone.url()).hash).toBe(''); // the name left the address bar
			await expect(phone.getByRole('navigation')).toHaveCount(0); // none of the therapist's app
			await expect(phone.getByRole('heading', { level: 1, name: 'Where do you feel tension or pain?' })).toBeVisible();

			// Where: a place tapped on the body.
			await showView(phone, 'Back view');
			const blade = await screenPointOf(phone, codeOf('infraspinatus-l'));
			if (size.touch) await phone.touchscreen.tap(blade.x, blade.y);
			else await phone.mouse.click(blade.x, blade.y);
			const chosen = phone.getByRole('region', { name: /Your places/ });
			await expect(chosen).toContainText('Left shoulder blade (infraspinatus, teres)');
			await settle(phone.locator('canvas'));
			await phone.evaluate(() => window.scrollTo(0, 0));
			await shoot(phone, 'where', size.name);

			// Kept through a reload.
			await phone.reload();
			await expect(phone.getByRole('region', { name: /Your places/ })).toContainText('Left shoulder blade (infraspinatus, teres)');
			await expect(phone.getByTestId('greeting')).toHaveText(/^Hi Sam — Bodywise Massage/);

			// How it feels and how strong.
			await press(phone.getByRole('button', { name: 'Next' }));
			await expect(phone.getByRole('heading', { name: 'How does it feel?' })).toBeVisible();
			await press(phone.getByRole('button', { name: 'Next' }));
			await expect(phone.getByRole('alert')).toHaveText('Please choose how it feels and how strong it is.');
			await press(phone.locator('label').filter({ hasText: 'Aching pain' }));
			await press(phone.locator('label', { has: phone.getByRole('radio', { name: '6', exact: true }) }));
			await expect(phone.getByText('You chose 6: moderate.')).toBeVisible();
			await shoot(phone, 'feel', size.name);
			await press(phone.getByRole('button', { name: 'Next' }));

			// The health questions.
			await expect(phone.getByRole('heading', { level: 1, name: 'A few health questions' })).toBeVisible();
			await press(phone.getByRole('group', { name: 'Taking blood thinners?' }).locator('label').filter({ hasText: 'Yes' }));
			await expect(phone.getByRole('group', { name: 'Taking blood thinners?' }).getByRole('radio', { name: 'Yes' })).toBeChecked();
			await shoot(phone, 'health', size.name);

			// Kept through a closed tab: a new tab on the same phone comes back to it.
			await phone.close();
			phone = await context.newPage();
			phone.on('pageerror', (e) => errors.push(e.message));
			await phone.goto('/');
			await shoot(phone, 'home', size.name);
			await press(phone.getByRole('link', { name: 'Continue my map' }));
			await expect(phone.getByRole('heading', { level: 1, name: 'A few health questions' })).toBeVisible();
			await expect(phone.getByRole('group', { name: 'Taking blood thinners?' }).getByRole('radio', { name: 'Yes' })).toBeChecked();
			await press(phone.getByRole('button', { name: 'Next' }));

			// Send to my therapist, by link.
			await expect(phone.getByRole('heading', { level: 1, name: 'Send to my therapist' })).toBeVisible();
			const sending = phone.getByRole('region', { name: 'What you are sending' });
			await expect(sending).toContainText('Left shoulder blade (infraspinatus, teres): Aching pain, 6 of 10');
			await expect(sending).toContainText(/You answered yes to:\s*Taking blood thinners\?/);
			await expect(phone.getByLabel('Your name')).toHaveValue('Sam');
			await expect(phone.getByTestId('sent-state')).toHaveText('Your answers are kept on this device until you send them.');
			await shoot(phone, 'send', size.name);
			await press(phone.getByRole('button', { name: 'Send to my therapist' }));
			const send = phone.getByRole('dialog', { name: 'Send to my therapist' });
			await expect(send).toContainText('Send this link (or the file) to Bodywise Massage');
			const sent = await send.getByRole('textbox', { name: 'Link' }).inputValue();
			expect(sent).toMatch(/\/import#h=[A-Za-z0-9_-]+$/);
			await shoot(phone, 'sent', size.name);
			await press(send.getByRole('button', { name: 'Close' }));
			await expect(phone.getByTestId('sent-state')).toHaveText(/^Your link was made on /);

			// Changed after sending: it says so, and sends again with the change.
			await press(phone.getByRole('button', { name: 'Back' }));
			await press(phone.getByRole('group', { name: 'Pregnant?' }).locator('label').filter({ hasText: 'No' }));
			await press(phone.getByRole('button', { name: 'Next' }));
			await expect(phone.getByTestId('sent-state')).toHaveText(/^You changed something since your link of .*Send it again so Bodywise Massage has the latest\.$/);
			await press(phone.getByRole('button', { name: 'Send to my therapist' }));
			const again = await phone.getByRole('dialog', { name: 'Send to my therapist' }).getByRole('textbox', { name: 'Link' }).inputValue();
			expect(again).not.toBe(sent);
			expect(errors).toEqual([]);
			expect(foreign).toEqual([]);
			await context.close();

			// The therapist brings it in: it lands on Sam Taylor (not Sam Other, nor a new client).
			await page.goto(sent);
			const preview = page.getByRole('region', { name: "Sam's map" });
			await expect(preview).toContainText('This answers the mapping link you sent to Sam Taylor.');
			await expect(preview).toContainText('Left shoulder blade (infraspinatus, teres): Aching pain, 6 of 10');
			await expect(page.getByRole('radio', { name: 'A client already here' })).toBeChecked();
			await expect(page.getByLabel('Client', { exact: true }).locator('option:checked')).toHaveText('Sam Taylor');
			await page.getByRole('button', { name: 'Add this plan' }).click();
			await page.waitForURL(/\/plan\?id=/);
			await expect(page.getByRole('heading', { level: 1, name: "Sam's map" })).toBeVisible();
			await expect(page.getByRole('list', { name: /^Marks/ }).getByRole('button', { name: /Edit mark: Left shoulder blade/ })).toBeVisible();
			// Sent again after the change: a second map for Sam Taylor.
			await page.goto(again);
			await expect(page.getByText('This answers the mapping link you sent to Sam Taylor.')).toBeVisible();
			await page.getByRole('button', { name: 'Add this plan' }).click();
			await page.waitForURL(/\/plan\?id=/);
			await page.goto(clientPage);
			await expect(page.getByRole('link', { name: /Sam's map/ })).toHaveCount(2);
		});
	});
}

test('start over clears the map on the phone, after a confirm; erasing everything does too', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'I’m a client: map where it hurts' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Where do you feel tension or pain?' })).toBeVisible();
	await expect(page.getByTestId('greeting')).toHaveCount(0);
	await page.getByRole('searchbox', { name: 'Find a region' }).fill('calf');
	await page.locator(`button[data-code="${codeOf('gastrocnemius-r')}"]`).click();
	const chosen = page.getByRole('region', { name: /Your places/ });
	await expect(chosen).toContainText('Right upper calf (gastrocnemius)');
	await page.getByRole('button', { name: 'Start over' }).click();
	const confirm = page.getByRole('dialog', { name: 'Start over?' });
	await confirm.getByRole('button', { name: 'Cancel' }).click();
	await expect(chosen).toContainText('Right upper calf (gastrocnemius)');
	await page.getByRole('button', { name: 'Start over' }).click();
	await confirm.getByRole('button', { name: 'Start over' }).click();
	await expect(chosen.getByRole('heading')).toHaveText('Your places (0)');
	await page.reload();
	await expect(page.getByRole('region', { name: /Your places/ }).getByRole('heading')).toHaveText('Your places (0)');

	// Erasing everything on the device takes a map in progress with it.
	await page.locator(`button[data-code="${codeOf('gastrocnemius-r')}"]`).click();
	await expect(chosen.getByRole('heading')).toHaveText('Your places (1)');
	await page.goto('/');
	await expect(page.getByRole('link', { name: 'Continue my map' })).toBeVisible();
	await page.goto('/settings');
	const erase = page.getByRole('region', { name: 'Erase everything' });
	await erase.getByLabel('Type ERASE to confirm').fill('ERASE');
	await erase.getByRole('button', { name: 'Erase all data on this device' }).click();
	await expect(page.getByRole('link', { name: 'I’m a client: map where it hurts' })).toBeVisible();
	await page.goto('/my-map');
	await expect(page.getByRole('region', { name: /Your places/ }).getByRole('heading')).toHaveText('Your places (0)');
});

test('a hostile mapping link shows only capped plain text, and names no client at import', async ({ page }) => {
	const n = encodeURIComponent('<img src=x onerror="document.title=1">\u202Eevil\u0007' + 'x'.repeat(100));
	const p = encodeURIComponent('<b>Bold</b> Practice');
	await page.goto(`/my-map#n=${n}&p=${p}&r=not-a-request`);
	const greeting = page.getByTestId('greeting');
	await expect(greeting).toHaveText('Hi <img src=x onerror="document.title=1">ev — <b>Bold</b> Practice asks you to mark where it hurts.');
	await expect(greeting.locator('img, b')).toHaveCount(0);
	await expect(page).toHaveTitle('Map where it hurts · Somamap');
	// Its name travels on as text; with no request this device made, the import names no client.
	await page.getByRole('button', { name: 'Next' }).click();
	await page.getByRole('button', { name: 'Next' }).click();
	await page.getByRole('button', { name: 'Send to my therapist' }).click();
	const link = await page.getByRole('dialog', { name: 'Send to my therapist' }).getByRole('textbox', { name: 'Link' }).inputValue();
	await createPlanForNewClient(page, '<img src=x onerror="document.title=1">ev', 'Same name, not asked');
	await page.goto(link);
	// A client with the same name is only offered: never chosen for the therapist by a name alone.
	await expect(page.getByText(/This answers the mapping link/)).toHaveCount(0);
	await expect(page.getByRole('radio', { name: 'A new client' })).toBeChecked();
	await page.getByRole('button', { name: 'Add it to <img src=x onerror="document.title=1">ev' }).click();
	await expect(page.getByRole('radio', { name: 'A client already here' })).toBeChecked();
	await expect(page.getByLabel('Client', { exact: true }).locator('option:checked')).toHaveText('<img src=x onerror="document.title=1">ev');
});
