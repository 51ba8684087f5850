/**
 * What a signed session shows and refuses beyond its marks (QA session 9, closing notes): the
 * planner's header says it is signed, and when (not the plan's "Draft"); and its client-mode
 * address, typed by hand, never hands the tablet over: the therapist is told why, in words, and
 * no hand-over is stored.
 */
import type { Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { addMark } from './print-helpers';
import { seedPractitioner } from './practitioner-seed';
import { seriousViolations } from './pin-helpers';
import { storedMarksOf, storedRows } from './stored';
import { sign } from './sign-helpers';

const NECK = 'Left top of the shoulder (upper trapezius)';
/** The day as every date in the app shows it ('Nov 30, 2026'). */
const today = () => new Date().toLocaleDateString('en-US', { day: 'numeric', month: 'short', year: 'numeric' });

/** A session with one mark, signed; its address. */
async function signedSession(page: Page): Promise<string> {
	const url = await createPlanForNewClient(page, 'Rosa Diaz', 'Neck session');
	await seedPractitioner(page, 'Sam Ortiz');
	await addMark(page, 'trapez', NECK, 'Tension or tightness', 4);
	await sign(page);
	return url;
}

test.use({ viewport: { width: 1280, height: 800 } });

test('the planner’s header says a signed session is signed, and on which day, not “Draft”', async ({ page }, info) => {
	const url = await createPlanForNewClient(page, 'Rosa Diaz', 'Neck session');
	const header = page.getByText(new RegExp(`^${today()} · `));
	await expect(header).toHaveText(`${today()} · Draft`);
	await seedPractitioner(page, 'Sam Ortiz');
	await addMark(page, 'trapez', NECK, 'Tension or tightness', 4);
	await sign(page);
	await expect(header).toHaveText(`${today()} · Signed ${today()}`);
	await page.evaluate(() => window.scrollTo(0, 0));
	await page.screenshot({ path: info.outputPath('signed-header.png'), clip: { x: 0, y: 0, width: 1280, height: 260 } });
	await page.goto(url);
	await expect(page.getByText(new RegExp(`^${today()} · `))).toHaveText(`${today()} · Signed ${today()}`);
});

test('a signed session’s client-mode address, typed by hand, tells the therapist it cannot be handed over and hands nothing over', async ({ page }, info) => {
	const url = await signedSession(page);
	const planId = new URL(url).searchParams.get('id')!;
	const marks = await storedMarksOf(page, url);

	await page.goto(`/client-mode?plan=${planId}`);
	await expect(page.getByRole('heading', { level: 1, name: 'This session cannot be handed to the client' })).toBeVisible();
	await expect(page.getByText("This session's record is signed: its body map cannot change. Start a new session to hand to the client.")).toBeVisible();
	// Nothing of the client's steps, nor of client mode's bars.
	await expect(page.getByRole('heading', { name: 'Where do you feel tension or pain?' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'For the therapist' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Next' })).toHaveCount(0);
	expect(await seriousViolations(page)).toEqual([]);
	await page.screenshot({ path: info.outputPath('signed-client-mode.png') });

	// No hand-over was stored: the app opens as itself, not the client's screens.
	const settings = await storedRows<{ key: string; value: unknown }>(page, 'settings');
	expect(settings.find((r) => r.key === 'clientMode')?.value ?? null).toBeNull();
	await page.goto('/');
	await expect(page.getByRole('link', { name: 'Rosa Diaz' }).first()).toBeVisible();
	await page.goto(`/client-mode?plan=${planId}`);
	await page.getByRole('link', { name: 'Back to the session' }).click();
	await expect(page).toHaveURL(url);
	await expect(page.getByRole('heading', { level: 1, name: 'Neck session' })).toBeVisible();
	expect(await storedMarksOf(page, url)).toEqual(marks);
});
