import { describe, expect, it } from 'vitest';
import { sealConsent, sealWithdrawal, verifyConsent } from '$lib/domain/record/consent-seal';
import { consentStatus } from '$lib/domain/record/consent-status';
import { readConsent } from '$lib/domain/record/read';
import { codeOf } from '$lib/domain/regions';
import type { Consent } from '$lib/domain/record/types';
import { consent, DAY, drawn, START, typed } from './helpers';

const chestL = codeOf('pectoralis-l');
const glutesR = codeOf('gluteus-maximus-r');

/** A consent as the store reads it (the signature normalised), not yet sealed. */
async function unsealed(over: Partial<Consent> = {}): Promise<Consent> {
	const read = readConsent(await consent({ sensitiveAreas: [chestL], ...over }), Infinity);
	if (!read.ok) throw new Error(read.problem);
	return read.value;
}
const sealed = async (over: Partial<Consent> = {}) => sealConsent(await unsealed(over));
const problemOf = async (c: Consent) => {
	const check = await verifyConsent(c, 'Sam Lee', 'en-US');
	return check.state === 'broken' ? check.problem : check.state;
};
const CHANGED = 'The consent Sam Lee signed on Dec 3, 2026 was changed after it was signed: something in it (which client, who signed, the signature, the date or the areas) is not as signed.';

describe('a consent sealed at signing', () => {
	it('verifies as sealed, reads back exactly as kept, and survives JSON', async () => {
		const c = await sealed();
		expect(c.hash).toMatch(/^[0-9a-f]{64}$/);
		expect(await problemOf(c)).toBe('sealed');
		expect(await problemOf(JSON.parse(JSON.stringify(c)))).toBe('sealed');
		const read = readConsent(JSON.parse(JSON.stringify(c)), Infinity);
		expect(read).toEqual({ ok: true, value: c });
	});

	it('keeps its text in NFC, so the same letters typed decomposed seal alike', async () => {
		const a = await sealed({ signerName: 'Zoë Café' });
		const b = await sealed({ signerName: 'Zoe\u0308 Cafe\u0301' });
		expect(b.signerName).toBe('Zoë Café');
		expect(b.hash).toBe(a.hash);
		// Rewritten decomposed after signing: a change.
		expect(await problemOf({ ...a, signerName: 'Zoe\u0308 Cafe\u0301' })).not.toBe('sealed');
	});

	it.each<[string, (c: Consent) => Consent]>([
		['the signer’s name', (c) => ({ ...c, signerName: 'Someone Else' })],
		['who signed', (c) => ({ ...c, signer: 'guardian', guardian: { name: 'Pat Lee', relationship: 'mother', phone: '' } })],
		['the guardian', (c) => ({ ...c, guardian: { name: 'Pat Lee', relationship: 'father', phone: '' } })],
		['the date', (c) => ({ ...c, signedAt: c.signedAt - DAY })],
		['the signature (another drawing)', (c) => ({ ...c, signature: drawn({ width: 601 }) })],
		['the signature (one point moved)', (c) => ({ ...c, signature: { ...drawn(), strokes: [[{ ...drawn().strokes[0][0], x: 51 }, ...drawn().strokes[0].slice(1)], drawn().strokes[1]] } })],
		['the signature (typed instead)', (c) => ({ ...c, signature: typed('Sam Lee') })],
		['a sensitive area added', (c) => ({ ...c, sensitiveAreas: [chestL, glutesR] })],
		['the sensitive areas emptied', (c) => ({ ...c, sensitiveAreas: [] })],
		['the client', (c) => ({ ...c, clientId: 'client-2' })],
		['the id', (c) => ({ ...c, id: 'consent-2' })],
		['the seal itself', (c) => ({ ...c, hash: 'a'.repeat(64) })]
	])('shows as changed when %s is edited in the stored row', async (_, edit) => {
		// Named by the date the row now says (the edited date, when that was changed).
		expect(await problemOf(edit(await sealed()))).toMatch(/^The consent Sam Lee signed on Dec [23], 2026 was changed after it was signed: something in it \(which client, who signed, the signature, the date or the areas\) is not as signed\.$/);
	});

	it('says the statement was changed when its text no longer matches its hash (the first check)', async () => {
		const c = await sealed();
		expect(await problemOf({ ...c, text: c.text.replace('true', 'false') })).toBe(
			'The consent Sam Lee signed on Dec 3, 2026 does not hold the statement that was signed: its text was changed after signing.'
		);
	});

	it('a consent whose seal fails never holds, whatever else it says', async () => {
		const c = { ...(await sealed()), sensitiveAreas: [chestL, glutesR] };
		const checks = new Map([[c.id, await verifyConsent(c, 'Sam Lee', 'en-US')]]);
		const status = consentStatus([c], c.textHash, { dateOfBirth: null }, '2026-12-04', 'en-US', checks);
		expect(status).toMatchObject({ kind: 'changed', line: 'Consent: changed after signing' });
		expect(status.words).toBe(`${CHANGED} Ask the client to read and sign it again.`);
	});
});

