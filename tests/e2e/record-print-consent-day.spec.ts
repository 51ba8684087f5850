/**
 * QA session 10, item 5: the client's whole record, printed today after the client signed consent
 * today, must not print that consent as "in force" on the records of earlier sessions not started
 * (drafts): a session is judged by its start, and one not started by the end of its own day. Today's
 * session, not started yet, does show it (signed at the session).
 */
import type { Page } from '@playwright/test';
import { writeBackup } from '../../src/lib/domain/backup/format';
import { consentTextHash, DEFAULT_CONSENT_TEXT } from '../../src/lib/domain/record/consent';
import { sealConsent } from '../../src/lib/domain/record/consent-seal';
import { defaultPlanFields, type Client, type Plan } from '../../src/lib/domain/records';
import { test, expect } from './fixtures';
import { restoreText } from './backup-files';

const DAY = 86_400_000;
const iso = (ms: number) => {
	const d = new Date(ms);
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

async function backup(): Promise<string> {
	const now = Date.now();
	const at = now - 70 * DAY;
	const client: Client = { id: 'c-dev', name: 'Dev Tanaka', contact: '', notes: '', figure: null, build: null, createdAt: at, updatedAt: at };
	const plan = (id: string, day: number, title: string): Plan => ({ ...defaultPlanFields(), id, clientId: client.id, date: iso(now - day * DAY), title, createdAt: at, updatedAt: at });
	const consent = await sealConsent({
		id: 'k-dev', clientId: client.id, signer: 'client', signerName: 'Dev Tanaka', guardian: null, text: DEFAULT_CONSENT_TEXT, textHash: await consentTextHash(DEFAULT_CONSENT_TEXT),
		signature: { kind: 'typed', name: 'Dev Tanaka' }, signedAt: now - 60_000, sensitiveAreas: []
	});
	return writeBackup(
		{
			clients: [client],
			plans: [plan('p-oct', 60, 'Neck and shoulders'), plan('p-nov', 28, 'Low back'), plan('p-today', 0, 'Today')],
			marks: [],
			records: { practitioners: [], clientDetails: [], consents: [consent], records: [], recordHistory: [], addenda: [], chainHeads: [] }
		},
		{ exportedAt: now }
	);
}

const restore = (page: Page, text: string) => restoreText(page, text, 'dev.json');

test('whole record: a consent signed today is not "in force" on the drafts of earlier sessions, only on today’s', async ({ page }) => {
	test.setTimeout(90_000);
	await restore(page, await backup());
	await page.goto('/print-record?client=c-dev');
	await expect(page.locator('.paper[data-ready]')).toBeAttached({ timeout: 30_000 });
	const text = await page.locator('.paper').innerText();
	// Each session's record, in date order, from its title to the next.
	const sessions = text.split(/Treatment record\s*\n/i).slice(1);
	expect(sessions.map((s) => /Neck and shoulders|Low back|Today/.exec(s)?.[0])).toEqual(['Neck and shoulders', 'Low back', 'Today']);
	const [oct, nov, today] = sessions;
	for (const earlier of [oct, nov]) {
		expect(earlier).toContain('No signed consent before this session.');
		expect(earlier).not.toMatch(/Dev Tanaka, signed/);
	}
	expect(today).not.toContain('No signed consent before this session.');
	expect(today).toMatch(/Dev Tanaka, signed/);
	await page.locator('.paper').getByText('No signed consent before this session.').first().scrollIntoViewIfNeeded();
	await page.screenshot({ path: 'test-results/print-consent-day.png' });
});
