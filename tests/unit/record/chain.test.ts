import { describe, expect, it } from 'vitest';
import { GENESIS, sha256Hex, verifyChain } from '$lib/domain/record/chain';
import type { Addendum, ChainEntry, LockedRecord } from '$lib/domain/record/types';
import { chainOf, DAY, drawn, START, typed } from './helpers';

const clone = (c: ChainEntry[]): ChainEntry[] => structuredClone(c);
const rec = (c: ChainEntry[]) => c[0].entry as LockedRecord;
const add = (c: ChainEntry[], i: number) => c[i].entry as Addendum;

describe('sha256Hex', () => {
	it('is Web Crypto SHA-256 in hex', async () => {
		expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
	});
});

describe('the record chain', () => {
	it('a signed record and its addenda verify, each linked to the one before', async () => {
		const chain = await chainOf(3);
		expect(rec(chain).prevHash).toBe(GENESIS);
		for (let i = 1; i < chain.length; i++) expect(chain[i].entry.prevHash).toBe(chain[i - 1].entry.hash);
		const check = await verifyChain(chain);
		expect(check).toEqual({ ok: true, head: { hash: add(chain, 3).hash, count: 4 } });
	});

	it('survives a round trip through JSON and structured clone (as IndexedDB and a backup keep it)', async () => {
		const chain = await chainOf(2);
		expect((await verifyChain(JSON.parse(JSON.stringify(chain)))).ok).toBe(true);
		expect((await verifyChain(structuredClone(chain))).ok).toBe(true);
	});

	it('any changed field of the record is named as a change after signing', async () => {
		const base = await chainOf(1);
		const edits: ((r: LockedRecord) => void)[] = [
			(r) => (r.soap.a = 'Changed later'),
			(r) => (r.soap.o.regions[16] = 'tight'),
			(r) => (r.endedAt += 60_000),
			(r) => r.areas.push('Neck'),
			(r) => (r.practitioner.membershipNumber = 'M99999'),
			(r) => (r.pressure = '5 · Deep'),
			(r) => (r.signedAt += 1),
			(r) => (r.clientId = 'client-2'),
			(r) => ((r as unknown as Record<string, unknown>).extra = 'rides along')
		];
		for (const edit of edits) {
			const chain = clone(base);
			edit(rec(chain));
			const check = await verifyChain(chain, { locale: 'en-US' });
			expect(check, edit.toString()).toEqual({ ok: false, index: 0, problem: 'The record of Dec 3, 2026 was changed after it was signed.' });
		}
	});

	it('a changed addendum is named by its day', async () => {
		const chain = clone(await chainOf(3));
		add(chain, 2).text += ' And the neck.';
		expect(await verifyChain(chain, { locale: 'en-AU' })).toEqual({ ok: false, index: 2, problem: 'The addendum of 5 Dec 2026 was changed after it was signed.' });
	});

	it('a swapped signature is detected: drawn for typed, one stroke moved, or another entry’s', async () => {
		const base = await chainOf(2);
		let chain = clone(base);
		rec(chain).signature = typed('Alex Moreno');
		expect((await verifyChain(chain)).ok).toBe(false);
		chain = clone(base);
		const sig = rec(chain).signature;
		if (sig.kind !== 'drawn') throw new Error('expected a drawing');
		sig.strokes[0][5].x += 0.1;
		expect(await verifyChain(chain)).toMatchObject({ ok: false, index: 0 });
		chain = clone(base);
		add(chain, 2).signature = structuredClone(add(chain, 1).signature);
		expect(await verifyChain(chain)).toMatchObject({ ok: false, index: 2 });
	});

	it('a removed or reordered addendum breaks the link of the one after it', async () => {
		const base = await chainOf(3);
		const removed = clone(base);
		removed.splice(1, 1);
		expect(await verifyChain(removed, { locale: 'en-US' })).toEqual({
			ok: false,
			index: 1,
			problem: 'The entry before the addendum of Dec 5, 2026 was changed, removed or moved after the addendum of Dec 5, 2026 was signed.'
		});
		const swapped = clone(base);
		[swapped[1], swapped[2]] = [swapped[2], swapped[1]];
		expect(await verifyChain(swapped)).toMatchObject({ ok: false, index: 1 });
	});

	it('an addendum rewritten with a fresh hash still breaks the next link', async () => {
		const { linkHash } = await import('$lib/domain/record/chain');
		const chain = clone(await chainOf(2));
		const a = add(chain, 1);
		a.text = 'Something else entirely';
		const { hash: _h, prevHash: _p, ...content } = a;
		a.hash = await linkHash('addendum', content, a.prevHash);
		expect(await verifyChain(chain)).toMatchObject({ ok: false, index: 2 });
	});

	it('a dropped last addendum is caught against the head kept with the record', async () => {
		const chain = await chainOf(3);
		const head = { hash: add(chain, 3).hash, count: 4 };
		expect((await verifyChain(chain, { head })).ok).toBe(true);
		expect(await verifyChain(chain.slice(0, 3), { head })).toEqual({ ok: false, index: 2, problem: 'The last addendum of this record is missing.' });
		expect(await verifyChain(chain.slice(0, 2), { head })).toMatchObject({ problem: 'The last 2 addenda of this record are missing.' });
		// Without the head, a shortened chain is still a consistent one: the limit is stated in chain.ts.
		expect((await verifyChain(chain.slice(0, 3))).ok).toBe(true);
	});

	it('the record itself missing, a second record, or an addendum of another record is refused', async () => {
		const chain = await chainOf(1);
		expect(await verifyChain([])).toMatchObject({ ok: false, problem: 'The signed record is missing.' });
		expect(await verifyChain(chain.slice(1))).toMatchObject({ ok: false, index: 0 });
		expect(await verifyChain([chain[0], chain[0]])).toMatchObject({ ok: false, index: 1 });
		const other = clone(chain);
		add(other, 1).recordId = 'rec-2';
		expect(await verifyChain(other)).toMatchObject({ ok: false, index: 1, problem: expect.stringContaining('belongs to another record') });
	});

	it('a record whose first link does not start the chain is refused', async () => {
		const chain = clone(await chainOf(0));
		const { linkHash } = await import('$lib/domain/record/chain');
		const r = rec(chain);
		r.prevHash = 'a'.repeat(64);
		const { hash: _h, prevHash: _p, ...content } = r;
		r.hash = await linkHash('record', content, r.prevHash);
		expect(await verifyChain(chain)).toMatchObject({ ok: false, index: 0, problem: expect.stringContaining('does not start its history') });
	});

	it('a damaged entry (null, no content) is reported, not thrown', async () => {
		const chain = await chainOf(1);
		expect(await verifyChain([chain[0], null as never])).toEqual({ ok: false, index: 1, problem: "Entry 2 of this record's history is damaged." });
		expect(await verifyChain([{ kind: 'record', entry: null } as never])).toMatchObject({ ok: false, index: 0 });
		// The first entry itself missing or not an entry.
		for (const first of [null, undefined, 7, 'record']) {
			expect(await verifyChain([first as never, chain[1]]), String(first)).toEqual({ ok: false, index: 0, problem: "Entry 1 of this record's history is damaged." });
		}
	});

	it('text is kept in NFC when signed, and hashed exactly as kept: a composed↔decomposed rewrite shows as a change', async () => {
		const chain = await chainOf(0);
		const composed = 'Jos\u00e9 felt the café stretch';
		const decomposed = composed.normalize('NFD');
		// Signed with decomposed text: the stored record holds it composed, and verifies.
		const { finalise } = await import('$lib/domain/record/lifecycle');
		const { readyDraft, practitioner } = await import('./helpers');
		const draft = readyDraft();
		const r = await finalise({ ...draft, soap: { ...draft.soap, a: decomposed } }, { practitioner: practitioner(), signature: drawn(), at: START + 2 * 3_600_000 });
		if (!r.ok) throw new Error(r.problems.join(' '));
		expect(r.record.soap.a).toBe(composed);
		const signed: ChainEntry[] = [{ kind: 'record', entry: r.record }];
		expect((await verifyChain(signed)).ok).toBe(true);
		// The same letters rewritten decomposed in storage are a change after signing.
		const rewritten = clone(signed);
		rec(rewritten).soap.a = decomposed;
		expect(await verifyChain(rewritten)).toMatchObject({ ok: false, index: 0, problem: expect.stringMatching(/changed after it was signed/) });
		// An addendum written decomposed is kept composed too.
		const { addAddendum } = await import('$lib/domain/record/lifecycle');
		const a = await addAddendum(signed, { id: 'add-nfd', text: decomposed, practitioner: practitioner(), signature: typed(), at: START + DAY });
		if (!a.ok) throw new Error(a.problems.join(' '));
		expect(a.addendum.text).toBe(composed);
		expect((await verifyChain([...signed, { kind: 'addendum', entry: a.addendum }])).ok).toBe(true);
		expect((await verifyChain(chain)).ok).toBe(true);
	});

	it('a hostile value inside an entry is reported, not thrown', async () => {
		const chain = clone(await chainOf(0));
		(rec(chain).soap as unknown as Record<string, unknown>).s = NaN;
		expect(await verifyChain(chain)).toMatchObject({ ok: false, index: 0, problem: expect.stringContaining('cannot be checked') });
	});

	it('an addendum dated before the entry it follows is refused, even with good hashes', async () => {
		const { sealAddendum } = await import('$lib/domain/record/chain');
		const chain = await chainOf(0);
		const early = await sealAddendum({ id: 'a', recordId: 'rec-1', text: 'x', practitioner: rec(chain).practitioner, signature: drawn(), signedAt: START - DAY }, rec(chain));
		expect(await verifyChain([...chain, { kind: 'addendum', entry: early }])).toMatchObject({ ok: false, index: 1, problem: expect.stringContaining('dated before') });
	});
});
