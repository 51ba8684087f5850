/**
 * A client's own map on a device more than one person uses, and what the therapist's import takes
 * from it: after sending, the client can clear it ("Done"); a map already sent is not shown to the
 * next person without asking; "Start over" and another person's link never carry the first
 * person's request; the import keeps only a client's answers from a client's map, names what a
 * therapist's hand-off carries beyond them, and preselects a client only by the link's request
 * (warning when the map is signed with another name).
 */
import type { Browser, Page } from '@playwright/test';
import { writeBackup } from '../../src/lib/domain/backup/format';
import { defaultPlanFields, type Client, type Mark, type Plan } from '../../src/lib/domain/records';
import { codeOf } from '../../src/lib/domain/regions';
import { test, expect, createPlanForNewClient } from './fixtures';
import { CALF, mapCalf } from './my-map-helpers';
import { seriousViolations } from './pin-helpers';

/** What is on screen passes axe; a picture of it for the eye, in test-results/. */
async function look(page: Page, name: string) {
	expect(await seriousViolations(page), name).toEqual([]);
	await page.screenshot({ path: `test-results/shared-${name}.png` });
}

const places = (page: Page) => page.getByRole('region', { name: /Your places/ }).getByRole('heading');

/** Sends the map; the hand-off link. */
async function send(page: Page): Promise<string> {
	await page.getByRole('button', { name: 'Send to my therapist' }).click();
	const dialog = page.getByRole('dialog', { name: 'Send to my therapist' });
	const link = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
	await dialog.getByRole('button', { name: 'Close' }).click();
	return link;
}

/** The therapist's mapping link for the client whose page is open. */
async function mappingLink(page: Page, first: string): Promise<string> {
	await page.getByRole('button', { name: 'Send a mapping link…' }).click();
	const ask = page.getByRole('dialog', { name: `A mapping link for ${first}` });
	await expect(ask.getByTestId('link-expires')).toHaveText(/^This link works until .+\. After that, send a new one\.$/);
	const link = await ask.getByRole('textbox', { name: 'Link' }).inputValue();
	await ask.getByRole('button', { name: 'Close' }).click();
	return link;
}

/** A new client, Sam Taylor, with a plan; the mapping link the therapist sends Sam from the client page. */
async function samsMappingLink(page: Page): Promise<string> {
	await createPlanForNewClient(page, 'Sam Taylor', 'First visit');
	await page.getByRole('link', { name: 'Sam Taylor' }).first().click();
	await page.waitForURL(/\/client\?id=/);
	return mappingLink(page, 'Sam');
}

async function phone(browser: Browser, baseURL: string | undefined) {
	const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	return { context, page, errors };
}

test('a map already sent is not shown to the next person: Done clears it, and opening it again asks first', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 }); // a client's phone
	await page.goto('/my-map');
	await mapCalf(page);
	await page.getByLabel('Your name').fill('Ana');
	await send(page);
	await expect(page.getByTestId('sent-state')).toHaveText(/^Your link was made on /);

	// The next person opens the map: a question, and none of Ana's answers.
	await page.goto('/my-map');
	await expect(page.getByRole('heading', { level: 1, name: 'Start a new map, or keep working on the one you sent?' })).toBeVisible();
	for (const word of ['Ana', 'calf', 'Pregnant', 'Aching']) await expect(page.locator('body')).not.toContainText(word);
	await look(page, 'ask-sent');
	await page.getByRole('button', { name: 'Start a new map' }).click();
	await expect(places(page)).toHaveText('Your places (0)');
	expect(await page.evaluate(() => localStorage.getItem('somamap.myMap'))).not.toMatch(/Ana|pregnant/);

	// Ana again: sent, then "Done" clears it from the device.
	await mapCalf(page);
	await page.getByLabel('Your name').fill('Ana');
	await send(page);
	await page.reload();
	await page.getByRole('button', { name: 'Keep working on the map I sent' }).click();
	await expect(page.getByRole('region', { name: 'What you are sending' })).toContainText('Right upper calf (gastrocnemius): Aching pain, 5 of 10');
	await look(page, 'send-done');
	await page.getByRole('button', { name: 'Done — clear my answers from this device' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Your answers are cleared from this device' })).toBeVisible();
	expect(await page.evaluate(() => localStorage.getItem('somamap.myMap'))).toBeNull();
	await look(page, 'cleared');
	await page.goto('/');
	await expect(page.getByRole('link', { name: 'I’m a client: map where it hurts' })).toBeVisible();
	await page.goto('/my-map');
	await expect(places(page)).toHaveText('Your places (0)');
	await expect(page.getByTestId('client-step')).toHaveText('Step 1 of 4');
});

