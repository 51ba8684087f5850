import { describe, expect, it } from 'vitest';
import {
	readAddenda, readAddendum, readClientDetails, readConsent, readHistoryEntry, readPractitioner, readSignature, readTreatmentRecord
} from '$lib/domain/record/read';
import { verifyChain } from '$lib/domain/record/chain';
import { MAX_SIGNATURE_POINTS, RECORD_TEXT } from '$lib/domain/limits';
import { codeOf } from '$lib/domain/regions';
import type { ClientDetails, LockedRecord } from '$lib/domain/record/types';
import { chainOf, consent, DAY, drawn, practitioner, readyDraft, START, typed } from './helpers';

const NOW = START + 30 * DAY;
const json = <T>(v: T): T => JSON.parse(JSON.stringify(v));

function details(over: Partial<ClientDetails> = {}): ClientDetails {
	return {
		dateOfBirth: '1980-04-23', gender: 'Woman', address: '2 High St', emergencyContact: { name: 'Jo Lee', relationship: 'partner', phone: '0400 111 222' },
		referrer: 'Dr Patel, Newtown Medical', occupation: 'Nurse', medicalHistory: 'Broken left wrist 2015.', medications: 'None', allergies: 'Almond oil',
		pregnancy: 'no', pregnancyNote: '', guardian: null, ...over
	};
}

describe('readPractitioner', () => {
	it('reads a practitioner back as fresh data', () => {
		const p = practitioner();
		const r = readPractitioner(json(p), NOW);
		expect(r).toEqual({ ok: true, value: p });
	});

	it('names the bad field in words', () => {
		const cases: [object, string][] = [
			[{ fullName: ' ' }, "Please enter the practitioner's full name."],
			[{ phone: '0'.repeat(RECORD_TEXT.short + 1) }, "The practitioner's phone number is too long (121 characters; at most 120)."],
			[{ membershipNumber: 12345 }, "The practitioner's membership number must be text."],
			[{ providerNumbers: 'B123' }, "The practitioner's health-fund provider numbers must be a list."],
			[{ providerNumbers: [{ fund: 'Bupa', number: '' }] }, "Please enter provider number 1."],
			[{ providerNumbers: Array.from({ length: 21 }, () => ({ fund: 'x', number: 'y' })) }, "The practitioner's health-fund provider numbers has 21 items; at most 20 are allowed."],
			[{ id: '<script>' }, "The practitioner's id must be an id (letters, digits and dashes, at most 64)."],
			[{ updatedAt: START - 40 * DAY }, "The practitioner's last change is earlier than the time it was made."]
		];
		for (const [over, message] of cases) expect(readPractitioner({ ...practitioner(), ...over }, NOW), message).toEqual({ ok: false, problem: message });
	});

	it('refuses missing and unknown keys, and anything but an object', () => {
		const { phone: _p, ...noPhone } = practitioner();
		expect(readPractitioner(noPhone, NOW)).toEqual({ ok: false, problem: "The practitioner's phone number is missing." });
		expect(readPractitioner(JSON.parse(JSON.stringify({ ...practitioner() }).replace('{', '{"__proto__":{"admin":true},')), NOW)).toEqual({
			ok: false,
			problem: 'The practitioner has something that does not belong in it ("__proto__").'
		});
		for (const bad of [null, 'Alex', [practitioner()], 42]) expect(readPractitioner(bad, NOW)).toEqual({ ok: false, problem: 'The practitioner is not filled in.' });
	});

	it('cleans hidden characters; a line break in a one-line field becomes a space', () => {
		const r = readPractitioner({ ...practitioner(), fullName: 'Alex\u202e\nMoreno ' }, NOW);
		expect(r).toMatchObject({ ok: true, value: { fullName: 'Alex Moreno' } });
	});
});

