/**
 * A client maps at home, sends the plan as a link (data in the fragment, no server) or a file,
 * and the therapist's browser — another context, with its own empty IndexedDB — brings it in.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { openTab } from './plan-tabs';
import { bombLink, handOffDoc, linkFor } from './hostile-links';
import { recordFile, recordRows } from './record-files';

const markList = (page: Page) => page.getByRole('list', { name: /^Marks/ });

async function seriousViolations(page: Page) {
	const result = await new AxeBuilder({ page }).analyze();
	return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

async function addMark(page: Page, query: string, region: RegExp, sensation: string) {
	await page.getByRole('searchbox', { name: 'Find a region' }).fill(query);
	await page.getByRole('region', { name: 'Regions', exact: true }).getByRole('button', { name: region }).click();
	const form = page.getByRole('form', { name: /New mark on/ });
	await form.getByRole('radio', { name: sensation, exact: true }).check();
	await expect(markList(page).getByRole('button', { name: new RegExp(`Edit mark: ${region.source}`) })).toBeVisible();
}

test('a plan made at home travels by link and by file into the therapist’s browser, as new plans', async ({ page, browser }, info) => {
	await createPlanForNewClient(page, 'Home <i>Hana</i>', 'Before Tuesday');
	await addMark(page, 'calf', /Left upper calf \(gastrocnemius\)/, 'Stiffness or limited movement');
	await openTab(page, 'Plan');
	await page.getByRole('group', { name: 'Taking blood thinners?' }).getByRole('radio', { name: 'Yes' }).check();
	await openTab(page, 'Notes');
	await page.getByLabel("In the client's words").fill('Calf cramps after running');
	await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();

	await page.getByRole('button', { name: 'Send this plan…' }).click();
	const send = page.getByRole('dialog', { name: 'Send this plan to another device' });
	await expect(send.getByRole('img', { name: 'QR code of the link to this plan' })).toBeVisible();
	const link = await send.getByRole('textbox', { name: 'Link' }).inputValue();
	expect(await seriousViolations(page)).toEqual([]);
	await page.screenshot({ path: info.outputPath('send.png') });
	expect(link).toMatch(/\/import#h=[A-Za-z0-9_-]+$/);
	const [download] = await Promise.all([page.waitForEvent('download'), send.getByRole('button', { name: 'Save as a file' }).click()]);
	expect(download.suggestedFilename()).toMatch(/^somamap-plan-home-i-hana-i-\d{4}-\d{2}-\d{2}\.json$/);
	const file = info.outputPath('plan.json');
	await download.saveAs(file);

	// The therapist's browser: nothing of Hana's on it yet.
	const therapist = await browser.newContext();
	await therapist.route((url) => !/^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(url.href) && !url.href.startsWith('data:'), (r) => r.abort());
	const tablet = await therapist.newPage();
	await tablet.goto(link);
	const preview = tablet.getByRole('region', { name: 'Before Tuesday' });
	await expect(preview).toContainText('From Home <i>Hana</i>'); // the name as text, never markup
	await expect(preview).toContainText('Left upper calf (gastrocnemius): Stiffness or limited movement');
	await expect(preview).toContainText('Health check: Yes: blood thinners; 10 not answered.');
	expect(new URL(tablet.url()).hash).toBe(''); // the plan's data left the address bar
	expect(await seriousViolations(tablet)).toEqual([]);
	await tablet.screenshot({ path: info.outputPath('import.png'), fullPage: true });
	await expect(tablet.getByLabel("New client's name")).toHaveValue('Home <i>Hana</i>');
	await tablet.getByRole('button', { name: 'Add this plan' }).click();
	await tablet.waitForURL(/\/plan\?id=/);
	await expect(markList(tablet).getByRole('listitem')).toHaveCount(1);
	await openTab(tablet, 'Plan');
	await expect(tablet.getByRole('group', { name: 'Taking blood thinners?' }).getByRole('radio', { name: 'Yes' })).toBeChecked();
	await openTab(tablet, 'Notes');
	await expect(tablet.getByLabel("In the client's words")).toHaveValue('Calf cramps after running');

	// The same plan again, from the file: it was brought in already, and says so; as a copy, a
	// client with that name is offered (never chosen by a name alone) and it is a second plan.
	await tablet.goto('/import');
	await tablet.getByLabel('Open a plan file…').setInputFiles(file);
	await expect(tablet.getByRole('status').filter({ hasText: 'This plan was already brought in' })).toContainText('“Before Tuesday” for Home <i>Hana</i>');
	await tablet.getByRole('button', { name: 'Bring it in again as a copy' }).click();
	await expect(tablet.getByRole('radio', { name: 'A new client' })).toBeChecked();
	await tablet.getByRole('button', { name: 'Add it to Home <i>Hana</i>' }).click();
	await expect(tablet.getByRole('radio', { name: 'A client already here' })).toBeChecked();
	await tablet.getByRole('button', { name: 'Add this plan as a copy' }).click();
	await tablet.waitForURL(/\/plan\?id=/);
	await tablet.getByRole('link', { name: 'Home <i>Hana</i>' }).click();
	await expect(tablet.getByRole('link', { name: /Before Tuesday/ })).toHaveCount(2);

	// A damaged link says so and adds nothing.
	await tablet.goto(`/import#h=${link.split('#h=')[1].slice(0, 40)}`);
	await expect(tablet.getByRole('alert')).toContainText(/damaged or cut short/);
	await expect(tablet.getByRole('button', { name: 'Add this plan' })).toHaveCount(0);
	await therapist.close();
});

test('a decompression bomb in a link is refused at once, without filling memory', async ({ page }) => {
	const link = await bombLink(1024); // 1 GB of spaces, about 1.4 MB of link
	expect(link.length).toBeLessThan(2_000_000);
	await page.goto('/'); // another page first, so the link is a real navigation (not a hash change)
	const cdp = await page.context().newCDPSession(page);
	// Everything the page holds: the JS heap, DOM objects, and ArrayBuffer contents outside the heap.
	const used = async () => {
		const h = await cdp.send('Runtime.getHeapUsage');
		return h.usedSize + h.embedderHeapUsedSize + h.backingStorageSize;
	};
	await cdp.send('HeapProfiler.collectGarbage');
	const before = await used();
	let peak = before;
	let sampling = true;
	const sampler = (async () => {
		while (sampling) {
			peak = Math.max(peak, await used().catch(() => peak));
			await new Promise((ok) => setTimeout(ok, 20));
		}
	})();
	// When the page is ready and when the refusal shows, measured in the page itself.
	await page.addInitScript(() => {
		const w = window as unknown as { readingAt: number; refusedAt: number };
		new MutationObserver(() => {
			if (!w.readingAt && document.body?.textContent?.includes('Reading the link')) w.readingAt = performance.now();
			if (!w.refusedAt && document.querySelector('[role=alert]')) w.refusedAt = performance.now();
		}).observe(document, { subtree: true, childList: true });
	});
	await page.evaluate((l) => {
		location.href = l;
	}, link);
	await expect(page.getByRole('alert')).toContainText('far more than one plan', { timeout: 30_000 });
	sampling = false;
	await sampler;
	peak = Math.max(peak, await used());
	const [reading, total] = await page.evaluate(() => {
		const w = window as unknown as { readingAt: number; refusedAt: number };
		return [w.refusedAt - w.readingAt, w.refusedAt];
	});
	const grewMb = (peak - before) / 1048576;
	console.log(`bomb refused ${reading.toFixed(0)} ms after reading began (${total.toFixed(0)} ms after navigating); memory grew by ${grewMb.toFixed(1)} MB at most`);
	expect(grewMb).toBeLessThan(100);
	expect(reading).toBeLessThan(1000);
	await expect(page.getByRole('button', { name: 'Add this plan' })).toHaveCount(0);
});

test('control and bidi characters in a link never reach the preview or the database', async ({ page }) => {
	const RLO = '\u202E';
	const doc = handOffDoc({
		client: { name: `${RLO}evil\u0000` },
		plan: { title: `Bell\u0007 and escape\u001B[2J`, clientWords: `left\u2066 side\u2069\r\nonly` }
	});
	await page.goto('/');
	await page.goto(linkFor(JSON.stringify(doc)));
	const preview = page.getByRole('region', { name: 'Bell and escape[2J' });
	await expect(preview).toContainText('From evil,');
	const shown = (await preview.textContent()) ?? '';
	expect(shown).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/);
	await expect(page.getByLabel("New client's name")).toHaveValue('evil');
	await page.getByRole('button', { name: 'Add this plan' }).click();
	await page.waitForURL(/\/plan\?id=/);
	await openTab(page, 'Notes');
	await expect(page.getByLabel("In the client's words")).toHaveValue('left side\nonly');

	// Typed or pasted into a form, they are stripped when it is saved.
	await page.getByLabel("In the client's words").fill(`${RLO}reversed\u0007`);
	await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
	await page.reload();
	await openTab(page, 'Notes');
	await expect(page.getByLabel("In the client's words")).toHaveValue('reversed');
});

test('a hand-off carrying treatment records, consents, practitioners or addenda is refused in words and brings nothing', async ({ page }) => {
	// Genuinely signed rows, even: a hand-off is anyone's file, and records come only by a restore.
	const { tables } = await recordFile();
	const doc = { ...handOffDoc({ client: { build: null }, plan: { title: 'With records' } }), version: 4, ...tables };
	await page.goto('/');
	await page.goto(linkFor(JSON.stringify(doc)));
	await expect(page.getByRole('alert')).toHaveText(
		'This hand-off also carries practitioners, a client’s health details, signed consents, treatment records, a record’s history, addenda and signed-record marks, which a hand-off never brings: it brings only a client’s map and answers. ' +
			'Nothing was taken in. Treatment records come to this device only in a backup, through Settings → Restore, where their signatures are checked.'
	);
	await expect(page.getByRole('button', { name: 'Add this plan' })).toHaveCount(0);
	const rows = await recordRows(page);
	expect(Object.values(rows).map((r) => r.length)).toEqual([0, 0, 0, 0, 0, 0, 0]);
	await page.goto('/');
	await expect(page.getByText('No clients yet', { exact: false })).toBeVisible();
});

test('a link with far too many marks is refused; a full plan refuses one more mark', async ({ page }, info) => {
	await page.goto('/');
	await page.goto(linkFor(JSON.stringify(handOffDoc({ plan: { title: 'Huge' }, marks: 45_000 }))));
	await expect(page.getByRole('alert')).toHaveText('The plan “Huge” (Jan 5, 2026) has 45,000 marks; one plan can hold at most 400 marks.');
	await expect(page.getByRole('button', { name: 'Add this plan' })).toHaveCount(0);

	// At the limit exactly, it comes in; the planner then refuses a 401st mark and says why.
	await page.goto('/');
	await page.goto(linkFor(JSON.stringify(handOffDoc({ plan: { title: 'Full' }, marks: 400, mark: { region: 1 } }))));
	await expect(page.getByRole('region', { name: 'Full' })).toContainText('400 marks');
	await page.getByRole('button', { name: 'Add this plan' }).click();
	await page.waitForURL(/\/plan\?id=/);
	await page.getByRole('searchbox', { name: 'Find a region' }).fill('calf');
	await page.getByRole('region', { name: 'Regions', exact: true }).getByRole('button', { name: /Left upper calf \(gastrocnemius\)/ }).click();
	const form = page.getByRole('form', { name: /New mark on/ });
	// The first choice of what it feels like would add the mark: the plan is full, and says so.
	await form.getByRole('radio', { name: 'Stiffness or limited movement', exact: true }).check();
	await expect(page.getByRole('alert').filter({ hasText: 'This plan already has 400 marks, as many as one plan can hold.' })).toBeVisible();
	await page.screenshot({ path: info.outputPath('plan-full.png') });
	await expect(page.getByRole('list', { name: /^Marks/ }).getByRole('listitem')).toHaveCount(400);
});

test('the same link opened twice says it was already brought in, and when, and opens that plan', async ({ page }, info) => {
	const link = linkFor(JSON.stringify(handOffDoc({ client: { name: 'Twice Tess' }, plan: { title: 'Sent twice' } })));
	await page.goto('/');
	await page.goto(link);
	await page.getByRole('button', { name: 'Add this plan' }).click();
	await page.waitForURL(/\/plan\?id=/);
	const first = page.url();

	await page.goto('/');
	await page.goto(link);
	const seen = page.getByRole('status').filter({ hasText: 'This plan was already brought in' });
	// The same look as every other date in the app ('Nov 29, 2026').
	const today = new Date().toLocaleDateString('en-US', { day: 'numeric', month: 'short', year: 'numeric' });
	await expect(seen).toContainText(`on ${today}`);
	await expect(seen).toContainText('as “Sent twice” for Twice Tess');
	await expect(page.getByRole('button', { name: /^Add this plan/ })).toHaveCount(0);
	expect(await seriousViolations(page)).toEqual([]);
	await page.screenshot({ path: info.outputPath('seen.png'), fullPage: true });
	await page.getByRole('link', { name: 'Open it' }).click();
	await expect(page).toHaveURL(first);
	await page.goto('/');
	await expect(page.getByRole('list', { name: 'Clients' }).getByRole('link')).toHaveCount(1);
	await expect(page.getByRole('link', { name: /Sent twice/ })).toHaveCount(1);
});

test('a link opened while the import page is showing is read too, and leaves the address', async ({ page }) => {
	await page.goto('/import');
	await expect(page.getByRole('heading', { level: 1, name: 'Bring in a plan' })).toBeVisible();
	const link = linkFor(JSON.stringify(handOffDoc({ plan: { title: 'Same page' } })));
	await page.evaluate((hash) => (location.hash = hash), link.slice(link.indexOf('#')));
	await expect(page.getByRole('region', { name: 'Same page' })).toBeVisible();
	expect(await page.evaluate(() => location.hash)).toBe('');
});
