/**
 * What a record about to be signed lacks on consent, in the therapist's words: no signed consent
 * holding at the session, and each sensitive area listed in "Areas treated" the client did not
 * agree to. Warnings, not refusals: a therapist may hold consent on paper, so the sign step asks
 * them to acknowledge these instead of blocking. Pure; the Record tab shows them.
 */
import { formatDate, isoDayOf } from '../dates';
import { regionByCode, shortLabel } from '../regions';
import { consentState } from './consent';
import type { ConsentCheck } from './consent-seal';
import { consentAt, sensitiveAreasNamed } from './consent-status';
import type { Consent, IsoDay } from './types';

export const NO_CONSENT_WORDS = 'No signed consent from the client before this session';

export { sensitiveAreasNamed };

export interface SignConsentInput {
	/** The client's consents (as checked: `checks` by id). */
	consents: readonly Consent[];
	checks?: ReadonlyMap<string, ConsentCheck>;
	currentTextHash: string;
	dateOfBirth: IsoDay | null;
	/** The session's start; null (not started): now. */
	startedAt: number | null;
	now: number;
	/** The record's "Areas treated" lines, as the therapist left them. */
	areas: readonly string[];
	/** The plan's per-area consent (the planner's "Client consents to work here"). */
	planConsent: Readonly<Record<number, boolean>>;
}

/** Why the consent at the session does not hold, or '' when it does. */
function consentGap(input: SignConsentInput, at: number): { gap: string; held: Consent | null } {
	const consent = consentAt(input.consents, at);
	if (!consent) return { gap: NO_CONSENT_WORDS, held: null };
	if (input.checks?.get(consent.id)?.state === 'broken') return { gap: "The client's signed consent was changed after it was signed, so it does not hold", held: null };
	if (consent.withdrawnAt !== null && consent.withdrawnAt <= at) {
		return { gap: `The client withdrew their consent on ${formatDate(isoDayOf(consent.withdrawnAt))}, before this session`, held: null };
	}
	// A withdrawal after the session does not undo the consent the session had.
	const state = consentState({ ...consent, withdrawnAt: null }, input.currentTextHash, { dateOfBirth: input.dateOfBirth }, isoDayOf(at));
	return state.valid ? { gap: '', held: consent } : { gap: `The client's signed consent does not hold for this session: ${state.words}`, held: null };
}

/** Every consent warning for signing, in order: the consent itself, then each sensitive area treated without consent. */
export function signConsentWarnings(input: SignConsentInput): string[] {
	const at = input.startedAt ?? input.now;
	const { gap, held } = consentGap(input, at);
	const out = gap ? [gap] : [];
	for (const code of sensitiveAreasNamed(input.areas)) {
		if (input.planConsent[code] === true || held?.sensitiveAreas.includes(code)) continue;
		out.push(`${shortLabel(regionByCode(code)!)} treated without the client's consent to work there`);
	}
	return out;
}
