/**
 * A consent row of the client that cannot be read may be a later consent or a withdrawal: when it
 * could bear on a session, the session's record must say so instead of claiming the consent it
 * shows was in force. Pure; the store gives the rows' ids and raw dates (`Consents.checked`).
 */
import { formatDateTime } from '../dates';
import { consentAt } from './print-consent';
import type { Consent } from './types';

/** A consent row that could not be read: its id, and its signing date when that much of it is readable. */
export interface UnreadableConsent {
	id: string;
	signedAt: number | null;
}

/** A date a Date can show; anything else (text, NaN, out of range) is "unknown". */
const knownTime = (ms: unknown): ms is number => typeof ms === 'number' && Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;

/**
 * The unreadable rows that could bear on a session at `at` whose record shows `shown` (the consent
 * found in force then, or null): dated at or before the session and at or after the shown consent
 * (the same moment could be either), or of unknown date. Those dated after the session, or before
 * the shown consent, cannot change what held at it. Oldest first, unknown dates last.
 */
export function unreadableBearing(unreadable: readonly UnreadableConsent[], shown: Pick<Consent, 'signedAt'> | null, at: number): UnreadableConsent[] {
	const from = shown ? shown.signedAt : -Infinity;
	const bearing = unreadable.filter((u) => !knownTime(u.signedAt) || (u.signedAt >= from && u.signedAt <= at));
	return bearing.map((u) => ({ id: u.id, signedAt: knownTime(u.signedAt) ? u.signedAt : null })).sort((a, b) => (a.signedAt ?? Infinity) - (b.signedAt ?? Infinity));
}

/**
 * Each bearing row in the therapist's words, as plainly as the other "NOT VERIFIED" lines:
 * "NOT VERIFIED: another consent record for this client, dated Nov 3, 2026, 9:15 AM, cannot be
 * read; it may change or withdraw this consent." With no consent shown, it may be the one in force.
 * `consentWords` names the consent shown ("this consent" on paper, right below it).
 */
export function doubtWords(bearing: readonly UnreadableConsent[], shown: boolean, locale?: string, consentWords = 'this consent'): string[] {
	return bearing.map((u) => {
		const dated = u.signedAt === null ? 'of unknown date' : `dated ${formatDateTime(u.signedAt, locale)}`;
		return shown
			? `NOT VERIFIED: another consent record for this client, ${dated}, cannot be read; it may change or withdraw ${consentWords}.`
			: `NOT VERIFIED: a consent record for this client, ${dated}, cannot be read; it may be the consent in force at this session.`;
	});
}

/**
 * The doubts over the consent in force at a session that started at `startedAt` (not started yet:
 * the consent in force now), for a screen that does not show that consent itself (the planner's
 * Record tab): the same rows and words as the printed record, naming the consent plainly.
 */
export function sessionDoubts(consents: readonly Consent[], unreadable: readonly UnreadableConsent[], startedAt: number | null, locale?: string): string[] {
	const at = startedAt ?? Number.MAX_SAFE_INTEGER;
	const shown = consentAt(consents, at);
	return doubtWords(unreadableBearing(unreadable, shown, at), !!shown, locale, 'the consent in force at this session');
}
