/**
 * Informed consent, signed (issue 12), in real Chromium: drawn on the canvas with a mouse on the
 * client page and with a finger on a phone; typed by keyboard only; viewed as signed and
 * withdrawn; a changed statement in settings turns a consent into "signed an earlier text"; a
 * minor's guardian signs, named; in client mode the client reads and signs after the health
 * questions, the sensitive area they chose is part of it in words, and only the PIN leaves; a
 * minor in client mode is not offered signing (the guardian signs with the therapist present).
 * Screenshots go to docs/img/screens/consent-*.png.
 */
import type { Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { seriousViolations, setPinInSettings } from './pin-helpers';
import { consentsInDb, drawWithFinger, setDetails } from './consent-helpers';

const TABLET = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const shot = (page: Page, name: string) => page.screenshot({ path: `docs/img/screens/consent-${name}.png` });

/** A new client with a plan; ends on the client's page. Returns the client's id and the plan's address. */
async function clientPage(page: Page, name: string): Promise<{ clientId: string; planUrl: string }> {
	const planUrl = await createPlanForNewClient(page, name, 'Shoulders');
	await page.getByRole('link', { name }).first().click();
	await page.waitForURL(/\/client\?id=/);
	await expect(page.getByTestId('consent-status')).toHaveText('Consent: not signed');
	return { clientId: new URL(page.url()).searchParams.get('id')!, planUrl };
}

/** A signature drawn with the mouse: a wave across the pad, in several moves. */
async function drawWithMouse(page: Page, pad: import('@playwright/test').Locator) {
	const box = (await pad.boundingBox())!;
	await page.mouse.move(box.x + box.width * 0.15, box.y + box.height * 0.6);
	await page.mouse.down();
	for (let i = 1; i <= 24; i++) {
		await page.mouse.move(box.x + box.width * (0.15 + i * 0.028), box.y + box.height * (0.6 - 0.25 * Math.sin(i / 2.5)));
	}
	await page.mouse.up();
}

/** Presses Tab until the focused element has `name` (keyboard only; at most 200 presses). */
async function tabTo(page: Page, name: string | RegExp) {
	for (let i = 0; i < 200; i++) {
		await page.keyboard.press('Tab');
		const label = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			const byFor = el?.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : '';
			return el ? (el.getAttribute('aria-label') || byFor || el.textContent || '').trim() : '';
		});
		if (typeof name === 'string' ? label === name : name.test(label)) return;
	}
	throw new Error(`Tab never reached ${name}`);
}

