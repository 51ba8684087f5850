/**
 * The printed treatment record (issue 12): a signed session restored from a backup made with the
 * app's own domain functions, printed offline from the planner's Record tab to PDF and read back:
 * every item of the record, the client's name and "Page N of M" on every page, both signatures as
 * images, the chain verified, every addendum. A draft made through the UI prints marked "Draft —
 * not signed" on every page. The client's whole record prints every session, consent and addendum.
 */
import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { formatDate, formatDateTime } from '../../src/lib/domain/dates';
import { sealConsent } from '../../src/lib/domain/record/consent-seal';
import { test, expect, createPlanForNewClient, waitForServiceWorker } from './fixtures';
import { openTab } from './plan-tabs';
import { pdfPages } from './pdf';
import { addMark } from './print-helpers';
import { wholeRecord, type WholeRecord } from './record-print-files';
import { storedRows } from './stored';

const SHOTS = 'docs/img/screens';
/** The client page's one control for this client's backup file. */
const EXPORT_CLIENT = 'Export this client as a backup file';
const printout = (page: Page) => page.locator('article.print-sheet');
/** Text without its spaces: a line may break anywhere (after a hyphen, inside a hash), and PDF text loses the space after a bold label; headings print in capitals. */
const squash = (text: string) => text.replace(/\s+/g, '').toLowerCase();

async function restore(page: Page, made: WholeRecord): Promise<void> {
	await page.goto('/settings');
	const chooser = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: 'Restore from a file…' }).click();
	await (await chooser).setFiles({ name: 'mia.json', mimeType: 'application/json', buffer: Buffer.from(made.text) });
	await page.getByRole('dialog', { name: 'Restore this backup?' }).getByRole('button', { name: 'Restore' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Restore finished.' })).toBeVisible();
}

/**
 * Waits until the printout is drawn (body views, signatures loaded) and returns it as an A4 PDF's
 * pages; with RECORD_PDF=<folder> the PDF is kept there as `name`.pdf, to look at.
 */
async function printed(page: Page, name: string) {
	await expect(page.locator('.paper[data-ready]')).toBeAttached({ timeout: 30_000 });
	await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeEnabled();
	await expect.poll(() => printout(page).locator('img').evaluateAll((imgs: HTMLImageElement[]) => imgs.every((i) => i.complete && i.naturalWidth > 0))).toBe(true);
	const pdf = await page.pdf({ format: 'A4' });
	if (process.env.RECORD_PDF) writeFileSync(`${process.env.RECORD_PDF}/${name}.pdf`, pdf);
	return pdfPages(pdf);
}

/** Every row the app keeps, table by table: printing is a read, so this is the same after it. */
async function everyRow(page: Page): Promise<Record<string, unknown[]>> {
	const tables = await page.evaluate(
		() =>
			new Promise<string[]>((ok, ko) => {
				const open = indexedDB.open('somamap');
				open.onerror = () => ko(open.error);
				open.onsuccess = () => {
					ok([...open.result.objectStoreNames]);
					open.result.close();
				};
			})
	);
	return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await storedRows(page, t)] as const)));
}

/** Puts consent rows straight into IndexedDB, as someone with the device's storage could. */
function putConsents(page: Page, rows: unknown[]) {
	return page.evaluate(
		(rows) =>
			new Promise<void>((ok, fail) => {
				const open = indexedDB.open('somamap');
				open.onerror = () => fail(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction('consents', 'readwrite');
					for (const row of rows) tx.objectStore('consents').put(row);
					tx.oncomplete = () => (open.result.close(), ok());
					tx.onerror = () => fail(tx.error);
				};
			}),
		rows
	);
}

