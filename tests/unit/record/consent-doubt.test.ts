import { describe, expect, it } from 'vitest';
import { doubtWords, sessionDoubts, unreadableBearing } from '$lib/domain/record/consent-status';
import { formatDateTime } from '$lib/domain/dates';
import { DAY, HOUR, START } from './helpers';

const shown = { signedAt: START - DAY };

describe('which unreadable consent rows could bear on a session', () => {
	it('those dated between the consent shown and the session (both ends included), and those of unknown date; unknown last', () => {
		const rows = [
			{ id: 'unknown', signedAt: null },
			{ id: 'after', signedAt: START + HOUR },
			{ id: 'at-session', signedAt: START },
			{ id: 'before-shown', signedAt: START - 2 * DAY },
			{ id: 'between', signedAt: START - HOUR },
			{ id: 'same-as-shown', signedAt: START - DAY }
		];
		expect(unreadableBearing(rows, shown, START).map((u) => u.id)).toEqual(['same-as-shown', 'between', 'at-session', 'unknown']);
	});

	it('a date that cannot be shown (text, NaN, out of range) counts as unknown', () => {
		const rows = [
			{ id: 'nan', signedAt: NaN },
			{ id: 'huge', signedAt: 1e20 },
			{ id: 'text', signedAt: '2026-12-03' as unknown as number }
		];
		expect(unreadableBearing(rows, shown, START)).toEqual([
			{ id: 'nan', signedAt: null },
			{ id: 'huge', signedAt: null },
			{ id: 'text', signedAt: null }
		]);
	});

	it('with no consent shown, any row dated at or before the session bears on it', () => {
		const rows = [
			{ id: 'long-ago', signedAt: START - 400 * DAY },
			{ id: 'after', signedAt: START + 1 }
		];
		expect(unreadableBearing(rows, null, START).map((u) => u.id)).toEqual(['long-ago']);
	});

	it('none unreadable, or none bearing: nothing to say', () => {
		expect(unreadableBearing([], shown, START)).toEqual([]);
		expect(unreadableBearing([{ id: 'after', signedAt: START + DAY }, { id: 'old', signedAt: START - 3 * DAY }], shown, START)).toEqual([]);
		expect(doubtWords([], true)).toEqual([]);
	});
});

describe('the doubt in words', () => {
	it('names the date, or says it is unknown, and what it may mean for the consent shown (or that it may be the one in force)', () => {
		const at = START - HOUR;
		expect(doubtWords([{ id: 'a', signedAt: at }, { id: 'b', signedAt: null }], true, 'en-US')).toEqual([
			`NOT VERIFIED: another consent record for this client, dated ${formatDateTime(at, 'en-US')}, cannot be read; it may change or withdraw this consent.`,
			'NOT VERIFIED: another consent record for this client, of unknown date, cannot be read; it may change or withdraw this consent.'
		]);
		expect(doubtWords([{ id: 'a', signedAt: at }], false, 'en-US')).toEqual([
			`NOT VERIFIED: a consent record for this client, dated ${formatDateTime(at, 'en-US')}, cannot be read; it may be the consent in force at this session.`
		]);
	});
});

describe('the doubts over a session’s consent, for the Record tab', () => {
	const consent = (id: string, signedAt: number) => ({ id, clientId: 'c', text: 'I agree.', textHash: 'a'.repeat(64), signer: 'client' as const, signerName: 'Mia Lowe', guardian: null, signature: { kind: 'typed' as const, name: 'Mia Lowe' }, signedAt, sensitiveAreas: [], withdrawnAt: null });
	it('finds the consent in force at the session itself, even when a later one was signed since, and names the one it may change', () => {
		const consents = [consent('then', START - DAY), consent('since', START + 2 * DAY)];
		const rows = [{ id: 'x', signedAt: START - HOUR }, { id: 'y', signedAt: START + DAY }];
		expect(sessionDoubts(consents, rows, START, 'en-US')).toEqual([
			`NOT VERIFIED: another consent record for this client, dated ${formatDateTime(START - HOUR, 'en-US')}, cannot be read; it may change or withdraw the consent in force at this session.`
		]);
		// Not started yet: the consent in force now, so a row dated after the later consent bears on it, one before it does not.
		expect(sessionDoubts(consents, rows, null, 'en-US')).toEqual([]);
		expect(sessionDoubts(consents, [{ id: 'z', signedAt: START + 3 * DAY }], null, 'en-US')).toHaveLength(1);
		expect(sessionDoubts(consents, [], START)).toEqual([]);
	});
});
