/**
 * What the consent screens read together: the clinic's statement and its hash, the client's
 * details (date of birth, guardian), their consents, and the status line for today; and the
 * signing itself, through the store. Shared by the client page, its dialogs and client mode.
 */
import { store } from '$lib/store';
import type { Id } from '$lib/domain/records';
import { today } from '$lib/domain/records';
import { consentTextHash } from '$lib/domain/record/consent';
import { clinicConsentText, CONSENT_TEXT_SETTING, type ConsentStatus, type UnreadableConsent } from '$lib/domain/record/consent-status';
import { requiredSigner } from '$lib/domain/record/consent';
import type { ConsentCheck } from '$lib/domain/record/consent-seal';
import type { Consent, Person, Signature } from '$lib/domain/record/types';

/** What the signing form gives back. */
export interface SignedForm {
	signer: 'client' | 'guardian';
	signerName: string;
	guardian: Person | null;
	signature: Signature;
	sensitiveAreas: number[];
}

export interface ConsentContext {
	text: string;
	textHash: string;
	dateOfBirth: string | null;
	guardian: Person | null;
	consents: Consent[];
	/** Each consent's seal, checked as it is read (a failing one never holds). */
	checks: ReadonlyMap<Id, ConsentCheck>;
	status: ConsentStatus;
	/** The consent rows that could not be read, with their dates when readable. */
	unreadable: UnreadableConsent[];
	/** Who must sign today: a guardian for a minor. */
	signer: 'client' | 'guardian';
}

/** The statement in force (settings row, else the standard text). */
export async function currentConsentText(): Promise<string> {
	return clinicConsentText(await store.getSetting<unknown>(CONSENT_TEXT_SETTING, undefined));
}

export async function consentContext(clientId: Id): Promise<ConsentContext> {
	const [text, details, kept] = await Promise.all([currentConsentText(), store.getClientDetails(clientId), store.consents()]);
	const textHash = await consentTextHash(text);
	const { consents, checks, status, unreadable } = await kept.checked(clientId, textHash);
	const dateOfBirth = details?.dateOfBirth ?? null;
	return { text, textHash, dateOfBirth, guardian: details?.guardian ?? null, consents, checks, status, unreadable, signer: requiredSigner({ dateOfBirth }, today()) };
}

/** Keeps the signed form for `clientId` with the statement it was signed on; its areas go into `planIds`. */
export async function keepConsent(clientId: Id, text: string, form: SignedForm, planIds: readonly Id[]): Promise<Consent> {
	return (await store.consents()).sign({ clientId, text, ...form }, planIds);
}
