import AxeBuilder from '@axe-core/playwright';
import { test, expect, createPlanForNewClient } from './fixtures';
import type { Page } from '@playwright/test';

async function seriousViolations(page: Page) {
	const result = await new AxeBuilder({ page }).analyze();
	return result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

for (const scheme of ['light', 'dark'] as const) {
	test(`axe finds no serious violations on any page (${scheme})`, async ({ page }) => {
		test.setTimeout(120_000);
		await page.emulateMedia({ colorScheme: scheme });
		const planUrl = await createPlanForNewClient(page, 'Axe Client', 'Axe plan');
		const pages: [string, string][] = [
			['plan', planUrl],
			['home', '/'],
			['settings', '/settings'],
			['not found', '/plan?id=missing']
		];
		await page.goto('/');
		await page.getByRole('list', { name: 'Clients' }).getByRole('link', { name: /Axe Client/ }).click();
		pages.push(['client', page.url()]);

		for (const [name, url] of pages) {
			await page.goto(url);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			expect(await seriousViolations(page), name).toEqual([]);
		}

		await page.goto('/');
		await page.getByRole('button', { name: 'New plan' }).click();
		expect(await seriousViolations(page), 'new plan dialog').toEqual([]);

		// The client's own map at home, each step, from a mapping link.
		await page.goto('/my-map#n=Sam&p=Bodywise%20Massage');
		await expect(page.getByRole('heading', { level: 1, name: 'Where do you feel tension or pain?' })).toBeVisible();
		expect(await seriousViolations(page), 'my map: where').toEqual([]);
		await page.getByRole('searchbox', { name: 'Find a region' }).fill('calf');
		await page.getByRole('region', { name: 'Regions', exact: true }).getByRole('button', { name: /^Right upper calf/ }).click();
		await page.getByRole('button', { name: 'Next' }).click();
		await page.getByRole('radio', { name: 'Aching pain' }).check();
		await page.getByRole('radio', { name: '7', exact: true }).check();
		expect(await seriousViolations(page), 'my map: feel').toEqual([]);
		await page.getByRole('button', { name: 'Next' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'A few health questions' })).toBeVisible();
		expect(await seriousViolations(page), 'my map: health').toEqual([]);
		await page.getByRole('button', { name: 'Next' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Send to my therapist' })).toBeVisible();
		expect(await seriousViolations(page), 'my map: send').toEqual([]);
		await page.getByRole('button', { name: 'Send to my therapist' }).click();
		expect(await seriousViolations(page), 'my map: send dialog').toEqual([]);
		await page.getByRole('dialog', { name: 'Send to my therapist' }).getByRole('button', { name: 'Close' }).click();
		await page.getByRole('button', { name: 'Start over' }).click();
		expect(await seriousViolations(page), 'my map: start over').toEqual([]);
	});
}