test('Start over and another person’s link never send a map on the first person’s request', async ({ page, browser, baseURL }) => {
	test.setTimeout(120_000);
	const sam = await samsMappingLink(page);

	const p = await phone(browser, baseURL);
	// Sam's link, then Start over: what is mapped next is not Sam's.
	await p.page.goto(sam);
	await expect(p.page.getByTestId('greeting')).toContainText('Hi Sam');
	await p.page.getByRole('searchbox', { name: 'Find a region' }).fill('calf');
	await p.page.locator(`button[data-code="${CALF}"]`).click();
	await p.page.getByRole('button', { name: 'Start over' }).click();
	await p.page.getByRole('dialog', { name: 'Start over?' }).getByRole('button', { name: 'Start over' }).click();
	await expect(places(p.page)).toHaveText('Your places (0)');
	await mapCalf(p.page);
	await p.page.getByLabel('Your name').fill('Kim');
	const afterStartOver = await send(p.page);

	// Sam maps and sends; then Lee's link on the same phone opens a fresh map, not Sam's answers.
	// (Kim's map was sent as it is: Sam's link opens a fresh map at once.)
	await p.page.goto(sam);
	await expect(places(p.page)).toHaveText('Your places (0)');
	await mapCalf(p.page);
	const samsMap = await send(p.page);
	await p.page.goto(`/my-map#n=Lee&p=Bodywise&r=r${'L'.repeat(22)}`);
	await expect(p.page.getByTestId('greeting')).toContainText('Hi Lee');
	await expect(places(p.page)).toHaveText('Your places (0)');
	// Lee's unsent answers, then Jo's link: asked first, nothing of Lee's shown.
	await p.page.locator(`button[data-code="${CALF}"]`).click();
	await expect(places(p.page)).toHaveText('Your places (1)');
	await p.page.goto(`/my-map#n=Jo&r=r${'J'.repeat(22)}`);
	await expect(p.page.getByRole('heading', { level: 1, name: 'Start a new map, or keep working on the one on this device?' })).toBeVisible();
	await expect(p.page.locator('body')).not.toContainText('calf');
	await p.page.getByRole('button', { name: 'Start a new map' }).click();
	await expect(p.page.getByTestId('greeting')).toContainText('Hi Jo');
	await expect(places(p.page)).toHaveText('Your places (0)');
	expect(p.errors).toEqual([]);
	await p.context.close();

	// The map mapped after Start over does not land on Sam.
	await page.goto(afterStartOver);
	const preview = page.getByRole('region', { name: "Kim's map" });
	await expect(preview).toContainText('Right upper calf (gastrocnemius): Aching pain, 5 of 10');
	await expect(preview).not.toContainText('mapping link you sent');
	await expect(page.getByRole('radio', { name: 'A new client' })).toBeChecked();
	// Sam's own map does.
	await page.goto(samsMap);
	await expect(page.getByText('This answers the mapping link you sent to Sam Taylor.')).toBeVisible();
	await expect(page.getByRole('radio', { name: 'A client already here' })).toBeChecked();
});

test('a map on Sam’s link signed with another name is not put on Sam without the therapist choosing', async ({ page, browser, baseURL }) => {
	const sam = await samsMappingLink(page);
	const p = await phone(browser, baseURL);
	await p.page.goto(sam);
	await mapCalf(p.page);
	await p.page.getByLabel('Your name').fill('Kim');
	const link = await send(p.page);
	await p.context.close();

	await page.goto(link);
	await expect(page.getByRole('alert')).toContainText('This answers the mapping link you sent to Sam Taylor, but it is signed Kim.');
	await expect(page.getByRole('radio', { name: 'A new client' })).toBeChecked();
	await look(page, 'import-other-name');
	await page.getByRole('button', { name: 'Add it to Sam Taylor' }).click();
	await expect(page.getByRole('radio', { name: 'A client already here' })).toBeChecked();
	await expect(page.getByLabel('Client', { exact: true }).locator('option:checked')).toHaveText('Sam Taylor');
});

