/**
 * Body builds (issue 10): a build chosen on the client's page, or the default in settings, is the
 * body every page of that client asks for and describes; an open planner follows the choice at
 * once; a painting stays on the body when the build changes (all builds share one vertex list).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, createPlanForNewClient } from './fixtures';
import { paintedVertices, screenPointOf, showView, storedMarks } from './body-helpers';
import { codeOf } from '../../src/lib/domain/regions';

test.describe.configure({ timeout: 120_000 });
test.use({ viewport: { width: 1280, height: 800 } });

/** What the viewer says the body is, and the figure and build of the mesh it loaded. */
const described = (page: Page) => page.getByTestId('body-described');
const stage = (page: Page) => page.locator('.stage[data-load="ready"]');

async function seriousViolations(page: Page) {
	const result = await new AxeBuilder({ page }).analyze();
	return result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Opens the client's page from the planner's crumb, in `page`. */
async function clientPageOf(planner: Page, page: Page, name: string): Promise<void> {
	const href = await planner.getByRole('link', { name }).first().getAttribute('href');
	await page.goto(href!);
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('a build chosen on the client’s page shows at once on their planner open in another tab', async ({ page, context }) => {
	await createPlanForNewClient(page, 'Broad Bo', 'Back');
	await expect(stage(page)).toHaveAttribute('data-build', 'average', { timeout: 30_000 });
	await expect(described(page)).toHaveText('Female figure, average build');
	// The canvas is described by it: a screen reader hears which body it is.
	await expect(page.locator('canvas')).toHaveAccessibleDescription('Female figure, average build');

	const other = await context.newPage();
	await clientPageOf(page, other, 'Broad Bo');
	const build = other.getByRole('combobox', { name: 'Build' });
	await expect(build).toHaveValue(/^$|null/); // the default from settings
	await expect(build.locator('option')).toHaveText(['Default (from settings)', 'Slim', 'Average', 'Broad']);
	await build.selectOption({ label: 'Broad' });
	await expect(other.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
	await other.getByLabel('Body figure').selectOption({ label: 'Male' });
	await expect(other.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();

	// The planner in the first tab, not reloaded, now shows and describes the broad male body.
	await expect(described(page)).toHaveText('Male figure, broad build');
	await expect(stage(page)).toHaveAttribute('data-build', 'broad', { timeout: 30_000 });
	await expect(stage(page)).toHaveAttribute('data-figure', 'male');
	await expect(page.locator('canvas[data-body^="body:male-broad:"]')).toHaveCount(1, { timeout: 30_000 });
	await expect(page.getByTestId('announcer')).toHaveText('Now showing: Male figure, broad build');

	// And after a reload, from what was stored.
	await page.reload();
	await expect(stage(page)).toHaveAttribute('data-build', 'broad', { timeout: 30_000 });
	await expect(described(page)).toHaveText('Male figure, broad build');

	// The client's page keeps the choice.
	await other.reload();
	await expect(other.getByRole('combobox', { name: 'Build' })).toHaveValue('broad');
	expect(await seriousViolations(other), 'client page').toEqual([]);
	await other.getByRole('region', { name: 'Details' }).screenshot({ path: test.info().outputPath('builds-client-details.png') });
	await other.screenshot({ path: test.info().outputPath('builds-client-page.png'), fullPage: true });
});

test('the build in settings applies to a client with no choice of their own, and to the body map', async ({ page }) => {
	await page.goto('/settings');
	const build = page.getByRole('combobox', { name: 'Build' });
	await expect(build).toHaveValue('average');
	await expect(build).toHaveAccessibleDescription(/Shown for clients without their own choice/);
	await build.selectOption({ label: 'Slim' });
	await page.getByRole('combobox', { name: 'Figure' }).selectOption({ label: 'Male' });
	await page.reload();
	await expect(page.getByRole('combobox', { name: 'Build' })).toHaveValue('slim');
	expect(await seriousViolations(page), 'settings').toEqual([]);
	await page.getByRole('region', { name: 'Body figure' }).screenshot({ path: test.info().outputPath('builds-settings.png') });

	await createPlanForNewClient(page, 'Default Dee', 'Neck');
	await expect(stage(page)).toHaveAttribute('data-build', 'slim', { timeout: 30_000 });
	await expect(stage(page)).toHaveAttribute('data-figure', 'male');
	await expect(described(page)).toHaveText('Male figure, slim build');

	// The body map starts on the default and switches build by plain words.
	await page.goto('/explore');
	await expect(page.getByRole('radio', { name: 'Slim' })).toBeChecked();
	await expect(page.getByRole('group', { name: 'Build' }).getByRole('radio')).toHaveCount(3);
	await expect(stage(page)).toHaveAttribute('data-build', 'slim', { timeout: 30_000 });
	await page.getByRole('radio', { name: 'Broad' }).check();
	await expect(described(page)).toHaveText('Male figure, broad build');
	await expect(stage(page)).toHaveAttribute('data-build', 'broad', { timeout: 30_000 });
	expect(await seriousViolations(page), 'body map').toEqual([]);
	await page.screenshot({ path: test.info().outputPath('builds-explore.png') });
});

test('a painted mark keeps showing after the client’s build is changed', async ({ page, context }) => {
	await createPlanForNewClient(page, 'Painted Pia', 'Low back');
	await showView(page, 'Back view');
	await page.getByRole('radio', { name: 'Paint an area' }).check();
	await page.getByRole('radio', { name: 'Large' }).check();
	const back = await screenPointOf(page, codeOf('lumbar-erector-l'));
	await page.mouse.move(back.x, back.y);
	await page.mouse.down();
	for (let i = 1; i <= 8; i++) await page.mouse.move(back.x, back.y + (30 * i) / 8);
	await page.mouse.up();
	const painter = page.getByRole('form', { name: /New painted area/ });
	await painter.getByRole('slider', { name: 'Intensity' }).fill('6');
	await painter.getByRole('radio', { name: 'Aching pain' }).click(); // adds the painted mark
	await expect(page.getByRole('list', { name: /^Marks/ }).getByRole('listitem')).toHaveCount(1);
	const [stored] = await storedMarks(page);
	expect(stored.patch!.vertices.length).toBeGreaterThan(10);
	await expect.poll(() => paintedVertices(page)).toBe(stored.patch!.vertices.length);

	const other = await context.newPage();
	await clientPageOf(page, other, 'Painted Pia');
	await other.getByRole('combobox', { name: 'Build' }).selectOption({ label: 'Slim' });
	await expect(other.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();

	await expect(stage(page)).toHaveAttribute('data-build', 'slim', { timeout: 30_000 });
	// Every vertex of the painting is still painted, on the same model version it was saved on.
	await expect.poll(() => paintedVertices(page)).toBe(stored.patch!.vertices.length);
	expect(await page.locator('canvas').getAttribute('data-body')).toContain(stored.patch!.modelVersion);
	await page.getByRole('list', { name: /^Marks/ }).getByRole('button', { name: /^Edit mark: / }).click();
	await expect(page.getByText('Painted on an earlier version of the body model')).toHaveCount(0);
});
