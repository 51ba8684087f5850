/**
 * Backup format 5 in real Chromium: a client who only signed a consent is deleted through the
 * client page (the deletion is logged), an older backup restored afterwards does not bring them
 * back and says so in words; the deletions log, the keeping period and the consent statement travel in a whole-device
 * backup and come back byte for byte after an erase; a long restore preview says "…and N more".
 */
import type { Locator, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { writeBackup } from '../../src/lib/domain/backup/format';
import { formatDate, isoDayOf } from '../../src/lib/domain/dates';
import { defaultPlanFields, type Client, type Plan } from '../../src/lib/domain/records';
import type { Deletion } from '../../src/lib/domain/record/deletion';
import { test, expect } from './fixtures';
import { chooseFile, exportAll, jsonFile } from './backup-files';
import { storedRows } from './stored';


/** A signature drawn with the mouse: a wave across the pad. */
async function sign(page: Page, pad: Locator) {
	await pad.scrollIntoViewIfNeeded();
	const box = (await pad.boundingBox())!;
	await page.mouse.move(box.x + box.width * 0.15, box.y + box.height * 0.6);
	await page.mouse.down();
	for (let i = 1; i <= 24; i++) await page.mouse.move(box.x + box.width * (0.15 + i * 0.028), box.y + box.height * (0.6 - 0.25 * Math.sin(i / 2.5)));
	await page.mouse.up();
}

/** Rows with their keys sorted, as the backup writes them. */
const sortedRows = (rows: Record<string, unknown>[]) => rows.map((r) => Object.fromEntries(Object.keys(r).sort().map((k) => [k, r[k]])));

test('a deleted consent-only client stays deleted when an older backup is restored, said in words; the log, keeping period and consent statement round-trip byte for byte', async ({ page }, testInfo) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'New client' }).click();
	await page.getByRole('dialog', { name: 'New client' }).getByLabel('Name').fill('Jo Bloggs');
	await page.getByRole('button', { name: 'Create client' }).click();
	await page.waitForURL(/\/client\?id=/);
	const clientId = new URL(page.url()).searchParams.get('id')!;
	await page.getByRole('button', { name: 'Sign consent…' }).click();
	const consent = page.getByRole('dialog', { name: 'Consent to treatment: Jo Bloggs' });
	await sign(page, consent.getByRole('img', { name: /The client's signature: sign here/ }));
	await consent.getByRole('button', { name: 'Sign consent' }).click();
	await expect(page.getByTestId('consent-status')).toHaveText(/^Consent: signed on \S/);

	await page.goto('/settings');
	await page.getByLabel('Keeping period').selectOption({ label: '10 years; under 18s until age 28' });
	await expect(page.getByText('Saved: 10 years; under 18s until age 28.')).toBeVisible();
	const statement = 'I agree to treatment at Moreno Remedial.\n\nI can stop at any time.';
	await page.getByLabel('Statement', { exact: true }).fill(statement);
	await page.getByRole('button', { name: 'Save statement' }).click();
	await expect(page.getByText('Saved. Clients now read and sign this statement.')).toBeVisible();
	const before = await exportAll(page, testInfo.outputPath('before.json'));
	expect(JSON.parse(before).clients.map((c: Client) => c.name)).toEqual(['Jo Bloggs']);

	// Deleted on the client page: a client with only a consent is logged too.
	await page.goto(`/client?id=${clientId}`);
	await page.getByRole('button', { name: 'Delete client…' }).click();
	const del = page.getByRole('dialog', { name: 'Delete Jo Bloggs?' });
	// The signed consent is part of the clinical record: inside its keeping period a reason is asked.
	await expect(del).toContainText('The client’s signed consent is still inside the keeping period');
	await expect(del).toContainText(/A signed consent is part of the clinical record and must be kept\. Kept until .*: 10 years after it was signed on /);
	await del.locator('button[type="submit"]').click();
	await expect(del.getByRole('alert')).toContainText('Please give a reason for deleting these records');
	await del.getByLabel('Reason for deleting').fill('The client asked for their consent to be removed');
	await del.screenshot({ path: testInfo.outputPath('delete-consent-reason.png') });
	await del.locator('button[type="submit"]').click();
	await expect(page.getByRole('status').filter({ hasText: /Jo Bloggs and their plans were deleted/ })).toBeVisible();
	const log = await storedRows<Deletion>(page, 'deletions');
	expect(log).toMatchObject([{ kind: 'client', clientId, clientName: 'Jo Bloggs', sessions: 0, planIds: [], consents: 1, reason: 'The client asked for their consent to be removed' }]);
	const day = formatDate(isoDayOf(log[0].at), 'en-US');

	// The backup made before the deletion does not bring Jo back, and says so.
	await page.goto('/settings');
	await chooseFile(page, jsonFile('before.json', before));
	const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
	const said = `1 client deleted on ${day} (this device’s deletions log) was not brought back (Jo Bloggs).`;
	await expect(dialog.getByTestId('restore-record-notes')).toContainText(said);
	await expect(dialog.getByRole('list', { name: /client in the file/ })).toContainText('Jo Bloggs deleted earlier: not brought back');
	await dialog.screenshot({ path: testInfo.outputPath('restore-deleted.png') });
	const axe = await new AxeBuilder({ page }).include('dialog').analyze();
	expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
	await dialog.getByRole('button', { name: 'Restore' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Restore finished' })).toContainText(`Restore finished: nothing was added or replaced. ${said}`);
	expect(await storedRows(page, 'clients')).toEqual([]);
	expect(await storedRows(page, 'consents')).toEqual([]);
	expect(await storedRows(page, 'deletions')).toEqual(log);

	// The whole-device backup carries the log and the keeping period; after an erase they come back byte for byte.
	const after = await exportAll(page, testInfo.outputPath('after.json'));
	const doc = JSON.parse(after);
	expect(doc.version).toBe(6);
	expect(JSON.stringify(doc.deletions)).toBe(JSON.stringify(sortedRows(log as unknown as Record<string, unknown>[])));
	expect(doc.settings).toEqual([
		{ key: 'retentionRule', value: 'ten-years', changedAt: expect.any(Number) },
		{ key: 'consentText', value: statement, changedAt: expect.any(Number) }
	]);
	const erase = page.getByRole('region', { name: 'Erase everything' });
	await erase.getByLabel('Type ERASE to confirm').fill('ERASE');
	await erase.getByRole('button', { name: 'Erase all data on this device' }).click();
	await page.waitForURL((url) => url.pathname === '/');
	expect(await storedRows(page, 'deletions')).toEqual([]);
	await page.goto('/settings');
	await chooseFile(page, jsonFile('after.json', after));
	await dialog.getByRole('button', { name: 'Restore' }).click();
	const finished = page.getByRole('status').filter({ hasText: 'Restore finished' });
	await expect(finished).toContainText('The keeping period from the file (10 years; under 18s until age 28) is used on this device from now on.');
	await expect(finished).toContainText('The consent statement from the file is used on this device from now on.');
	expect(await storedRows(page, 'deletions')).toEqual(log);
	await page.reload();
	await expect(page.getByLabel('Keeping period')).toHaveValue('ten-years');
	await expect(page.getByLabel('Statement', { exact: true })).toHaveValue(statement);
	await page.getByText('Deletions kept (1)').click();
	await expect(page.getByRole('list', { name: 'Deletions kept' })).toContainText('Jo Bloggs: the client (no sessions), 1 signed consent');
	await page.getByRole('region', { name: 'Keeping records' }).screenshot({ path: testInfo.outputPath('deletions-kept.png') });
	const again = JSON.parse(await exportAll(page, testInfo.outputPath('again.json')));
	expect(JSON.stringify(again.deletions)).toBe(JSON.stringify(doc.deletions));
	expect(JSON.stringify(again.settings)).toBe(JSON.stringify(doc.settings));
});

test('a restore preview with more than 50 notes shows 50 and says “…and N more”', async ({ page }, testInfo) => {
	const at = Date.now() - 10 * 86_400_000;
	const clients: Client[] = [];
	const plans: Plan[] = [];
	const deletions: Deletion[] = [];
	for (let i = 1; i <= 53; i++) {
		const c: Client = { id: `c-${i}`, name: `Client ${i}`, contact: '', notes: '', figure: null, build: null, createdAt: at, updatedAt: at };
		const p: Plan = { ...defaultPlanFields(), id: `p-${i}`, clientId: c.id, date: '2026-01-05', title: `Session ${i}`, createdAt: at, updatedAt: at };
		clients.push(c);
		plans.push(p);
		deletions.push({ id: `d-${i}`, kind: 'plan', clientId: c.id, clientName: c.name, planIds: [p.id], recordIds: [], sessions: 1, signed: 0, at: at + 1000, reason: 'Entered by mistake', practitionerId: null, practitionerName: '' });
	}
	const text = writeBackup({ clients, plans, marks: [], deletions }, { exportedAt: at + 2000 });
	await page.goto('/settings');
	await chooseFile(page, jsonFile('many.json', text));
	const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
	const notes = dialog.getByTestId('restore-record-notes').getByRole('listitem');
	await expect(notes).toHaveCount(50);
	// The file's own log never drops the file's own sessions (a backup is one device's snapshot): each is said to be kept.
	await expect(notes.first()).toHaveText(/^The deletions log names the session “Session 1” of Client 1 as deleted on another device on .+; it is kept\.$/);
	await expect(dialog.getByTestId('restore-notes-more')).toHaveText('…and 3 more');
	await expect(dialog.getByText('…and 3 more')).toHaveCount(2); // the notes, and the 53 clients
	await dialog.getByTestId('restore-notes-more').scrollIntoViewIfNeeded();
	await dialog.screenshot({ path: testInfo.outputPath('restore-more.png') });
	await dialog.getByRole('button', { name: 'Restore' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Restore finished' })).toContainText('Clients: 53 added');
	expect(await storedRows(page, 'plans')).toHaveLength(53);
	expect(await storedRows(page, 'deletions')).toHaveLength(53);
});
