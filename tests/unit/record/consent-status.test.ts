import { describe, expect, it } from 'vitest';
import { consentTextHash, DEFAULT_CONSENT_TEXT } from '$lib/domain/record/consent';
import {
	sessionMoment,
	clinicConsentText, consentStatus, consentTextProblem, planConsentWith, plansForConsent, sensitiveAreasOf, signedCounts, signingProblems
} from '$lib/domain/record/consent-status';
import { defaultPlanFields, type Plan } from '$lib/domain/records';
import { codeOf } from '$lib/domain/regions';
import type { Consent } from '$lib/domain/record/types';
import { markRecord } from '../fixtures';
import { consent, DAY, drawn, START, typed } from './helpers';

const adult = { dateOfBirth: '1980-04-23' };
const child = { dateOfBirth: '2014-05-06' };
const chestL = codeOf('pectoralis-l');
const glutesR = codeOf('gluteus-maximus-r');


describe("the clinic's statement", () => {
	it('is the standard text until the clinic keeps its own, and a blank or damaged row falls back to it', () => {
		expect(clinicConsentText(undefined)).toBe(DEFAULT_CONSENT_TEXT);
		expect(clinicConsentText('   \n ')).toBe(DEFAULT_CONSENT_TEXT);
		expect(clinicConsentText(42)).toBe(DEFAULT_CONSENT_TEXT);
		expect(clinicConsentText('  I agree.\r\n\r\nThank you.\u202e ')).toBe('I agree.\n\nThank you.');
	});
	it('refuses a blank or overlong statement in words', () => {
		expect(consentTextProblem(' \n')).toMatch(/Please write the consent statement/);
		expect(consentTextProblem('x'.repeat(10_001))).toMatch(/too long \(10,001 characters; at most 10,000\)/);
		expect(consentTextProblem('I agree.')).toBeUndefined();
	});
});

describe("a client's consent in one line", () => {
	it('reads not signed, signed on a date, an earlier text, withdrawn', async () => {
		const hash = await consentTextHash(DEFAULT_CONSENT_TEXT);
		expect(consentStatus([], hash, adult, '2026-12-03', 'en-AU')).toMatchObject({ kind: 'none', line: 'Consent: not signed', consent: null });
		const c = await consent();
		expect(consentStatus([c], hash, adult, '2026-12-03', 'en-AU')).toMatchObject({ kind: 'signed', line: 'Consent: signed on 3 Dec 2026' });
		const other = await consentTextHash('A new statement.');
		expect(consentStatus([c], other, adult, '2026-12-03', 'en-AU')).toMatchObject({ kind: 'earlier', line: 'Consent: signed an earlier text (3 Dec 2026)' });
		const gone = { ...c, withdrawnAt: START + 2 * DAY };
		expect(consentStatus([gone], hash, adult, '2026-12-06', 'en-AU')).toMatchObject({ kind: 'withdrawn', line: 'Consent: withdrawn on 5 Dec 2026' });
	});
	it('goes by the newest consent: signed again after a withdrawal holds', async () => {
		const hash = await consentTextHash(DEFAULT_CONSENT_TEXT);
		const old = await consent({ id: 'a', withdrawnAt: START + DAY });
		const again = await consent({ id: 'b', signedAt: START + 2 * DAY });
		expect(consentStatus([old, again], hash, adult, '2026-12-06', 'en-AU').consent?.id).toBe('b');
		expect(consentStatus([again, old], hash, adult, '2026-12-06', 'en-AU').kind).toBe('signed');
	});
	it("names the guardian who signed for a minor, and asks for one when the minor signed alone", async () => {
		const hash = await consentTextHash(DEFAULT_CONSENT_TEXT);
		const byGuardian = await consent({ signer: 'guardian', signerName: 'Ana Lee', guardian: { name: 'Ana Lee', relationship: 'mother', phone: '' } });
		expect(consentStatus([byGuardian], hash, child, '2026-12-03', 'en-AU').line).toBe('Consent: signed by Ana Lee on 3 Dec 2026');
		expect(consentStatus([await consent()], hash, child, '2026-12-03', 'en-AU')).toMatchObject({ kind: 'needs-guardian', line: 'Consent: a parent or guardian must sign' });
	});
});

