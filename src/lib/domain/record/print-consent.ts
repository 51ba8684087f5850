/**
 * Consents on paper: where each stands today, its lines
 * (who signed, which statement, the areas agreed) and its seal as checked when printing.
 */
import { formatDate, formatDateTime, isoDayOf } from '../dates';
import { regionByCode, regionLabel } from '../regions';
import { consentState } from './consent';
import type { ConsentCheck } from './consent-seal';
import type { Consent, IsoDay } from './types';
import type { Row } from './printout';
/** The first 16 hex digits of a hash, grouped in fours so a person can compare it: "ab12 cd34 …". */
export const shortHash = (hash: string) => (hash.slice(0, 16).match(/.{1,4}/g) ?? []).join(' ');

/** Which consent applied to a session: kept beside the consent's status (consent-status.ts). */
export { consentAt } from './consent-status';

export type ConsentStanding = 'in-force' | 'withdrawn' | 'earlier-text' | 'replaced' | 'not-valid';

/**
 * Where a consent stands today, among the client's: in force, withdrawn, signed for an earlier
 * text, replaced by a later one, or not valid (a minor signed alone, or it fails its check: a
 * consent that is not as signed never holds, as in the app).
 */
export function consentStanding(consent: Consent, all: readonly Consent[], currentTextHash: string, client: { dateOfBirth: IsoDay | null }, today: IsoDay, check?: ConsentCheck): { standing: ConsentStanding; words: string } {
	if (check?.state === 'broken') return { standing: 'not-valid', words: 'Not in force: it is not as signed (see "Checked")' };
	if (consent.withdrawnAt !== null) return { standing: 'withdrawn', words: `Withdrawn on ${formatDate(isoDayOf(consent.withdrawnAt))}` };
	if (consent.textHash !== currentTextHash) return { standing: 'earlier-text', words: 'Signed for an earlier text of the statement' };
	const later = all.some((c) => c.id !== consent.id && c.signedAt > consent.signedAt);
	if (later) return { standing: 'replaced', words: 'Replaced by a later consent' };
	const state = consentState(consent, currentTextHash, client, today);
	return state.valid ? { standing: 'in-force', words: 'In force' } : { standing: 'not-valid', words: `Not in force: ${state.words}` };
}

/**
 * A consent's own lines: who signed and when, which statement (its SHA-256: in full with `full`,
 * else the first 16 digits, which a reader matches against the whole record's list), the sensitive areas agreed.
 */
export function consentRows(c: Consent, full = false, check?: ConsentCheck): Row[] {
	const who = c.signer === 'guardian' && c.guardian ? `${c.guardian.name}${c.guardian.relationship ? ` (${c.guardian.relationship})` : ''}, for the client` : `${c.signerName} (the client)`;
	const areas = c.sensitiveAreas.flatMap((code) => {
		const r = regionByCode(code);
		return r ? [regionLabel(r)] : [];
	});
	return [
		{ label: 'Signed by', value: `${who}, ${formatDateTime(c.signedAt)}` },
		{ label: 'Statement', value: full ? `version ${shortHash(c.textHash)} (SHA-256 ${c.textHash})` : `version ${shortHash(c.textHash)}` },
		{ label: 'Sensitive areas', value: areas.length ? `${areas.join('; ')} (agreed)` : 'None agreed' },
		...(c.withdrawnAt !== null ? [{ label: 'Withdrawn', value: formatDateTime(c.withdrawnAt) }] : []),
		...(check ? [{ label: 'Checked', value: sealWords(check) }] : [])
	];
}

/** A consent's seal as checked when printing, in words. */
export function sealWords(check: ConsentCheck): string {
	if (check.state === 'sealed') return 'Verified: unchanged since signed.';
	if (check.state === 'unsealed') return check.words;
	return `NOT VERIFIED: ${check.problem}`;
}
