import { describe, expect, it } from 'vitest';
import { addAddendum, appendHistory, editDraft, finalise, isLocked, newDraft } from '$lib/domain/record/lifecycle';
import { verifyChain } from '$lib/domain/record/chain';
import { RECORD_TEXT } from '$lib/domain/limits';
import type { ChainEntry, HistoryEntry, LockedRecord, TreatmentRecord } from '$lib/domain/record/types';
import { chainOf, DAY, drawn, HOUR, practitioner, readyDraft, signed, START, typed } from './helpers';

const by = { at: START + 3 * HOUR, practitionerId: 'prac-1' };
const blank = () => newDraft({ id: 'rec-1', planId: 'plan-1', clientId: 'client-1' }, 60, { s: 'S', areas: ['Neck, 10 min'], techniques: ['Stretching'], pressure: '2 · Light' }, START);

describe('a draft and its history', () => {
	it('a new draft holds the prefilled S, areas, techniques and pressure, and nothing signed', () => {
		const d = blank();
		expect(d).toMatchObject({ status: 'draft', practitionerId: null, startedAt: null, endedAt: null, plannedMin: 60, areas: ['Neck, 10 min'], pressure: '2 · Light' });
		expect(d.soap).toEqual({ s: 'S', o: { general: '', regions: {} }, a: '', p: { homeCare: '', nextSession: '', referral: '' } });
		expect(isLocked(d)).toBe(false);
	});

	it('each changed field is applied and kept as one history entry: field, old, new, time, practitioner', () => {
		const d = blank();
		const r = editDraft(d, { a: 'Less guarding', homeCare: 'Heat at night', oRegions: { 16: 'Tight, tender' }, areas: ['Neck, 15 min'], s: 'S' }, by);
		if (!r.ok) throw new Error(r.problem);
		expect(r.record.soap.a).toBe('Less guarding');
		expect(r.record.soap.p.homeCare).toBe('Heat at night');
		expect(r.record.soap.o.regions).toEqual({ 16: 'Tight, tender' });
		expect(r.record.updatedAt).toBe(by.at);
		expect(r.history).toEqual([
			{ recordId: 'rec-1', field: 'a', old: '', new: 'Less guarding', at: by.at, practitionerId: 'prac-1' },
			{ recordId: 'rec-1', field: 'homeCare', old: '', new: 'Heat at night', at: by.at, practitionerId: 'prac-1' },
			{ recordId: 'rec-1', field: 'oRegions', old: {}, new: { 16: 'Tight, tender' }, at: by.at, practitionerId: 'prac-1' },
			{ recordId: 'rec-1', field: 'areas', old: ['Neck, 10 min'], new: ['Neck, 15 min'], at: by.at, practitionerId: 'prac-1' }
		]);
		// The draft passed in is untouched.
		expect(d.soap.a).toBe('');
		expect(d.areas).toEqual(['Neck, 10 min']);
	});

	it('an edit that changes nothing adds nothing; hidden characters are cleaned first', () => {
		const r = editDraft(blank(), { s: 'S', pressure: '2 · Light\u202e' }, by);
		expect(r).toMatchObject({ ok: true, history: [] });
	});

	it('the history only grows: earlier entries are kept as they were', () => {
		const first = editDraft(blank(), { a: 'one' }, by);
		if (!first.ok) throw new Error(first.problem);
		const second = editDraft(first.record, { a: 'two' }, { ...by, at: by.at + 1000 }, first.history);
		if (!second.ok) throw new Error(second.problem);
		expect(second.history.map((h) => [h.old, h.new])).toEqual([['', 'one'], ['one', 'two']]);
		expect(second.history[0]).toEqual(first.history[0]);
	});

	it('a clock set back never puts a change before an earlier one', () => {
		const h: HistoryEntry[] = [{ recordId: 'r', field: 'a', old: '', new: 'x', at: 5000, practitionerId: null }];
		const r = appendHistory(h, [{ recordId: 'r', field: 'a', old: 'x', new: 'y', at: 1000, practitionerId: null }]);
		expect(r).toMatchObject({ ok: true, history: [{ at: 5000 }, { at: 5000, new: 'y' }] });
		expect(h).toHaveLength(1);
	});

	it('bad edits are refused in words and change nothing', () => {
		const d = blank();
		const cases: [Record<string, unknown>, RegExp][] = [
			[{ a: 'x'.repeat(RECORD_TEXT.long + 1) }, /Assessment is too long/],
			[{ startedAt: 'ten o’clock' }, /Start time must be a time/],
			[{ startedAt: START + HOUR, endedAt: START }, /cannot end before it started/],
			[{ areas: 'Neck' }, /Areas treated must be a list/],
			[{ oRegions: { abc: 'x' } }, /not on the body map/],
			[{ oRegions: { 999: 'x' } }, /not on the body map/],
			[{ oRegions: [] }, /notes per area/],
			[{ practitionerId: '../../etc' }, /choose a practitioner/],
			[{ status: 'locked' }, /“status” is not a part of a treatment record/],
			[{ __proto__: { a: 1 }, hash: 'x' }, /“hash” is not a part/]
		];
		for (const [edit, message] of cases) {
			const r = editDraft(d, edit as never, by);
			expect(r, JSON.stringify(edit)).toMatchObject({ ok: false, problem: expect.stringMatching(message) });
		}
	});
});