describe('signed counts for settings', () => {
	it("counts each client once by their newest consent, current or earlier, leaving withdrawn ones out", async () => {
		const hash = await consentTextHash(DEFAULT_CONSENT_TEXT);
		const list = [
			await consent({ id: '1', clientId: 'a' }),
			await consent({ id: '2', clientId: 'a', signedAt: START + DAY }),
			await consent({ id: '3', clientId: 'b', textHash: 'f'.repeat(64) }),
			await consent({ id: '4', clientId: 'c', withdrawnAt: START + DAY }),
			await consent({ id: '5', clientId: 'd', textHash: 'f'.repeat(64) }),
			await consent({ id: '6', clientId: 'd', signedAt: START + DAY })
		];
		expect(signedCounts(list, hash)).toEqual({ current: 2, earlier: 1 });
		expect(signedCounts([], hash)).toEqual({ current: 0, earlier: 0 });
	});
});

describe('the sensitive areas a consent names', () => {
	it("takes a plan's sensitive marks, its timed steps and the areas already agreed, once each, never an area to avoid", () => {
		const plan: Plan = { ...defaultPlanFields(), id: 'p1', clientId: 'k1', date: '2026-12-03', title: 'x', createdAt: 0, updatedAt: 0, consent: { [glutesR]: true } };
		const marks = [
			markRecord('m1', 'p1', { region: chestL, sensation: 'knot' }),
			markRecord('m2', 'p1', { region: chestL, sensation: 'tension' }),
			markRecord('m3', 'p1', { region: codeOf('adductors-l'), sensation: 'avoid' }),
			markRecord('m4', 'p1', { region: codeOf('upper-trapezius-r') })
		];
		const codes = sensitiveAreasOf([{ plan, marks }]);
		expect(codes).toContain(chestL);
		expect(codes).toContain(glutesR);
		expect(codes).not.toContain(codeOf('adductors-l'));
		expect(codes).not.toContain(codeOf('upper-trapezius-r'));
		expect(new Set(codes).size).toBe(codes.length);
		expect(sensitiveAreasOf([], [codeOf('sternum'), codeOf('upper-trapezius-r')])).toEqual([codeOf('sternum')]);
	});
	it("puts the agreed areas into a plan's consent, and a withdrawal takes them out, other areas untouched", () => {
		expect(planConsentWith({ 5: true }, [chestL, glutesR], true)).toEqual({ 5: true, [chestL]: true, [glutesR]: true });
		expect(planConsentWith({ 5: true, [chestL]: true }, [chestL], false)).toEqual({ 5: true });
	});
});

describe('what a signing form lacks', () => {
	it('asks for a signature, and for the guardian by name and relationship', () => {
		expect(signingProblems({ signer: 'client', guardian: null, signature: null }, 'Sam Lee')).toEqual(['Please sign in the box or type your name.']);
		expect(signingProblems({ signer: 'client', guardian: null, signature: drawn() }, 'Sam Lee')).toEqual([]);
		expect(signingProblems({ signer: 'guardian', guardian: { name: ' ', relationship: '', phone: '' }, signature: typed('A') }, 'Sam')).toHaveLength(3);
		expect(signingProblems({ signer: 'guardian', guardian: { name: 'Ana Lee', relationship: 'mother', phone: '' }, signature: typed('Ana Lee') }, 'Sam')).toEqual([]);
	});
});

describe('the plans a consent handed over on its own goes into', () => {
	const plan = (id: string, date: string, status: Plan['status']) => ({ id, date, status });
	it("is the plan open today when there is one, as client mode's consent step", () => {
		const plans = [plan('old', '2026-11-02', 'planned'), plan('today', '2026-12-03', 'draft'), plan('done', '2026-12-03', 'done')];
		expect(plansForConsent(plans, '2026-12-03').map((p) => p.id)).toEqual(['today']);
	});
	it("else every plan not yet done, as the client page's signing", () => {
		const plans = [plan('a', '2026-11-02', 'planned'), plan('b', '2026-12-10', 'draft'), plan('c', '2026-12-03', 'done')];
		expect(plansForConsent(plans, '2026-12-03').map((p) => p.id)).toEqual(['a', 'b']);
		expect(plansForConsent([], '2026-12-03')).toEqual([]);
	});
});

describe('the moment a session’s consent is judged at', () => {
	it('its start when recorded, else the last moment of its local day, else now or later', () => {
		expect(sessionMoment(START, '2026-01-01')).toBe(START);
		const end = sessionMoment(null, '2026-12-03');
		expect(new Date(end).getDate()).toBe(3);
		expect(new Date(end + 1).getDate()).toBe(4);
		expect(new Date(end + 1).getHours()).toBe(0);
		expect(sessionMoment(null, '')).toBe(Number.MAX_SAFE_INTEGER);
		expect(sessionMoment(null, 'not a day')).toBe(Number.MAX_SAFE_INTEGER);
	});
});
