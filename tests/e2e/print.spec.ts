import { writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { test, expect, createPlanForNewClient, waitForServiceWorker } from './fixtures';
import { openTab } from './plan-tabs';

/** A region's name inside a pattern: its brackets ("(upper trapezius)") are meant literally. */
const esc = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const sheet = (page: Page) => page.getByRole('article', { name: /^Session sheet for / });

/** Adds a mark on a region chosen in the region list. */
async function addMark(page: Page, query: string, region: string, sensation: string, intensity: number, note = '') {
	await page.getByRole('searchbox', { name: 'Find a region' }).fill(query);
	await page.getByRole('region', { name: 'Regions', exact: true }).getByRole('button', { name: new RegExp(`^${esc(region)}`) }).click();
	const form = page.getByRole('form', { name: new RegExp(`mark on ${esc(region)}`) });
	await form.getByRole('slider', { name: 'Intensity' }).fill(String(intensity));
	if (note) await form.getByLabel('Note').fill(note);
	// The first choice of what it feels like adds the mark, with all of the above.
	await form.getByRole('radio', { name: sensation, exact: true }).check();
	await expect(page.getByRole('list', { name: /^Marks/ }).getByRole('button', { name: new RegExp(`Edit mark: ${esc(region)}: ${sensation}, ${intensity} of 10`) })).toBeVisible();
}

/** The text of each page of a PDF, whitespace collapsed, and the smallest type on it (points). */
async function pdfPages(pdf: Buffer): Promise<string[] & { minPt: number }> {
	const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise;
	const pages = Object.assign([] as string[], { minPt: Infinity });
	for (let i = 1; i <= doc.numPages; i++) {
		const content = await (await doc.getPage(i)).getTextContent();
		const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : '')).join('');
		pages.push(text.replace(/\s+/g, ' '));
		for (const item of content.items) {
			// The text matrix's vertical scale is the type size in PDF points (1/72 in), kept in
			// single precision: 9 pt may read 8.9999996, so it is rounded to a hundredth.
			const size = 'str' in item && item.str.trim() ? Math.round(Math.hypot(item.transform[2], item.transform[3]) * 100) / 100 : Infinity;
			pages.minPt = Math.min(pages.minPt, size);
		}
	}
	await doc.destroy();
	return pages;
}

/**
 * What an image on the sheet shows, read back through a canvas: the share of drawn (not
 * transparent) pixels, and of strongly orange-red ones (aching and sharp pain; skin is never
 * that saturated).
 */
function imagePixels(page: Page, view: 'front' | 'back') {
	return page.locator(`.print-sheet img[data-view="${view}"]`).evaluate((img: HTMLImageElement) => {
		const c = document.createElement('canvas');
		c.width = img.naturalWidth;
		c.height = img.naturalHeight;
		const g = c.getContext('2d')!;
		g.drawImage(img, 0, 0);
		const d = g.getImageData(0, 0, c.width, c.height).data;
		let drawn = 0;
		let pain = 0;
		for (let i = 0; i < d.length; i += 4) {
			if (d[i + 3] < 128) continue;
			drawn++;
			if (d[i] > 120 && d[i + 2] < 0.4 * d[i] && d[i + 1] < 0.8 * d[i]) pain++;
		}
		const n = d.length / 4;
		return { width: c.width, drawn: drawn / n, pain: pain / n };
	});
}

