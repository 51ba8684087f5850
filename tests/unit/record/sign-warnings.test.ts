import { describe, expect, it } from 'vitest';
import { consentTextHash, DEFAULT_CONSENT_TEXT } from '$lib/domain/record/consent';
import { sensitiveAreasNamed, signConsentWarnings, type SignConsentInput } from '$lib/domain/record/sign-warnings';
import { codeOf } from '$lib/domain/regions';
import type { Consent } from '$lib/domain/record/types';
import { DAY, drawn, HOUR, START } from './helpers';

const glutesL = codeOf('gluteus-maximus-l');
const glutesR = codeOf('gluteus-maximus-r');
const AREAS = ['Left buttock (glutes), 12 min', 'Right buttock (glutes), 12 min, pressure 2 · Light', 'Low back, 20 min'];

async function consent(over: Partial<Consent> = {}): Promise<Consent> {
	return {
		id: 'c1', clientId: 'k1', text: DEFAULT_CONSENT_TEXT, textHash: await consentTextHash(DEFAULT_CONSENT_TEXT), signer: 'client', signerName: 'Sam Lee',
		guardian: null, signature: drawn(), signedAt: START - DAY, sensitiveAreas: [], withdrawnAt: null, ...over
	};
}

async function input(over: Partial<SignConsentInput> = {}): Promise<SignConsentInput> {
	return {
		consents: [], currentTextHash: await consentTextHash(DEFAULT_CONSENT_TEXT), dateOfBirth: '1980-04-23',
		startedAt: START, now: START + 2 * HOUR, areas: AREAS, planConsent: {}, ...over
	};
}

describe('what a record about to be signed lacks on consent', () => {
	it('no consent at all: says so, then each sensitive area treated, in the order of the body', async () => {
		expect(signConsentWarnings(await input())).toEqual([
			'No signed consent from the client before this session',
			"Left buttock (glutes) treated without the client's consent to work there",
			"Right buttock (glutes) treated without the client's consent to work there"
		]);
	});

	it('a consent in force naming the areas: nothing to acknowledge', async () => {
		expect(signConsentWarnings(await input({ consents: [await consent({ sensitiveAreas: [glutesL, glutesR] })] }))).toEqual([]);
	});

	it('a consent in force without the areas: only the areas; the planner\'s "Client consents to work here" counts for its area', async () => {
		const w = signConsentWarnings(await input({ consents: [await consent({ sensitiveAreas: [glutesL] })], planConsent: { [glutesR]: false } }));
		expect(w).toEqual(["Right buttock (glutes) treated without the client's consent to work there"]);
		expect(signConsentWarnings(await input({ consents: [await consent()], planConsent: { [glutesL]: true, [glutesR]: true } }))).toEqual([]);
	});

	it('a consent signed only after the session started does not count for it', async () => {
		const w = signConsentWarnings(await input({ consents: [await consent({ signedAt: START + HOUR, sensitiveAreas: [glutesL, glutesR] })] }));
		expect(w[0]).toBe('No signed consent from the client before this session');
		expect(w).toHaveLength(3);
	});

	it('not started yet: the consent in force now', async () => {
		expect(signConsentWarnings(await input({ startedAt: null, consents: [await consent({ signedAt: START + HOUR, sensitiveAreas: [glutesL, glutesR] })] }))).toEqual([]);
	});

	it('withdrawn before the session, changed after signing, or for an earlier statement: it does not hold, and its areas do not count', async () => {
		const withdrawn = signConsentWarnings(await input({ consents: [await consent({ withdrawnAt: START - HOUR, sensitiveAreas: [glutesL, glutesR] })] }));
		expect(withdrawn[0]).toMatch(/^The client withdrew their consent on .*, before this session$/);
		expect(withdrawn).toHaveLength(3);
		const broken = signConsentWarnings(await input({ consents: [await consent({ sensitiveAreas: [glutesL, glutesR] })], checks: new Map([['c1', { state: 'broken', problem: 'x' } as never]]) }));
		expect(broken[0]).toMatch(/changed after it was signed/);
		expect(broken).toHaveLength(3);
		const earlier = signConsentWarnings(await input({ consents: [await consent({ textHash: 'f'.repeat(64), sensitiveAreas: [glutesL, glutesR] })] }));
		expect(earlier[0]).toMatch(/^The client's signed consent does not hold for this session: .*earlier statement/);
	});

	it('withdrawn after the session: the session had it', async () => {
		expect(signConsentWarnings(await input({ consents: [await consent({ withdrawnAt: START + HOUR, sensitiveAreas: [glutesL, glutesR] })] }))).toEqual([]);
	});
});

describe('the sensitive areas "Areas treated" names', () => {
	it('lines starting with a sensitive region as the prefill writes it, whatever the case; not other regions, not a mere mention', () => {
		expect(sensitiveAreasNamed(['left buttock (glutes)', 'Low back, 20 min', 'Near the Left buttock (glutes)'])).toEqual([glutesL]);
		expect(sensitiveAreasNamed(['Left chest (pecs), 5 min', 'Neck, 3 min'])).toEqual([codeOf('pectoralis-l')]);
	});
});
