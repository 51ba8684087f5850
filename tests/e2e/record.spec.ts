/**
 * The session's treatment record on the planner (issue 12): started, ended, noted in SOAP,
 * finalised and signed by drawing (mouse, and a finger on a phone) or by typing the name with the
 * keyboard only; locked afterwards (also after a reload), an edit refused in words, an addendum
 * added, the history shown, and a record tampered with in IndexedDB reported by its chain.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { openTab } from './plan-tabs';
import { storedRows } from './stored';
import { seedPractitioner } from './practitioner-seed';

const SHOTS = 'docs/img/screens';

/** A picture of what the screen shows with `part` near the top, below the sticky tabs (CSS pixels). */
async function shot(page: Page, name: string, part?: Locator): Promise<void> {
	if (part)
		await part.evaluate((el) => {
			el.scrollIntoView({ block: 'start' });
			window.scrollBy(0, -70);
		});
	await page.screenshot({ path: `${SHOTS}/${name}.png`, scale: 'css' });
}

/** Changes the stored (locked) record's Assessment behind the app's back. */
async function tamper(page: Page): Promise<void> {
	await page.evaluate(
		() =>
			new Promise<void>((ok, ko) => {
				const open = indexedDB.open('somamap');
				open.onsuccess = () => {
					const tx = open.result.transaction('records', 'readwrite');
					const store = tx.objectStore('records');
					const all = store.getAll();
					all.onsuccess = () => {
						for (const r of all.result) store.put({ ...r, soap: { ...r.soap, a: `${r.soap.a} (and nothing was wrong)` } });
					};
					tx.oncomplete = () => {
						open.result.close();
						ok();
					};
					tx.onerror = () => ko(tx.error);
				};
				open.onerror = () => ko(open.error);
			})
	);
}

const pad = (scope: Page | Locator) => scope.getByRole('img', { name: /sign here with a finger/ });

/** Draws a signature-like zigzag across the pad with the mouse (pointer events from a real mouse). */
async function drawWithMouse(page: Page, target: Locator): Promise<void> {
	const box = (await target.boundingBox())!;
	const y = box.y + box.height * 0.55;
	await page.mouse.move(box.x + box.width * 0.15, y);
	await page.mouse.down();
	for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + box.width * (0.15 + i * 0.05), y + (i % 2 ? -1 : 1) * box.height * 0.2, { steps: 3 });
	await page.mouse.up();
	// A second stroke: a crossing line, as a signature has.
	await page.mouse.move(box.x + box.width * 0.3, y + box.height * 0.25);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width * 0.6, y - box.height * 0.25, { steps: 8 });
	await page.mouse.up();
}

/** Draws with a finger: real touch input through the browser's input pipeline (touch → pointer events). */
async function drawWithFinger(page: Page, target: Locator): Promise<void> {
	const box = (await target.boundingBox())!;
	const cdp = await page.context().newCDPSession(page);
	const at = (fx: number, fy: number) => [{ x: box.x + box.width * fx, y: box.y + box.height * fy, id: 1 }];
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0.1, 0.6) });
	for (let i = 1; i <= 16; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(0.1 + i * 0.05, 0.6 + (i % 2 ? -0.2 : 0.15)) });
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
	await cdp.detach();
}

