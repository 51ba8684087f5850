import { describe, expect, it } from 'vitest';
import { verifyChain } from '$lib/domain/record/chain';
import { finalise, snapshotOf } from '$lib/domain/record/lifecycle';
import { formatDateTime } from '$lib/domain/dates';
import { codeOf } from '$lib/domain/regions';
import { CONSENT_OTHERWISE, chainWords, clientBlocks, consentAt, consentRows, consentStanding, inkViewBox, pieces, practitionerRows, sessionBlocks, type PrintBlock, type SessionPrint } from '$lib/domain/record/printout';
import type { ConsentCheck } from '$lib/domain/record/consent-seal';
import type { Addendum, ClientDetails, Consent, LockedRecord } from '$lib/domain/record/types';
import { chainOf, DAY, drawn, HOUR, practitioner, readyDraft, START } from './helpers';

const details: ClientDetails = {
	dateOfBirth: '1986-07-14', gender: 'female', address: '9 Rose Lane', emergencyContact: { name: 'Tom Lowe', relationship: 'partner', phone: '0411 222 333' },
	referrer: 'Dr Ng', occupation: 'Teacher', medicalHistory: 'Knee surgery 2015', medications: 'Ibuprofen', allergies: 'Almond oil', pregnancy: 'yes', pregnancyNote: '20 weeks', guardian: null
};

function consent(id: string, signedAt: number, over: Partial<Consent> = {}): Consent {
	return { id, clientId: 'client-1', text: 'I agree.', textHash: 'a'.repeat(64), signer: 'client', signerName: 'Mia Lowe', guardian: null, signature: drawn(), signedAt, sensitiveAreas: [], withdrawnAt: null, ...over };
}

/** Every word a block prints, for looking things up. */
function words(blocks: PrintBlock[]): string {
	return JSON.stringify(blocks);
}

async function signedInput(addenda = 2): Promise<SessionPrint> {
	const chain = await chainOf(addenda);
	const check = await verifyChain(chain);
	return {
		record: chain[0].entry as LockedRecord,
		plan: { id: 'plan-1', title: 'Low back', date: '2026-12-03' },
		client: { name: 'Mia Lowe', contact: 'mia@example.org' },
		details,
		practitioner: null,
		consents: [consent('k-1', START - HOUR)],
		addenda: chain.slice(1).map((e) => e.entry as Addendum),
		check,
		head: check.ok ? check.head.hash : '',
		today: '2026-12-10'
	};
}