/** Each page names the client and says "Page N of M"; no text under 9 pt. */
function everyPage(pages: string[] & { minPt: number }, name: string) {
	expect(pages.minPt).toBeGreaterThanOrEqual(9);
	pages.forEach((text, i) => {
		expect(text, `page ${i + 1}`).toContain(name);
		expect(text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
	});
}

/** What the printed record of Mia's signed session must hold, in the words the page uses (en-US). */
function sessionItems(m: WholeRecord): string[] {
	const p = m.practitioner;
	const d = m.details;
	const r = m.record;
	const inForce = m.consents[2];
	return [
		'Treatment record', `Signed ${formatDateTime(r.signedAt, 'en-US')}`,
		// the practitioner as signed
		p.fullName, p.qualification, p.association, `membership no. ${p.membershipNumber}`, 'Bupa BU77812; HCF HC40921', p.businessName, p.taxNumber, p.address, p.phone,
		// the client and the details the record relies on
		m.client.name, 'Jul 14, 1986, age', m.client.contact, d.referrer, d.medicalHistory, d.medications, d.allergies, 'Pregnant No', 'Tom Lowe · partner · 0411 222 333',
		// the consent in force at the session
		'Consent in force at this session', 'Mia Lowe (the client)', formatDateTime(inForce.signedAt, 'en-US'), `version ${inForce.textHash.slice(0, 4)} ${inForce.textHash.slice(4, 8)}`, 'Left buttock (glutes, gluteus maximus)',
		// times
		'Planned length 60 min', 'Health check No to all 11 questions', `History ${m.changes} changes before signing`, `Started ${formatDateTime(r.startedAt, 'en-US')}`, `Ended ${formatDateTime(r.endedAt, 'en-US')} (took 55 min)`,
		// SOAP
		'S · Subjective', r.soap.s, 'O · Objective', r.soap.o.general, 'Trigger point in the upper outer glute, referring down the thigh.', 'Right top of the shoulder (upper trapezius): Hypertonic, tender on palpation.',
		'A · Assessment', r.soap.a, 'P · Plan', `Home care and advice: ${r.soap.p.homeCare}`, `Next session: ${r.soap.p.nextSession}`, `Referral: ${r.soap.p.referral}`,
		// what was done
		'Treatment given', ...r.areas, ...r.techniques, r.pressure,
		// signatures, the chain, the addenda
		'Client’s consent signature', `Mia Lowe, signed ${formatDateTime(inForce.signedAt, 'en-US')}`, 'Practitioner’s signature', `Sam Okafor, signed ${formatDateTime(r.signedAt, 'en-US')}`,
		'Verified: unchanged since signed (with its 2 addenda).', 'Head of the hash chain (SHA-256)',
		...m.addenda.flatMap((a, i) => [`Addendum ${i + 1}`, formatDateTime(a.signedAt, 'en-US'), a.text])
	];
}

test('a signed session prints offline from the Record tab with every item of the record, both signatures as images, the chain verified and every addendum', async ({ page, context }) => {
	test.setTimeout(90_000);
	const made = await wholeRecord();
	await restore(page, made);
	await page.goto(`/plan?id=${made.plan.id}`);
	await openTab(page, 'Record');
	await expect(page.getByText('Verified: unchanged since signed')).toBeVisible();

	// Offline from here: the service worker serves the print page; nothing goes to another origin.
	await waitForServiceWorker(page);
	await context.setOffline(true);
	await page.locator('#panel-record').getByRole('link', { name: 'Print record' }).click();
	await page.waitForURL(/\/print-record\?plan=p-mia/);
	await expect(page).toHaveTitle('Treatment record · Somamap');
	const pages = await printed(page, 'record-signed');
	await page.locator('.paper').screenshot({ path: `${SHOTS}/record-print.png` });
	const all = pages.join(' ');
	for (const item of sessionItems(made)) expect(squash(all), item).toContain(squash(item));
	// The head hash, whole (it may wrap over two lines).
	expect(squash(all)).toContain(made.addenda[1].hash.toLowerCase());
	expect(all).not.toContain('Draft');
	everyPage(pages, 'Mia Lowe');
	// The record itself on page one; its two addenda below it, going on to page two.
	expect(pages.length).toBe(2);
	expect(squash(pages[0])).toContain(squash('Verified: unchanged since signed'));
	// The consent in force is checked as it prints, as the record is.
	expect(squash(pages[0])).toContain(squash('Checked Verified: unchanged since signed.'));

	// Both signatures (and both addenda's) as images: the consent's and the practitioner's drawn ones
	// are vector SVG pictures, the typed addendum a name in a handwriting face.
	const sheet = printout(page);
	await expect(sheet.getByRole('img', { name: /^Client’s consent signature: Mia Lowe, signed / })).toBeVisible();
	await expect(sheet.getByRole('img', { name: /^Practitioner’s signature: Sam Okafor, signed / })).toBeVisible();
	await expect(sheet.getByRole('img', { name: /^Signature: Sam Okafor, signed .* \(typed name: Sam Okafor\)$/ })).toBeVisible();
	const drawn = sheet.locator('img[data-signature="drawn"]');
	await expect(drawn).toHaveCount(3);
	for (const img of await drawn.all()) {
		expect(await img.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
		// Legible: at least 50 mm wide on paper (96 px per inch), ink that spans it.
		expect((await img.boundingBox())!.width).toBeGreaterThan((50 * 96) / 25.4);
	}
	const result = await new AxeBuilder({ page }).analyze();
	expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

	await context.setOffline(false);
});

test('a draft made on the planner prints marked "Draft — not signed" on every page, with its body views and marks', async ({ page }) => {
	test.setTimeout(90_000);
	await createPlanForNewClient(page, 'Dora Draft', 'Low back');
	await addMark(page, 'low back', 'Left low back beside the spine', 'Aching pain', 8);
	await openTab(page, 'Record');
	await expect(page.getByText('Draft · not signed yet')).toBeVisible();
	await page.locator('#panel-record').getByRole('link', { name: 'Print record' }).click();
	await page.waitForURL(/\/print-record\?plan=/);
	const pages = await printed(page, 'record-draft');
	everyPage(pages, 'Dora Draft');
	for (const text of pages) expect(text).toContain('Draft — not signed');
	const all = pages.join(' ');
	for (const item of ['Treatment record', 'Practitioner Not chosen yet', 'No signed consent before this session.', 'Planned length 30 min', 'Started not recorded', 'Left low back beside the spine', 'Aching pain']) {
		expect(squash(all), item).toContain(squash(item));
	}
	expect(all).not.toContain('Verified');
	// Both body views drawn, the back with the aching low back.
	for (const view of ['front', 'back']) await expect(printout(page).locator(`img[data-view="${view}"]`)).toBeVisible();
	const result = await new AxeBuilder({ page }).analyze();
	expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
	await page.locator('.paper').screenshot({ path: `${SHOTS}/record-print-draft.png` });
});

test('the client page prints the whole record: the client, every consent with where it stands, every session on its own pages with its addenda', async ({ page }) => {
	test.setTimeout(120_000);
	const made = await wholeRecord();
	await restore(page, made);
	// A second, later session, never opened: it prints as a draft.
	await page.goto(`/client?id=${made.client.id}`);
	await page.getByRole('button', { name: 'New plan' }).click();
	const dialog = page.getByRole('dialog', { name: 'New plan' });
	await dialog.getByLabel('Title').fill('Follow-up visit');
	await dialog.getByRole('button', { name: 'Create plan' }).click();
	await page.waitForURL(/\/plan\?id=/);
	await page.goto(`/client?id=${made.client.id}`);
	const card = page.getByRole('region', { name: 'Whole record' });
	// One control saves this client's backup file, in this card, where a transfer request is answered: no second button doing the same elsewhere on the page.
	await expect(page.getByRole('button', { name: /export|backup/i })).toHaveCount(1);
	await expect(card.getByRole('button', { name: EXPORT_CLIENT, exact: true })).toBeVisible();
	await card.screenshot({ path: `${SHOTS}/client-whole-record.png` });
	// The backup file beside it: this client's record tables only, signed rows as signed.
	const download = page.waitForEvent('download');
	await card.getByRole('button', { name: EXPORT_CLIENT, exact: true }).click();
	const file = JSON.parse(await readFile(await (await download).path(), 'utf8'));
	expect(file.clients.map((c: { name: string }) => c.name)).toEqual(['Mia Lowe']);
	expect(file.records.map((r: { id: string; hash: string }) => [r.id, r.hash])).toEqual([[made.record.id, made.record.hash]]);
	expect(file.addenda.map((a: { hash: string }) => a.hash)).toEqual(made.addenda.map((a) => a.hash));
	expect(file.consents).toHaveLength(3);
	expect(file.practitioners.map((p: { fullName: string }) => p.fullName)).toEqual(['Sam Okafor']);
	const before = await everyRow(page);
	expect(before.records).toHaveLength(1); // the follow-up's record was never opened
	await card.getByRole('link', { name: 'Print whole record' }).click();
	await page.waitForURL(/\/print-record\?client=c-mia/);
	await expect(page).toHaveTitle('Client record · Somamap');
	const pages = await printed(page, 'record-whole');
	// Printing wrote nothing: the follow-up prints its draft, made in memory, and no row was added or changed.
	expect(await everyRow(page)).toEqual(before);
	everyPage(pages, 'Mia Lowe');
	const all = pages.join(' ');
	for (const item of [
		'Client record', 'Consents',
		'Consent 1 Signed for an earlier text of the statement', `Consent 2 Withdrawn on ${formatDate(new Date(made.consents[1].withdrawnAt!).toISOString().slice(0, 10), 'en-US')}`, 'Consent 3 In force',
		'I agree to massage treatment. (An earlier statement of this clinic.)',
		...sessionItems(made),
		'Follow-up visit', 'Draft — not signed', 'Health check None of the 11 questions answered', 'History No changes so far'
	]) {
		expect(squash(all), item).toContain(squash(item));
	}
	// Consents 2 and 3 signed the same statement: it is printed in full once, and consent 3 names consent 2.
	expect(squash(all).split(squash('I agree to receive massage therapy from this clinic.')).length - 1).toBe(1);
	expect(squash(all)).toContain(squash(`The same statement as Consent 2 (version ${made.consents[2].textHash.slice(0, 4)}`));
	// Each session starts on a page of its own, oldest first: the signed one, then the draft.
	const starts = pages.flatMap((text, i) => (text.includes('Treatment record Mia Lowe ·') ? [i] : []));
	expect(starts.length).toBe(2);
	expect(pages[starts[0]]).toContain('Hip and low back');
	expect(pages[starts[1]]).toContain('Follow-up visit');
	expect(pages[starts[1]]).not.toContain('Hip and low back');
	const result = await new AxeBuilder({ page }).analyze();
	expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
	await page.locator('.paper').screenshot({ path: `${SHOTS}/record-print-whole.png` });
});

test('a session whose client has a consent row that cannot be read, dated between the consent printed and the session, says so on its printed record', async ({ page }) => {
	test.setTimeout(90_000);
	const made = await wholeRecord();
	await restore(page, made);
	const inForce = made.consents[2];
	const started = made.record.startedAt!;
	// Edited outside the app into rows no consent can be (withdrawn before signed): one dated between
	// the consent in force and the session (it may be a withdrawal), one dated after the session.
	const between = started - 10 * 60_000;
	const after = started + 2 * 86_400_000;
	await putConsents(page, [
		{ ...inForce, id: 'k-mia-4', signedAt: between, withdrawnAt: 1 },
		{ ...inForce, id: 'k-mia-5', signedAt: after, withdrawnAt: 1 }
	]);
	const before = await everyRow(page);
	await page.goto(`/print-record?plan=${made.plan.id}`);
	const line = `NOT VERIFIED: another consent record for this client, dated ${formatDateTime(between, 'en-US')}, cannot be read; it may change or withdraw this consent.`;
	// The group under its heading (the heading's own section).
	const section = printout(page).getByRole('heading', { name: 'Consent in force at this session' }).locator('..');
	await expect(section).toContainText(line);
	// Beside the consent it may change, which still prints as checked.
	await expect(section).toContainText('Mia Lowe (the client)');
	await expect(section).toContainText('Verified: unchanged since signed.');
	const pages = await printed(page, 'record-consent-unreadable');
	await section.screenshot({ path: `${SHOTS}/record-print-consent-unreadable.png` });
	await page.locator('.paper').first().screenshot({ path: test.info().outputPath('record-print-consent-unreadable-page.png') });
	const all = squash(pages.join(' '));
	expect(all).toContain(squash(`Another consent ${line}`));
	// The row dated after the session cannot bear on it: not mentioned.
	expect(all).not.toContain(squash(formatDateTime(after, 'en-US')));
	expect(all.split(squash('cannot be read')).length - 1).toBe(1);
	// Printing still writes nothing.
	expect(await everyRow(page)).toEqual(before);
	const result = await new AxeBuilder({ page }).analyze();
	expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});

test('the Record tab of a past session says so too, when the client has signed again since (the consent line then names the later consent)', async ({ page }) => {
	const made = await wholeRecord();
	await restore(page, made);
	const { hash: _h, withdrawnAt: _w, withdrawalHash: _wh, ...inForce } = made.consents[2];
	const started = made.record.startedAt!;
	const between = started - 10 * 60_000;
	// Signed again two days after the session, through the app's own seal: the consent in force today holds.
	const since = await sealConsent({ ...inForce, id: 'k-mia-6', signedAt: started + 2 * 86_400_000 });
	await putConsents(page, [{ ...made.consents[2], id: 'k-mia-4', signedAt: between, withdrawnAt: 1 }, since]);
	await page.goto(`/plan?id=${made.plan.id}`);
	await openTab(page, 'Record');
	const card = page.getByRole('region', { name: "The client's consent" });
	await expect(card.getByTestId('record-consent')).toHaveText(/^Consent: signed on /);
	await expect(card.getByTestId('record-consent-doubt')).toHaveText(
		`NOT VERIFIED: another consent record for this client, dated ${formatDateTime(between, 'en-US')}, cannot be read; it may change or withdraw the consent in force at this session.`
	);
	await card.screenshot({ path: `${SHOTS}/record-tab-consent-unreadable.png` });
	const result = await new AxeBuilder({ page }).include('#panel-record').analyze();
	expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
	// Its printed record says the same under the consent of the session (not the later one).
	await page.locator('#panel-record').getByRole('link', { name: 'Print record' }).click();
	const section = printout(page).getByRole('heading', { name: 'Consent in force at this session' }).locator('..');
	await expect(section).toContainText(formatDateTime(made.consents[2].signedAt, 'en-US'));
	await expect(section).toContainText(`dated ${formatDateTime(between, 'en-US')}, cannot be read; it may change or withdraw this consent.`);
});

test('a printed record for a session or client not on this device says so', async ({ page }) => {
	await page.goto('/print-record?plan=nope');
	await expect(page.getByRole('heading', { name: 'Plan not found' })).toBeVisible();
	await page.goto('/print-record?client=nope');
	await expect(page.getByRole('heading', { name: 'Client not found' })).toBeVisible();
});