async function seriousViolations(page: Page) {
	const result = await new AxeBuilder({ page }).include('#panel-record').analyze();
	return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** These clients signed no consent: the sign step asks to acknowledge that before signing. */
const acknowledge = (dialog: Locator) => dialog.getByRole('checkbox', { name: /I have the client's consent another way/ }).check();

const field = (page: Page, label: string | RegExp) => page.locator('#panel-record').getByLabel(label);
const saved = (page: Page) => expect(page.locator('#panel-record').getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();

/**
 * A plan with practitioners on the device, its Record tab open: a draft. With one practitioner
 * the record takes them at once; with two, none is chosen until someone picks.
 */
async function openDraft(page: Page, client: string, practitioners = ['Dana Reyes']): Promise<string> {
	const url = await createPlanForNewClient(page, client, 'Neck and shoulders');
	for (const name of practitioners) await seedPractitioner(page, name);
	// The client's own words come into S when the record is first opened.
	await openTab(page, 'Notes');
	await page.getByLabel("In the client's words", { exact: true }).fill('Stiff neck since the long drive on Friday; worse turning left.');
	await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' }).first()).toBeVisible();
	await openTab(page, 'Record');
	await expect(field(page, /^S · Subjective/)).toHaveValue(/Stiff neck since the long drive/);
	await expect(page.getByText('Draft · not signed yet')).toBeVisible();
	return url;
}

/** Start, End, SOAP notes; an end before the start is refused in words on the way. */
async function fillSession(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Start session' }).click();
	await expect(field(page, 'Started at')).toHaveValue(/^\d\d:\d\d$/);
	await page.getByRole('button', { name: 'End session' }).click();
	await expect(field(page, 'Ended at')).toHaveValue(/^\d\d:\d\d$/);
	// An end before the start is refused in words; then the end is put right.
	await field(page, 'Started at').fill('00:01');
	await field(page, 'Ended at').fill('00:00');
	await expect(page.locator('#panel-record').getByRole('alert').filter({ hasText: 'The session cannot end before it started' }).first()).toBeVisible();
	await page.getByRole('button', { name: 'End session' }).click();
	await expect(page.getByText('The session cannot end before it started')).toHaveCount(0);
	// A plausible start for the pictures: an hour before the end (unless that is yesterday).
	const [h, m] = (await field(page, 'Ended at').inputValue()).split(':');
	if (Number(h) >= 1) await field(page, 'Started at').fill(`${String(Number(h) - 1).padStart(2, '0')}:${m}`);
	await field(page, /^O · Objective/).fill('Hypertonic right upper trapezius; rotation to the left limited.');
	await field(page, /^A · Assessment/).fill('Less guarding by the end of the session.');
	await field(page, 'Home care and advice').fill('Heat pack 10 minutes at night; chin tucks.');
	await field(page, 'Pressure').fill('Firm');
	await saved(page);
}

test.describe('on a desktop (1280×800)', () => {
	test.use({ viewport: { width: 1280, height: 800 } });

	test('a session is started, ended, noted, signed by drawing with the mouse; it stays locked, refuses edits, takes an addendum, shows its history, and reports tampering', async ({ page }) => {
		const url = await openDraft(page, 'Rae Ng', ['Dana Reyes', 'Lee Moss']);
		expect(await seriousViolations(page), 'draft record').toEqual([]);
		await fillSession(page);
		await shot(page, 'record-draft-desktop', page.getByText('Draft · not signed yet'));

		await page.getByRole('button', { name: 'Finalise and sign…' }).click();
		const dialog = page.getByRole('dialog', { name: 'Finalise and sign this record' });
		await acknowledge(dialog);
		// Everything missing is named at once.
		await dialog.getByRole('button', { name: 'Sign and lock' }).click();
		await expect(dialog.getByRole('alert')).toContainText('Please choose the practitioner who gave this treatment.');
		await expect(dialog.getByRole('alert')).toContainText('Please sign the record.');
		await dialog.getByLabel('Practitioner:', { exact: true }).selectOption({ label: 'Dana Reyes' });
		await drawWithMouse(page, pad(dialog));
		await expect(pad(dialog)).toHaveAccessibleName(/\(signed\)/);
		expect(await seriousViolations(page), 'signing dialog').toEqual([]);
		await shot(page, 'record-signing-desktop');
		await dialog.getByRole('button', { name: 'Sign and lock' }).click();
		await expect(dialog).toBeHidden();

		const shownSigned = async () => {
			await expect(page.getByText(/Signed by Dana Reyes, Diploma of Remedial Massage on /)).toBeVisible();
			await expect(page.getByRole('img', { name: 'Signature of Dana Reyes' })).toBeVisible();
			await expect(page.getByText('Verified: unchanged since signed')).toBeVisible();
			await expect(field(page, /^A · Assessment/)).toHaveAttribute('readonly', '');
			await expect(page.getByRole('button', { name: 'Start session' })).toHaveCount(0);
		};
		await shownSigned();
		// Reloaded: still locked and shown signed.
		await page.goto(url);
		await openTab(page, 'Record');
		await shownSigned();
		await expect(field(page, /^A · Assessment/)).toHaveValue('Less guarding by the end of the session.');

		// An attempt to edit is refused in words, and changes nothing.
		await field(page, /^A · Assessment/).click();
		await page.keyboard.type('x');
		await expect(page.getByRole('alert').filter({ hasText: /This record was signed on .* and can no longer be changed\. Add an addendum/ })).toBeVisible();
		await expect(field(page, /^A · Assessment/)).toHaveValue('Less guarding by the end of the session.');
		await page.getByRole('alert').getByRole('button', { name: 'OK' }).click();

		// An addendum: dated, signed, shown below with who and when.
		await page.getByRole('button', { name: 'Add a correction (addendum)…' }).click();
		const add = page.getByRole('dialog', { name: 'Add a correction (addendum)' });
		await add.getByLabel('What is corrected or added, and why').fill('Client phoned next day: neck pain down to 2/10.');
		await drawWithMouse(page, pad(add));
		await add.getByRole('button', { name: 'Sign and add' }).click();
		await expect(add).toBeHidden();
		await expect(page.getByText(/Addendum of .* by Dana Reyes/)).toBeVisible();
		await expect(page.getByText('Client phoned next day: neck pain down to 2/10.')).toBeVisible();
		await expect(page.getByText(/Verified: unchanged since signed \(with its addendum\)\./)).toBeVisible();

		// The history shows the edits made before signing.
		await page.getByText(/^History of changes \(\d+\)$/).click();
		const history = page.locator('details.history');
		await expect(history).toContainText('Assessment');
		await expect(history).toContainText('Less guarding by the end of the session.');
		await expect(history).toContainText('End time');
		await expect(history).toContainText('Practitioner');
		expect(await seriousViolations(page), 'locked record').toEqual([]);
		await shot(page, 'record-locked-desktop', page.getByRole('heading', { name: 'Signature', exact: true }));

		// Tampered with in IndexedDB: the screen says the chain fails.
		await tamper(page);
		await page.goto(url);
		await openTab(page, 'Record');
		await expect(page.getByRole('alert').filter({ hasText: 'Warning: this record may have been altered.' })).toContainText(/changed after it was signed/);
		await expect(page.getByText('Verified: unchanged since signed')).toHaveCount(0);
	});

	test('notes typed 100 ms before the tab closes are in the record when it opens again', async ({ page, context }) => {
		const url = await openDraft(page, 'Ida Voss');
		await field(page, /^A · Assessment/).fill('Guarding eased after the second pass.');
		await page.waitForTimeout(100); // less than the save's 0.4 s throttle
		await page.close();
		const again = await context.newPage();
		await again.goto(url);
		await openTab(again, 'Record');
		await expect(field(again, /^A · Assessment/)).toHaveValue('Guarding eased after the second pass.');
		// In the database, whether the closing tab's last write landed or the journal brought it back
		// (then there is nothing to save and no "Saved" line to wait for).
		const planId = new URL(url).searchParams.get('id');
		await expect.poll(async () => (await storedRows<{ planId: string; soap: { a: string } }>(again, 'records')).find((r) => r.planId === planId)?.soap.a).toBe('Guarding eased after the second pass.');
		await again.getByText(/^History of changes \(\d+\)$/).click();
		await expect(again.locator('details.history')).toContainText('Guarding eased after the second pass.');
	});

	test('two tabs on one record: notes typed in one come into the other, and signing in one locks the other', async ({ page, context }) => {
		const url = await openDraft(page, 'Tess Quinn');
		const other = await context.newPage();
		await other.goto(url);
		await openTab(other, 'Record');
		await field(page, /^O · Objective/).fill('Tender over the right rhomboids.');
		await expect(field(other, /^O · Objective/)).toHaveValue('Tender over the right rhomboids.');
		await field(page, 'Practitioner who treated').selectOption({ label: 'Dana Reyes' });
		await page.getByRole('button', { name: 'Start session' }).click();
		await page.getByRole('button', { name: 'End session' }).click();
		await saved(page);
		await page.getByRole('button', { name: 'Finalise and sign…' }).click();
		const dialog = page.getByRole('dialog', { name: 'Finalise and sign this record' });
		await drawWithMouse(page, pad(dialog));
		await acknowledge(dialog);
		await dialog.getByRole('button', { name: 'Sign and lock' }).click();
		await expect(dialog).toBeHidden();
		await expect(other.getByText(/Signed by Dana Reyes/)).toBeVisible();
		await expect(field(other, /^O · Objective/)).toHaveAttribute('readonly', '');
		await expect(other.getByRole('button', { name: 'Finalise and sign…' })).toHaveCount(0);
	});

	test('signing by typing the name, with the keyboard only', async ({ page }) => {
		await openDraft(page, 'Sam Ortiz');
		await page.getByRole('button', { name: 'Start session' }).click();
		await page.getByRole('button', { name: 'End session' }).click();
		await saved(page);
		const open = page.getByRole('button', { name: 'Finalise and sign…' });
		await open.focus();
		await page.keyboard.press('Enter');
		const dialog = page.getByRole('dialog', { name: 'Finalise and sign this record' });
		await expect(dialog.getByLabel('Practitioner:', { exact: true })).toBeFocused();
		await page.keyboard.press('ArrowDown'); // the first practitioner: Dana Reyes
		await expect(dialog.getByLabel('Practitioner:', { exact: true })).toHaveValue(/^prac/);
		// The acknowledgement of the missing consent sits above: back to it, tick it, on again.
		const ack = dialog.getByRole('checkbox', { name: /I have the client's consent another way/ });
		await expect(ack).toBeVisible();
		await page.keyboard.press('Shift+Tab');
		await expect(ack).toBeFocused();
		await page.keyboard.press('Space');
		await expect(ack).toBeChecked();
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		await expect(dialog.getByRole('button', { name: 'Type your name instead' })).toBeFocused();
		await page.keyboard.press('Enter');
		const typed = dialog.getByLabel('Type your full name to sign');
		await expect(typed).toBeFocused();
		await page.keyboard.press('ControlOrMeta+A');
		await page.keyboard.type('D');
		await page.keyboard.press('Enter');
		// One letter is not a name: refused in words, nothing signed.
		await expect(dialog.getByText('Please type your name in letters to sign.').first()).toBeVisible();
		await page.keyboard.type('ana Reyes');
		await page.keyboard.press('Enter');
		await expect(dialog).toBeHidden();
		await expect(page.getByText(/Signed by Dana Reyes/)).toBeVisible();
		await expect(page.getByRole('img', { name: 'Signature of Dana Reyes (typed name: Dana Reyes)' })).toBeVisible();
		await expect(page.getByText('Verified: unchanged since signed')).toBeVisible();
	});
});

test.describe('on a phone (390×844, touch)', () => {
	test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 3 });

	test('signed with a finger on the canvas, then locked and shown signed after a reload', async ({ page }) => {
		const url = await openDraft(page, 'Lou Park');
		await fillSession(page);
		await shot(page, 'record-draft-phone', page.getByText('Draft · not signed yet'));
		await page.getByRole('button', { name: 'Finalise and sign…' }).click();
		const dialog = page.getByRole('dialog', { name: 'Finalise and sign this record' });
		await dialog.getByLabel('Practitioner:', { exact: true }).selectOption({ label: 'Dana Reyes' });
		await acknowledge(dialog);
		// A stray touch is not a signature.
		await pad(dialog).tap();
		await dialog.getByRole('button', { name: 'Sign and lock' }).click();
		await expect(dialog.getByRole('alert')).toContainText('That looks like a dot or a stray touch');
		await dialog.getByRole('button', { name: /^Clear/ }).click();
		await drawWithFinger(page, pad(dialog));
		await expect(pad(dialog)).toHaveAccessibleName(/\(signed\)/);
		await shot(page, 'record-signing-phone');
		await dialog.getByRole('button', { name: 'Sign and lock' }).click();
		await expect(dialog).toBeHidden();
		await page.goto(url);
		await openTab(page, 'Record');
		await expect(page.getByText(/Signed by Dana Reyes/)).toBeVisible();
		await expect(page.getByText('Verified: unchanged since signed')).toBeVisible();
		await page.getByRole('button', { name: 'Add a correction (addendum)…' }).click();
		const add = page.getByRole('dialog', { name: 'Add a correction (addendum)' });
		await add.getByLabel('What is corrected or added, and why').fill('Referred to GP for the numbness in the right hand.');
		await drawWithFinger(page, pad(add));
		await add.getByRole('button', { name: 'Sign and add' }).click();
		await expect(add).toBeHidden();
		await expect(page.getByText('Referred to GP for the numbness in the right hand.')).toBeVisible();
		expect(await seriousViolations(page), 'locked record on a phone').toEqual([]);
		await shot(page, 'record-locked-phone', page.getByRole('heading', { name: 'Signature', exact: true }));
	});
});