describe('the printed record of one session', () => {
	it('holds every item in reading order: title, people, SOAP, the closing with signatures and the chain, then each addendum', async () => {
		const input = await signedInput();
		const blocks = sessionBlocks(input);
		expect(blocks.map((b) => b.section)).toEqual(['title', 'people', 's', 'o', 'a', 'p', 'p', 'p', 'closing', 'bodies', ...['addendum:1', 'addendum:1', 'addendum:1', 'addendum:2', 'addendum:2', 'addendum:2']]);
		const all = words(blocks);
		for (const item of ['Alex Moreno', 'membership no. M12345', 'Bupa B123456', 'Moreno Remedial', 'ABN / tax no. 51 824 753 556', '1 Main St, Newtown NSW 2042', 'phone 0400 000 000', 'Dr Ng', 'Knee surgery 2015', 'Ibuprofen', 'Almond oil', 'Yes: 20 weeks', 'Tom Lowe · partner', 'Mia Lowe (the client)', 'version aaaa aaaa aaaa aaaa', 'Planned length', '60 min', '(took 60 min)', 'Responded well; less guarding by the end.', 'Low back, 20 min', 'Remedial massage', '3 · Moderate', 'Correction 1: the right side was also treated.', 'Correction 2']) {
			expect(all).toContain(item);
		}
		const closing = blocks.find((b) => b.kind === 'closing')!;
		if (closing.kind !== 'closing') throw new Error();
		expect(closing.onFirstPage).toBe(true);
		expect(closing.items.map((i) => i.signature?.kind)).toEqual(['drawn', 'drawn']);
		expect(closing.chain).toEqual({ ok: true, words: 'Verified: unchanged since signed (with its 2 addenda).', head: input.head });
		expect(blocks[0]).toMatchObject({ kind: 'title', draft: false });
	});

	it('prints the session’s health check answers: each yes in the question’s words, then how many were no or not answered', async () => {
		// A draft prints the plan's answers as they stand.
		const input = { ...(await signedInput(0)), record: readyDraft(), addenda: [], check: null, head: '' };
		const rowOf = (health?: Record<string, boolean>) => {
			const people = sessionBlocks({ ...input, plan: { ...input.plan, health } }).find((b) => b.kind === 'columns');
			if (people?.kind !== 'columns') throw new Error();
			return people.columns.flat().flatMap((g) => g.rows).find((r) => r.label === 'Health check')?.value;
		};
		expect(rowOf({ clot: true, thinners: true, fever: false })).toBe(
			'Yes: A blood clot now or in the past (for example in a leg)?\nYes: Taking blood thinners?\n1 no, 8 not answered'
		);
		const allNo = Object.fromEntries(['accident', 'acute', 'fever', 'clot', 'thinners', 'osteoporosis', 'pregnancy', 'surgery', 'skin', 'cancer', 'nerve'].map((id) => [id, false]));
		expect(rowOf(allNo)).toBe('No to all 11 questions');
		expect(rowOf({ ...allNo, fever: true })).toBe('Yes: A fever, or feeling unwell with an infection?\nNo to the 10 others');
		expect(rowOf({ accident: false, acute: false, fever: false, clot: false, thinners: false, osteoporosis: false })).toBe('6 no, 5 not answered');
		expect(rowOf({})).toBe('None of the 11 questions answered');
		expect(rowOf(undefined)).toBe('None of the 11 questions answered');
	});

	it('prints a signed record’s own sealed health check, whatever the plan says now', async () => {
		const r = await finalise(readyDraft(), { practitioner: practitioner(), signature: drawn(), at: START + 2 * HOUR, health: { thinners: true, fever: false } });
		if (!r.ok) throw new Error(r.problems.join(' '));
		const input = await signedInput(0);
		const rowsOf = (over: Partial<SessionPrint>) => {
			const people = sessionBlocks({ ...input, ...over }).find((b) => b.kind === 'columns');
			if (people?.kind !== 'columns') throw new Error();
			return people.columns.flat().flatMap((g) => g.rows);
		};
		const health = (over: Partial<SessionPrint>) => rowsOf(over).find((row) => row.label === 'Health check')?.value;
		const planNow = { ...input.plan, health: { pregnancy: true, cancer: true } };
		expect(health({ record: r.record, plan: planNow })).toBe('Yes: Taking blood thinners?\n1 no, 9 not answered');
		// Signed before the answers were sealed with it: the plan's, said to be so.
		const { health: _h, ...older } = r.record;
		expect(health({ record: older as LockedRecord, plan: planNow })).toMatch(/^Yes: Pregnant\?\nYes: Having treatment for cancer\?\n.*\n\(From the session's plan as it is now: this record was signed before the health check was sealed with it\.\)$/);
		// The practitioner's word on consent, sealed at signing, printed beside the consent.
		expect(rowsOf({ record: r.record }).some((row) => row.label === 'At signing')).toBe(false);
		const declared = await finalise(readyDraft(), { practitioner: practitioner(), signature: drawn(), at: START + 2 * HOUR, consentOtherwise: true });
		if (!declared.ok) throw new Error();
		expect(rowsOf({ record: declared.record, consents: [] }).find((row) => row.label === 'At signing')?.value).toBe(CONSENT_OTHERWISE);
	});

	it('says how many changes the record went through before signing and when, kept in its history', async () => {
		const input = await signedInput(0);
		const rowOf = (over: Partial<SessionPrint>) => {
			const people = sessionBlocks({ ...input, ...over }).find((b) => b.kind === 'columns');
			if (people?.kind !== 'columns') throw new Error();
			return people.columns.flat().flatMap((g) => g.rows).find((r) => r.label === 'History')?.value;
		};
		expect(rowOf({ history: [{ at: START }, { at: START + HOUR }, { at: START + HOUR }] })).toMatch(/^3 changes before signing, .+ to .+, each kept with its time and who made it$/);
		expect(rowOf({ history: [] })).toBe('No changes before signing');
		expect(rowOf({ record: readyDraft(), history: [] })).toBe('No changes so far');
		expect(rowOf({})).toBeUndefined();
		// A history that could not be read is said in its place; the record still prints.
		expect(rowOf({ history: [], historyProblem: 'A change to this record cannot be read.' })).toBe('Could not be read: A change to this record cannot be read.');
	});

	it('names the practitioner as signed, not as the profile stands now', async () => {
		const input = await signedInput(0);
		const blocks = sessionBlocks({ ...input, practitioner: snapshotOf(practitioner({ fullName: 'Renamed Since' })) });
		expect(words(blocks)).toContain('Alex Moreno');
		expect(words(blocks)).not.toContain('Renamed Since');
	});

	it('marks a draft, with the chosen practitioner, no practitioner signature and no chain', () => {
		const record = readyDraft();
		const blocks = sessionBlocks({ record, plan: { id: 'plan-1', title: '', date: '2026-12-03' }, client: { name: 'Mia Lowe', contact: '' }, details: null, practitioner: snapshotOf(practitioner()), consents: [], addenda: [], check: null, head: '', today: '2026-12-03' });
		expect(blocks[0]).toMatchObject({ kind: 'title', draft: true, note: 'Draft — not signed. This record can still be changed; it is not a signed treatment record.' });
		const closing = blocks.find((b) => b.kind === 'closing');
		expect(closing).toMatchObject({ items: [{ signature: null, missing: 'No signed consent before this session.' }, { signature: null, missing: 'Draft — not signed.' }], chain: { ok: null, head: '' } });
		expect(words(blocks)).toContain('Alex Moreno');
		expect(words(blocks)).toContain('No signed consent before this session.');
	});

	it('names the sensitive areas in Areas treated that the consent in force does not agree to, or that had no signed consent', async () => {
		const input = await signedInput(0);
		const glutesL = codeOf('gluteus-maximus-l');
		const record = { ...input.record, areas: ['Left buttock (glutes), 12 min', 'Right buttock (glutes), 12 min', 'Low back, 20 min'] };
		const row = (consents: Consent[]) => {
			const people = sessionBlocks({ ...input, record, consents }).find((b) => b.kind === 'columns');
			return people?.kind === 'columns' ? people.columns[0][0].rows.find((r) => r.label === 'Sensitive areas treated')?.value : undefined;
		};
		expect(row([])).toBe('Left buttock (glutes); Right buttock (glutes): with no signed consent.');
		expect(row([consent('k-1', START - HOUR, { sensitiveAreas: [glutesL] })])).toBe('Right buttock (glutes): not among the areas this consent agrees to.');
		expect(row([consent('k-1', START - HOUR, { sensitiveAreas: [glutesL, codeOf('gluteus-maximus-r')] })])).toBeUndefined();
		// The record as signed, unchanged by the row: it is printed, not stored.
		expect(sessionBlocks(input).some((b) => JSON.stringify(b).includes('Sensitive areas treated'))).toBe(false);
	});

	it('a draft not started yet shows the consent signed since it was made', () => {
		const record = { ...readyDraft(), startedAt: null, endedAt: null };
		const blocks = sessionBlocks({ record, plan: { id: 'plan-1', title: '', date: '2026-12-03' }, client: { name: 'Mia Lowe', contact: '' }, details: null, practitioner: null, consents: [consent('k', record.createdAt + HOUR)], addenda: [], check: null, head: '', today: '2026-12-03' });
		expect(words(blocks)).toContain('Mia Lowe (the client)');
		expect(words(blocks)).not.toContain('"value":"No signed consent before this session."');
		expect(blocks.find((b) => b.kind === 'closing')).toMatchObject({ items: [{ signature: { kind: 'drawn' } }, { signature: null }] });
	});

	it('says in the consent section when another consent row cannot be read and could bear on the session, signed or draft; not when it cannot', async () => {
		const input = await signedInput(0);
		// The consent shown was signed an hour before the session (START); the session ran START to START + 1 h.
		const consentLines = (over: Partial<SessionPrint>) => {
			const people = sessionBlocks({ ...input, ...over }).find((b) => b.kind === 'columns');
			if (people?.kind !== 'columns') throw new Error();
			const group = people.columns.flat().find((g) => g.heading === 'Consent in force at this session')!;
			return group.rows.filter((r) => r.value.startsWith('NOT VERIFIED')).map((r) => r.value);
		};
		const between = { id: 'x-between', signedAt: START - HOUR / 2 };
		const unknown = { id: 'x-unknown', signedAt: null };
		const after = { id: 'x-after', signedAt: START + DAY };
		const before = { id: 'x-before', signedAt: START - 2 * HOUR };
		const expected = [
			`NOT VERIFIED: another consent record for this client, dated ${formatDateTime(between.signedAt)}, cannot be read; it may change or withdraw this consent.`,
			'NOT VERIFIED: another consent record for this client, of unknown date, cannot be read; it may change or withdraw this consent.'
		];
		expect(consentLines({ unreadableConsents: [after, unknown, before, between] })).toEqual(expected);
		// A draft says it the same way.
		expect(consentLines({ record: readyDraft(), unreadableConsents: [after, unknown, before, between] })).toEqual(expected);
		// Rows that cannot bear on it, or none: nothing said.
		expect(consentLines({ unreadableConsents: [after, before] })).toEqual([]);
		expect(consentLines({ unreadableConsents: [] })).toEqual([]);
		expect(consentLines({})).toEqual([]);
		// No readable consent before the session: an unreadable one dated before it may be the consent in force.
		expect(consentLines({ consents: [], unreadableConsents: [before, after] })).toEqual([
			`NOT VERIFIED: a consent record for this client, dated ${formatDateTime(before.signedAt)}, cannot be read; it may be the consent in force at this session.`
		]);
	});

	it('says in words when the chain fails, and never "Verified"', async () => {
		const input = await signedInput(0);
		const w = chainWords(input.record, { ok: false, index: 0, problem: 'The record of 3 Dec 2026 was changed after it was signed.' }, 0);
		expect(w).toEqual({ ok: false, words: 'NOT VERIFIED: The record of 3 Dec 2026 was changed after it was signed.' });
		expect(chainWords(input.record, null, 0).words).toMatch(/^Not verified: /);
	});

	it('cuts long notes into pieces at sentence ends, so a page can end inside them, losing no word', () => {
		const text = Array.from({ length: 30 }, (_, i) => `Sentence ${i + 1} about the low back and the hips.`).join(' ');
		const ps = pieces(`${text}\n\nSecond paragraph.`, 420);
		expect(ps).toHaveLength(2);
		expect(ps[0].length).toBeGreaterThan(1);
		for (const p of ps[0]) expect(p.length).toBeLessThanOrEqual(420);
		expect(ps[0].every((p) => p.endsWith('.'))).toBe(true);
		expect(ps[0].join(' ')).toBe(text);
	});
});

describe('consents on paper', () => {
	it('takes the consent signed last before the session', () => {
		const list = [consent('a', START - 10 * DAY), consent('b', START - DAY), consent('c', START + DAY)];
		expect(consentAt(list, START)?.id).toBe('b');
		expect(consentAt(list, START - 20 * DAY)).toBeNull();
	});

	it('says where each stands: in force, withdrawn, for an earlier text, replaced, or not valid for a minor', () => {
		const current = 'a'.repeat(64);
		const older = consent('old', START - 30 * DAY, { textHash: 'b'.repeat(64) });
		const gone = consent('gone', START - 20 * DAY, { withdrawnAt: START - 19 * DAY });
		const first = consent('first', START - 10 * DAY);
		const now = consent('now', START - DAY);
		const all = [older, gone, first, now];
		const adult = { dateOfBirth: '1986-07-14' };
		expect(consentStanding(older, all, current, adult, '2026-12-03').standing).toBe('earlier-text');
		expect(consentStanding(gone, all, current, adult, '2026-12-03')).toMatchObject({ standing: 'withdrawn', words: expect.stringMatching(/^Withdrawn on /) });
		expect(consentStanding(first, all, current, adult, '2026-12-03').standing).toBe('replaced');
		expect(consentStanding(now, all, current, adult, '2026-12-03')).toEqual({ standing: 'in-force', words: 'In force' });
		expect(consentStanding(now, all, current, { dateOfBirth: '2012-01-01' }, '2026-12-03').standing).toBe('not-valid');
	});

	it('gives the statement’s hash in full in the whole record, its first 16 digits on a session', () => {
		const c = consent('a', START, { sensitiveAreas: [32] });
		expect(consentRows(c).find((r) => r.label === 'Statement')?.value).toBe('version aaaa aaaa aaaa aaaa');
		expect(consentRows(c, true).find((r) => r.label === 'Statement')?.value).toContain('a'.repeat(64));
		expect(consentRows(c).find((r) => r.label === 'Sensitive areas')?.value).toBe('Left chest (pecs, pectoralis major) (agreed)');
		expect(consentRows(consent('g', START, { signer: 'guardian', guardian: { name: 'Ann Lowe', relationship: 'mother', phone: '' } }))[0].value).toMatch(/^Ann Lowe \(mother\), for the client, /);
	});
});

describe('the whole record', () => {
	it('starts with the client and every consent, oldest first, each with its signature and statement', () => {
		const blocks = clientBlocks({
			client: { name: 'Mia Lowe', contact: '' }, details, consents: [consent('b', START), consent('a', START - DAY, { withdrawnAt: START - HOUR })],
			currentTextHash: 'a'.repeat(64), sessions: [{ date: '2026-12-03', title: 'Low back', draft: false }, { date: '2026-12-10', title: '', draft: true }], today: '2026-12-10'
		});
		const all = words(blocks);
		expect(all).toContain('2 sessions');
		expect(all).toContain('(draft — not signed)');
		expect(all.indexOf('Consent 1')).toBeLessThan(all.indexOf('Consent 2'));
		expect(blocks.filter((b) => b.kind === 'signatures')).toHaveLength(2);
		expect(all).toContain('The statement signed');
		expect(all).toMatch(/"Consent 1","value":"Withdrawn on /);
		expect(all).toContain('"Consent 2","value":"In force"');
	});

	it('prints each consent’s seal as checked now: verified, kept before sealing, changed, or a row that cannot be read', () => {
		const checks = new Map<string, ConsentCheck>([
			['a', { state: 'sealed' }],
			['b', { state: 'broken', problem: 'The consent Mia Lowe signed on Dec 3, 2026 was changed after it was signed.' }],
			['c', { state: 'unsealed', words: 'Signed before Somamap sealed consents.' }],
			['gone', { state: 'broken', problem: 'A consent of Mia Lowe kept on this device holds something a consent cannot hold.' }]
		]);
		const blocks = clientBlocks({
			client: { name: 'Mia Lowe', contact: '' }, details, consents: [consent('a', START - 2 * DAY), consent('b', START - DAY), consent('c', START)], consentChecks: checks,
			currentTextHash: 'a'.repeat(64), sessions: [], today: '2026-12-10'
		});
		const all = words(blocks);
		expect(all).toContain('"Checked","value":"Verified: unchanged since signed."');
		expect(all).toContain('"Checked","value":"NOT VERIFIED: The consent Mia Lowe signed on Dec 3, 2026 was changed after it was signed."');
		expect(all).toContain('"Checked","value":"Signed before Somamap sealed consents."');
		expect(all).toContain('A consent that cannot be read');
		expect(all).toContain('NOT VERIFIED: A consent of Mia Lowe kept on this device holds something');
		// On a session's record, the consent in force there carries its check too.
		const session = sessionBlocks({ record: readyDraft(), plan: { id: 'plan-1', title: '', date: '2026-12-03' }, client: { name: 'Mia Lowe', contact: '' }, details: null, practitioner: null, consents: [consent('b', START - HOUR)], consentChecks: checks, addenda: [], check: null, head: '', today: '2026-12-03' });
		expect(words(session)).toContain('NOT VERIFIED: The consent Mia Lowe signed on Dec 3, 2026 was changed');
	});

	it('never lets a consent that fails its check stand for another: not in force, its own text printed, a later one printing its own', () => {
		const checks = new Map<string, ConsentCheck>([
			['a', { state: 'broken', problem: 'The consent Mia Lowe signed on Dec 1, 2026 does not hold the statement that was signed.' }],
			['b', { state: 'sealed' }]
		]);
		const blocks = clientBlocks({
			client: { name: 'Mia Lowe', contact: '' }, details, consents: [consent('a', START - DAY, { text: 'I agree. Edited later.' }), consent('b', START)], consentChecks: checks,
			currentTextHash: 'a'.repeat(64), sessions: [], today: '2026-12-10'
		});
		const all = words(blocks);
		expect(all).toContain('"Consent 1","value":"Not in force: it is not as signed');
		expect(all).not.toContain('The same statement as Consent 1');
		expect(blocks.filter((b) => b.key.startsWith('consent:b:text:'))).not.toHaveLength(0);
		expect(all).toContain('"Consent 2","value":"In force"');
	});

	it('prints each consent statement in full once: a later consent of the same text names the first', () => {
		const statement = 'I agree to massage treatment and can stop it at any time.';
		const blocks = clientBlocks({
			client: { name: 'Mia Lowe', contact: '' }, details,
			consents: [consent('old', START - 9 * DAY, { text: 'An earlier statement.', textHash: 'b'.repeat(64) }), consent('a', START - DAY, { text: statement, withdrawnAt: START - HOUR }), consent('b', START, { text: statement })],
			currentTextHash: 'a'.repeat(64), sessions: [], today: '2026-12-10'
		});
		const texts = blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : []));
		expect(texts.filter((t) => t === statement)).toHaveLength(1);
		expect(texts).toContain('An earlier statement.');
		expect(texts).toContain('The same statement as Consent 2 (version aaaa aaaa aaaa aaaa), printed there in full.');
	});

	it('a session of a whole record starts on a new page', async () => {
		expect(sessionBlocks(await signedInput(0), true)[0].newPage).toBe(true);
	});
});

describe('practitioner and signatures on paper', () => {
	it('leaves out what the profile does not have, and says so when no one is chosen', () => {
		expect(practitionerRows(snapshotOf(practitioner({ taxNumber: '', providerNumbers: [] }))).map((r) => r.label)).toEqual(['Name', 'Association', 'Business', 'Address']);
		expect(practitionerRows(null)).toEqual([{ label: 'Practitioner', value: 'Not chosen yet' }]);
	});

	it('crops a drawn signature to its ink (with a margin), inside the pad', () => {
		expect(inkViewBox({ width: 600, height: 200, strokes: [[{ x: 100, y: 50 }, { x: 300, y: 120 }]] })).toBe('92 42 216 86');
		expect(inkViewBox({ width: 600, height: 200, strokes: [[{ x: 2, y: 1 }, { x: 599, y: 199 }]] })).toBe('0 0 600 200');
		expect(inkViewBox({ width: 600, height: 200, strokes: [] })).toBe('0 0 600 200');
	});
});
