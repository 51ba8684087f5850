/**
 * Treatment records through backup and restore in the real browser. No screen signs a record yet,
 * so the record comes in through a backup made in Node with the app's own domain functions; then
 * the app exports it, the device is erased (the erase screen names the signed record that must be
 * kept and offers a backup first), the export restores, and the chain verifies on the rows read
 * from IndexedDB. A tampered file is reported in words and changes nothing.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { canonicalJson } from '../../src/lib/domain/record/canonical';
import { formatDate, isoDayOf } from '../../src/lib/domain/dates';
import { test, expect } from './fixtures';
import { chooseFile, exportAll, jsonFile } from './backup-files';
import { seriousViolations, setPinInSettings } from './pin-helpers';
import { chainOf, recordFile, recordRows } from './record-files';


const canonical = (rows: Awaited<ReturnType<typeof recordRows>>) => ({
	...Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, canonicalJson(v)]))
});

test('a signed record restores, exports, survives erase and restore with its chain intact; a tampered file changes nothing', async ({ page }, testInfo) => {
	const made = await recordFile();
	const day = formatDate(isoDayOf(made.start), 'en-US');

	await page.goto('/settings');
	await chooseFile(page, jsonFile('jo-records.json', made.text));
	const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
	await expect(dialog.getByTestId('restore-records')).toHaveText('1 record new, 2 new addenda, 1 signed consent new or withdrawn, 1 practitioner new or newer, 1 client’s details new or newer');
	await dialog.screenshot({ path: testInfo.outputPath('restore-records.png') });
	await dialog.getByRole('button', { name: 'Restore' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Restore finished.' })).toContainText(
		'Treatment records: 1 treatment record added, 0 updated, 2 addenda added, 4 changes added to records’ history, 1 consent added or withdrawn, 1 practitioner added or updated and 1 client’s details added or newer.'
	);
	// Read back from IndexedDB: exactly the signed rows, and the chain verifies on them.
	const restored = await recordRows(page);
	expect(canonical(restored)).toEqual(canonical(made.tables));
	expect(await chainOf(restored, made.recordId)).toMatchObject({ ok: true, head: { count: 3 } });

	// The app's own export carries them, byte for byte as signed.
	const exported = await exportAll(page, testInfo.outputPath('all.json'));
	await expect(page.getByRole('status').filter({ hasText: /^Saved somamap-backup-/ })).toHaveText(/: 1 client, 1 plan, 0 marks, 1 treatment record\.$/);
	const doc = JSON.parse(exported);
	expect(doc.version).toBe(6);
	expect(canonicalJson(doc.records)).toBe(canonicalJson(made.tables.records));
	expect(canonicalJson(doc.addenda)).toBe(canonicalJson(made.tables.addenda));

	// Erasing: the signed record still to be kept is named, and a backup offered before ERASE.
	const erase = page.getByRole('region', { name: 'Erase everything' });
	const keeping = erase.getByTestId('erase-keeping');
	await expect(keeping).toContainText('This device holds 1 signed treatment record that must still be kept, the last until');
	await expect(keeping).toContainText('Erasing deletes it too');
	await keeping.scrollIntoViewIfNeeded();
	await page.screenshot({ path: testInfo.outputPath('erase-keeping.png'), fullPage: false });
	const axe = await new AxeBuilder({ page }).include('main').analyze();
	expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
	const saved = page.waitForEvent('download');
	await keeping.getByRole('button', { name: 'Save a backup first' }).click();
	expect((await saved).suggestedFilename()).toMatch(/^somamap-backup-\d{4}-\d{2}-\d{2}\.json$/);
	await expect(keeping.getByRole('status')).toContainText('1 treatment record');
	await erase.getByLabel('Type ERASE to confirm').fill('ERASE');
	await erase.getByRole('button', { name: 'Erase all data on this device' }).click();
	await page.waitForURL((url) => url.pathname === '/');
	await expect(page.getByText('No clients yet', { exact: false })).toBeVisible();
	const empty = await recordRows(page);
	expect(Object.values(empty).map((rows) => rows.length)).toEqual([0, 0, 0, 0, 0, 0, 0]);

	// The export restores into the erased device: the same rows, the chain verifying.
	await page.goto('/settings');
	await expect(page.getByTestId('erase-keeping')).toHaveCount(0); // nothing left to keep
	await chooseFile(page, jsonFile('all.json', exported));
	await dialog.getByRole('button', { name: 'Restore' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Restore finished.' })).toBeVisible();
	const back = await recordRows(page);
	expect(canonical(back)).toEqual(canonical(restored));
	expect(await chainOf(back, made.recordId)).toMatchObject({ ok: true, head: { count: 3 } });

	// Tampered files: refused in words naming the client's session; nothing changes.
	const second = formatDate(isoDayOf(made.start + 2 * 86_400_000), 'en-US');
	const cases: [string, (d: typeof doc) => void, string][] = [
		['notes.json', (d) => void (d.records[0].soap.a = 'Much less guarding.'), `The record of Jo Bloggs’s session of ${day} was changed after it was signed.`],
		['addendum.json', (d) => void (d.addenda[1].text = 'Client phoned: no better.'), `The addendum of ${second} was changed after it was signed (in the record of Jo Bloggs’s session of ${day}).`],
		['dropped.json', (d) => void d.addenda.pop(), `The last addendum of the record of Jo Bloggs’s session of ${day} is missing.`],
		['consent.json', (d) => void (d.consents[0].text += ' And more.'), 'does not hold the statement that was signed: its text was changed after signing.']
	];
	for (const [name, change, words] of cases) {
		const bad = JSON.parse(exported);
		change(bad);
		await chooseFile(page, jsonFile(name, JSON.stringify(bad)));
		const alert = page.getByTestId('restore-problem');
		await expect(alert).toContainText(words);
		await expect(alert).toContainText('Nothing on this device was changed.');
		await expect(page.getByRole('dialog')).toHaveCount(0);
	}
	expect(canonical(await recordRows(page))).toEqual(canonical(back));
});

test('on the lock screen (PIN forgotten) erasing warns of signed records to keep, without counts or dates, and offers no backup', async ({ page }, testInfo) => {
	const made = await recordFile();
	await page.goto('/settings');
	await chooseFile(page, jsonFile('jo-records.json', made.text));
	await page.getByRole('dialog', { name: 'Restore this backup?' }).getByRole('button', { name: 'Restore' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Restore finished.' })).toBeVisible();
	await setPinInSettings(page, '2468');
	const section = page.getByRole('region', { name: 'Therapist PIN' });
	await section.getByRole('checkbox', { name: 'Ask for the PIN when Somamap opens' }).check();
	await section.getByRole('button', { name: 'Lock now' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Somamap is locked' })).toBeVisible();
	await page.getByText('Forgotten the PIN?').click();
	await page.getByText('Lost the recovery code too?').click();
	const keeping = page.getByTestId('erase-keeping');
	await expect(keeping).toContainText('This device holds signed treatment records that must still be kept.');
	// Without the PIN, whoever holds the device learns nothing about the records: no count, no date, no rule.
	await expect(keeping).not.toContainText(/\d/);
	await expect(keeping).not.toContainText('until');
	await expect(keeping).toContainText('A backup can be made only once Somamap is unlocked, because it holds every record.');
	await expect(keeping.getByRole('button')).toHaveCount(0);
	expect(await seriousViolations(page)).toEqual([]);
	await keeping.scrollIntoViewIfNeeded();
	await page.screenshot({ path: testInfo.outputPath('lock-erase-keeping.png') });
	// Erasing still works: a device handed on must be wiped.
	await page.getByLabel('Type ERASE to confirm').fill('ERASE');
	await page.getByRole('button', { name: 'Erase all data on this device' }).click();
	await expect(page.getByText('No clients yet.')).toBeVisible();
	expect(Object.values(await recordRows(page)).map((rows) => rows.length)).toEqual([0, 0, 0, 0, 0, 0, 0]);
});

/** Rewrites one stored addendum's text in the page's IndexedDB, as damage or tampering would. */
async function tamperAddendum(page: Page, id: string, text: string) {
	await page.evaluate(
		async ([id, text]) => {
			const db = await new Promise<IDBDatabase>((ok, no) => {
				const r = indexedDB.open('somamap');
				r.onsuccess = () => ok(r.result);
				r.onerror = () => no(r.error);
			});
			await new Promise<void>((ok, no) => {
				const tx = db.transaction('addenda', 'readwrite');
				const store = tx.objectStore('addenda');
				const get = store.get(id);
				get.onsuccess = () => store.put({ ...get.result, text });
				tx.oncomplete = () => ok();
				tx.onerror = () => no(tx.error);
			});
			db.close();
		},
		[id, text]
	);
}

