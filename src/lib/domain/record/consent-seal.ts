/**
 * The seal of a signed consent, like a locked record's (chain.ts): at signing, SHA-256 (Web
 * Crypto) of the whole consent as stored — statement, its hash, who signed, the guardian, the
 * signature, the date, the sensitive areas — in canonical JSON, text in NFC at write time. A
 * withdrawal is its own sealed step linked to the signing's seal, so withdrawing never touches
 * what was signed. Editing any signed field, the withdrawal date, or clearing a sealed withdrawal
 * shows as changed.
 *
 * A consent kept before sealing existed has no seal: it is shown as "signed before sealing" and
 * only its statement is checked; it is never sealed afterwards, since a seal made later would
 * vouch for a row nobody watched between the signing and then (docs/RECORD.md).
 */
import { formatDate, isoDayOf } from '../dates';
import { canonicalJson, nfcText } from './canonical';
import { sha256Hex } from './chain';
import { consentTextIntact } from './consent';
import type { Consent } from './types';

/** Not the records' recipe: a consent's seal can never pass for a record's, or the reverse. */
const RECIPE = 'somamap-consent-1';

type Signed = Omit<Consent, 'hash' | 'withdrawnAt' | 'withdrawalHash'>;

/** What the signing seals: the consent without its seals and its withdrawal. */
function signedPart(c: Consent | Signed): Signed {
	const { hash: _h, withdrawnAt: _w, withdrawalHash: _wh, ...rest } = c as Consent;
	return rest;
}

const signingHash = (part: Signed) => sha256Hex(canonicalJson({ recipe: RECIPE, kind: 'consent', prev: '', body: part }));
const withdrawalHashOf = (c: Pick<Consent, 'id' | 'hash'>, at: number) =>
	sha256Hex(canonicalJson({ recipe: RECIPE, kind: 'withdrawal', prev: c.hash ?? '', body: { consentId: c.id, withdrawnAt: at } }));

/** A consent as signed, its text in NFC as stored, with its seal; not withdrawn. */
export async function sealConsent(consent: Signed): Promise<Consent> {
	const part = nfcText(signedPart(consent));
	return { ...part, withdrawnAt: null, hash: await signingHash(part) };
}

/**
 * The consent withdrawn at `at` (never before it was signed; a second withdrawal keeps the first),
 * the withdrawal sealed after the signing. A consent signed before sealing gets its withdrawal
 * sealed too (linked to nothing), so at least the withdrawal cannot be edited unnoticed.
 */
export async function sealWithdrawal(consent: Consent, at: number): Promise<Consent> {
	if (consent.withdrawnAt !== null) return consent;
	const withdrawnAt = Math.max(at, consent.signedAt);
	return { ...consent, withdrawnAt, withdrawalHash: await withdrawalHashOf(consent, withdrawnAt) };
}

export type ConsentCheck =
	| { state: 'sealed' }
	/** Kept before sealing: its statement holds, nothing else can be checked. */
	| { state: 'unsealed'; words: string }
	| { state: 'broken'; problem: string };

/** "The consent Jo Bloggs signed on Dec 3, 2026" (the name, when known, cut at 60 characters). */
export function consentName(c: Pick<Consent, 'signedAt'>, clientName?: string, locale?: string): string {
	const at = typeof c.signedAt === 'number' && Number.isFinite(c.signedAt) ? formatDate(isoDayOf(c.signedAt), locale) : 'an unknown day';
	return `The consent ${clientName ? `${clientName.slice(0, 60)} signed` : 'signed'} on ${at}`;
}

/**
 * Checks a kept consent: its statement against its hash, the signing's seal, and the withdrawal's.
 * The first problem is said in words naming the consent (`clientName`, when known).
 */
export async function verifyConsent(c: Consent, clientName?: string, locale?: string): Promise<ConsentCheck> {
	const name = consentName(c, clientName, locale);
	const broken = (problem: string): ConsentCheck => ({ state: 'broken', problem: `${name} ${problem}` });
	try {
		if (!(await consentTextIntact(c))) return broken('does not hold the statement that was signed: its text was changed after signing.');
		if (c.hash !== undefined && (await signingHash(signedPart(c))) !== c.hash) {
			return broken('was changed after it was signed: something in it (which client, who signed, the signature, the date or the areas) is not as signed.');
		}
		if (c.withdrawnAt === null) {
			if (c.withdrawalHash !== undefined) return broken('had its withdrawal removed after it was made.');
		} else if (c.withdrawalHash === undefined) {
			// A sealed consent is only withdrawn with a sealed withdrawal; before sealing, withdrawals were not sealed.
			if (c.hash !== undefined) return broken('shows a withdrawal that was not made in Somamap.');
		} else if ((await withdrawalHashOf(c, c.withdrawnAt)) !== c.withdrawalHash) {
			return broken('has a withdrawal that was changed after it was made.');
		}
	} catch {
		return broken('holds something a consent cannot hold, so it cannot be checked.');
	}
	if (c.hash === undefined) {
		return { state: 'unsealed', words: 'Signed before Somamap sealed consents: its statement is checked, but a later change to who signed, the signature or the areas could not be noticed.' };
	}
	return { state: 'sealed' };
}
