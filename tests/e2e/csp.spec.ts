/**
 * The Content Security Policy: every page of the build carries one, everything the app does works
 * under it (the body's WebAssembly decoder, the printed sheet's pictures, the service worker…),
 * and a script injected into a page does not run.
 */
import type { Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { handOffDoc, linkFor } from './hostile-links';

/** Collects every CSP violation and console error in every page of the context. */
async function watch(page: Page): Promise<string[]> {
	const problems: string[] = [];
	await page.context().exposeBinding('reportViolation', (_source, text: string) => void problems.push(text));
	await page.context().addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) =>
			(window as unknown as { reportViolation(t: string): void }).reportViolation(
				`${location.pathname}: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`
			)
		);
	});
	page.on('console', (m) => {
		if (m.type() === 'error') problems.push(`${page.url().split('#')[0]}: console error: ${m.text()}`);
	});
	return problems;
}

const policyOf = (page: Page) => page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');

test('every page loads under the Content Security Policy with nothing blocked', async ({ page }) => {
	test.setTimeout(150_000);
	const problems = await watch(page);
	const response = await page.goto('/');
	const header = response!.headers()['content-security-policy'];
	expect(header).toContain("frame-ancestors 'none'");
	expect(header).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");

	// The plan page with the body drawn (WebAssembly decoder, WebGL), and a mark on it.
	const planUrl = await createPlanForNewClient(page, 'Cass Policy', 'Shoulders');
	await expect(page.locator('canvas[data-body]')).toHaveCount(1, { timeout: 30_000 });
	const policy = await policyOf(page);
	for (const part of ["default-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'self'"]) expect(policy).toContain(part);
	expect(policy).not.toMatch(/'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
	await page.getByRole('searchbox', { name: 'Find a region' }).fill('calf');
	await page.getByRole('region', { name: 'Regions', exact: true }).getByRole('button', { name: /Left upper calf \(gastrocnemius\)/ }).click();
	const form = page.getByRole('form', { name: /New mark on/ });
	await form.getByRole('radio', { name: 'Aching pain', exact: true }).check();
	await expect(page.getByRole('list', { name: /^Marks/ }).getByRole('listitem')).toHaveCount(1);
	const first = new URL(planUrl).searchParams.get('id');

	// The client's page, a follow-up, and the two compared.
	await page.getByRole('link', { name: 'Cass Policy' }).click();
	await page.waitForURL(/\/client\?id=/);
	await page.getByRole('button', { name: 'Follow-up' }).click();
	await page.waitForURL(/\/plan\?id=/);
	const second = new URL(page.url()).searchParams.get('id');
	await page.goto(`/compare?a=${first}&b=${second}`);
	await expect(page.locator('canvas[data-body]').first()).toBeAttached({ timeout: 30_000 });

	// The printed sheet draws the body into PNG data URLs.
	await page.goto(`/print?id=${first}`);
	await expect(page.locator('.paper[data-ready]')).toBeAttached({ timeout: 30_000 });
	await expect.poll(() => page.locator('img[data-view="front"]').first().evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0);

	await page.goto('/explore');
	await expect(page.locator('canvas[data-body]')).toHaveCount(1, { timeout: 30_000 });
	await page.goto('/settings');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await page.goto('/');
	await page.goto(linkFor(JSON.stringify(handOffDoc())));
	await expect(page.getByRole('region', { name: 'From home' })).toBeVisible();

	// Client mode last: only the therapist's PIN leaves it.
	await page.goto(`/plan?id=${first}`);
	await page.getByRole('button', { name: 'Hand to client' }).click();
	await page.getByRole('button', { name: 'hand over without a PIN' }).click();
	await page.waitForURL(/\/client-mode\?plan=/);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.locator('canvas[data-body]')).toHaveCount(1, { timeout: 30_000 });
	expect(await policyOf(page)).toContain("default-src 'self'");

	expect(problems).toEqual([]);
});

test('a script injected into a page does not run', async ({ page }) => {
	const problems = await watch(page);
	await page.goto('/settings');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await page.evaluate(() => {
		const script = document.createElement('script');
		script.textContent = 'window.injected = "inline script ran"';
		document.body.append(script);
		const img = document.createElement('div');
		img.innerHTML = '<img src="/icons/favicon.svg" onload="window.injected = \'handler ran\'">';
		document.body.append(img);
	});
	await expect.poll(() => problems.filter((p) => p.includes('script-src')).length).toBeGreaterThanOrEqual(2);
	expect(await page.evaluate(() => (window as unknown as { injected?: string }).injected)).toBeUndefined();
});