describe('finalise and sign', () => {
	it('locks the record with the practitioner as they were, the signature and a hash', async () => {
		const draft = readyDraft();
		const r = await finalise(draft, { practitioner: practitioner(), signature: drawn(), at: START + 2 * HOUR });
		if (!r.ok) throw new Error(r.problems.join());
		expect(r.record).toMatchObject({ status: 'locked', practitionerId: 'prac-1', signedAt: START + 2 * HOUR, prevHash: '' });
		expect(r.record.hash).toMatch(/^[0-9a-f]{64}$/);
		expect(r.record.practitioner).toEqual(expect.objectContaining({ fullName: 'Alex Moreno', membershipNumber: 'M12345' }));
		expect(r.record.practitioner).not.toHaveProperty('createdAt');
		expect(draft.status).toBe('draft');
		expect((await verifyChain([{ kind: 'record', entry: r.record }])).ok).toBe(true);
	});

	it('seals only the record’s own fields: nothing a row picked up rides into the hash', async () => {
		const draft = readyDraft();
		const row = { ...draft, dirty: true, soap: { ...draft.soap, extra: 'x' } } as TreatmentRecord;
		const r = await finalise(row, { practitioner: { ...practitioner(), pin: '1234' } as never, signature: drawn(), at: START + 2 * HOUR });
		const clean = await finalise(readyDraft(), { practitioner: practitioner(), signature: drawn(), at: START + 2 * HOUR });
		if (!r.ok || !clean.ok) throw new Error('not signed');
		expect(r.record).not.toHaveProperty('dirty');
		expect(r.record.soap).not.toHaveProperty('extra');
		expect(r.record.practitioner).not.toHaveProperty('pin');
		expect(r.record.hash).toBe(clean.record.hash);
	});

	it('names everything missing at once', async () => {
		const d = blank();
		const r = await finalise(d, { practitioner: null, signature: null, at: START });
		expect(r).toEqual({
			ok: false,
			problems: [
				'Please choose the practitioner who gave this treatment.',
				'Please record when the session started.',
				'Please record when the session ended.',
				'Please sign the record.'
			]
		});
	});

	it('refuses a dot for a signature, another practitioner, a nameless profile, or an end still to come', async () => {
		const d = readyDraft();
		const at = START + 2 * HOUR;
		expect(await finalise(d, { practitioner: practitioner(), signature: { kind: 'drawn', width: 600, height: 200, strokes: [[{ x: 1, y: 1, t: 0 }]] }, at })).toMatchObject({ ok: false, problems: [expect.stringMatching(/dot/)] });
		expect(await finalise(d, { practitioner: practitioner({ id: 'prac-2' }), signature: typed(), at })).toMatchObject({ ok: false, problems: [expect.stringMatching(/another practitioner/)] });
		expect(await finalise(d, { practitioner: practitioner({ fullName: ' ' }), signature: typed(), at })).toMatchObject({ ok: false, problems: [expect.stringMatching(/full name/)] });
		expect(await finalise(d, { practitioner: practitioner(), signature: typed(), at: START + 30 * 60_000 })).toMatchObject({ ok: false, problems: [expect.stringMatching(/ends after now/)] });
	});

	it('a typed name signs too (the keyboard alternative)', async () => {
		const r = await finalise(readyDraft(), { practitioner: practitioner(), signature: typed('  Alex Moreno '), at: START + 2 * HOUR });
		expect(r).toMatchObject({ ok: true, record: { signature: { kind: 'typed', name: 'Alex Moreno' } } });
	});
});

