/**
 * A record signed before the health check's answers were put in words and sealed with the record
 * (at commit 7ab1838): it still verifies with its hash (records signed since carry their answers,
 * the answers only, never their wording); its printout takes the answers from the plan and says
 * so. The fixture is that record and an addendum exactly as signed then.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { canonicalJson } from '$lib/domain/record/canonical';
import { verifyChain } from '$lib/domain/record/chain';
import { sessionBlocks } from '$lib/domain/record/printout';
import type { Addendum, ChainEntry, LockedRecord } from '$lib/domain/record/types';

const chain: ChainEntry[] = JSON.parse(readFileSync(new URL('./fixtures/signed-7ab1838.json', import.meta.url), 'utf8'));

describe('a record signed before the health check was put in words', () => {
	it('still verifies, with the same hash it was signed with', async () => {
		const check = await verifyChain(chain);
		expect(check.ok).toBe(true);
		if (check.ok) expect(check.head.hash).toBe(chain[1].entry.hash);
		// Nothing of the health check is in what was sealed.
		expect(canonicalJson(chain[0].entry)).not.toMatch(/health|answered/i);
	});

	it('prints the answers in the new words and is still said unchanged since signed', async () => {
		const check = await verifyChain(chain);
		const blocks = sessionBlocks({
			record: chain[0].entry as LockedRecord,
			plan: { id: 'plan-1', title: 'Low back', date: '2026-12-03', health: { accident: false, acute: false, fever: false, clot: false, thinners: false, osteoporosis: false } },
			client: { name: 'Mia Lowe', contact: '' },
			details: null,
			practitioner: null,
			consents: [],
			addenda: chain.slice(1).map((e) => e.entry as Addendum),
			check,
			head: check.ok ? check.head.hash : '',
			today: '2026-12-10'
		});
		const text = JSON.stringify(blocks);
		expect(text).toContain('6 no, 5 not answered');
		expect(text).toContain('this record was signed before the health check was sealed with it');
		expect(text).toContain('Verified: unchanged since signed');
	});
});
