/**
 * Informed consent: the statement a client reads (short, plain, editable by the clinic), its
 * hash, the words for consent to sensitive areas, and whether a signed consent still holds: it
 * does until it is withdrawn or the clinic's statement changes. A client under 18 needs their
 * guardian's signature. Pure, apart from hashing.
 */
import { cleanText } from '../clean-text';
import { formatDate, isoDayOf } from '../dates';
import { regionByCode, shortLabel } from '../regions';
import { sha256Hex } from './chain';
import { ageOn } from './retention';
import type { Consent, IsoDay } from './types';

/** The statement offered until the clinic writes its own (settings). */
export const DEFAULT_CONSENT_TEXT = [
	'I agree to receive massage therapy from this clinic.',
	'The therapist has explained the treatment, what it may feel like, and its usual risks, such as soreness for a day or two. I can ask questions at any time.',
	'The information I have given about my health is true and complete as far as I know. I will tell the therapist about any change.',
	'Massage therapy does not replace medical care, and the therapist does not diagnose illness. I should see a doctor about any medical condition.',
	'I can ask the therapist to change the pressure, stop, or leave out any area at any time, and I can withdraw this consent at any time.',
	'My records are kept private on this device and kept for as long as the law requires.'
].join('\n\n');

/** The statement as it is kept and hashed: hidden characters out, line breaks as \n, no outer space. */
export function consentText(text: string): string {
	return cleanText(text, true).trim();
}

/** SHA-256 (hex) of the statement as kept, NFC: a change of any word gives another hash. */
export async function consentTextHash(text: string): Promise<string> {
	return sha256Hex(consentText(text).normalize('NFC'));
}

/** Whether a signed consent still holds the very statement its hash names (not changed since). */
export async function consentTextIntact(consent: Pick<Consent, 'text' | 'textHash'>): Promise<boolean> {
	return typeof consent.text === 'string' && (await consentTextHash(consent.text)) === consent.textHash;
}

/** The sensitive-area consent in the words the client reads, one line per area. */
export function sensitiveAreaWords(codes: readonly number[]): string[] {
	const seen = new Set<number>();
	const out: string[] = [];
	for (const code of [...codes].sort((a, b) => a - b)) {
		const r = regionByCode(code);
		if (!r || !r.sensitive || seen.has(code)) continue;
		seen.add(code);
		out.push(`I agree to massage of my ${lowerFirst(shortLabel(r))}.`);
	}
	return out;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Under 18 on `day`; null when the date of birth is not known. */
export function isMinorOn(dateOfBirth: IsoDay | null, day: IsoDay): boolean | null {
	const age = ageOn(dateOfBirth, day);
	return age === null ? null : age < 18;
}

export type ConsentState =
	| { valid: true; words: string }
	| { valid: false; reason: 'none' | 'withdrawn' | 'text-changed' | 'needs-guardian' | 'now-adult'; words: string };

/**
 * Whether `consent` holds for a session on `day`, against the clinic's current statement hash.
 * A minor needs a guardian's signature; a consent the client signed alone before they turned 18
 * never held. Once the client is 18 they consent for themselves: a guardian's signature no longer
 * holds (the conservative reading; a clinic re-asks at the first adult visit).
 */
export function consentState(
	consent: Consent | null,
	currentTextHash: string,
	client: { dateOfBirth: IsoDay | null },
	day: IsoDay,
	locale?: string
): ConsentState {
	if (!consent) return { valid: false, reason: 'none', words: 'No signed consent yet. Please ask the client to read and sign it.' };
	const signed = formatDate(isoDayOf(consent.signedAt), locale);
	if (consent.withdrawnAt !== null) {
		return { valid: false, reason: 'withdrawn', words: `The client withdrew their consent on ${formatDate(isoDayOf(consent.withdrawnAt), locale)}. Ask them to sign again before treating.` };
	}
	if (consent.textHash !== currentTextHash) {
		return { valid: false, reason: 'text-changed', words: `The consent signed on ${signed} was for an earlier statement. Ask the client to read and sign the current one.` };
	}
	const minorAtSigning = isMinorOn(client.dateOfBirth, isoDayOf(consent.signedAt));
	if (minorAtSigning && (consent.signer !== 'guardian' || !consent.guardian)) {
		return { valid: false, reason: 'needs-guardian', words: 'The client was under 18 when they signed, so a parent or guardian must sign for them.' };
	}
	if (isMinorOn(client.dateOfBirth, day) && consent.signer !== 'guardian') {
		return { valid: false, reason: 'needs-guardian', words: 'The client is under 18, so a parent or guardian must sign for them.' };
	}
	if (consent.signer === 'guardian' && isMinorOn(client.dateOfBirth, day) === false) {
		return { valid: false, reason: 'now-adult', words: 'The client has turned 18 since a guardian signed for them. Ask them to read and sign it themselves.' };
	}
	const by = consent.signer === 'guardian' && consent.guardian ? ` by ${consent.guardian.name} (${consent.guardian.relationship || 'guardian'})` : '';
	return { valid: true, words: `Consent signed${by} on ${signed}.` };
}

/** Who must sign for a client on `day`: 'guardian' for a minor, 'client' otherwise (also when the age is unknown). */
export function requiredSigner(client: { dateOfBirth: IsoDay | null }, day: IsoDay): 'client' | 'guardian' {
	return isMinorOn(client.dateOfBirth, day) ? 'guardian' : 'client';
}