test('a device with a tampered signed record still backs up: the failing record is named and confirmed, and comes back after erase and restore marked as such', async ({ page }, testInfo) => {
	const made = await recordFile();
	const day = formatDate(isoDayOf(made.start), 'en-US');
	const second = formatDate(isoDayOf(made.start + 2 * 86_400_000), 'en-US');
	const named = `The addendum of ${second} was changed after it was signed (in the record of Jo Bloggs’s session of ${day}).`;
	await page.goto('/settings');
	await chooseFile(page, jsonFile('jo-records.json', made.text));
	await page.getByRole('dialog', { name: 'Restore this backup?' }).getByRole('button', { name: 'Restore' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Restore finished.' })).toBeVisible();
	await tamperAddendum(page, 'a-jo-2', 'Client phoned: no better.');
	const stored = await recordRows(page);

	// Export all data: the failing record is named before anything is saved.
	await page.getByRole('button', { name: 'Export all data' }).click();
	const confirm = page.getByRole('dialog', { name: '1 signed record fails its check' });
	await expect(confirm.getByTestId('export-failing')).toHaveText(named);
	await expect(confirm).toContainText('It will be in the file exactly as it is, marked as failing.');
	await confirm.screenshot({ path: testInfo.outputPath('export-failing.png') });
	expect(await seriousViolations(page)).toEqual([]);
	const download = page.waitForEvent('download');
	await confirm.getByRole('button', { name: 'Save anyway' }).click();
	const path = testInfo.outputPath('tampered.json');
	await (await download).saveAs(path);
	const exported = await readFile(path, 'utf8');
	const doc = JSON.parse(exported);
	expect(doc.integrity).toMatchObject([{ kind: 'addendum', id: 'a-jo-2', recordId: made.recordId, problem: named }]);
	expect(canonicalJson(doc.addenda)).toBe(canonicalJson(stored.addenda));
	expect(canonicalJson(doc.records)).toBe(canonicalJson(stored.records));

	// Erase → "Save a backup first" asks the same; Cancel saves nothing.
	const keeping = page.getByRole('region', { name: 'Erase everything' }).getByTestId('erase-keeping');
	await keeping.getByRole('button', { name: 'Save a backup first' }).click();
	const again = page.getByRole('dialog', { name: '1 signed record fails its check' });
	await expect(again.getByTestId('export-failing')).toHaveText(named);
	await again.getByRole('button', { name: 'Cancel' }).click();
	await expect(keeping.getByRole('status')).toHaveText('The backup was not saved.');
	const erase = page.getByRole('region', { name: 'Erase everything' });
	await erase.getByLabel('Type ERASE to confirm').fill('ERASE');
	await erase.getByRole('button', { name: 'Erase all data on this device' }).click();
	await page.waitForURL((url) => url.pathname === '/');

	// Restore: the preview says the record arrives marked as changed; it is back exactly as it was.
	await page.goto('/settings');
	await chooseFile(page, jsonFile('tampered.json', exported));
	const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
	await expect(dialog.getByTestId('restore-failing')).toContainText('1 signed record arrives marked as changed after signing');
	await expect(dialog.getByTestId('restore-failing')).toContainText(named);
	await dialog.screenshot({ path: testInfo.outputPath('restore-failing.png') });
	await dialog.getByRole('button', { name: 'Restore' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Restore finished.' })).toBeVisible();
	const back = await recordRows(page);
	expect(canonical(back)).toEqual(canonical(stored));
	expect(await chainOf(back, made.recordId)).toMatchObject({ ok: false });

	// The same file without its declaration is refused whole.
	delete doc.integrity;
	await chooseFile(page, jsonFile('undeclared.json', JSON.stringify(doc)));
	await expect(page.getByTestId('restore-problem')).toContainText(named);
});
