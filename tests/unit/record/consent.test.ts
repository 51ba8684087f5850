import { describe, expect, it } from 'vitest';
import {
	consentState, consentText, consentTextHash, consentTextIntact, DEFAULT_CONSENT_TEXT, isMinorOn, requiredSigner, sensitiveAreaWords
} from '$lib/domain/record/consent';
import { sealWithdrawal } from '$lib/domain/record/consent-seal';
import { codeOf } from '$lib/domain/regions';
import type { Consent } from '$lib/domain/record/types';
import { consent, START } from './helpers';

const adult = { dateOfBirth: '1980-04-23' };
const child = { dateOfBirth: '2014-05-06' };


describe('the consent statement', () => {
	it('is short and plain, says the therapist does not diagnose, and that consent can be withdrawn', () => {
		expect(DEFAULT_CONSENT_TEXT.length).toBeLessThan(1000);
		expect(DEFAULT_CONSENT_TEXT).toMatch(/does not diagnose/);
		expect(DEFAULT_CONSENT_TEXT).toMatch(/withdraw this consent at any time/);
		expect(DEFAULT_CONSENT_TEXT).toMatch(/stop/);
	});

	it('hashes the text as kept: a changed word changes the hash; hidden characters, line endings and NFC do not', async () => {
		const h = await consentTextHash(DEFAULT_CONSENT_TEXT);
		expect(h).toMatch(/^[0-9a-f]{64}$/);
		expect(await consentTextHash(`  ${DEFAULT_CONSENT_TEXT.replace(/\n/g, '\r\n')}\u202e `)).toBe(h);
		expect(await consentTextHash(DEFAULT_CONSENT_TEXT.replace('massage', 'Massage'))).not.toBe(h);
		expect(await consentTextHash('Café')).toBe(await consentTextHash('Cafe\u0301'));
		expect(consentText(' a\u0000b \n')).toBe('ab');
	});
});

describe('consentTextIntact', () => {
	it('is true for the statement as signed and false once a word of the kept copy is changed', async () => {
		const c = await consent();
		expect(await consentTextIntact(c)).toBe(true);
		expect(await consentTextIntact({ ...c, text: c.text.replace('true and complete', 'complete') })).toBe(false);
		expect(await consentTextIntact({ ...c, text: 42 as never })).toBe(false);
	});
});

describe('sensitive areas in the words the client reads', () => {
	it('one line per sensitive area, in body order, each once; other areas are not asked about', () => {
		const words = sensitiveAreaWords([codeOf('gluteus-maximus-r'), codeOf('pectoralis-l'), codeOf('pectoralis-l'), codeOf('knee-l'), 999]);
		expect(words).toEqual(['I agree to massage of my left chest (pecs).', 'I agree to massage of my right buttock (glutes).']);
		expect(sensitiveAreaWords([])).toEqual([]);
	});
});

describe('consentState', () => {
	it('a signed consent holds for an adult and says when it was signed', async () => {
		expect(consentState(await consent(), await consentTextHash(DEFAULT_CONSENT_TEXT), adult, '2027-03-01', 'en-US')).toEqual({ valid: true, words: 'Consent signed on Dec 3, 2026.' });
	});

	it('no consent asks for one', async () => {
		expect(consentState(null, 'x', adult, '2026-12-03')).toMatchObject({ valid: false, reason: 'none' });
	});

	it('holds until withdrawn; a second withdrawal keeps the first date', async () => {
		const hash = await consentTextHash(DEFAULT_CONSENT_TEXT);
		const w = await sealWithdrawal(await consent(), START + 86_400_000);
		expect(consentState(w, hash, adult, '2026-12-05', 'en-US')).toEqual({
			valid: false,
			reason: 'withdrawn',
			words: 'The client withdrew their consent on Dec 4, 2026. Ask them to sign again before treating.'
		});
		expect((await sealWithdrawal(w, START + 9e9)).withdrawnAt).toBe(START + 86_400_000);
	});

	it('lapses when the clinic changes the statement, and says which one was signed', async () => {
		const c = await consent();
		const newHash = await consentTextHash(`${DEFAULT_CONSENT_TEXT}\n\nPhotos are never taken.`);
		expect(consentState(c, newHash, adult, '2027-01-01', 'en-US')).toMatchObject({ valid: false, reason: 'text-changed', words: expect.stringContaining('signed on Dec 3, 2026 was for an earlier statement') });
	});

	it('a minor needs a guardian’s signature; the guardian is named once they have signed', async () => {
		const hash = await consentTextHash(DEFAULT_CONSENT_TEXT);
		expect(consentState(await consent(), hash, child, '2026-12-03')).toMatchObject({ valid: false, reason: 'needs-guardian' });
		const guardian = { name: 'Kim Lee', relationship: 'mother', phone: '' };
		const byGuardian = await consent({ signer: 'guardian', signerName: 'Kim Lee', guardian });
		expect(consentState(byGuardian, hash, child, '2026-12-03', 'en-US')).toEqual({ valid: true, words: 'Consent signed by Kim Lee (mother) on Dec 3, 2026.' });
		expect(consentState({ ...byGuardian, guardian: null }, hash, child, '2026-12-03')).toMatchObject({ valid: false, reason: 'needs-guardian' });
	});

	it('a consent a minor signed alone never holds; once 18, the client signs for themselves', async () => {
		const hash = await consentTextHash(DEFAULT_CONSENT_TEXT);
		const teen = { dateOfBirth: '2009-01-01' };
		expect(consentState(await consent(), hash, teen, '2027-06-01')).toMatchObject({ valid: false, reason: 'needs-guardian' });
		const g = await consent({ signer: 'guardian', guardian: { name: 'Kim Lee', relationship: '', phone: '' } });
		expect(consentState(g, hash, teen, '2026-12-20')).toMatchObject({ valid: true, words: expect.stringContaining('by Kim Lee (guardian)') });
		expect(consentState(g, hash, teen, '2027-01-01')).toMatchObject({ valid: false, reason: 'now-adult', words: expect.stringContaining('turned 18') });
		// Unknown age: a guardian's signature is not second-guessed.
		expect(consentState(g, hash, { dateOfBirth: null }, '2030-01-01')).toMatchObject({ valid: true });
	});

	it('the signer a client needs: a guardian under 18, the client otherwise or when the age is unknown', () => {
		expect(requiredSigner(child, '2026-12-03')).toBe('guardian');
		expect(requiredSigner(adult, '2026-12-03')).toBe('client');
		expect(requiredSigner({ dateOfBirth: null }, '2026-12-03')).toBe('client');
		expect(isMinorOn(null, '2026-12-03')).toBeNull();
		expect(isMinorOn('2008-12-03', '2026-12-03')).toBe(false);
	});
});
