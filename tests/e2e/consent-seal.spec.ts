/**
 * Issue 12: a signed consent is sealed like a record. A row edited in IndexedDB after signing (the
 * signer, the areas) is said to be changed on the client page, in words, and no longer holds; a
 * consent kept before sealing still holds and says it was signed before sealing. A follow-up is
 * consented to the sensitive areas of the signed consent in force, and not once it is withdrawn.
 */
import type { Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { seriousViolations } from './pin-helpers';
import { consentsInDb } from './consent-helpers';
import { storedPlan } from './stored';

/** Rewrites every consent row in IndexedDB (as someone with the device's storage could): fields set, fields removed. */
function tamperConsents(page: Page, change: { set?: Record<string, unknown>; remove?: string[] }) {
	return page.evaluate(
		(change) =>
			new Promise<void>((ok, fail) => {
				const open = indexedDB.open('somamap');
				open.onerror = () => fail(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction('consents', 'readwrite');
					const store = tx.objectStore('consents');
					const all = store.getAll();
					all.onsuccess = () => {
						for (const row of all.result) {
							for (const key of change.remove ?? []) delete row[key];
							store.put({ ...row, ...change.set });
						}
					};
					tx.oncomplete = () => (open.result.close(), ok());
					tx.onerror = () => fail(tx.error);
				};
			}),
		change
	);
}

/** Signs the client's consent on their page with a typed name, ticking the sensitive areas named. */
async function signConsent(page: Page, areas: RegExp[] = []) {
	await page.getByRole('button', { name: /^Sign (consent|again)…$/ }).click();
	const dialog = page.getByRole('dialog', { name: /Consent to treatment/ });
	for (const area of areas) await dialog.getByRole('checkbox', { name: area }).check();
	await dialog.getByRole('button', { name: 'Type your name instead' }).click();
	await dialog.getByLabel('Type your full name to sign').fill('The Client');
	await dialog.getByRole('button', { name: 'Sign consent' }).click();
	await expect(dialog).toBeHidden();
	await expect(page.getByTestId('consent-status')).toHaveText(/^Consent: signed on/);
}

async function toClientPage(page: Page, name: string) {
	await page.getByRole('link', { name }).first().click();
	await page.waitForURL(/\/client\?id=/);
}

test('a consent edited in the database after signing is said to be changed on the client page and in the Record tab, and no longer holds', async ({ page }) => {
	const plan = await createPlanForNewClient(page, 'Tess Seal', 'Shoulders');
	await toClientPage(page, 'Tess Seal');
	await signConsent(page);
	const [kept] = await consentsInDb(page);
	expect(kept).toMatchObject({ hash: expect.stringMatching(/^[0-9a-f]{64}$/) });

	// Someone changes who signed, straight in IndexedDB.
	await tamperConsents(page, { set: { signerName: 'Someone Else' } });
	await page.reload();
	await expect(page.getByTestId('consent-status')).toHaveText('Consent: changed after signing');
	await expect(page.getByRole('alert').filter({ hasText: /The consent Tess Seal signed on .* was changed after it was signed: something in it \(which client, who signed, the signature, the date or the areas\) is not as signed\. Ask the client to read and sign it again\./ })).toBeVisible();
	await page.getByRole('button', { name: 'View signed consent' }).click();
	const view = page.getByRole('dialog', { name: 'Signed consent' });
	await expect(view.getByRole('alert')).toContainText('What is shown below is not what was signed');
	await page.screenshot({ path: test.info().outputPath('consent-changed.png') });
	expect(await seriousViolations(page), 'changed consent').toEqual([]);
	await view.getByRole('button', { name: 'Close' }).click();
	// The record of the session relies on it: its Record tab says so too.
	const clientUrl = page.url();
	await page.goto(plan);
	await page.getByRole('tab', { name: 'Record' }).click();
	const recordConsent = page.getByRole('region', { name: "The client's consent" });
	await expect(recordConsent.getByTestId('record-consent')).toHaveText('Consent: changed after signing');
	await expect(recordConsent.getByRole('alert')).toContainText('was changed after it was signed');
	await page.goto(clientUrl);

	// Put back as signed: it holds again. Its seal taken away (as a consent kept before sealing): it holds, said so.
	await tamperConsents(page, { set: { signerName: 'Tess Seal' } });
	await page.reload();
	await expect(page.getByTestId('consent-status')).toHaveText(/^Consent: signed on/);
	await tamperConsents(page, { remove: ['hash'] });
	await page.reload();
	await expect(page.getByTestId('consent-status')).toHaveText(/^Consent: signed on/);
	await expect(page.getByText('Signed before Somamap sealed consents: its statement is checked')).toBeVisible();

	// Withdrawn, then the withdrawal removed by hand: said to be changed, not in force again.
	await tamperConsents(page, { set: { hash: kept.hash } });
	await page.reload();
	await page.getByRole('button', { name: 'Withdraw consent…' }).click();
	await page.getByRole('dialog', { name: 'Withdraw consent?' }).getByRole('button', { name: 'Withdraw consent' }).click();
	await expect(page.getByTestId('consent-status')).toHaveText(/^Consent: withdrawn on/);
	await tamperConsents(page, { set: { withdrawnAt: null } });
	await page.reload();
	await expect(page.getByTestId('consent-status')).toHaveText('Consent: changed after signing');
	await expect(page.getByRole('alert').filter({ hasText: /had its withdrawal removed after it was made/ })).toBeVisible();
});

test('a follow-up is consented to the areas of the signed consent in force, and asks again once it is withdrawn', async ({ page }) => {
	test.setTimeout(120_000);
	const first = await createPlanForNewClient(page, 'Flo Follow', 'Chest');
	await page.getByRole('searchbox', { name: 'Find a region' }).fill('chest');
	await page.getByRole('region', { name: 'Regions', exact: true }).getByRole('button', { name: /^Left chest/ }).click();
	await page.getByRole('form', { name: /mark on Left chest/ }).getByRole('radio', { name: 'Tension or tightness' }).check();
	await expect(page.getByRole('status').filter({ hasText: 'Mark added' })).toBeVisible();

	await toClientPage(page, 'Flo Follow');
	await signConsent(page, [/left chest/]);
	expect((await consentsInDb(page))[0].sensitiveAreas).toHaveLength(1);
	const chest = (await consentsInDb(page))[0].sensitiveAreas[0];
	expect((await storedPlan(page, first))!.consent).toEqual({ [chest]: true });

	// A follow-up: what the client signed for is not asked again.
	await page.getByRole('button', { name: 'Follow-up', exact: true }).click();
	await page.waitForURL(/\/plan\?id=/);
	const second = page.url();
	expect((await storedPlan(page, second))!.consent).toEqual({ [chest]: true });
	await page.getByRole('button', { name: /^Keep: still there/ }).first().click();
	await page.getByRole('tab', { name: 'Plan' }).click();
	await expect(page.getByRole('checkbox', { name: 'Client consents to work here' })).toBeChecked();
	await expect(page.getByText("Ask for the client's consent before working on the areas marked above.")).toHaveCount(0);

	// Withdrawn: the next follow-up asks again, even from a plan that still says yes (done, so the withdrawal leaves it as it was).
	await page.getByLabel('Status').selectOption({ label: 'Done' });
	await expect.poll(async () => (await storedPlan(page, second))!.status).toBe('done');
	await toClientPage(page, 'Flo Follow');
	await page.getByRole('button', { name: 'Withdraw consent…' }).click();
	await page.getByRole('dialog', { name: 'Withdraw consent?' }).getByRole('button', { name: 'Withdraw consent' }).click();
	await expect(page.getByTestId('consent-status')).toHaveText(/^Consent: withdrawn on/);
	await page.getByRole('button', { name: 'Follow-up', exact: true }).click();
	await page.waitForURL((url) => url.href !== second && url.pathname === '/plan');
	expect((await storedPlan(page, second))!.consent).toEqual({ [chest]: true });
	expect((await storedPlan(page, page.url()))!.consent).toEqual({});
	await page.getByRole('button', { name: /^Keep: still there/ }).first().click();
	await page.getByRole('tab', { name: 'Plan' }).click();
	await expect(page.getByRole('checkbox', { name: 'Client consents to work here' })).not.toBeChecked();
	await expect(page.getByText("Ask for the client's consent before working on the areas marked above.")).toBeVisible();
});

test('a consent row that cannot be read is said on the client page, and a follow-up is still made, asking consent again', async ({ page }) => {
	const first = await createPlanForNewClient(page, 'Uma Unread', 'Back');
	await toClientPage(page, 'Uma Unread');
	await signConsent(page);
	// Edited outside the app: withdrawn before it was signed, which no consent can be.
	await tamperConsents(page, { set: { withdrawnAt: 1 } });
	await page.reload();
	await expect(page.getByTestId('consent-status')).toHaveText('Consent: changed after signing');
	await expect(page.getByRole('alert').filter({ hasText: /^A consent of Uma Unread kept on this device holds something a consent cannot hold \(.+\): it is not as signed\. Ask the client to read and sign it again\.$/ })).toBeVisible();
	await page.getByTestId('consent-status').locator('..').screenshot({ path: test.info().outputPath('consent-unreadable.png') });
	expect(await seriousViolations(page), 'unreadable consent').toEqual([]);
	await page.getByRole('button', { name: 'Follow-up', exact: true }).click();
	await page.waitForURL((url) => url.pathname === '/plan' && url.href !== first);
	expect((await storedPlan(page, page.url()))!.consent).toEqual({});
});

