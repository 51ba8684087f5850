/**
 * "Hand to client to sign…" (issue 12): from the client page the therapist hands the tablet over
 * for the consent alone. Without a PIN, one is set first (the planner's hand-over dialog). Then
 * only the consent step shows: Back (through Chromium's back/forward cache, turned on here), a
 * typed address and a new tab all reach nothing else, and no other client is seen for one frame.
 * The client signs with a finger, sees "Thank you", and only the PIN leaves; the consent is kept.
 * Screenshots: docs/img/screens/consent-handover-*.png.
 */
import { browserPath } from '../../scripts/browser.js';
import { test, expect, createPlanForNewClient } from './fixtures';
import { seriousViolations } from './pin-helpers';
import { consentsInDb, drawWithFinger } from './consent-helpers';
import { arm, back, watch, watched } from './watch-helpers';

const ARGS = ['--disable-background-networking', '--disable-component-update', '--no-first-run'];
test.use({
	launchOptions: { executablePath: browserPath(), ignoreDefaultArgs: ['--disable-back-forward-cache'], args: ARGS },
	viewport: { width: 1280, height: 800 },
	hasTouch: true
});

const PIN = '2468';
const CONSENT_URL = /\/client-mode\?client=/;

test('handed over for consent, the client reaches only the consent step, signs with a finger, and only the PIN leaves', async ({ page, context }) => {
	test.setTimeout(120_000);
	await watch(context);
	const alicePlan = await createPlanForNewClient(page, 'Alice Earlier', 'Alice neck plan');
	const alice = new URL((await page.getByRole('link', { name: 'Alice Earlier' }).first().getAttribute('href'))!, alicePlan).href;
	await createPlanForNewClient(page, 'Kim Consent', 'Kim back plan');
	await page.getByRole('link', { name: 'Kim Consent' }).first().click();
	await page.waitForURL(/\/client\?id=/);
	const kimPage = page.url();

	// Signing on the client page is done together: its dialog says nothing of handing the device over.
	await page.getByRole('button', { name: 'Sign consent…' }).click();
	const together = page.getByRole('dialog', { name: /Consent to treatment/ });
	await expect(together).toContainText('Read the statement together and sign it while you are with the client');
	await expect(together).not.toContainText('Hand the device');
	await together.getByRole('button', { name: 'Cancel' }).click();

	// A history of other pages, then the hand-over; no PIN yet, so one is set first.
	for (const url of [alice, alicePlan, kimPage]) {
		await page.goto(url);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	}
	await page.getByRole('button', { name: 'Hand to client to sign…' }).tap();
	const offer = page.getByRole('dialog', { name: 'Set a PIN before handing over' });
	await expect(offer).toContainText('Your client will read the consent statement and sign it on their own.');
	await offer.getByLabel('New PIN (4 to 8 digits)').fill(PIN);
	await offer.getByLabel('Repeat the new PIN').fill(PIN);
	await offer.getByRole('button', { name: 'Set PIN and hand over' }).tap();
	await expect(offer.getByTestId('recovery-code')).toBeVisible();
	expect(page.url()).toBe(kimPage);
	await offer.getByRole('button', { name: 'I have written it down – hand over' }).tap();
	await page.waitForURL(CONSENT_URL);
	const step = page.getByRole('heading', { level: 1, name: 'Your consent to treatment' });
	await expect(step).toBeVisible();
	await expect(page.getByRole('navigation')).toHaveCount(0);
	await expect(page.getByRole('main').getByRole('link')).toHaveCount(0);
	const words = ['Alice Earlier', 'Alice neck plan', 'Kim back plan', 'Settings'];
	await arm(page, words);

	await page.screenshot({ path: 'docs/img/screens/consent-handover-1280.png' });
	expect(await seriousViolations(page), 'consent hand-over').toEqual([]);
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: 'docs/img/screens/consent-handover-390.png' });
	await page.setViewportSize({ width: 1280, height: 800 });

	// Escape, Back again and again (from the back/forward cache), typed addresses: still the consent step.
	await page.keyboard.press('Escape');
	await expect(step).toBeVisible();
	for (let i = 0; i < 4; i++) {
		await back(page);
		await expect(page).toHaveURL(CONSENT_URL);
		await expect(step).toBeVisible();
	}
	const { leaks, shows } = await watched(page);
	expect(shows.filter((s) => s.persisted).length, 'pages came back from the back/forward cache').toBeGreaterThan(0);
	expect(leaks, 'nothing else was seen').toEqual([]);
	for (const url of ['/settings', alice, alicePlan, '/client-mode?plan=x']) {
		await page.goto(url);
		await page.waitForURL(CONSENT_URL);
		await expect(step).toBeVisible();
	}
	// A new tab too.
	const other = await context.newPage();
	await other.goto('/');
	await other.waitForURL(CONSENT_URL);
	await expect(other.getByRole('heading', { level: 1, name: 'Your consent to treatment' })).toBeVisible();
	for (const word of words) await expect(other.locator('body')).not.toContainText(word);
	await other.close();
	expect((await watched(page)).leaks, 'nothing else was seen').toEqual([]);

	// The client signs with a finger.
	const pad = page.getByRole('img', { name: /Your signature: sign here/ });
	await pad.scrollIntoViewIfNeeded();
	await drawWithFinger(page, pad);
	await page.waitForTimeout(600); // a tap in the same instant as lifting the finger is taken as part of the drawing
	await page.getByRole('button', { name: 'I agree – sign' }).tap();
	await expect(page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
	await expect(page.getByText('Your consent is signed.')).toBeVisible();
	await back(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();

	// Only the PIN leaves: a wrong one is refused.
	await page.getByRole('button', { name: 'I am the therapist' }).tap();
	const exit = page.getByRole('dialog', { name: 'For your therapist' });
	await exit.getByLabel("Therapist's PIN").fill('1111');
	await exit.getByRole('button', { name: 'Leave client mode' }).tap();
	await expect(exit.getByRole('alert')).toBeVisible();
	await expect(page).toHaveURL(CONSENT_URL);
	await exit.getByLabel("Therapist's PIN").fill(PIN);
	await exit.getByRole('button', { name: 'Leave client mode' }).tap();
	await expect(page).toHaveURL(kimPage);
	await expect(page.getByTestId('consent-status')).toHaveText(/^Consent: signed on/);
	const kept = await consentsInDb(page);
	expect(kept).toHaveLength(1);
	expect(kept[0]).toMatchObject({ signer: 'client', signerName: 'Kim Consent', signature: { kind: 'drawn' } });
	expect(kept[0].signature.strokes!.length).toBeGreaterThan(0);
});
