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
	});
}