describe('a withdrawal, sealed as its own step', () => {
	it('leaves the signing and its seal untouched, and verifies', async () => {
		const c = await sealed();
		const w = await sealWithdrawal(c, START + DAY);
		expect(w).toEqual({ ...c, withdrawnAt: START + DAY, withdrawalHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
		expect(await problemOf(w)).toBe('sealed');
		expect(readConsent(JSON.parse(JSON.stringify(w)), Infinity)).toEqual({ ok: true, value: w });
	});

	it('is never dated before the signing, and a second one keeps the first', async () => {
		const w = await sealWithdrawal(await sealed(), START - DAY);
		expect(w.withdrawnAt).toBe(START);
		expect(await sealWithdrawal(w, START + 5 * DAY)).toBe(w);
	});

	it('shows as changed when its date is edited, removed, or its seal taken away', async () => {
		const w = await sealWithdrawal(await sealed(), START + DAY);
		expect(await problemOf({ ...w, withdrawnAt: START + 2 * DAY })).toBe('The consent Sam Lee signed on Dec 3, 2026 has a withdrawal that was changed after it was made.');
		expect(await problemOf({ ...w, withdrawnAt: null })).toBe('The consent Sam Lee signed on Dec 3, 2026 had its withdrawal removed after it was made.');
		const { withdrawalHash: _, ...noSeal } = w;
		expect(await problemOf(noSeal)).toBe('The consent Sam Lee signed on Dec 3, 2026 shows a withdrawal that was not made in Somamap.');
	});

	it('taking the signing seal off a withdrawn consent (to pass it off as older than sealing) breaks the withdrawal’s', async () => {
		const { hash: _, ...stripped } = await sealWithdrawal(await sealed(), START + DAY);
		expect(await problemOf(stripped)).toBe('The consent Sam Lee signed on Dec 3, 2026 has a withdrawal that was changed after it was made.');
	});

	it('cannot be moved to another consent', async () => {
		const w = await sealWithdrawal(await sealed(), START + DAY);
		const other = await sealed({ id: 'consent-2' });
		expect(await problemOf({ ...other, withdrawnAt: w.withdrawnAt, withdrawalHash: w.withdrawalHash })).toBe(
			'The consent Sam Lee signed on Dec 3, 2026 has a withdrawal that was changed after it was made.'
		);
	});
});

describe('a consent kept before sealing', () => {
	it('still holds, said to be signed before sealing, its statement checked', async () => {
		const c = await unsealed();
		const check = await verifyConsent(c);
		expect(check).toEqual({ state: 'unsealed', words: expect.stringMatching(/^Signed before Somamap sealed consents: its statement is checked/) });
		const status = consentStatus([c], c.textHash, { dateOfBirth: null }, '2026-12-04', 'en-US', new Map([[c.id, check]]));
		expect(status.kind).toBe('signed');
		expect(status.words).toContain('Signed before Somamap sealed consents');
		expect(await problemOf({ ...c, text: `${c.text} More.` })).toMatch(/does not hold the statement that was signed/);
	});

	it('its withdrawal is sealed from then on; an old unsealed withdrawal still reads', async () => {
		const c = await unsealed();
		const w = await sealWithdrawal(c, START + DAY);
		expect(w.hash).toBeUndefined();
		expect(await problemOf(w)).toBe('unsealed');
		expect(await problemOf({ ...w, withdrawnAt: START + 3 * DAY })).toMatch(/withdrawal that was changed/);
		expect(await problemOf({ ...w, withdrawnAt: null })).toMatch(/withdrawal removed/);
		expect(await problemOf({ ...c, withdrawnAt: START + DAY })).toBe('unsealed');
	});
});