test.describe('on the client page, 1280×800 with a mouse', () => {
	test.use({ viewport: TABLET });

	test('consent signed by drawing on the canvas, viewed as signed, then withdrawn after a question', async ({ page }) => {
		await clientPage(page, 'Kim Consent');
		expect(await seriousViolations(page), 'client page').toEqual([]);
		await page.getByRole('button', { name: 'Sign consent…' }).click();
		const dialog = page.getByRole('dialog', { name: 'Consent to treatment: Kim Consent' });
		await expect(dialog.getByRole('region', { name: 'The consent statement' })).toContainText('Massage therapy does not replace medical care');
		// Nothing signed yet: refused in words, nothing kept.
		await dialog.getByRole('button', { name: 'Sign consent' }).click();
		await expect(dialog.getByRole('alert')).toHaveText('Please sign in the box or type your name.');
		const pad = dialog.getByRole('img', { name: /The client's signature: sign here/ });
		await pad.scrollIntoViewIfNeeded();
		await drawWithMouse(page, pad);
		await expect(pad).toHaveAccessibleName(/\(signed\)/);
		await shot(page, 'sign-1280');
		expect(await seriousViolations(page), 'signing dialog').toEqual([]);
		await page.emulateMedia({ colorScheme: 'dark' });
		await shot(page, 'sign-1280-dark');
		expect(await seriousViolations(page), 'signing dialog, dark').toEqual([]);
		await page.emulateMedia({ colorScheme: 'light' });
		await dialog.getByRole('button', { name: 'Sign consent' }).click();
		await expect(dialog).toBeHidden();
		await expect(page.getByTestId('consent-status')).toHaveText(/^Consent: signed on \S/);
		const [kept] = await consentsInDb(page);
		expect(kept).toMatchObject({ signer: 'client', signerName: 'Kim Consent', withdrawnAt: null, signature: { kind: 'drawn' } });
		expect(kept.signature.strokes!.length).toBeGreaterThan(0);

		// The signed text, readable from the client page.
		await page.getByRole('button', { name: 'View signed consent' }).click();
		const view = page.getByRole('dialog', { name: 'Signed consent' });
		await expect(view).toContainText('This is the statement in use now.');
		await expect(view.getByRole('region', { name: 'The statement as signed' })).toContainText('I can ask the therapist to change the pressure');
		await expect(view).toContainText('Kim Consent');
		await expect(view.getByRole('img', { name: 'Signature of Kim Consent' })).toBeVisible();
		await shot(page, 'view-1280');
		expect(await seriousViolations(page), 'signed consent').toEqual([]);
		await view.getByRole('button', { name: 'Close' }).click();

		// Withdraw: asks first; Cancel keeps it; confirmed, it is dated and kept.
		await page.getByRole('button', { name: 'Withdraw consent…' }).click();
		const ask = page.getByRole('dialog', { name: 'Withdraw consent?' });
		await ask.getByRole('button', { name: 'Cancel' }).click();
		await expect(page.getByTestId('consent-status')).toHaveText(/^Consent: signed on/);
		await page.getByRole('button', { name: 'Withdraw consent…' }).click();
		await ask.getByRole('button', { name: 'Withdraw consent' }).click();
		await expect(page.getByTestId('consent-status')).toHaveText(/^Consent: withdrawn on \S/);
		await expect(page.getByRole('button', { name: 'Withdraw consent…' })).toHaveCount(0);
		expect((await consentsInDb(page))[0].withdrawnAt).toEqual(expect.any(Number));
		await page.reload();
		await expect(page.getByTestId('consent-status')).toHaveText(/^Consent: withdrawn on/);
		await shot(page, 'withdrawn-1280');
	});

	test('the live ink stays under the pointer when the pad changes shape mid-signature (a tablet turned)', async ({ page }) => {
		await clientPage(page, 'Ria Turn');
		await page.getByRole('button', { name: 'Sign consent…' }).click();
		const pad = page.getByRole('dialog', { name: /Consent to treatment/ }).getByRole('img', { name: /The client's signature: sign here/ });
		await pad.scrollIntoViewIfNeeded();
		const box = (await pad.boundingBox())!;
		await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.3);
		await page.mouse.down();
		await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5, { steps: 4 });
		// The pad grows taller while the finger is down, as when the tablet turns.
		await pad.evaluate((el) => {
			(el as HTMLElement).style.aspectRatio = 'auto';
			(el as HTMLElement).style.maxHeight = 'none';
			(el as HTMLElement).style.height = `${el.getBoundingClientRect().height * 1.6}px`;
		});
		const now = (await pad.boundingBox())!;
		const at = { x: now.width * 0.45, y: now.height * 0.8 };
		await page.mouse.move(now.x + at.x, now.y + at.y, { steps: 4 });
		const inkNearPointer = await pad.locator('canvas').evaluate((c: HTMLCanvasElement, p) => {
			const k = c.width / c.getBoundingClientRect().width;
			const d = c.getContext('2d')!.getImageData(Math.round(p.x * k) - 3, Math.round(p.y * k) - 3, 7, 7).data;
			return d.some((v, i) => i % 4 === 3 && v > 0);
		}, at);
		await page.mouse.up();
		expect(inkNearPointer, 'live ink drawn where the pointer is').toBe(true);
	});

	test('typed-name signing by keyboard only', async ({ page }) => {
		await clientPage(page, 'Sam Keys');
		await page.locator('body').click({ position: { x: 1, y: 1 } });
		await tabTo(page, 'Sign consent…');
		await page.keyboard.press('Enter');
		const dialog = page.getByRole('dialog', { name: /Consent to treatment/ });
		await expect(dialog).toBeVisible();
		await tabTo(page, 'Type your name instead');
		await page.keyboard.press('Enter');
		const name = dialog.getByLabel('Type your full name to sign');
		await expect(name).toHaveValue(''); // never filled in for the signer
		await expect(name).toHaveAccessibleDescription(/Signing as Sam Keys/);
		await expect(name).toHaveAttribute('autocomplete', 'off'); // the browser offers no saved names (client mode)
		await tabTo(page, 'Type your full name to sign');
		await page.keyboard.press('ControlOrMeta+a');
		await page.keyboard.type('Samuel Keys');
		await tabTo(page, 'Sign consent');
		await page.keyboard.press('Enter');
		await expect(dialog).toBeHidden();
		await expect(page.getByTestId('consent-status')).toHaveText(/^Consent: signed on/);
		expect((await consentsInDb(page))[0].signature).toEqual({ kind: 'typed', name: 'Samuel Keys' });
	});

	test('editing the statement in settings makes an earlier signature "signed an earlier text"', async ({ page }) => {
		await clientPage(page, 'Lee Earlier');
		await page.getByRole('button', { name: 'Sign consent…' }).click();
		const dialog = page.getByRole('dialog', { name: /Consent to treatment/ });
		await dialog.getByRole('button', { name: 'Type your name instead' }).click();
		await dialog.getByLabel('Type your full name to sign').fill('Lee Earlier');
		await dialog.getByRole('button', { name: 'Sign consent' }).click();
		await expect(page.getByTestId('consent-status')).toHaveText(/^Consent: signed on/);
		const clientUrl = page.url();

		await page.goto('/settings');
		const section = page.getByRole('region', { name: 'Consent statement' });
		await expect(section.getByTestId('consent-counts')).toHaveText('1 client signed this statement.');
		const text = section.getByLabel('Statement');
		await expect(text).toHaveValue(/^I agree to receive massage therapy from this clinic\./);
		await text.fill('');
		await section.getByRole('button', { name: 'Save statement' }).click();
		await expect(section.getByRole('alert')).toContainText('Please write the consent statement.');
		await text.fill('I agree to remedial massage at Bodywise.\n\nI can stop the treatment at any time.');
		await expect(section).toContainText('the 1 client who signed the current statement will show “signed an earlier text”');
		await shot(page, 'settings-1280');
		expect(await seriousViolations(page), 'settings').toEqual([]);
		await section.getByRole('button', { name: 'Save statement' }).click();
		await expect(section.getByRole('status')).toHaveText('Saved. Clients now read and sign this statement.');
		await expect(section.getByTestId('consent-counts')).toHaveText('No client has signed this statement yet. 1 client signed an earlier text.');
		await page.reload();
		await expect(section.getByLabel('Statement')).toHaveValue(/^I agree to remedial massage at Bodywise\./);

		await page.goto(clientUrl);
		await expect(page.getByTestId('consent-status')).toHaveText(/^Consent: signed an earlier text \(/);
		await page.getByRole('button', { name: 'View signed consent' }).click();
		const view = page.getByRole('dialog', { name: 'Signed consent' });
		await expect(view).toContainText('This is an earlier statement');
		await expect(view).toContainText('I agree to receive massage therapy from this clinic.');
		await view.getByRole('button', { name: 'Close' }).click();
		// Signing again takes the new statement.
		await page.getByRole('button', { name: 'Sign consent…' }).click();
		await expect(dialog.getByRole('region', { name: 'The consent statement' })).toContainText('I agree to remedial massage at Bodywise.I can stop the treatment at any time.');
		await dialog.getByRole('button', { name: 'Type your name instead' }).click();
		await dialog.getByLabel('Type your full name to sign').fill('Lee Earlier');
		await dialog.getByRole('button', { name: 'Sign consent' }).click();
		await expect(page.getByTestId('consent-status')).toHaveText(/^Consent: signed on/);
	});

	test("a minor's parent or guardian signs, named", async ({ page }) => {
		const { clientId } = await clientPage(page, 'Mia Young');
		const tenYearsAgo = `${new Date().getFullYear() - 10}-03-15`;
		await setDetails(page, clientId, tenYearsAgo, null);
		await page.reload();
		await expect(page.getByTestId('consent-status')).toHaveText('Consent: not signed');
		await page.getByRole('button', { name: 'Sign consent…' }).click();
		const dialog = page.getByRole('dialog', { name: /Consent to treatment/ });
		await expect(dialog.getByRole('group', { name: 'Signed by a parent or guardian' })).toContainText('Mia Young is under 18');
		const pad = dialog.getByRole('img', { name: /The parent's or guardian's signature: sign here/ });
		await pad.scrollIntoViewIfNeeded();
		await drawWithMouse(page, pad);
		await dialog.getByRole('button', { name: 'Sign consent' }).click();
		await expect(dialog.getByRole('alert')).toContainText("Please write the parent's or guardian's name.");
		await expect(dialog.getByRole('alert')).toContainText('Please say how the guardian is related to the client');
		expect(await consentsInDb(page)).toEqual([]);
		await dialog.getByLabel("Parent's or guardian's name").fill('Ana Young');
		await dialog.getByLabel('Relationship to the client').fill('mother');
		await shot(page, 'guardian-1280');
		expect(await seriousViolations(page), 'guardian signing').toEqual([]);
		await dialog.getByRole('button', { name: 'Sign consent' }).click();
		await expect(page.getByTestId('consent-status')).toHaveText(/^Consent: signed by Ana Young on \S/);
		expect((await consentsInDb(page))[0]).toMatchObject({ signer: 'guardian', signerName: 'Ana Young', guardian: { name: 'Ana Young' } });
		await page.getByRole('button', { name: 'View signed consent' }).click();
		await expect(page.getByRole('dialog', { name: 'Signed consent' })).toContainText('Ana Young (mother), for the client');
	});
});

test.describe('on a phone, 390×844 by touch', () => {
	test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

	test('consent signed with a finger on the client page', async ({ page }) => {
		await clientPage(page, 'Jo Phone');
		await page.getByRole('button', { name: 'Sign consent…' }).tap();
		const dialog = page.getByRole('dialog', { name: /Consent to treatment/ });
		const statement = dialog.getByRole('region', { name: 'The consent statement' });
		await expect(statement).toBeVisible();
		// Readable: the statement keeps a readable size on a phone.
		expect(await statement.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(16);
		await shot(page, 'sign-390-read');
		const pad = dialog.getByRole('img', { name: /The client's signature: sign here/ });
		await pad.scrollIntoViewIfNeeded();
		await drawWithFinger(page, pad);
		await expect(pad).toHaveAccessibleName(/\(signed\)/);
		await shot(page, 'sign-390');
		expect(await seriousViolations(page), 'signing on a phone').toEqual([]);
		await dialog.getByRole('button', { name: 'Sign consent' }).tap();
		await expect(page.getByTestId('consent-status')).toHaveText(/^Consent: signed on/);
		const [kept] = await consentsInDb(page);
		expect(kept.signature.kind).toBe('drawn');
		expect(kept.signature.strokes!.length).toBeGreaterThan(0);
		await page.getByRole('button', { name: 'View signed consent' }).tap();
		await shot(page, 'view-390');
	});
});

test.describe('in client mode', () => {
	test.use({ viewport: TABLET, hasTouch: true });

	test('the client reads and signs after the health questions, the chosen sensitive area in words; only the PIN leaves', async ({ page, context }) => {
		test.setTimeout(120_000);
		await createPlanForNewClient(page, 'Robin Otherclient', 'Other plan');
		const planUrl = await createPlanForNewClient(page, 'Kim Handover', 'Chest');
		await setPinInSettings(page, '2468', { touch: true });
		await page.goto(planUrl);
		await page.getByRole('button', { name: 'Hand to client' }).tap();
		await page.waitForURL(/\/client-mode\?plan=/);
		const clientModeUrl = page.url();

		await page.getByRole('searchbox', { name: 'Find a region' }).fill('chest');
		await page.getByRole('region', { name: 'Regions', exact: true }).getByRole('button', { name: /^Left chest/ }).first().tap();
		await page.getByRole('button', { name: 'Next' }).tap();
		await page.getByRole('radio', { name: 'Tension or tightness' }).check();
		await page.getByRole('radio', { name: '4', exact: true }).check();
		await page.getByRole('button', { name: 'Next' }).tap();
		await expect(page.getByRole('heading', { level: 1, name: 'A few health questions' })).toBeVisible();
		await expect(page.getByTestId('client-step')).toHaveText('Step 3 of 4');
		await page.getByRole('button', { name: 'Next' }).tap();

		await expect(page.getByRole('heading', { level: 1, name: 'Your consent to treatment' })).toBeVisible();
		await expect(page.getByTestId('client-step')).toHaveText('Step 4 of 4');
		await expect(page.getByRole('region', { name: 'The consent statement' })).toContainText('I agree to receive massage therapy');
		const area = page.getByRole('checkbox', { name: 'I agree to massage of my left chest (pecs).' });
		await expect(area).not.toBeChecked();
		for (const name of ['Robin Otherclient', 'Kim Handover']) await expect(page.locator('body')).not.toContainText(name);
		await expect(page.getByRole('main').getByRole('link')).toHaveCount(0);
		await shot(page, 'client-mode-1280');
		expect(await seriousViolations(page), 'consent step').toEqual([]);
		await page.setViewportSize(PHONE);
		await shot(page, 'client-mode-390');
		await page.emulateMedia({ colorScheme: 'dark' });
		await area.scrollIntoViewIfNeeded();
		await shot(page, 'client-mode-390-dark');
		expect(await seriousViolations(page), 'consent step, dark').toEqual([]);
		await page.emulateMedia({ colorScheme: 'light' });
		await page.setViewportSize(TABLET);

		// Back in the browser and a new tab reach nothing beyond the client's steps.
		await page.goBack();
		await page.waitForURL(clientModeUrl);
		await expect(page.getByRole('heading', { level: 1, name: 'Your consent to treatment' })).toBeVisible();
		const other = await context.newPage();
		await other.goto('/settings');
		await other.waitForURL(/\/client-mode\?plan=/);
		await expect(other.getByRole('heading', { level: 1, name: 'Your consent to treatment' })).toBeVisible();
		await expect(other.getByRole('heading', { name: 'Settings' })).toHaveCount(0);
		await expect(other.getByRole('region', { name: 'Consent statement', exact: true })).toHaveCount(0);
		for (const name of ['Robin Otherclient', 'Kim Handover']) await expect(other.locator('body')).not.toContainText(name);
		await other.close();

		await area.check();
		const pad = page.getByRole('img', { name: /Your signature: sign here/ });
		await pad.scrollIntoViewIfNeeded();
		await drawWithFinger(page, pad);
		// Tapped at once: the stroke ends in a quick lift, which the browser would take as a fling and
		// swallow the next tap if the pad did not consume its touches (SignaturePad).
		await page.getByRole('button', { name: 'I agree – sign' }).tap();
		await expect(page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
		await expect(page.getByText('Your consent is signed.')).toBeVisible();
		const [kept] = await consentsInDb(page);
		expect(kept).toMatchObject({ signer: 'client', signerName: 'Kim Handover', signature: { kind: 'drawn' } });
		expect(kept.sensitiveAreas).toHaveLength(1);
		// "Change my answers" goes back to the health questions: the consent is not asked twice.
		await page.getByRole('button', { name: 'Change my answers' }).tap();
		await expect(page.getByRole('heading', { level: 1, name: 'A few health questions' })).toBeVisible();
		await expect(page.getByTestId('client-step')).toHaveText('Step 3 of 3');
		await page.getByRole('button', { name: 'Finish' }).tap();

		// The therapist's PIN leaves; the plan now holds the client's consent to that area.
		await page.getByRole('button', { name: 'I am the therapist' }).tap();
		const exit = page.getByRole('dialog', { name: 'For your therapist' });
		await exit.getByLabel("Therapist's PIN").fill('2468');
		await exit.getByRole('button', { name: 'Leave client mode' }).tap();
		await page.waitForURL(/\/plan\?id=/);
		const consentOfPlan = await page.evaluate(
			(id) =>
				new Promise<Record<string, boolean>>((ok) => {
					const open = indexedDB.open('somamap');
					open.onsuccess = () => {
						const req = open.result.transaction('plans').objectStore('plans').get(id);
						req.onsuccess = () => (open.result.close(), ok(req.result.consent));
					};
				}),
			new URL(page.url()).searchParams.get('id')!
		);
		expect(Object.entries(consentOfPlan)).toEqual([[String(kept.sensitiveAreas[0]), true]]);
		await page.getByRole('link', { name: 'Kim Handover' }).first().tap();
		await expect(page.getByTestId('consent-status')).toHaveText(/^Consent: signed on/);
	});
	test("a minor is not offered signing in client mode: the guardian signs with the therapist, on the client page", async ({ page }) => {
		test.setTimeout(90_000);
		const { clientId, planUrl } = await clientPage(page, 'Mia Young');
		await setDetails(page, clientId, '2014-05-06', { name: 'Ana Young', relationship: 'Mother', phone: '' });
		await setPinInSettings(page, '2468', { touch: true });
		await page.goto(planUrl);
		await page.getByRole('button', { name: 'Hand to client' }).tap();
		await page.waitForURL(/\/client-mode\?plan=/);
		await page.getByRole('button', { name: 'Next' }).tap();
		await expect(page.getByRole('heading', { level: 1, name: 'A few health questions' })).toBeVisible();
		await page.getByRole('button', { name: 'Next' }).tap();

		// The child holding the tablet can neither type a guardian's name nor sign.
		await expect(page.getByRole('heading', { level: 1, name: 'Your consent to treatment' })).toBeVisible();
		await expect(page.getByTestId('guardian-signs')).toHaveText('Your therapist will ask your parent or guardian to sign.');
		await expect(page.getByRole('img', { name: /signature: sign here/ })).toHaveCount(0);
		await expect(page.getByLabel("Parent's or guardian's name")).toHaveCount(0);
		await expect(page.getByRole('button', { name: /sign/i })).toHaveCount(0);
		expect(await seriousViolations(page), 'guardian step').toEqual([]);
		await shot(page, 'client-mode-guardian-1280');
		await page.getByRole('button', { name: 'Next' }).tap();
		await expect(page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
		await page.getByRole('button', { name: 'I am the therapist' }).tap();
		const exit = page.getByRole('dialog', { name: 'For your therapist' });
		await exit.getByLabel("Therapist's PIN").fill('2468');
		await exit.getByRole('button', { name: 'Leave client mode' }).tap();
		await expect(page).toHaveURL(/\/plan\?id=/);
		expect(await consentsInDb(page)).toEqual([]);

		// On the client page the guardian signs together with the therapist; a minor's consent is never handed over.
		await page.getByRole('link', { name: 'Mia Young' }).first().tap();
		await expect(page.getByTestId('consent-status')).toHaveText('Consent: not signed');
		await expect(page.getByRole('button', { name: 'Sign consent…' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Hand to client to sign…' })).toHaveCount(0);
	});
});
