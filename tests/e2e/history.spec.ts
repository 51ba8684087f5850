/**
 * A hand-off link carries a whole plan (names, notes, health answers) in its #h= fragment. None
 * of it may stay in what the browser keeps: its history list and its session files. Measured on
 * Chromium's own profile files after the browser is closed.
 */
import { chromium } from '@playwright/test';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserPath } from '../../scripts/browser.js';
import { test, expect } from './fixtures';
import { handOffDoc, linkFor } from './hostile-links';

/** Every file under `dir` whose bytes contain `needle`. */
async function filesHolding(dir: string, needle: string): Promise<string[]> {
	const found: string[] = [];
	for (const name of await readdir(dir, { recursive: true })) {
		const path = join(dir, name);
		if (!(await stat(path)).isFile()) continue;
		if ((await readFile(path)).includes(needle)) found.push(name);
	}
	return found;
}

/** A Chromium with its own profile on disk, as a therapist's browser is. */
async function browserWithProfile(baseURL: string | undefined) {
	const userDataDir = await mkdtemp(join(tmpdir(), 'somamap-history-'));
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: browserPath(),
		baseURL,
		args: ['--disable-background-networking', '--disable-component-update', '--no-first-run']
	});
	const page = context.pages()[0] ?? (await context.newPage());
	return { userDataDir, context, page };
}

const link = linkFor(JSON.stringify(handOffDoc({ client: { name: 'Private Person' } })));
const data = link.split('#h=')[1];

test('a hand-off link pasted into Somamap never reaches the browser history or session files', async ({ baseURL }) => {
	const { userDataDir, context, page } = await browserWithProfile(baseURL);
	try {
		await page.goto('/import');
		await page.getByLabel('Paste the link').fill(`${baseURL}${link}`);
		await page.getByRole('button', { name: 'Read the link' }).click();
		await expect(page.getByRole('region', { name: 'From home' })).toContainText('From Private Person');
		await expect(page.getByLabel('Paste the link')).toHaveValue('');
		await page.goto('/settings');
		await context.close(); // the profile is written out on close

		expect((await stat(join(userDataDir, 'Default', 'History'))).size, 'Chromium kept a history file').toBeGreaterThan(0);
		expect(await filesHolding(userDataDir, data.slice(0, 24))).toEqual([]);
		expect(await filesHolding(userDataDir, 'Private Person')).toEqual([]);
	} finally {
		await context.close().catch(() => {});
		await rm(userDataDir, { recursive: true, force: true });
	}
});

test('an opened hand-off link leaves the address bar and the tab’s Back list at once', async ({ baseURL }) => {
	const { userDataDir, context, page } = await browserWithProfile(baseURL);
	try {
		await page.goto('/');
		await page.goto(link);
		await expect(page.getByRole('region', { name: 'From home' })).toContainText('Private Person');
		expect(new URL(page.url()).hash).toBe('');
		await page.goto('/settings');
		await page.goBack();
		await expect(page).toHaveURL(/\/import$/);
		expect(await page.evaluate(() => location.hash)).toBe('');
		await expect(page.getByRole('region', { name: 'From home' })).toHaveCount(0); // Back does not read it again
		await context.close();
		// What Chromium itself keeps of a link that was opened (the page cannot reach these; the
		// import page says so and offers pasting instead): reported, not asserted.
		console.log(`an opened link's data is still in: ${(await filesHolding(userDataDir, data.slice(0, 24))).join(', ') || 'nothing'}`);
	} finally {
		await context.close().catch(() => {});
		await rm(userDataDir, { recursive: true, force: true });
	}
});

test('behind the app lock too, the link’s data leaves the address before anything shows', async ({ page, context }) => {
	await page.goto('/settings');
	const section = page.getByRole('region', { name: 'Therapist PIN' });
	await section.getByLabel('New PIN (4 to 8 digits)').fill('2468');
	await section.getByLabel('Repeat the new PIN').fill('2468');
	await section.getByRole('button', { name: 'Set PIN' }).click();
	await expect(section.getByText('A PIN is set.')).toBeVisible();
	await section.getByRole('checkbox', { name: 'Ask for the PIN when Somamap opens' }).check();

	const tab = await context.newPage();
	// The address as the app's own first script sees it, and as it stands while the lock shows.
	await tab.addInitScript(() => {
		document.addEventListener('DOMContentLoaded', () => ((window as unknown as { atStart: string }).atStart = location.href));
	});
	await tab.goto(link);
	await expect(tab.getByRole('heading', { level: 1, name: 'Somamap is locked' })).toBeVisible();
	expect(await tab.evaluate(() => (window as unknown as { atStart: string }).atStart)).toMatch(/\/import$/);
	expect(await tab.evaluate(() => location.hash)).toBe('');
	await tab.getByLabel('PIN').fill('2468');
	await tab.getByRole('button', { name: 'Unlock' }).click();
	await expect(tab.getByRole('region', { name: 'From home' })).toContainText('Private Person');
	expect(await tab.evaluate(() => location.hash)).toBe('');
});