/** A one-plan hand-off file, written as the app writes one, with everything a therapist sets filled in. */
function handOffFile(clientId: string): string {
	const now = Date.UTC(2026, 10, 29, 12);
	const client: Client = { id: clientId, name: 'Sam', contact: 'sam@example.org', notes: 'Pays cash', figure: null, build: null, createdAt: now, updatedAt: now };
	const plan: Plan = {
		...defaultPlanFields(),
		id: 'p-hostile',
		clientId,
		date: '2026-11-29',
		title: "Sam's map",
		status: 'done',
		pressure: 5,
		techniques: ['craniosacral'],
		consent: { [codeOf('gluteus-maximus-l')]: true },
		health: { pregnant: true },
		clientWords: 'My calf hurts',
		notes: 'Cleared for deep work by the therapist',
		outcome: { done: 'Deep tissue', response: 'Good', advice: 'Rest', after: {} },
		createdAt: now,
		updatedAt: now
	};
	const mark: Mark = {
		id: 'm-hostile', planId: plan.id, region: CALF, patch: null, sensation: 'knot', intensity: 7, depth: 'deep', structure: null,
		pressure: 5, note: '', author: 'therapist', carried: true, createdAt: now, updatedAt: now
	};
	return writeBackup({ clients: [client], plans: [plan], marks: [mark] }, { exportedAt: now });
}

/** The plan and marks of the newest plan on the device, read from its database. */
function newestPlan(page: Page) {
	return page.evaluate(
		() =>
			new Promise<{ plan: Plan; marks: Mark[] }>((ok, fail) => {
				const open = indexedDB.open('somamap');
				open.onerror = () => fail(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction(['plans', 'marks']);
					const plans = tx.objectStore('plans').getAll();
					const marks = tx.objectStore('marks').getAll();
					tx.oncomplete = () => {
						const plan = (plans.result as Plan[]).sort((a, b) => b.createdAt - a.createdAt)[0];
						open.result.close();
						ok({ plan, marks: (marks.result as Mark[]).filter((m) => m.planId === plan.id) });
					};
				};
			})
	);
}

test('a client’s map brings in only the client’s answers; a therapist’s hand-off says what more it carries', async ({ page }) => {
	await createPlanForNewClient(page, 'Robin', 'Robin’s plan');
	// A crafted "client's map" that also sets a therapist's notes, outcome, consent, status and marks.
	await page.goto('/import');
	await page.getByLabel('Open a plan file…').setInputFiles({ name: 'map.json', mimeType: 'application/json', buffer: Buffer.from(handOffFile(`r${'H'.repeat(22)}`)) });
	const preview = page.getByRole('region', { name: "Sam's map" });
	await expect(preview).toContainText('Right upper calf (gastrocnemius): Knot or trigger point, 7 of 10');
	await expect(page.getByTestId('extras')).toHaveCount(0);
	await page.getByRole('button', { name: 'Add this plan' }).click();
	await page.waitForURL(/\/plan\?id=/);
	const { plan, marks } = await newestPlan(page);
	expect([plan.notes, plan.outcome, plan.status, plan.consent, plan.techniques, plan.pressure]).toEqual(['', null, 'draft', {}, [], 3]);
	expect([plan.health, plan.clientWords, plan.title]).toEqual([{ pregnant: true }, 'My calf hurts', "Sam's map"]);
	expect(marks.map((m) => [m.author, m.carried, m.pressure, m.intensity])).toEqual([['client', false, null, 7]]);

	// The same, claiming to be a therapist's own plan (a planner's id): shown with what it carries beyond.
	await page.goto('/import');
	await page.getByLabel('Open a plan file…').setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(handOffFile('0b7c7a52-4f4e-4a0e-9d55-0d6f3e0a9a11')) });
	await expect(page.getByTestId('extras')).toContainText('it also carries therapist’s notes, an outcome, consent for sensitive regions');
	await expect(page.getByTestId('extras')).toContainText('1 mark made by a therapist');
	await look(page, 'import-extras');
});