describe('readClientDetails', () => {
	it('reads full details, and nulls where nothing is known', () => {
		expect(readClientDetails(details(), NOW)).toEqual({ ok: true, value: details() });
		const none = details({ dateOfBirth: null, emergencyContact: null, pregnancy: 'not-asked' });
		expect(readClientDetails(none, NOW)).toEqual({ ok: true, value: none });
	});

	it('refuses a date of birth that is not a day, in the future or before 1900', () => {
		expect(readClientDetails(details({ dateOfBirth: '1980-02-30' }), NOW)).toEqual({ ok: false, problem: "The client's date of birth is not a real date (year-month-day, like 1980-04-23)." });
		expect(readClientDetails(details({ dateOfBirth: '2099-01-01' }), NOW)).toEqual({ ok: false, problem: "The client's date of birth must be between 1900 and today." });
		expect(readClientDetails(details({ dateOfBirth: '1850-01-01' }), NOW)).toMatchObject({ ok: false });
		expect(readClientDetails(details({ dateOfBirth: '23/04/1980' }), NOW)).toMatchObject({ ok: false });
	});

	it('names the bad part of a person and of the pregnancy answer', () => {
		expect(readClientDetails(details({ guardian: { name: '', relationship: 'mother', phone: '' } }), NOW)).toEqual({ ok: false, problem: "Please enter the client's guardian's name." });
		expect(readClientDetails(details({ pregnancy: 'maybe' as never }), NOW)).toEqual({ ok: false, problem: 'The client\'s pregnancy must be one of "not-asked", "no", "yes".' });
		expect(readClientDetails(details({ medicalHistory: 'x'.repeat(RECORD_TEXT.long + 1) }), NOW)).toMatchObject({ ok: false, problem: expect.stringMatching(/^The client's medical history is too long/) });
	});
});

describe('readSignature', () => {
	it('reads a drawing or a typed name as kept', () => {
		expect(readSignature(json(drawn()))).toMatchObject({ ok: true, value: { kind: 'drawn', width: 600, height: 200 } });
		expect(readSignature(typed())).toEqual({ ok: true, value: typed() });
	});

	it('refuses a dot, points outside the pad, too many points, or an unknown kind', () => {
		expect(readSignature({ kind: 'drawn', width: 600, height: 200, strokes: [[{ x: 5, y: 5, t: 0 }]] })).toMatchObject({ ok: false, problem: expect.stringMatching(/^The signature is not a signature: that looks like a dot/) });
		expect(readSignature({ ...drawn(), strokes: [[{ x: 601, y: 5, t: 0 }]] })).toEqual({ ok: false, problem: 'The signature is not a point of the signature.' });
		expect(readSignature({ ...drawn(), strokes: [[{ x: 1, y: 5, t: 0, colour: 'red' }]] })).toMatchObject({ ok: false, problem: expect.stringContaining('does not belong') });
		const many = { ...drawn(), strokes: [Array.from({ length: MAX_SIGNATURE_POINTS + 1 }, (_, i) => ({ x: i % 600, y: 1, t: 0 }))] };
		expect(readSignature(many)).toMatchObject({ ok: false, problem: expect.stringMatching(/at most 5000|more than 5,000 points/) });
		expect(readSignature({ kind: 'stamp' })).toEqual({ ok: false, problem: 'The signature is neither drawn nor typed.' });
		expect(readSignature({ ...drawn(), width: 1e6 })).toMatchObject({ ok: false, problem: expect.stringContaining("pad's width") });
		expect(readSignature(undefined)).toEqual({ ok: false, problem: 'The signature is missing.' });
	});
});

describe('readConsent', () => {
	const signedConsent = () => consent({ sensitiveAreas: [codeOf('pectoralis-l')] });

	it('reads a signed consent', async () => {
		const c = await signedConsent();
		expect(readConsent(json(c), NOW)).toMatchObject({ ok: true, value: { signerName: 'Sam Lee', sensitiveAreas: [c.sensitiveAreas[0]] } });
	});

	it('refuses a guardian who is not named, a withdrawal before signing, a non-sensitive area, a damaged hash', async () => {
		const c = await signedConsent();
		expect(readConsent({ ...c, signer: 'guardian' }, NOW)).toEqual({ ok: false, problem: 'The consent was signed by a guardian, but the guardian is not named.' });
		expect(readConsent({ ...c, withdrawnAt: START - 1 }, NOW)).toEqual({ ok: false, problem: 'The consent was withdrawn before it was signed.' });
		expect(readConsent({ ...c, sensitiveAreas: [codeOf('knee-l')] }, NOW)).toEqual({ ok: false, problem: 'The consent to sensitive areas names an area that is not a sensitive area of the body map.' });
		expect(readConsent({ ...c, textHash: 'abc' }, NOW)).toEqual({ ok: false, problem: "The consent statement's hash is damaged (it is not a SHA-256 hash)." });
		expect(readConsent({ ...c, signedAt: NOW + 5 * DAY }, NOW)).toMatchObject({ ok: false, problem: expect.stringContaining('The consent date is in the future') });
	});
});

describe('readTreatmentRecord and readAddendum', () => {
	it('a draft and a signed record read back unchanged, and the signed one still verifies', async () => {
		const draft = readyDraft();
		expect(readTreatmentRecord(json(draft), NOW)).toEqual({ ok: true, value: draft });
		const chain = await chainOf(2);
		const back = readTreatmentRecord(json(chain[0].entry), NOW);
		if (!back.ok) throw new Error(back.problem);
		const addenda = readAddenda(json(chain.slice(1).map((c) => c.entry)), NOW);
		if (!addenda.ok) throw new Error(addenda.problem);
		const again = [{ kind: 'record' as const, entry: back.value as LockedRecord }, ...addenda.value.map((entry) => ({ kind: 'addendum' as const, entry }))];
		expect((await verifyChain(again)).ok).toBe(true);
	});

	it('a locked record without what signing adds, or with two practitioners, is refused', async () => {
		const locked = json((await chainOf(0))[0].entry) as LockedRecord;
		const { signature: _s, ...unsigned } = locked;
		expect(readTreatmentRecord(unsigned, NOW)).toEqual({ ok: false, problem: "The practitioner's signature is missing." });
		expect(readTreatmentRecord({ ...locked, practitioner: { ...locked.practitioner, id: 'prac-9' } }, NOW)).toEqual({ ok: false, problem: 'The signed record names two different practitioners.' });
		expect(readTreatmentRecord({ ...locked, hash: 'zz' }, NOW)).toEqual({ ok: false, problem: "The record's seal is damaged (it is not a SHA-256 hash)." });
		// A draft may not smuggle a signature in.
		expect(readTreatmentRecord({ ...locked, status: 'draft' }, NOW)).toMatchObject({ ok: false, problem: expect.stringContaining('does not belong') });
	});

	it('a signed record’s sealed health check and consent word read back as stored; one signed before them reads without them; odd ones are refused', async () => {
		const locked = json((await chainOf(0))[0].entry) as LockedRecord;
		const sealed = { ...locked, health: { thinners: true, fever: false }, consentOtherwise: true as const };
		expect(readTreatmentRecord(sealed, NOW)).toEqual({ ok: true, value: sealed });
		const { health: _h, ...older } = locked;
		expect(readTreatmentRecord(older, NOW)).toEqual({ ok: true, value: older });
		// A question another version asked still reads; a key no question has is refused.
		expect(readTreatmentRecord({ ...locked, health: { headache: true } }, NOW)).toMatchObject({ ok: true });
		expect(readTreatmentRecord({ ...locked, health: { 'Not a question!': true } }, NOW)).toEqual({ ok: false, problem: 'The signed health check answers a question Somamap does not ask.' });
		expect(readTreatmentRecord({ ...locked, health: { fever: 'yes' } }, NOW)).toEqual({ ok: false, problem: 'The signed health check holds an answer that is neither yes nor no.' });
		expect(readTreatmentRecord({ ...locked, health: [true] }, NOW)).toEqual({ ok: false, problem: 'The signed health check is not a list of answers.' });
		expect(readTreatmentRecord({ ...locked, consentOtherwise: false }, NOW)).toEqual({ ok: false, problem: "The practitioner's word on consent is not a yes." });
		// Only a signed record carries them.
		expect(readTreatmentRecord({ ...readyDraft(), health: {} }, NOW)).toMatchObject({ ok: false, problem: expect.stringContaining('does not belong') });
	});

	it('a record whose content was changed still reads, and verifyChain then says so', async () => {
		const locked = json((await chainOf(0))[0].entry) as LockedRecord;
		locked.soap.a = 'Rewritten later';
		const back = readTreatmentRecord(locked, NOW);
		if (!back.ok) throw new Error(back.problem);
		expect(await verifyChain([{ kind: 'record', entry: back.value as LockedRecord }], { locale: 'en-US' })).toMatchObject({ ok: false, problem: 'The record of Dec 3, 2026 was changed after it was signed.' });
	});

	it('names the bad field of the SOAP notes, areas and times', () => {
		const d = json(readyDraft());
		const cases: [object, string | RegExp][] = [
			[{ soap: { ...d.soap, a: 5 } }, 'Assessment must be text.'],
			[{ soap: { ...d.soap, o: { general: '', regions: { 999: 'x' } } } }, 'Objective findings per area names an area that is not on the body map.'],
			[{ soap: { ...d.soap, p: { homeCare: '', nextSession: '' } } }, 'Plan: referral is missing.'],
			[{ areas: ['Neck', ''] }, 'An item of areas treated is empty; fill it in or remove it.'],
			[{ endedAt: (d.startedAt as number) - 1 }, 'The session ends before it started.'],
			[{ startedAt: 'now' }, 'Start time must be a time in milliseconds.'],
			[{ status: 'signed' }, 'The record\'s status must be one of "draft", "locked".'],
			[{ plannedMin: 1e9 }, 'The planned length must be a whole number from 0 to 600.']
		];
		for (const [over, message] of cases) expect(readTreatmentRecord({ ...d, ...over }, NOW), JSON.stringify(over)).toMatchObject({ ok: false, problem: message });
	});

	it('an addendum with a damaged link or no text is refused; too many addenda are refused', async () => {
		const a = json((await chainOf(1))[1].entry);
		expect(readAddendum({ ...a, prevHash: '' }, NOW)).toEqual({ ok: false, problem: "The addendum's link is damaged (it is not a SHA-256 hash)." });
		expect(readAddendum({ ...a, text: ' ' }, NOW)).toEqual({ ok: false, problem: "The addendum's text must not be empty." });
		expect(readAddenda(Array(201).fill(a), NOW)).toEqual({ ok: false, problem: 'The addenda has 201 items; at most 200 are allowed.' });
	});
});

describe('readHistoryEntry', () => {
	it('reads a change and refuses an unknown field or a value a record cannot hold', () => {
		const h = { recordId: 'rec-1', field: 'a', old: '', new: 'Better', at: START, practitionerId: 'prac-1' };
		expect(readHistoryEntry(h, NOW)).toEqual({ ok: true, value: h });
		expect(readHistoryEntry({ ...h, field: 'status' }, NOW)).toMatchObject({ ok: false, problem: expect.stringMatching(/^A change in the history: the field must be one of/) });
		expect(readHistoryEntry({ ...h, new: { x: 1 } }, NOW)).toEqual({ ok: false, problem: 'A change in the history: the value after names an area that is not on the body map.' });
		expect(readHistoryEntry({ ...h, old: true }, NOW)).toEqual({ ok: false, problem: 'A change in the history: the value before is not a value a record holds.' });
		expect(readHistoryEntry({ ...h, new: { 16: 'tight' } }, NOW)).toMatchObject({ ok: true });
	});
});
