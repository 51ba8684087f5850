/**
 * Client mode and the therapist's PIN, by touch on a tablet: the therapist sets a PIN and hands a
 * plan over; the client marks two places (one on the body, one from the list), answers a health
 * question and finishes, seeing no other client's name and no way out; wrong PINs are refused,
 * then a wait is shown that survives a reload; the right PIN returns to the plan with the
 * client's marks and answer. The app lock hides every record until the PIN is entered; a
 * forgotten PIN is reset with the recovery code, and only at the lock screen, once that is lost
 * too, is erasing everything offered (never in client mode).
 * Screenshots of each step go to docs/img/client-mode-*.png.
 */
import type { Page } from '@playwright/test';
import { codeOf } from '../../src/lib/domain/regions';
import { test, expect, createPlanForNewClient } from './fixtures';
import { screenPointOf, showView, settle } from './body-helpers';
import { seriousViolations, setPinInSettings } from './pin-helpers';
import { openTab } from './plan-tabs';
import { storedRows } from './stored';

test.use({ hasTouch: true, viewport: { width: 1180, height: 820 } });

const PIN = '2468';

const setPin = (page: Page, pin: string) => setPinInSettings(page, pin, { touch: true });

/** Every mark in IndexedDB with who made it. */
async function marksInDb(page: Page): Promise<{ region: number; author: string; sensation: string; intensity: number }[]> {
	const rows = await storedRows<{ region: number; author: string; sensation: string; intensity: number }>(page, 'marks');
	return rows.map((m) => ({ region: m.region, author: m.author, sensation: m.sensation, intensity: m.intensity }));
}

async function noNames(page: Page, ...names: string[]) {
	for (const name of names) await expect(page.locator('body'), `${name} is not shown`).not.toContainText(name);
	await expect(page.getByRole('navigation')).toHaveCount(0);
}