test('the session sheet prints the plan on one page, as text, with both body views, offline', async ({ page, context }) => {
	await createPlanForNewClient(page, 'Pia Printer', 'Neck and low back');
	await addMark(page, 'low back', 'Left low back beside the spine', 'Aching pain', 8);
	await addMark(page, 'trapez', 'Right top of the shoulder (upper trapezius)', 'Sharp pain', 6, 'Worse after driving');
	await openTab(page, 'Plan');
	await page.getByRole('checkbox', { name: /Osteoporosis/ }).check();
	await page.getByRole('checkbox', { name: /An operation in the last three months/ }).check();
	await page.getByRole('checkbox', { name: 'Relaxation', exact: true }).check();
	await openTab(page, 'Notes');
	await page.getByLabel("In the client's words").fill('It grabs when I turn my head.');
	await page.getByLabel("Therapist's notes").fill('Check <b>bold</b> & <script>x</script> stay as typed.');
	await page.getByLabel('Allergies').fill('Nut oils');
	await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
	await openTab(page, 'Plan');

	// The minutes the planner gives each focus area, to find them again on paper.
	const glance = page.getByRole('region', { name: 'At a glance' });
	const steps = await glance.locator('ol > li').evaluateAll((items) =>
		items.map((li) => ({ text: li.textContent ?? '', minutes: Number(/(\d+) min/.exec(li.textContent ?? '')?.[1]) }))
	);
	const lowBack = steps.find((s) => s.text.includes('Left low back beside the spine'))!;
	const trapezius = steps.find((s) => s.text.includes('Right top of the shoulder (upper trapezius)'))!;
	expect(lowBack.minutes).toBeGreaterThan(0);

	// Offline from here on: the service worker serves the sheet and the body model.
	await waitForServiceWorker(page);
	await context.setOffline(true);
	await page.getByRole('link', { name: 'Session sheet' }).click();
	await page.waitForURL(/\/print\?id=/);
	await expect(page).toHaveTitle('Session sheet · Somamap');
	await expect(page.locator('.paper[data-ready]')).toBeAttached({ timeout: 30_000 });
	for (const view of ['front', 'back'] as const) {
		await expect.poll(() => page.locator(`.print-sheet img[data-view="${view}"]`).evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0);
	}
	await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeEnabled();
	await expect(page.getByRole('link', { name: 'Back to the plan' })).toBeVisible();

	// Both views show a body; the back shows the aching low back in its colour.
	const front = await imagePixels(page, 'front');
	const back = await imagePixels(page, 'back');
	expect(front.width).toBeGreaterThanOrEqual(400);
	expect(front.drawn).toBeGreaterThan(0.08);
	expect(back.drawn).toBeGreaterThan(0.08);
	expect(back.pain).toBeGreaterThan(0.002);

	// On screen: the note is text, never markup; the legend names the colours drawn.
	const s = sheet(page);
	await expect(s.getByRole('heading', { level: 1 })).toHaveText('Pia Printer');
	await expect(s.getByText('Check <b>bold</b> & <script>x</script> stay as typed.')).toBeVisible();
	await expect(s.locator('b, script')).toHaveCount(0);
	await expect(s.getByRole('list', { name: 'Sensation colours' }).getByRole('listitem')).toHaveText([/Aching pain$/, /Sharp pain$/]);

	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		const axe = await new AxeBuilder({ page }).analyze();
		expect(axe.violations.map((v) => `${colorScheme}: ${v.id}: ${v.help}`)).toEqual([]);
	}
	await page.emulateMedia({ colorScheme: 'light' });

	// The button opens the browser's print dialog (stubbed here: headless has none).
	await page.evaluate(() => (window.print = () => document.body.setAttribute('data-printed', '')));
	await page.getByRole('button', { name: 'Print or save as PDF' }).click();
	await expect(page.locator('body[data-printed]')).toBeAttached();

	// On paper, A4 and Letter: exactly one page each, with everything a therapist needs as text.
	for (const format of ['A4', 'Letter'] as const) {
		const pages = await pdfPages(await page.pdf({ format }));
		expect(pages, `${format} pages`).toHaveLength(1);
		expect(pages.minPt, `${format}: smallest type`).toBeGreaterThanOrEqual(9);
		const text = pages[0];
		expect(text).toContain('Page 1 of 1');
		expect(text).not.toContain('Page 2');
		expect(text).toContain('Pia Printer');
		expect(text).toContain('Neck and low back');
		expect(text).toMatch(/Focus areas, in order/i);
		expect(text).toMatch(new RegExp(`Left low back beside the spine.*?${lowBack.minutes} min 2 · Light`));
		expect(text).toMatch(new RegExp(`${esc('Right top of the shoulder (upper trapezius)')}.*?${trapezius.minutes} min 2 · Light`));
		expect(text).toContain('Aching 8/10');
		expect(text).toContain('Fragile bones: light pressure only');
		expect(text).toContain('Recent operation: avoid the operated area');
		expect(text).toContain('Ask the client to see a medical professional before treatment');
		expect(text).not.toContain('right for you');
		expect(text).toContain('Allergies: Nut oils');
		expect(text).toContain('Relaxation');
		expect(text).toContain('“It grabs when I turn my head.”');
		expect(text).toContain('Check <b>bold</b> & <script>x</script> stay as typed.');
		expect(text).toContain('Right top of the shoulder (upper trapezius): Sharp pain 6/10, by the client. “Worse after driving”');
		expect(text).toContain('It is not a diagnosis.');
		// Only the sheet prints: not the app's navigation, nor the print button.
		expect(text).not.toContain('Print or save as PDF');
		expect(text).not.toContain('Settings');
	}

	// The preview as the docs show it (SHEET_SCREENSHOT=docs/img/session-sheet.png), and the PDF itself.
	if (process.env.SHEET_SCREENSHOT) await page.locator('.paper').screenshot({ path: process.env.SHEET_SCREENSHOT });
	if (process.env.SHEET_PDF) await page.pdf({ path: process.env.SHEET_PDF, format: 'A4' });
	await context.setOffline(false);
});

