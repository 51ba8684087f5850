/**
 * Records for the treatment-record tests: a practitioner, a drawn and a typed signature, a draft
 * ready to sign, a signed record with addenda (its chain), and a client's signed consent.
 */
import { addAddendum, finalise, newDraft, editDraft } from '$lib/domain/record/lifecycle';
import { consentTextHash, DEFAULT_CONSENT_TEXT } from '$lib/domain/record/consent';
import type { ChainEntry, Consent, DrawnSignature, LockedRecord, Practitioner, Stroke, TreatmentRecord, TypedSignature } from '$lib/domain/record/types';

/** 3 Dec 2026, 10:00 local. */
export const START = new Date(2026, 11, 3, 10, 0).getTime();
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function practitioner(over: Partial<Practitioner> = {}): Practitioner {
	return {
		id: 'prac-1',
		fullName: 'Alex Moreno',
		qualification: 'Diploma of Remedial Massage',
		association: 'Massage & Myotherapy Australia',
		membershipNumber: 'M12345',
		providerNumbers: [{ fund: 'Bupa', number: 'B123456' }],
		businessName: 'Moreno Remedial',
		taxNumber: '51 824 753 556',
		address: '1 Main St, Newtown NSW 2042',
		phone: '0400 000 000',
		createdAt: START - 30 * DAY,
		updatedAt: START - 30 * DAY,
		...over
	};
}

/** A wavy line across a 600 × 200 pad, like a quick signature, with a dot over an i. */
export function drawn(over: Partial<DrawnSignature> = {}): DrawnSignature {
	const wave: Stroke = Array.from({ length: 40 }, (_, i) => ({ x: 50 + i * 10, y: 100 + 30 * Math.sin(i / 3), t: 1000 + i * 16, p: 0.5 }));
	const dot: Stroke = [{ x: 300, y: 40, t: 1800 }];
	return { kind: 'drawn', width: 600, height: 200, strokes: [wave, dot], ...over };
}

export function typed(name = 'Alex Moreno'): TypedSignature {
	return { kind: 'typed', name };
}

/** A draft for a session that ran 10:00–11:00 on 3 Dec 2026, with the practitioner chosen. */
export function readyDraft(): TreatmentRecord {
	const draft = newDraft({ id: 'rec-1', planId: 'plan-1', clientId: 'client-1' }, 60, { s: 'Left low back: aching, 6/10 (marked by the client).', areas: ['Low back, 20 min'], techniques: ['Remedial massage'], pressure: '3 · Moderate' }, START - HOUR);
	const edited = editDraft(draft, { practitionerId: 'prac-1', startedAt: START, endedAt: START + HOUR, a: 'Responded well; less guarding by the end.' }, { at: START + HOUR, practitionerId: 'prac-1' });
	if (!edited.ok) throw new Error(edited.problem);
	return edited.record;
}

export async function signed(): Promise<LockedRecord> {
	const r = await finalise(readyDraft(), { practitioner: practitioner(), signature: drawn(), at: START + 2 * HOUR });
	if (!r.ok) throw new Error(r.problems.join(' '));
	return r.record;
}

/** A signed record and `n` addenda, one a day after it (4 Dec, 5 Dec, …). */
export async function chainOf(n: number): Promise<ChainEntry[]> {
	const chain: ChainEntry[] = [{ kind: 'record', entry: await signed() }];
	for (let i = 0; i < n; i++) {
		const r = await addAddendum(chain, { id: `add-${i + 1}`, text: `Correction ${i + 1}: the right side was also treated.`, practitioner: practitioner(), signature: i % 2 ? typed() : drawn(), at: START + (i + 1) * DAY });
		if (!r.ok) throw new Error(r.problems.join(' '));
		chain.push({ kind: 'addendum', entry: r.addendum });
	}
	return chain;
}

/** Sam Lee's own consent to the standard statement, drawn and signed at START, not sealed. */
export async function consent(over: Partial<Consent> = {}): Promise<Consent> {
	return {
		id: 'consent-1',
		clientId: 'client-1',
		text: DEFAULT_CONSENT_TEXT,
		textHash: await consentTextHash(DEFAULT_CONSENT_TEXT),
		signer: 'client',
		signerName: 'Sam Lee',
		guardian: null,
		signature: drawn(),
		signedAt: START,
		sensitiveAreas: [],
		withdrawnAt: null,
		...over
	};
}
