/** Helpers for the PIN and recovery-code tests. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export async function seriousViolations(page: Page): Promise<string[]> {
	const result = await new AxeBuilder({ page }).analyze();
	return result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * Sets the PIN in Settings; returns the recovery code shown once, after "written it down".
 * `touch` taps instead of clicking (a tablet).
 */
export async function setPinInSettings(page: Page, pin: string, { touch = false } = {}): Promise<string> {
	await page.goto('/settings');
	const section = page.getByRole('region', { name: 'Therapist PIN' });
	const press = (name: string) => (touch ? section.getByRole('button', { name }).tap() : section.getByRole('button', { name }).click());
	await section.getByLabel('New PIN (4 to 8 digits)').fill(pin);
	await section.getByLabel('Repeat the new PIN').fill(pin);
	await press('Set PIN');
	await expect(section.getByText('A PIN is set.')).toBeVisible();
	const code = (await section.getByTestId('recovery-code').textContent())!.trim();
	await press('I have written it down');
	await expect(section.getByTestId('recovery-code')).toHaveCount(0);
	return code;
}

/** One settings row, read straight from IndexedDB. */
export function settingInDb(page: Page, key: string): Promise<unknown> {
	return page.evaluate(
		(key) =>
			new Promise((ok, fail) => {
				const open = indexedDB.open('somamap');
				open.onerror = () => fail(open.error);
				open.onsuccess = () => {
					const req = open.result.transaction('settings').objectStore('settings').get(key);
					req.onsuccess = () => {
						open.result.close();
						ok(req.result?.value);
					};
				};
			}),
		key
	);
}

/** Deletes one settings row, as if it had never been written (e.g. a PIN from an older version). */
export function deleteSettingInDb(page: Page, key: string): Promise<void> {
	return page.evaluate(
		(key) =>
			new Promise<void>((ok, fail) => {
				const open = indexedDB.open('somamap');
				open.onerror = () => fail(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction('settings', 'readwrite');
					tx.objectStore('settings').delete(key);
					tx.oncomplete = () => {
						open.result.close();
						ok();
					};
					tx.onerror = () => fail(tx.error);
				};
			}),
		key
	);
}
