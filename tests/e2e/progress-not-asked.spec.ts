/**
 * QA session 10, item 7: on the client's progress chart, an area nobody marked in a session is "not
 * asked" (a gap, "–" in the table), not 0: a session on the low back says nothing of the neck, so the
 * neck's 6 must not read as "recovered". 0 only where it is true: a "No pain or tension today"
 * session (and an area cleared in a follow-up: progress.spec.ts).
 */
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { writeBackup } from '../../src/lib/domain/backup/format';
import { defaultPlanFields, type Client, type Mark, type Plan } from '../../src/lib/domain/records';
import { codeOf } from '../../src/lib/domain/regions';
import { test, expect } from './fixtures';
import { restoreText } from './backup-files';

const DAY = 86_400_000;
const iso = (ms: number) => {
	const d = new Date(ms);
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

function backup(): string {
	const now = Date.now();
	const at = now - 70 * DAY;
	const client: Client = { id: 'c-dev', name: 'Dev Tanaka', contact: '', notes: '', figure: null, build: null, createdAt: at, updatedAt: at };
	const plan = (id: string, day: number, title: string, noPain = false): Plan => ({ ...defaultPlanFields(), id, clientId: client.id, date: iso(now - day * DAY), title, noPain, createdAt: at, updatedAt: at });
	const mark = (id: string, planId: string, base: string, intensity: number): Mark => ({
		id, planId, region: codeOf(base), patch: null, sensation: 'aching', intensity, depth: 'surface', structure: null, pressure: null, note: '', author: 'client', createdAt: at, updatedAt: at
	});
	return writeBackup(
		{
			clients: [client],
			plans: [plan('p-1', 60, 'Neck and shoulders'), plan('p-2', 28, 'Low back'), plan('p-3', 7, 'All good', true)],
			marks: [mark('m-1', 'p-1', 'front-of-neck-r', 6), mark('m-2', 'p-2', 'lumbar-erector-l', 7)]
		},
		{ exportedAt: now }
	);
}

const restore = (page: Page, text: string) => restoreText(page, text, 'dev.json');

test('an area not marked in a session is "not asked" on the progress chart and table, 0 only on a no-pain day', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 900 });
	await restore(page, backup());
	await page.goto('/client?id=c-dev');
	const table = page.getByRole('table', { name: 'Intensity (0–10) per focus area and session' });
	await expect(table.getByRole('columnheader')).toHaveText(['Session', 'Left low back beside the spine', 'Right front of the neck (SCM)']);
	const rows = table.getByRole('row');
	const cells = (i: number) => rows.nth(i).getByRole('cell');
	await expect(cells(1)).toHaveText(['–not asked', '6']);
	await expect(cells(2)).toHaveText(['7', '–not asked']);
	await expect(cells(3)).toHaveText(['0', '0']);
	await expect(page.getByTestId('progress-key')).toContainText('–: not asked');
	// The chart says it too, to a screen reader: no "from 6 to 0" for the neck, which was never asked again until the no-pain day.
	const chart = page.getByRole('img', { name: 'Intensity per focus area over 3 sessions' });
	await expect(chart.locator('desc')).toContainText('Right front of the neck (SCM): from 6 to 0');
	await expect(chart.locator('desc')).toContainText('Left low back beside the spine: from 7 to 0');
	// Each line is broken where its area was not asked: the neck's 6 is not joined to the low-back session.
	const lines = await chart.locator('g.series').evaluateAll((gs) => gs.map((g) => [...g.querySelectorAll('path.line')].map((p) => (p.getAttribute('d')!.match(/[ML]/g) ?? []).length)));
	expect(lines).toEqual([[2], [1, 1]]); // low back: Nov and the no-pain day joined; the neck: two lone points
	await chart.scrollIntoViewIfNeeded();
	await page.screenshot({ path: 'test-results/progress-not-asked.png', fullPage: true });
	const axe = await new AxeBuilder({ page }).analyze();
	expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});
