/**
 * The session sheet for the hugest plans: 40 marks with long notes and many timed steps, and a
 * "Take care" list longer than page one; each starts on page one at 9 pt or more and goes on over
 * labelled pages, nothing clipped, overlapping or past the page (text boxes read back with ./pdf).
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect, createPlanForNewClient } from './fixtures';
import { setClientAllergies } from './allergies-helper';
import { openTab } from './plan-tabs';
import { pdfBoxes, pdfPages } from './pdf';
import { addMark, sheet } from './print-helpers';

test('a huge plan (40 marks with long notes, many timed steps) starts on page one at 9 pt or more and goes on over labelled pages, nothing clipped or overlapping', async ({ page }) => {
	test.setTimeout(150_000);
	const planUrl = await createPlanForNewClient(page, 'Hugo Hugeplan', 'Everything, everywhere');
	await addMark(page, 'low back', 'Left low back beside the spine', 'Aching pain', 8, 'First note.');
	await openTab(page, 'Plan');
	await page.getByRole('radio', { name: /Full body/ }).check();
	for (const answer of [/Osteoporosis/, /Taking blood thinners/, /A skin condition/]) await page.getByRole('group', { name: answer }).getByRole('radio', { name: 'Yes' }).check();
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
						// No numbness here: it is a red flag, which puts the timed plan on hold (see health-check.spec).
						const sensations = ['aching', 'sharp', 'knot', 'tension', 'stiffness', 'aching'];
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
	const answers = page.getByRole('region', { name: 'Health check' }).getByRole('radio', { name: 'Yes' });
	// The Plan tab is loaded lazily: wait for its eleven questions before ticking them.
	await expect(answers).toHaveCount(11);
	for (let i = 0; i < 11; i++) await answers.nth(i).check();
	await openTab(page, 'Notes');
	const allergies = 'Nut oils (almond, macadamia), lanolin, lavender and tea tree essential oils, latex gloves, fragranced lotions; ask before any new product'.slice(0, 200);
	await page.getByLabel('Oil or lotion preference').fill('Unscented grapeseed oil only, warmed; no balm on the face');
	await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
	// The client's allergies, from their health details.
	await setClientAllergies(page, planUrl, allergies);
	await page.reload();
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
