/**
 * Backup and restore in the real browser: a backup downloaded from one browser restores into an
 * empty one (a new context: its own IndexedDB), and bad files get a message and change nothing.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { chooseFile } from './backup-files';
import { test, expect, blockForeignRequests, createPlanForNewClient } from './fixtures';
import { storedTables } from './stored';
import { handOffDoc } from './hostile-links';

/** Every row of the app's own tables, typed arrays as plain lists. */
const dumpDb = (page: Page) => storedTables(page, ['clients', 'plans', 'marks', 'settings'], { plain: true });

async function addMark(page: Page, query: string, region: RegExp, sensation: string) {
	await page.getByRole('searchbox', { name: 'Find a region' }).fill(query);
	await page.getByRole('region', { name: 'Regions' }).getByRole('button', { name: region }).first().click();
	const form = page.getByRole('form', { name: /mark on/ });
	await form.getByRole('radio', { name: sensation }).check();
	// Added at the first choice of what it feels like, with no button.
	await expect(form.getByRole('heading')).toContainText('Edit mark');
}


const CLIENT = 'Bea <i>Backup</i>';

/** A dump without the note that no old paintings are left (a cache the app rewrites at an idle moment). */
function withoutCheckNote<T extends { settings?: { key: string }[] }>(dump: T): T {
	return { ...dump, settings: dump.settings?.filter((s) => s.key !== 'paintingsSettled') };
}

test('a backup downloaded here restores into an empty browser: client, plan and marks', async ({ page, browser }, testInfo) => {
	await createPlanForNewClient(page, CLIENT, 'Shoulders');
	await addMark(page, 'trapez', /^Right top of the shoulder \(upper trapezius\)/, 'Knot or trigger point');
	await expect(page.getByRole('list', { name: /^Marks/ }).getByRole('listitem')).toHaveCount(1);
	await addMark(page, 'low back', /^Left low back beside the spine/, 'Aching pain');
	await expect(page.getByRole('list', { name: /^Marks/ }).getByRole('listitem')).toHaveCount(2);

	// One client's export from their page.
	await page.getByRole('link', { name: CLIENT }).click();
	const oneClient = page.waitForEvent('download');
	await page.getByRole('region', { name: 'Whole record' }).getByRole('button', { name: 'Export this client as a backup file', exact: true }).click();
	expect((await oneClient).suggestedFilename()).toMatch(/^somamap-backup-bea-i-backup-i-\d{4}-\d{2}-\d{2}\.json$/);

	// Everything, from the settings page.
	await page.goto('/settings');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export all data' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^somamap-backup-\d{4}-\d{2}-\d{2}\.json$/);
	const path = testInfo.outputPath('backup.json');
	await file.saveAs(path);
	await expect(page.getByRole('status').filter({ hasText: /^Saved somamap-backup-.*: 1 client, 1 plan, 2 marks\.$/ })).toBeVisible();
	const saved = JSON.parse(await readFile(path, 'utf8'));
	expect(saved).toMatchObject({ format: 'somamap-backup', version: 6 });
	const source = await dumpDb(page);

	// A new, empty browser context: its own storage.
	const other = await browser.newContext();
	const foreign = await blockForeignRequests(other);
	const fresh = await other.newPage();
	await fresh.goto('/');
	await expect(fresh.getByText('No clients yet', { exact: false })).toBeVisible();
	await fresh.goto('/settings');
	await chooseFile(fresh, path);

	const dialog = fresh.getByRole('dialog', { name: 'Restore this backup?' });
	await expect(dialog).toBeVisible();
	await expect(dialog).toContainText('backup.json');
	await expect(dialog.getByRole('definition')).toHaveText(['1 new', '1 new', '2 new']);
	// The name is shown as text: the markup is visible, never rendered.
	await expect(dialog.getByRole('list', { name: '1 client in the file' }).getByRole('listitem')).toHaveText(`${CLIENT} new`);
	await expect(dialog.locator('i')).toHaveCount(0);
	const axe = await new AxeBuilder({ page: fresh }).include('dialog').analyze();
	expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
	await dialog.getByRole('button', { name: 'Restore' }).click();
	await expect(dialog).toBeHidden();
	await expect(fresh.getByRole('status').filter({ hasText: 'Restore finished.' })).toHaveText(
		'Restore finished. Clients: 1 added, 0 updated; plans: 1 added, 0 updated; marks: 2 added, 0 updated. Nothing was deleted.'
	);

	// The same records, typed arrays and all, and the app shows them.
	const restored = await dumpDb(fresh);
	expect(restored.clients).toEqual(source.clients);
	expect(restored.plans).toEqual(source.plans);
	expect(restored.marks).toEqual(source.marks);
	await fresh.goto('/');
	await fresh.getByRole('list', { name: 'Clients' }).getByRole('link', { name: CLIENT }).click();
	await fresh.getByRole('list', { name: `Plans for ${CLIENT}` }).getByRole('link', { name: /Shoulders/ }).click();
	await expect(fresh.getByRole('heading', { level: 1, name: 'Shoulders' })).toBeVisible();
	const marks = fresh.getByRole('list', { name: /^Marks/ });
	await expect(marks.getByRole('listitem')).toHaveCount(2);
	await expect(marks).toContainText('Right top of the shoulder (upper trapezius)');
	await expect(marks).toContainText('Left low back beside the spine');

	// Restoring the same file again changes nothing.
	await fresh.goto('/settings');
	await chooseFile(fresh, path);
	await expect(dialog.getByRole('definition')).toHaveText([/already on this device/, /already on this device/, /already on this device/]);
	await dialog.getByRole('button', { name: 'Restore' }).click();
	await expect(fresh.getByRole('status').filter({ hasText: 'Restore finished' })).toContainText('Nothing changed.');
	// (Not the old-paintings check's note: a restore forgets it, and the app writes it again when idle.)
	expect(withoutCheckNote(await dumpDb(fresh))).toEqual(withoutCheckNote(restored));
	await other.close();
	expect(foreign).toEqual([]);
});

