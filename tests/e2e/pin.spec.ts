/**
 * The therapist's PIN against many tabs, and the recovery code: tries sent from many tabs at once
 * are counted in one shared transaction, so no more are checked than the wait allows, and the
 * right PIN during the wait is refused; a forgotten PIN is reset with the recovery code (shown
 * once when the PIN is set) without erasing anything, and client mode never offers to erase.
 * Screenshots go to docs/img/pin-*.png.
 */
import type { Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { deleteSettingInDb, seriousViolations, setPinInSettings, settingInDb } from './pin-helpers';

const PIN = '2468';

async function turnOnAppLock(page: Page) {
	const section = page.getByRole('region', { name: 'Therapist PIN' });
	await section.getByRole('checkbox', { name: 'Ask for the PIN when Somamap opens' }).check();
	await expect(section.getByRole('button', { name: 'Lock now' })).toBeVisible();
}

async function lockedTab(page: Page) {
	const tab = await page.context().newPage();
	await tab.goto('/');
	await expect(tab.getByRole('heading', { level: 1, name: 'Somamap is locked' })).toBeVisible();
	return tab;
}

test('twelve tabs sending wrong PINs at once: three are checked, the rest wait, and the right PIN in the wait is refused', async ({ page }) => {
	test.setTimeout(150_000);
	await createPlanForNewClient(page, 'Alex Private', 'Back');
	await setPinInSettings(page, PIN);
	await turnOnAppLock(page);

	const tabs: Page[] = [];
	for (let i = 0; i < 12; i++) tabs.push(await lockedTab(page));
	// Opened before the round: its button does not know of any wait, so only the count can refuse.
	const bystander = await lockedTab(page);
	for (const [i, tab] of tabs.entries()) await tab.getByLabel('PIN', { exact: true }).fill(String(1000 + i));

	await Promise.all(tabs.map((tab) => tab.getByRole('button', { name: 'Unlock' }).click()));
	const said = await Promise.all(
		tabs.map(async (tab) => {
			const alert = tab.getByRole('alert');
			await expect(alert).toHaveText(/not right|Too many/);
			return (await alert.textContent())!.trim();
		})
	);
	const checked = said.filter((text) => text.startsWith('That PIN is not right'));
	const refused = said.filter((text) => text === 'Too many wrong tries. Please wait a little.');
	expect(checked, said.join('\n')).toHaveLength(3);
	expect(refused).toHaveLength(9);
	expect(await settingInDb(page, 'pinAttempts')).toMatchObject({ failures: 3 });
	await expect(tabs[said.indexOf(refused[0])].getByTestId('pin-wait')).toHaveText(/You can try again in (2\d|30) seconds\./);

	// The right PIN during the wait is not even checked.
	await bystander.getByLabel('PIN', { exact: true }).fill(PIN);
	await bystander.getByRole('button', { name: 'Unlock' }).click();
	await expect(bystander.getByRole('alert')).toHaveText('Too many wrong tries. Please wait a little.');
	await expect(bystander.getByRole('heading', { level: 1, name: 'Somamap is locked' })).toBeVisible();
	await expect(bystander.locator('body')).not.toContainText('Alex Private');
	expect(await settingInDb(page, 'pinAttempts')).toMatchObject({ failures: 3 });

	// Once the wait is over, the right PIN opens Somamap and clears the count for every tab.
	await bystander.clock.setFixedTime(Date.now() + 31_000);
	await expect(bystander.getByRole('button', { name: 'Unlock' })).toBeEnabled({ timeout: 5000 });
	await bystander.getByLabel('PIN', { exact: true }).fill(PIN);
	await bystander.getByRole('button', { name: 'Unlock' }).click();
	await expect(bystander.getByText('Alex Private').first()).toBeVisible();
	expect(await settingInDb(page, 'pinAttempts')).toEqual({ failures: 0, lockedUntil: 0 });
});

test('client mode offers only the recovery code for a forgotten PIN; it sets a new PIN and erases nothing', async ({ page }) => {
	test.setTimeout(90_000);
	const planUrl = await createPlanForNewClient(page, 'Kim Handover', 'Shoulders');
	const code = await setPinInSettings(page, PIN);
	expect(code).toMatch(/^[2-9A-HJKMNP-TW-Z]{4}(-[2-9A-HJKMNP-TW-Z]{4}){3}$/);

	await page.goto(planUrl);
	await page.getByRole('button', { name: 'Hand to client' }).click();
	await page.waitForURL(/\/client-mode\?plan=/);
	await page.getByRole('button', { name: 'For the therapist' }).click();
	const dialog = page.getByRole('dialog', { name: 'For your therapist' });
	await dialog.getByText('Forgotten the PIN?').click();
	await expect(dialog.getByLabel('Recovery code')).toBeVisible();
	// No way to erase anything from here.
	await expect(page.getByRole('button', { name: /erase/i })).toHaveCount(0);
	await expect(page.getByLabel(/ERASE/)).toHaveCount(0);
	await expect(page.getByText('Lost the recovery code too?')).toHaveCount(0);

	// A slip is explained and not counted; a wrong code counts like a wrong PIN.
	await dialog.getByLabel('Recovery code').fill('hello');
	await dialog.getByRole('button', { name: 'Set the new PIN' }).click();
	await expect(dialog.getByRole('alert').first()).toContainText('A recovery code has 16 letters and digits');
	await dialog.getByLabel('Recovery code').fill(code.startsWith('2') ? '3' + code.slice(1) : '2' + code.slice(1));
	await dialog.getByLabel('New PIN (4 to 8 digits)').fill('9753');
	await dialog.getByLabel('Repeat the new PIN').fill('9753');
	await dialog.getByRole('button', { name: 'Set the new PIN' }).click();
	await expect(dialog.getByRole('alert')).toHaveText('That recovery code is not right. 2 tries left before a short wait.');
	expect(await seriousViolations(page), 'client mode, forgotten PIN').toEqual([]);
	await page.screenshot({ path: 'docs/img/pin-client-mode-forgotten.png' });

	// The right code, typed loosely, with the new PIN: a new code is shown once, then back to the plan.
	await dialog.getByLabel('Recovery code').fill(code.toLowerCase().replace(/-/g, ' '));
	await dialog.getByLabel('New PIN (4 to 8 digits)').fill('9753');
	await dialog.getByLabel('Repeat the new PIN').fill('9753');
	await dialog.getByRole('button', { name: 'Set the new PIN' }).click();
	await expect(dialog.getByText('The new PIN is set. The code you used no longer works.')).toBeVisible();
	const fresh = (await dialog.getByTestId('recovery-code').textContent())!.trim();
	expect(fresh).not.toBe(code);
	expect(await seriousViolations(page), 'client mode, new code').toEqual([]);
	await page.screenshot({ path: 'docs/img/pin-client-mode-new-code.png' });
	await dialog.getByRole('button', { name: 'I have written it down – leave client mode' }).click();
	await page.waitForURL(/\/plan\?id=/);
	await expect(page.getByRole('heading', { level: 1, name: 'Shoulders' })).toBeVisible();
	await page.goto('/');
	await expect(page.getByText('Kim Handover').first()).toBeVisible();

	// The old PIN no longer works; the new one does.
	await page.goto('/settings');
	const section = page.getByRole('region', { name: 'Therapist PIN' });
	await section.getByRole('button', { name: 'Change PIN…' }).click();
	await section.getByLabel('Current PIN').fill(PIN);
	await section.getByRole('button', { name: 'Next' }).click();
	await expect(section.getByRole('alert')).toContainText('That PIN is not right.');
	await section.getByLabel('Current PIN').fill('9753');
	await section.getByRole('button', { name: 'Next' }).click();
	await expect(section.getByLabel('New PIN (4 to 8 digits)')).toBeVisible();
});

test('settings: the recovery code is shown once, a new one replaces it, and a PIN from before is offered one', async ({ page }) => {
	test.setTimeout(90_000);
	await createPlanForNewClient(page, 'Robin Keep', 'Neck');
	await page.goto('/settings');
	const section = page.getByRole('region', { name: 'Therapist PIN' });
	await section.getByLabel('New PIN (4 to 8 digits)').fill(PIN);
	await section.getByLabel('Repeat the new PIN').fill(PIN);
	await section.getByRole('button', { name: 'Set PIN' }).click();
	const shown = section.getByTestId('recovery-code');
	await expect(shown).toHaveText(/^[2-9A-HJKMNP-TW-Z]{4}(-[2-9A-HJKMNP-TW-Z]{4}){3}$/);
	const first = (await shown.textContent())!.trim();
	await expect(section).toContainText('If you forget the PIN, the recovery code lets you choose a new one, and nothing is erased');
	expect(await seriousViolations(page), 'settings, new code').toEqual([]);
	await section.screenshot({ path: 'docs/img/pin-settings-code.png' });
	await page.emulateMedia({ media: 'print' });
	await page.screenshot({ path: 'docs/img/pin-settings-code-print.png' });
	await page.emulateMedia({ media: 'screen' });

	// Shown once: a reload no longer shows it, only that one is set.
	await page.reload();
	await expect(section.getByText('A recovery code is set.')).toBeVisible();
	await expect(shown).toHaveCount(0);
	expect(JSON.stringify(await settingInDb(page, 'pinRecovery'))).not.toContain(first.replace(/-/g, ''));

	// A new code asks for the PIN, and the old one stops working.
	await section.getByRole('button', { name: 'Make a new recovery code…' }).click();
	await section.getByLabel('Current PIN').fill(PIN);
	await section.getByRole('button', { name: 'Make the code' }).click();
	await expect(shown).toBeVisible();
	const second = (await shown.textContent())!.trim();
	expect(second).not.toBe(first);
	await section.getByRole('button', { name: 'I have written it down' }).click();
	await turnOnAppLock(page);

	const locked = await lockedTab(page);
	await locked.getByText('Forgotten the PIN?').click();
	await locked.getByLabel('Recovery code').fill(first);
	await locked.getByLabel('New PIN (4 to 8 digits)').fill('1357');
	await locked.getByLabel('Repeat the new PIN').fill('1357');
	await locked.getByRole('button', { name: 'Set the new PIN' }).click();
	await expect(locked.getByRole('alert')).toContainText('That recovery code is not right.');
	await locked.getByLabel('Recovery code').fill(second);
	await locked.getByLabel('New PIN (4 to 8 digits)').fill('1357');
	await locked.getByLabel('Repeat the new PIN').fill('1357');
	await locked.getByRole('button', { name: 'Set the new PIN' }).click();
	await locked.getByRole('button', { name: 'I have written it down – open Somamap' }).click();
	await expect(locked.getByText('Robin Keep').first()).toBeVisible();

	// A PIN set before recovery codes existed has none: settings say so and offer one.
	await deleteSettingInDb(page, 'pinRecovery');
	await page.reload();
	await expect(section.getByTestId('no-recovery-code')).toHaveText(/This PIN has no recovery code yet\./);
	expect(await seriousViolations(page), 'settings, no code').toEqual([]);
	await section.screenshot({ path: 'docs/img/pin-settings-no-code.png' });
	await section.getByRole('button', { name: 'Make a recovery code…' }).click();
	await section.getByLabel('Current PIN').fill('1357');
	await section.getByRole('button', { name: 'Make the code' }).click();
	await expect(shown).toBeVisible();
	await section.getByRole('button', { name: 'I have written it down' }).click();
	await expect(section.getByText('A recovery code is set.')).toBeVisible();
});

test('settings can erase everything, saying plainly that it cannot be undone', async ({ page }) => {
	await createPlanForNewClient(page, 'Sam Gone', 'Back');
	await setPinInSettings(page, PIN);
	const erase = page.getByRole('region', { name: 'Erase everything' });
	await expect(erase).toContainText('It cannot be undone.');
	const button = erase.getByRole('button', { name: 'Erase all data on this device' });
	await expect(button).toBeDisabled();
	await erase.getByLabel('Type ERASE to confirm').fill('ERASE');
	await button.click();
	await expect(page.getByText('No clients yet.')).toBeVisible();
	expect(await settingInDb(page, 'pin')).toBeUndefined();
});
