/**
 * The printed treatment record's pages (A4 from Chromium's own print): a draft with long notes
 * fills page one — what was done and both signatures end it, not a blank third — and the body
 * views that go on to page two print at a readable size.
 */
import { writeFileSync } from 'node:fs';
import { test, expect, createPlanForNewClient } from './fixtures';
import { openTab } from './plan-tabs';
import { addMark } from './print-helpers';
import { pdfPages } from './pdf';

const squash = (text: string) => text.replace(/\s+/g, '').toLowerCase();
const MM = 96 / 25.4;

test.use({ viewport: { width: 1280, height: 800 } });

test('a record with long notes: page one ends with what was done and the signatures; the body views are readable', async ({ page }) => {
	test.setTimeout(120_000);
	await createPlanForNewClient(page, 'Margaret Lee', 'Session');
	await addMark(page, 'low back', 'Left low back beside the spine', 'Aching pain', 7);
	await addMark(page, 'shoulder blade', 'Right shoulder blade (infraspinatus, teres)', 'Knot or trigger point', 7);
	await openTab(page, 'Record');
	const field = (label: string | RegExp) => page.locator('#panel-record').getByLabel(label);
	await field(/^S · Subjective/).fill('Stiff neck since the long drive on Friday; worse turning left. '.repeat(9));
	await field(/^O · Objective/).fill('Hypertonic right upper trapezius; rotation to the left limited. '.repeat(9));
	await field(/^A · Assessment/).fill('Less guarding by the end of the session. '.repeat(9));
	await field('Home care and advice').fill('Heat pack 10 minutes at night; chin tucks.');
	await expect(page.locator('#panel-record').getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
	await page.locator('#panel-record').getByRole('link', { name: 'Print record' }).click();
	await page.waitForURL(/\/print-record\?plan=/);
	await expect(page.locator('.paper[data-ready]')).toBeAttached({ timeout: 30_000 });
	const views = page.locator('article.print-sheet img[data-view]');
	await expect(views).toHaveCount(2);
	await expect.poll(() => views.evaluateAll((imgs: HTMLImageElement[]) => imgs.every((i) => i.complete && i.naturalWidth > 0))).toBe(true);

	const pdf = await page.pdf({ format: 'A4' });
	if (process.env.RECORD_PDF) writeFileSync(`${process.env.RECORD_PDF}/record-long-notes.pdf`, pdf);
	const pages = await pdfPages(pdf);
	expect(pages.length).toBe(2);
	for (const item of ['Treatment given', 'Left low back beside the spine', 'Signatures', 'Practitioner’s signature']) expect(squash(pages[0]), `${item} on page one`).toContain(squash(item));
	// Each body view at least 30 mm wide on paper (it was about 20 mm beside the signatures).
	for (const img of await views.all()) expect((await img.boundingBox())!.width, 'body view width').toBeGreaterThan(30 * MM);
	await page.locator('.paper').screenshot({ path: 'test-results/polish-record-print.png' });
});