test('a corrupt or hostile file shows a message and changes nothing', async ({ page }, testInfo) => {
	await createPlanForNewClient(page, 'Cora Keep', 'Hips');
	await page.goto('/settings');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export all data' }).click();
	const path = testInfo.outputPath('good.json');
	await (await download).saveAs(path);
	const good = JSON.parse(await readFile(path, 'utf8'));
	const before = await dumpDb(page);

	const json = (name: string, doc: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
	const cases: [ReturnType<typeof json>, RegExp][] = [
		[
			{ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"somamap-backup","clients":[{"na') },
			/^This file cannot be restored: The file is cut short: it ends in the middle of the backup\./
		],
		[json('future.json', { ...good, version: 7 }), /newer Somamap \(backup version 7; this app reads version 6\)\. Update Somamap/],
		[
			json('bad-duration.json', { ...good, clients: [], plans: [{ ...good.plans[0], id: 'other-plan', durationMin: 50 }] }),
			/Plan 1 “Hips”: length must be one of 30, 45, 60, 75, 90\. Nothing on this device was changed\./
		],
		[
			json('many-marks.json', {
				...good,
				marks: Array.from({ length: 401 }, (_, i) => ({ ...handOffDoc().marks[0], id: `many-${i}`, planId: good.plans[0].id }))
			}),
			/The plan “Hips” \([A-Z][a-z]{2} \d{1,2}, \d{4}\) has 401 marks; one plan can hold at most 400 marks\. Nothing on this device was changed\./
		],
		[
			{ name: 'proto.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good).replace('"name":', '"__proto__":{"x":1},"name":')) },
			/Client 1 “Cora Keep” has a forbidden key "__proto__"/
		]
	];
	for (const [file, message] of cases) {
		await chooseFile(page, file);
		await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
		await expect(page.getByRole('alert').filter({ hasText: message })).not.toContainText(/\b(clients|plans|marks)\[\d|JSON/);
		await expect(page.getByRole('dialog')).toHaveCount(0);
	}
	expect(await dumpDb(page)).toEqual(before);
	await page.goto('/');
	await expect(page.getByRole('list', { name: 'Clients' }).getByRole('link')).toHaveCount(1);
	await expect(page.getByRole('list', { name: 'Clients' })).toContainText('Cora Keep');
});

test('control and bidi characters in a backup never reach the restore preview or the database', async ({ page }) => {
	const doc = handOffDoc({ client: { name: '\u202Eevil\u0007', notes: 'bell\u0007\nescape\u001B[2J' }, mark: { note: 'left\u2066 side\u2069' } });
	await page.goto('/settings');
	await chooseFile(page, { name: 'hidden.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
	const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
	await expect(dialog.getByRole('list', { name: '1 client in the file' }).getByRole('listitem')).toHaveText('evil new');
	await dialog.getByRole('button', { name: 'Restore' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Restore finished.' })).toBeVisible();
	const db = await dumpDb(page);
	expect(db.clients).toMatchObject([{ name: 'evil', notes: 'bell\nescape[2J' }]);
	expect(db.marks).toMatchObject([{ note: 'left side' }]);
	expect(JSON.stringify(db)).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/);
});
