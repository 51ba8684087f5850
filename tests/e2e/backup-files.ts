/** Moving backup files in and out through Settings, for the backup specs. */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';

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
