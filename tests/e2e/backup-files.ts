/** Moving backup files in and out through Settings, for the backup specs. */
import { readFile } from 'node:fs/promises';
import { expect, type Page } from '@playwright/test';

export type UploadFile = { name: string; mimeType: string; buffer: Buffer };

/** A JSON file to hand to the file chooser. */
export const jsonFile = (name: string, text: string): UploadFile => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

/** Settings → "Restore from a file…" with `file` (a path or an in-memory file). */
export async function chooseFile(page: Page, file: string | UploadFile) {
	const chooser = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: 'Restore from a file…' }).click();
	await (await chooser).setFiles(file);
}

/** Settings → "Export all data", saved at `path`; the file's text. */
export async function exportAll(page: Page, path: string): Promise<string> {
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export all data' }).click();
	await (await download).saveAs(path);
	return readFile(path, 'utf8');
}

/** Settings → restore `text` as a backup file, confirmed, and finished. */
export async function restoreText(page: Page, text: string, name = 'backup.json'): Promise<void> {
	await page.goto('/settings');
	await chooseFile(page, jsonFile(name, text));
	await page.getByRole('dialog', { name: 'Restore this backup?' }).getByRole('button', { name: 'Restore' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Restore finished.' })).toBeVisible();
}