/** `count` numbered sentences of about `size` characters each, for finding every one again on paper. */
const sentences = (what: string, count: number, size: number) =>
	Array.from({ length: count }, (_, i) => `${what} ${i + 1}: ${'slow work, warm room and time to talk first; '.repeat(20)}`.slice(0, size - 1).trim() + '.');

test('the longest plan keeps its plan on page one at 9 pt or more and goes on over numbered pages, nothing cut off', async ({ page }) => {
	test.setTimeout(120_000);
	await createPlanForNewClient(page, 'Lena Longnotes', 'Everything at once');
	const marks: [string, string, string, number][] = [
		['low back', 'Left low back beside the spine', 'Aching pain', 8],
		['low back', 'Right low back beside the spine', 'Aching pain', 7],
		['trapez', 'Right top of the shoulder (upper trapezius)', 'Sharp pain', 6],
		['trapez', 'Left top of the shoulder (upper trapezius)', 'Tension or tightness', 5],
		['glutes', 'Left buttock (glutes)', 'Knot or trigger point', 6],
		['hamstrings', 'Right back of the thigh (hamstrings)', 'Stiffness or limited movement', 4],
		['calf', 'Left upper calf (gastrocnemius)', 'Knot or trigger point', 5],
		['scalenes', 'Right side of the neck (scalenes)', 'Numbness or tingling', 3]
	];
	const markNotes = marks.map(([, region]) => `About ${region}: ${'worse after long drives and desk days, '.repeat(6).trim()}`);
	for (const [i, [query, region, sensation, intensity]] of marks.entries()) await addMark(page, query, region, sensation, intensity, markNotes[i]);
	// Both texts at their 5,000-character limit: the notes in paragraphs, the client's words in one.
	const notes = sentences('Note paragraph', 12, 415).join('\n');
	const words = sentences('Client sentence', 25, 199).join(' ');
	expect(notes.length).toBeLessThanOrEqual(5000);
	expect(words.length).toBeLessThanOrEqual(5000);
	expect(notes.length + words.length).toBeGreaterThan(9900);
	await openTab(page, 'Notes');
	await page.getByLabel("Therapist's notes").fill(notes);
	await page.getByLabel("In the client's words").fill(words);
	await openTab(page, 'Plan');
	for (const answer of [/Osteoporosis/, /Taking blood thinners/, /Pregnant/, /A skin condition/]) await page.getByRole('checkbox', { name: answer }).check();
	await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();

	await page.getByRole('link', { name: 'Session sheet' }).click();
	await expect(page.locator('.paper[data-ready]')).toBeAttached({ timeout: 30_000 });
	const s = sheet(page);
	const steps = await s.locator('.steps li .step').allTextContents();
	expect(steps.length).toBeGreaterThanOrEqual(8);
	const date = (await s.locator('.sub').textContent())!.split(' · ').at(-1)!;
	await expect(page.getByRole('status').filter({ hasText: /^\d pages, A4 or Letter/ })).toBeVisible();
	const axe = await new AxeBuilder({ page }).analyze();
	expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
	if (process.env.SHEET_PREVIEW) await page.screenshot({ path: process.env.SHEET_PREVIEW, fullPage: true });
	// What a therapist holds: each page as it prints (SHEET_PAGES=docs/img/session-sheet-page).
	if (process.env.SHEET_PAGES) {
		await page.emulateMedia({ media: 'print' });
		const pageEls = s.locator('.page');
		for (let i = 0; i < (await pageEls.count()); i++) await pageEls.nth(i).screenshot({ path: `${process.env.SHEET_PAGES}-${i + 1}.png` });
		await page.emulateMedia({ media: null });
	}
	for (const format of ['Letter', 'A4'] as const) {
		const pdf = await page.pdf({ format });
		if (process.env.SHEET_LONG_PDF) writeFileSync(process.env.SHEET_LONG_PDF.replace('.pdf', `-${format}.pdf`), pdf);
		const pages = await pdfPages(pdf);
		const n = pages.length;
		expect(n, `${format}: pages`).toBeGreaterThanOrEqual(2);
		expect(n, `${format}: the preview's pages are the printed ones`).toBe(Number(await s.getAttribute('data-pages')));
		expect(pages.minPt, `${format}: smallest type`).toBeGreaterThanOrEqual(9);
		// The plan on page one: every focus area, what to take care with.
		expect(pages[0]).toMatch(/Focus areas, in order/i);
		for (const step of steps) expect(pages[0]).toContain(step);
		expect(pages[0]).toContain('Fragile bones: light pressure only');
		// Every page says whose sheet it is, of when, and which page of how many.
		pages.forEach((text, i) => {
			expect(text, `${format} page ${i + 1}`).toContain('Lena Longnotes');
			expect(text, `${format} page ${i + 1}`).toContain(date);
			expect(text, `${format} page ${i + 1}`).toContain(`Page ${i + 1} of ${n}`);
			expect(text, `${format} page ${i + 1}`).toContain('It is not a diagnosis.');
		});
		expect(pages.slice(1).join(' ')).toMatch(/Session sheet, continued/i);
		// Nothing cut off: every paragraph of the notes, every sentence of the client's words, every mark's note.
		const all = pages.join(' ');
		for (const p of notes.split('\n')) expect(all, format).toContain(p);
		for (const sentence of words.split(/(?<=\.) /)) expect(all, format).toContain(sentence);
		for (const note of markNotes) expect(all, format).toContain(note);
	}
	// On a phone the pages shrink to the screen's width; the page itself is no wider than the screen.
	await page.setViewportSize({ width: 390, height: 844 });
	await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('a sheet for a plan that is not there says so', async ({ page }) => {
	await page.goto('/print?id=nope');
	await expect(page.getByRole('heading', { name: 'Plan not found' })).toBeVisible();
});

/** Every text item of a PDF page as a box (PDF points, origin bottom left), and the page's size. */
async function pdfBoxes(pdf: Buffer) {
	const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise;
	const out: { width: number; height: number; items: { str: string; x: number; y: number; w: number; h: number }[] }[] = [];
	for (let i = 1; i <= doc.numPages; i++) {
		const p = await doc.getPage(i);
		const [, , width, height] = p.view;
		const content = await p.getTextContent();
		const items = content.items.flatMap((item) => {
			if (!('str' in item) || !item.str.trim()) return [];
			const h = Math.hypot(item.transform[2], item.transform[3]);
			return [{ str: item.str, x: item.transform[4], y: item.transform[5], w: item.width, h }];
		});
		out.push({ width, height, items });
	}
	await doc.destroy();
	return out;
}

test('a huge plan (40 marks with long notes, many timed steps) starts on page one at 9 pt or more and goes on over labelled pages, nothing clipped or overlapping', async ({ page }) => {
	test.setTimeout(150_000);
	const planUrl = await createPlanForNewClient(page, 'Hugo Hugeplan', 'Everything, everywhere');
	await addMark(page, 'low back', 'Left low back beside the spine', 'Aching pain', 8, 'First note.');
	await openTab(page, 'Plan');
	await page.getByRole('radio', { name: /Full body/ }).check();
	for (const answer of [/Osteoporosis/, /Taking blood thinners/, /A skin condition/]) await page.getByRole('checkbox', { name: answer }).check();
	await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
	// 39 more marks, each on its own region with a long note, written straight into the store as a restore would.
	const notes = await page.evaluate(
		() =>
			new Promise<string[]>((ok, fail) => {
				const open = indexedDB.open('somamap');
				open.onerror = () => fail(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const read = db.transaction('marks').objectStore('marks').getAll();
					read.onsuccess = () => {
						const [first] = read.result;
						const tx = db.transaction('marks', 'readwrite');
						const notes: string[] = [first.note];
						const sensations = ['aching', 'sharp', 'knot', 'tension', 'stiffness', 'numbness'];
						for (let i = 1; i < 40; i++) {
							const note = `Mark ${i + 1} note: ${'sore after lifting the children and sleeping badly, better with heat; '.repeat(5).trim()}`;
							notes.push(note);
							const region = 2 * i + 1 === first.region ? 2 * i : 2 * i + 1;
							tx.objectStore('marks').put({ ...first, id: `huge-${i}`, region, note, sensation: sensations[i % 6], intensity: 3 + (i % 7), createdAt: first.createdAt + i, updatedAt: first.updatedAt + i });
						}
						tx.oncomplete = () => {
							db.close();
							ok(notes);
						};
						tx.onerror = () => fail(tx.error);
					};
				};
			})
	);
	await page.goto(planUrl.replace('/plan?', '/print?'));
	await expect(page.locator('.paper[data-ready]')).toBeAttached({ timeout: 30_000 });
	const s = sheet(page);
	await expect(s).toHaveAttribute('data-fit', /.+/);
	// Every focus area the plan has, wherever the sheet puts it.
	const steps = await page.locator('.measure [data-m="top"][data-care="side"] .steps li .step').allTextContents();
	expect(steps.length, 'many timed steps').toBeGreaterThanOrEqual(20);
	const n = Number(await s.getAttribute('data-pages'));
	expect(n).toBeGreaterThanOrEqual(2);
	if (process.env.SHEET_HUGE_PAGES) {
		await page.emulateMedia({ media: 'print' });
		const pageEls = s.locator('.page');
		for (let i = 0; i < (await pageEls.count()); i++) await pageEls.nth(i).screenshot({ path: `${process.env.SHEET_HUGE_PAGES}-${i + 1}.png` });
		await page.emulateMedia({ media: null });
	}
	for (const format of ['Letter', 'A4'] as const) {
		const pdf = await page.pdf({ format });
		const texts = await pdfPages(pdf);
		expect(texts.length, `${format}: the preview's pages are the printed ones`).toBe(n);
		expect(texts.minPt, `${format}: smallest type`).toBeGreaterThanOrEqual(9);
		// The plan begins on page one: the client, the first focus areas and what to take care with.
		expect(texts[0]).toMatch(/Focus areas, in order/i);
		expect(texts[0]).toContain(steps[0]);
		expect(texts[0]).toContain('Fragile bones: light pressure only');
		texts.forEach((text, i) => {
			expect(text, `${format} page ${i + 1}`).toContain('Hugo Hugeplan');
			expect(text, `${format} page ${i + 1}`).toContain(`Page ${i + 1} of ${n}`);
		});
		expect(texts.slice(1).join(' ')).toMatch(/Session sheet, continued/i);
		// Where the focus areas go on, the position they are done in comes first, the run's own
		// line repeated when it began on an earlier page.
		const goesOn = texts.slice(1).filter((t) => /Focus areas, in order \(continued\)/i.test(t));
		expect(goesOn.length, `${format}: pages the focus areas go on over`).toBeGreaterThanOrEqual(1);
		for (const t of goesOn) expect(t.slice(t.search(/Focus areas, in order \(continued\)/i)), format).toMatch(/^Focus areas, in order \(continued\) ?Face (down|up) · \d+ min/i);
		expect(goesOn.join(' '), format).toMatch(/Face (down|up) · \d+ min \(continued\)/);
		// Every step and every note is there, whole.
		const all = texts.join(' ');
		for (const step of steps) expect(all, `${format}: step “${step}”`).toContain(step);
		for (const note of notes) expect(all, `${format}: a mark's note`).toContain(note);
		// Nothing clipped: every line inside its paper; nothing overlapping: no two lines' boxes cross.
		for (const [i, p] of (await pdfBoxes(pdf)).entries()) {
			for (const t of p.items) {
				expect(t.y - 0.25 * t.h, `${format} page ${i + 1}: “${t.str}” above the bottom edge`).toBeGreaterThan(0);
				expect(t.y + t.h, `${format} page ${i + 1}: “${t.str}” below the top edge`).toBeLessThan(p.height);
				expect(t.x + t.w, `${format} page ${i + 1}: “${t.str}” inside the right edge`).toBeLessThan(p.width + 0.5);
			}
			const crossing: string[] = [];
			p.items.forEach((a, ai) =>
				p.items.slice(ai + 1).forEach((b) => {
					const dx = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
					const dy = Math.min(a.y + 0.8 * a.h, b.y + 0.8 * b.h) - Math.max(a.y, b.y);
					if (dx > 1 && dy > 0.3 * Math.min(a.h, b.h)) crossing.push(`“${a.str}” × “${b.str}”`);
				})
			);
			expect(crossing, `${format} page ${i + 1}: lines over one another`).toEqual([]);
		}
	}
});

test('a "Take care" list longer than page one is cut there and goes on over a labelled page, nothing clipped or past the page', async ({ page }) => {
	test.setTimeout(150_000);
	const planUrl = await createPlanForNewClient(page, 'Carla Cautious', 'Many cautions');
	// A client who answers yes to every health question, marks a severe sharp pain, with allergies and an oil to note.
	await addMark(page, 'low back', 'Left low back beside the spine', 'Sharp pain', 9);
	await openTab(page, 'Plan');
	const answers = page.getByRole('region', { name: 'Health check' }).getByRole('checkbox');
	const count = await answers.count();
	expect(count).toBe(11);
	for (let i = 0; i < count; i++) await answers.nth(i).check();
	await openTab(page, 'Notes');
	const allergies = 'Nut oils (almond, macadamia), lanolin, lavender and tea tree essential oils, latex gloves, fragranced lotions; ask before any new product'.slice(0, 200);
	await page.getByLabel('Allergies').fill(allergies);
	await page.getByLabel('Oil or lotion preference').fill('Unscented grapeseed oil only, warmed; no balm on the face');
	await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
	// Areas the therapist chose to avoid, scattered over the body (as the Plan tab's list adds them;
	// written straight into the store here to save a hundred clicks).
	const id = new URL(planUrl, 'http://x').searchParams.get('id')!;
	await page.evaluate(
		(planId) =>
			new Promise<void>((ok, fail) => {
				const open = indexedDB.open('somamap');
				open.onerror = () => fail(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction('plans', 'readwrite');
					const plans = tx.objectStore('plans');
					plans.get(planId).onsuccess = (e) => {
						const plan = (e.target as IDBRequest).result;
						plans.put({ ...plan, avoid: Array.from({ length: 80 }, (_, i) => i + 1).filter((c) => c % 3 === 1), updatedAt: plan.updatedAt + 1 });
					};
					tx.oncomplete = () => (open.result.close(), ok());
					tx.onerror = () => fail(tx.error);
				};
			}),
		id
	);
	await page.goto(planUrl.replace('/plan?', '/print?'));
	await expect(page.locator('.paper[data-ready]')).toBeAttached({ timeout: 30_000 });
	const s = sheet(page);
	await expect(s).toHaveAttribute('data-fit', /.+/);
	// Everything "Take care" says, line by line, as the sheet lays it out whole.
	const care = (await page.locator('.measure [data-m="top"][data-care="side"] ul.care > li').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
	expect(care.length, 'cautions, areas to avoid, allergies, oil').toBeGreaterThanOrEqual(14);
	const n = Number(await s.getAttribute('data-pages'));
	expect(n).toBeGreaterThanOrEqual(2);
	if (process.env.SHEET_CARE_PAGES) {
		await page.emulateMedia({ media: 'print' });
		const pageEls = s.locator('.page');
		for (let i = 0; i < (await pageEls.count()); i++) await pageEls.nth(i).screenshot({ path: `${process.env.SHEET_CARE_PAGES}-${i + 1}.png` });
		await page.emulateMedia({ media: null });
	}
	// As printed, no page is taller than its 252 mm: nothing runs past it.
	await page.emulateMedia({ media: 'print' });
	const heights = await s.locator('.page').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
	const pageBox = (252 * 96) / 25.4; // CSS px
	for (const [i, h] of heights.entries()) expect(h, `page ${i + 1} height`).toBeLessThanOrEqual(pageBox + 0.5);
	await page.emulateMedia({ media: null });
	const axe = await new AxeBuilder({ page }).analyze();
	expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

	for (const format of ['Letter', 'A4'] as const) {
		const pdf = await page.pdf({ format });
		const texts = await pdfPages(pdf);
		expect(texts.length, `${format}: the preview's pages are the printed ones`).toBe(n);
		expect(texts.minPt, `${format}: smallest type`).toBeGreaterThanOrEqual(9);
		// Page one: the red flag, the start of the list and that it goes on; page two goes on, labelled.
		expect(texts[0]).toContain('Ask the client to see a medical professional before treatment');
		expect(texts[0]).toContain(care[0]);
		expect(texts[0]).toMatch(/Take care goes on over the page: \d+ more\./);
		expect(texts[1]).toMatch(/Take care \(continued\)/i);
		expect(texts[1]).toMatch(/Session sheet, continued/i);
		texts.forEach((text, i) => {
			expect(text, `${format} page ${i + 1}`).toContain('Carla Cautious');
			expect(text, `${format} page ${i + 1}`).toContain(`Page ${i + 1} of ${n}`);
		});
		// Every line whole, once cut or not: each caution, the places to avoid, the allergies, the oil.
		const all = texts.join(' ');
		for (const line of care) {
			for (const part of line.split(/(?<=,) /)) expect(all, `${format}: “${part}”`).toContain(part);
		}
		expect(all).toContain(allergies);
		// Nothing clipped: every line inside its paper.
		for (const [i, p] of (await pdfBoxes(pdf)).entries()) {
			for (const t of p.items) {
				expect(t.y - 0.25 * t.h, `${format} page ${i + 1}: “${t.str}” above the bottom edge`).toBeGreaterThan(0);
				expect(t.y + t.h, `${format} page ${i + 1}: “${t.str}” below the top edge`).toBeLessThan(p.height);
			}
		}
	}
});