describe('a locked record refuses edits', () => {
	it('editDraft and finalise refuse it, saying to add an addendum, and nothing changes', async () => {
		const locked = await signed();
		const before = structuredClone(locked);
		const r = editDraft(locked, { a: 'changed' }, by, [], 'en-US');
		expect(r).toEqual({ ok: false, problem: 'This record was signed on Dec 3, 2026, 12:00 PM and can no longer be changed. Add an addendum to correct or add to it.' });
		expect(await finalise(locked, { practitioner: practitioner(), signature: typed(), at: START + DAY })).toMatchObject({ ok: false, problems: [expect.stringMatching(/can no longer be changed/)] });
		expect(locked).toEqual(before);
	});

	it('a row that claims to be a draft but carries a signature or hash is still locked', async () => {
		const locked = await signed();
		const posing = { ...locked, status: 'draft' } as unknown as TreatmentRecord;
		expect(isLocked(posing)).toBe(true);
		expect(editDraft(posing, { a: 'x' }, by)).toMatchObject({ ok: false });
	});
});

describe('addenda', () => {
	it('are dated, signed and linked after the record, which never changes', async () => {
		const chain = await chainOf(0);
		const record = structuredClone(chain[0].entry);
		const r = await addAddendum(chain, { id: 'add-1', text: '  The right side was also treated.\u0007 ', practitioner: practitioner(), signature: typed(), at: START + DAY });
		if (!r.ok) throw new Error(r.problems.join());
		expect(r.addendum).toMatchObject({ recordId: 'rec-1', text: 'The right side was also treated.', signedAt: START + DAY, prevHash: (chain[0].entry as LockedRecord).hash });
		expect(chain[0].entry).toEqual(record);
		expect((await verifyChain([...chain, { kind: 'addendum', entry: r.addendum }])).ok).toBe(true);
	});

	it('are refused without text, practitioner or a real signature', async () => {
		const chain = await chainOf(1);
		const r = await addAddendum(chain, { id: 'x', text: ' ', practitioner: null, signature: typed('1'), at: START });
		expect(r).toEqual({
			ok: false,
			problems: [
				'Please write the addendum: what is corrected or added, and why.',
				'Please choose the practitioner writing the addendum.',
				'Please type your name in letters to sign.'
			]
		});
	});

	it('with the clock set back are dated at the last signature, so the chain never runs backwards', async () => {
		const chain = await chainOf(1);
		const last = chain[chain.length - 1].entry;
		const r = await addAddendum(chain, { id: 'x', text: 'Also the neck.', practitioner: practitioner(), signature: typed(), at: last.signedAt - 3 * DAY });
		if (!r.ok) throw new Error(r.problems.join());
		expect(r.addendum.signedAt).toBe(last.signedAt);
		expect((await verifyChain([...chain, { kind: 'addendum', entry: r.addendum }])).ok).toBe(true);
	});

	it('are not signed onto a broken chain', async () => {
		const chain: ChainEntry[] = structuredClone(await chainOf(1));
		(chain[0].entry as LockedRecord).soap.a = 'rewritten';
		const r = await addAddendum(chain, { id: 'x', text: 'More', practitioner: practitioner(), signature: typed(), at: START + 5 * DAY });
		expect(r).toMatchObject({ ok: false, problems: [expect.stringMatching(/was changed after it was signed\. An addendum cannot be added/)] });
	});
});