test('the client marks, answers and hands back; only the PIN leaves client mode', async ({ page }) => {
	test.setTimeout(150_000);
	await createPlanForNewClient(page, 'Robin Otherclient', 'Other plan');
	const planUrl = await createPlanForNewClient(page, 'Kim Handover', 'Shoulders');
	await setPin(page, PIN);

	await page.goto(planUrl);
	await page.getByRole('button', { name: 'Hand to client' }).tap();
	await page.waitForURL(/\/client-mode\?plan=/);

	// Step 1: one place tapped on the body, one chosen from the list.
	await expect(page.getByRole('heading', { level: 1, name: 'Where do you feel tension or pain?' })).toBeVisible();
	await noNames(page, 'Robin Otherclient', 'Kim Handover');
	await showView(page, 'Back view');
	await expect(page.getByTestId('edge-left')).toHaveText('Your left');
	const blade = await screenPointOf(page, codeOf('infraspinatus-l'));
	await page.touchscreen.tap(blade.x, blade.y);
	const chosen = page.getByRole('region', { name: /Your places/ });
	await expect(chosen).toContainText('Left shoulder blade (infraspinatus, teres)');
	await page.getByRole('searchbox', { name: 'Find a region' }).fill('calf');
	await page.locator('button[data-code="' + codeOf('gastrocnemius-r') + '"]').tap();
	await expect(chosen).toContainText('Right upper calf (gastrocnemius)');
	await expect(chosen.getByRole('heading')).toHaveText('Your places (2)');
	await page.getByRole('searchbox', { name: 'Find a region' }).fill('');
	await settle(page.locator('canvas'));
	await page.evaluate(() => window.scrollTo(0, 0));
	await page.screenshot({ path: 'docs/img/client-mode-1-where.png' });
	await expect(page.getByTestId('region-name')).toHaveText(/Selected\s*Right upper calf \(gastrocnemius\)/);
	await page.setViewportSize({ width: 820, height: 1180 });
	await settle(page.locator('canvas'));
	await page.screenshot({ path: 'docs/img/client-mode-1-where-portrait.png' });
	await page.setViewportSize({ width: 1180, height: 820 });
	expect(await seriousViolations(page), 'step 1').toEqual([]);

	// Step 2: how each place feels and how strong, saved at once.
	await page.getByRole('button', { name: 'Next' }).tap();
	await expect(page.getByRole('heading', { name: 'How does it feel?' })).toBeVisible();
	await expect(page.getByText('Place 1 of 2')).toBeVisible();
	await page.getByRole('button', { name: 'Next' }).tap();
	await expect(page.getByRole('alert')).toHaveText('Please choose how it feels and how strong it is.');
	await page.getByRole('radio', { name: 'Aching pain' }).check();
	await page.getByRole('radio', { name: '6', exact: true }).check();
	await expect(page.getByText('You chose 6: moderate.')).toBeVisible();
	await page.screenshot({ path: 'docs/img/client-mode-2-feel.png' });
	expect(await seriousViolations(page), 'step 2').toEqual([]);
	await page.getByRole('button', { name: 'Next' }).tap();
	await expect(page.getByText('Place 2 of 2')).toBeVisible();
	await page.getByRole('radio', { name: 'Tension or tightness' }).check();
	await page.getByRole('radio', { name: '4', exact: true }).check();
	await expect.poll(() => marksInDb(page).then((m) => m.length)).toBe(2);
	await page.getByRole('button', { name: 'Next' }).tap();

	// Step 3: a health question, plain yes/no.
	await expect(page.getByRole('heading', { level: 1, name: 'A few health questions' })).toBeVisible();
	await page.getByRole('group', { name: 'Taking blood thinners?' }).getByRole('radio', { name: 'Yes' }).check();
	await page.getByRole('group', { name: 'Pregnant?' }).getByRole('radio', { name: 'No' }).check();
	await noNames(page, 'Robin Otherclient', 'Kim Handover');
	await page.screenshot({ path: 'docs/img/client-mode-3-health.png' });
	expect(await seriousViolations(page), 'step 3').toEqual([]);
	await page.getByRole('button', { name: 'Next' }).tap();

	// Step 4: no consent signed yet, so the statement to sign (consent.spec signs it); left for the therapist here.
	await expect(page.getByRole('heading', { level: 1, name: 'Your consent to treatment' })).toBeVisible();
	await noNames(page, 'Robin Otherclient', 'Kim Handover');
	await page.getByRole('button', { name: 'Not now' }).tap();

	// Then thank you, hand the tablet back.
	await expect(page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
	await expect(page.getByText('Please hand the tablet back to your therapist.')).toBeVisible();
	await noNames(page, 'Robin Otherclient', 'Kim Handover');
	await page.screenshot({ path: 'docs/img/client-mode-4-thanks.png' });
	expect(await seriousViolations(page), 'step 4').toEqual([]);

	// No way out without the PIN: another address comes straight back, with no names.
	await page.goto('/');
	await page.waitForURL(/\/client-mode\?plan=/);
	await expect(page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
	await noNames(page, 'Robin Otherclient', 'Kim Handover');

	// Wrong PINs: two are refused, the third starts a wait, which a reload keeps.
	await page.getByRole('button', { name: 'I am the therapist' }).tap();
	const dialog = page.getByRole('dialog', { name: 'For your therapist' });
	const pin = dialog.getByLabel("Therapist's PIN");
	const leave = dialog.getByRole('button', { name: 'Leave client mode' });
	await pin.fill('1111');
	await leave.tap();
	await expect(dialog.getByRole('alert')).toHaveText('That PIN is not right. 2 tries left before a short wait.');
	await pin.fill('1357');
	await leave.tap();
	await expect(dialog.getByRole('alert')).toContainText('1 try left');
	await pin.fill('0000');
	await leave.tap();
	await expect(dialog.getByRole('alert')).toContainText('Too many wrong tries');
	await expect(dialog.getByTestId('pin-wait')).toHaveText(/You can try again in (2\d|30) seconds\./);
	await expect(leave).toBeDisabled();
	await page.screenshot({ path: 'docs/img/client-mode-5-pin-wait.png' });
	expect(await seriousViolations(page), 'PIN dialog').toEqual([]);
	// A forgotten PIN: the recovery code only (under the same wait); nothing here erases.
	await dialog.getByText('Forgotten the PIN?').tap();
	await expect(dialog.getByLabel('Recovery code')).toBeVisible();
	await expect(dialog.getByTestId('recover-wait')).toHaveText(/You can try again in (2\d|30) seconds\./);
	await expect(dialog.getByRole('button', { name: 'Set the new PIN' })).toBeDisabled();
	await expect(page.getByRole('button', { name: /erase/i })).toHaveCount(0);
	await expect(page.getByLabel(/ERASE/)).toHaveCount(0);
	await dialog.getByText('Forgotten the PIN?').tap();

	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
	await page.getByRole('button', { name: 'For the therapist' }).tap();
	await expect(dialog.getByTestId('pin-wait')).toContainText(/You can try again in (2\d|30) seconds/);
	await expect(leave).toBeDisabled();

	// Half a minute later the right PIN goes back to the plan.
	await page.clock.setFixedTime(Date.now() + 31_000);
	await expect(leave).toBeEnabled({ timeout: 5000 });
	await pin.fill(PIN);
	await leave.tap();
	await page.waitForURL(/\/plan\?id=/);
	await page.clock.resume().catch(() => {});
	await expect(page.getByRole('heading', { level: 1, name: 'Shoulders' })).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
	const marks = page.getByRole('list', { name: /Marks/ });
	await expect(marks).toContainText('Left shoulder blade (infraspinatus, teres)');
	await expect(marks).toContainText('Aching · 6/10 · Client');
	await expect(marks).toContainText('Right upper calf (gastrocnemius)');
	await expect(marks).toContainText('Tension · 4/10 · Client');
	await openTab(page, 'Plan');
	await expect(page.getByRole('group', { name: 'Taking blood thinners?' }).getByRole('radio', { name: 'Yes' })).toBeChecked();
	// The client's No is the therapist's No: answered, not left open.
	await expect(page.getByRole('group', { name: 'Pregnant?' }).getByRole('radio', { name: 'No' })).toBeChecked();
	await expect(page.getByRole('region', { name: 'Health check' }).getByRole('status')).toHaveText('Yes: blood thinners; 1 no, 9 not answered');
	expect((await marksInDb(page)).map((m) => m.author)).toEqual(['client', 'client']);
});

test('without a PIN the therapist is offered one, and can hand over after a clear warning', async ({ page }) => {
	const planUrl = await createPlanForNewClient(page, 'Sam Nopin', 'Neck');
	await page.goto(planUrl);
	await page.getByRole('button', { name: 'Hand to client' }).tap();
	const offer = page.getByRole('dialog', { name: 'Set a PIN before handing over' });
	await expect(offer).toBeVisible();
	await page.screenshot({ path: 'docs/img/client-mode-0-handover.png' });
	await offer.getByRole('button', { name: 'hand over without a PIN' }).tap();
	await page.waitForURL(/\/client-mode\?plan=/);
	await page.getByRole('button', { name: 'For the therapist' }).tap();
	const dialog = page.getByRole('dialog', { name: 'For your therapist' });
	await expect(dialog).toContainText('No PIN is set, so anyone can leave these screens.');
	await dialog.getByRole('button', { name: 'Leave client mode' }).tap();
	await page.waitForURL(/\/plan\?id=/);

	// Setting the PIN in the same dialog hands over at once, and from then on the PIN is needed.
	await page.getByRole('button', { name: 'Hand to client' }).tap();
	await offer.getByLabel('New PIN (4 to 8 digits)').fill('12');
	await offer.getByRole('button', { name: 'Set PIN and hand over' }).tap();
	await expect(offer.getByRole('alert')).toHaveText('Use 4 to 8 digits.');
	await offer.getByLabel('New PIN (4 to 8 digits)').fill('97531');
	await offer.getByLabel('Repeat the new PIN').fill('97531');
	await offer.getByRole('button', { name: 'Set PIN and hand over' }).tap();
	// Its recovery code comes first, once, while the therapist still holds the tablet.
	await expect(offer.getByTestId('recovery-code')).toHaveText(/^\w{4}-\w{4}-\w{4}-\w{4}$/);
	expect(page.url()).toMatch(/\/plan\?id=/);
	expect(await seriousViolations(page), 'hand-over, recovery code').toEqual([]);
	await page.screenshot({ path: 'docs/img/client-mode-0-recovery-code.png' });
	await offer.getByRole('button', { name: 'I have written it down – hand over' }).tap();
	await page.waitForURL(/\/client-mode\?plan=/);
	await page.getByRole('button', { name: 'For the therapist' }).tap();
	await expect(dialog.getByLabel("Therapist's PIN")).toBeVisible();
});

test('the app lock shows no record until the PIN, for the whole tab, and locks again on demand', async ({ page, context }) => {
	await createPlanForNewClient(page, 'Alex Private', 'Back');
	const code = await setPin(page, PIN);
	const section = page.getByRole('region', { name: 'Therapist PIN' });
	await section.getByRole('checkbox', { name: 'Ask for the PIN when Somamap opens' }).check();
	await expect(section.getByRole('button', { name: 'Lock now' })).toBeVisible();
	await section.screenshot({ path: 'docs/img/settings-pin.png' });
	// This tab stays open; a new one asks.
	await page.goto('/');
	await expect(page.getByText('Alex Private').first()).toBeVisible();

	const other = await context.newPage();
	await other.goto('/');
	await expect(other.getByRole('heading', { level: 1, name: 'Somamap is locked' })).toBeVisible();
	await expect(other.locator('body')).not.toContainText('Alex Private');
	await expect(other.getByRole('navigation')).toHaveCount(0);
	expect(await seriousViolations(other), 'lock screen').toEqual([]);
	await other.screenshot({ path: 'docs/img/app-lock.png' });
	await other.getByLabel('PIN').fill('0000');
	await other.getByRole('button', { name: 'Unlock' }).tap();
	await expect(other.getByRole('alert')).toContainText('That PIN is not right.');
	await expect(other.locator('body')).not.toContainText('Alex Private');
	await other.getByLabel('PIN').fill(PIN);
	await other.getByRole('button', { name: 'Unlock' }).tap();
	await expect(other.getByText('Alex Private').first()).toBeVisible();

	// Unlocked for this tab: a reload keeps it open; "Lock now" closes it.
	await other.reload();
	await expect(other.getByText('Alex Private').first()).toBeVisible();
	await other.getByRole('button', { name: 'Lock now' }).tap();
	await expect(other.getByRole('heading', { level: 1, name: 'Somamap is locked' })).toBeVisible();
	await expect(other.locator('body')).not.toContainText('Alex Private');

	// The PIN forgotten: the recovery code sets a new one, and every record is still there.
	await other.getByText('Forgotten the PIN?').tap();
	await other.getByLabel('Recovery code').fill(code);
	await other.getByLabel('New PIN (4 to 8 digits)').fill('8642');
	await other.getByLabel('Repeat the new PIN').fill('8642');
	expect(await seriousViolations(other), 'lock screen, forgotten PIN').toEqual([]);
	await other.screenshot({ path: 'docs/img/app-lock-forgotten.png' });
	await other.getByRole('button', { name: 'Set the new PIN' }).tap();
	const fresh = (await other.getByTestId('recovery-code').textContent())!.trim();
	await other.getByRole('button', { name: 'I have written it down – open Somamap' }).tap();
	await expect(other.getByText('Alex Private').first()).toBeVisible();
	await other.getByRole('button', { name: 'Lock now' }).tap();

	// The code lost too: the last resort, at the lock screen only, is to erase everything, after typing ERASE.
	await other.getByText('Forgotten the PIN?').tap();
	await other.getByLabel('Recovery code').fill(code);
	await other.getByLabel('New PIN (4 to 8 digits)').fill('1357');
	await other.getByLabel('Repeat the new PIN').fill('1357');
	await other.getByRole('button', { name: 'Set the new PIN' }).tap();
	await expect(other.getByRole('alert')).toContainText('That recovery code is not right.'); // the used one is spent
	expect(fresh).not.toBe(code);
	await other.getByText('Lost the recovery code too?').tap();
	await expect(other.getByText('It cannot be undone.')).toBeVisible();
	const erase = other.getByRole('button', { name: 'Erase all data on this device' });
	await expect(erase).toBeDisabled();
	await other.getByLabel('Type ERASE to confirm').fill('erase');
	expect(await seriousViolations(other), 'lock screen, erase').toEqual([]);
	await other.screenshot({ path: 'docs/img/app-lock-erase.png' });
	await erase.tap();
	await expect(other.getByRole('heading', { level: 1, name: 'Clients and plans' })).toBeVisible();
	await expect(other.getByText('No clients yet.')).toBeVisible();
	await other.goto('/settings');
	await expect(other.getByRole('region', { name: 'Therapist PIN' }).getByRole('button', { name: 'Set PIN' })).toBeVisible();
	// A new tab opens straight into the (empty) app: no lock is left behind.
	const third = await context.newPage();
	await third.goto('/');
	await expect(third.getByText('No clients yet.')).toBeVisible();
	// And the first tab, open all along, follows without a reload: no records, no PIN.
	await expect(page.getByText('Alex Private')).toHaveCount(0);
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
	await expect(page.getByRole('region', { name: 'Therapist PIN' }).getByRole('button', { name: 'Set PIN' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Lock now' })).toHaveCount(0);
});
