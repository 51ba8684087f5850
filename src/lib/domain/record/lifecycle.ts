/**
 * A treatment record's life: a draft the therapist edits (every change kept in an append-only
 * history), then finalised and signed, which locks it for good; a correction after that is an
 * addendum, dated, signed and linked into the record's hash chain. Pure, apart from hashing.
 */
import { formatDateTime } from '../dates';
import { canonicalJson, nfcText } from './canonical';
import { sealAddendum, sealRecord, verifyChain } from './chain';
import { keptSignature, signatureProblem } from './signature';
import { sealedHealth } from './sealed-health';
import type {
	Addendum, ChainEntry, HistoryEntry, HistoryValue, LockedRecord, Practitioner, PractitionerSnapshot, RecordField,
	Signature, Soap, TreatmentRecord
} from './types';
import { RECORD_FIELDS } from './types';
import { isLocked } from './locked';
import { MAX_ADDENDA, MAX_HISTORY, RECORD_TEXT } from '../limits';
import { cleanText } from '../clean-text';
import { regionByCode } from '../regions';
import type { Id, Timestamp } from '../records';

export function emptySoap(): Soap {
	return { s: '', o: { general: '', regions: {} }, a: '', p: { homeCare: '', nextSession: '', referral: '' } };
}

/** A new draft for a plan; `prefill` comes from ./soap (S, areas, techniques, pressure). */
export function newDraft(
	ids: { id: Id; planId: Id; clientId: Id },
	plannedMin: number,
	prefill: { s: string; areas: string[]; techniques: string[]; pressure: string },
	now: Timestamp
): TreatmentRecord {
	const soap = emptySoap();
	soap.s = prefill.s;
	return {
		...ids,
		practitionerId: null,
		status: 'draft',
		plannedMin,
		startedAt: null,
		endedAt: null,
		soap,
		areas: [...prefill.areas],
		techniques: [...prefill.techniques],
		pressure: prefill.pressure,
		createdAt: now,
		updatedAt: now
	};
}

/** The words a field goes by in the history and in messages. */
export const FIELD_LABELS: Record<RecordField, string> = {
	practitionerId: 'Practitioner',
	startedAt: 'Start time',
	endedAt: 'End time',
	s: 'Subjective (what the client reports)',
	oGeneral: 'Objective (findings)',
	oRegions: 'Objective findings per area',
	a: 'Assessment',
	homeCare: 'Plan: home care and advice',
	nextSession: 'Plan: next session',
	referral: 'Plan: referral',
	areas: 'Areas treated',
	techniques: 'Techniques',
	pressure: 'Pressure'
};

export type RecordEdit = Partial<{ [K in RecordField]: HistoryValue }>;

/** A field's value read from the record, in the flat shape of RECORD_FIELDS. */
export function fieldValue(r: TreatmentRecord, field: RecordField): HistoryValue {
	switch (field) {
		case 's': return r.soap.s;
		case 'oGeneral': return r.soap.o.general;
		case 'oRegions': return { ...r.soap.o.regions };
		case 'a': return r.soap.a;
		case 'homeCare': return r.soap.p.homeCare;
		case 'nextSession': return r.soap.p.nextSession;
		case 'referral': return r.soap.p.referral;
		case 'areas': return [...r.areas];
		case 'techniques': return [...r.techniques];
		default: return r[field];
	}
}

/** Why a locked record cannot be edited, in the therapist's words. */
export function lockedMessage(r: Pick<LockedRecord, 'signedAt'>, locale?: string): string {
	return `This record was signed on ${formatDateTime(r.signedAt, locale)} and can no longer be changed. Add an addendum to correct or add to it.`;
}

export type EditResult =
	| { ok: true; record: TreatmentRecord; history: HistoryEntry[] }
	| { ok: false; problem: string };

const longText = (v: unknown, label: string) =>
	typeof v !== 'string' ? `${label} must be text.` : v.length > RECORD_TEXT.long ? `${label} is too long (at most ${RECORD_TEXT.long.toLocaleString('en')} characters).` : undefined;

/** What is wrong with one edited value, or undefined. */
function editProblem(field: RecordField, v: HistoryValue): string | undefined {
	const label = FIELD_LABELS[field];
	switch (field) {
		case 'practitionerId':
			return v === null || (typeof v === 'string' && /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(v)) ? undefined : 'Please choose a practitioner.';
		case 'startedAt':
		case 'endedAt':
			return v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 0) ? undefined : `${label} must be a time.`;
		case 'oRegions':
			if (typeof v !== 'object' || v === null || Array.isArray(v)) return `${label} must be notes per area.`;
			for (const [k, text] of Object.entries(v)) {
				if (!/^[1-9]\d{0,2}$/.test(k) || !regionByCode(Number(k))) return `${label} names an area that is not on the body map.`;
				const p = longText(text, label);
				if (p) return p;
			}
			return undefined;
		case 'areas':
		case 'techniques':
			if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) return `${label} must be a list of words.`;
			if (v.some((x) => x.length > RECORD_TEXT.line)) return `An item of ${label.toLowerCase()} is too long (at most ${RECORD_TEXT.line} characters).`;
			return undefined;
		case 'pressure':
			return typeof v !== 'string' ? `${label} must be text.` : v.length > RECORD_TEXT.line ? `${label} is too long (at most ${RECORD_TEXT.line} characters).` : undefined;
		default:
			return longText(v, label);
	}
}

/** The value cleaned of hidden characters, as the store would keep it. */
export function cleaned(field: RecordField, v: HistoryValue): HistoryValue {
	if (typeof v === 'string') return field === 'practitionerId' ? v : cleanText(v, field !== 'pressure');
	if (Array.isArray(v)) return v.map((x) => cleanText(x));
	if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cleanText(x, true)]));
	return v;
}

function applied(r: TreatmentRecord, field: RecordField, v: HistoryValue): TreatmentRecord {
	const soap: Soap = { ...r.soap, o: { ...r.soap.o }, p: { ...r.soap.p } };
	switch (field) {
		case 's': soap.s = v as string; break;
		case 'oGeneral': soap.o.general = v as string; break;
		case 'oRegions': soap.o.regions = v as Record<number, string>; break;
		case 'a': soap.a = v as string; break;
		case 'homeCare': soap.p.homeCare = v as string; break;
		case 'nextSession': soap.p.nextSession = v as string; break;
		case 'referral': soap.p.referral = v as string; break;
		default: return { ...r, [field]: v };
	}
	return { ...r, soap };
}

/**
 * A draft with `edit` applied, and one history entry per field that really changed. Refuses a
 * locked record (whatever its status field claims, a record with a signature or a hash is locked),
 * an unknown field, or a bad value, and changes nothing then.
 */
export function editDraft(
	record: TreatmentRecord,
	edit: RecordEdit,
	by: { at: Timestamp; practitionerId: Id | null },
	history: readonly HistoryEntry[] = [],
	locale?: string
): EditResult {
	if (isLocked(record)) return { ok: false, problem: lockedMessage(record as LockedRecord, locale) };
	let next = record;
	const added: HistoryEntry[] = [];
	for (const [key, raw] of Object.entries(edit)) {
		if (raw === undefined) continue;
		if (!(RECORD_FIELDS as readonly string[]).includes(key)) return { ok: false, problem: `“${key.slice(0, 40)}” is not a part of a treatment record.` };
		const field = key as RecordField;
		const problem = editProblem(field, raw);
		if (problem) return { ok: false, problem };
		const value = cleaned(field, raw);
		const old = fieldValue(next, field);
		if (canonicalJson(nfcText(old)) === canonicalJson(nfcText(value))) continue; // the same letters retyped composed or decomposed
		next = applied(next, field, value);
		added.push({ recordId: record.id, field, old, new: value, at: by.at, practitionerId: by.practitionerId });
	}
	if (next.startedAt !== null && next.endedAt !== null && next.endedAt < next.startedAt) {
		return { ok: false, problem: 'The session cannot end before it started. Please check the start and end times.' };
	}
	if (added.length === 0) return { ok: true, record, history: [...history] };
	const appended = appendHistory(history, added);
	if (!appended.ok) return appended;
	return { ok: true, record: { ...next, updatedAt: Math.max(record.updatedAt, by.at) }, history: appended.history };
}

/**
 * The history with `entries` added at the end. Append-only: what is there is never touched, and
 * an entry earlier than the last one (a clock set back) takes the last one's time instead, so
 * the history always reads in order.
 */
export function appendHistory(
	history: readonly HistoryEntry[],
	entries: readonly HistoryEntry[]
): { ok: true; history: HistoryEntry[] } | { ok: false; problem: string } {
	if (history.length + entries.length > MAX_HISTORY) {
		return { ok: false, problem: `This record's history is full (${MAX_HISTORY.toLocaleString('en')} changes). Finalise it, then add an addendum.` };
	}
	const out = [...history];
	for (const e of entries) out.push({ ...e, at: Math.max(e.at, out.at(-1)?.at ?? e.at) });
	return { ok: true, history: out };
}

export { isLocked };

/** The practitioner's own fields, copied one by one (a row's extra keys stay out of the hash). */
export function snapshotOf(p: Practitioner): PractitionerSnapshot {
	return {
		id: p.id, fullName: p.fullName, qualification: p.qualification, association: p.association, membershipNumber: p.membershipNumber,
		providerNumbers: p.providerNumbers.map((n) => ({ fund: n.fund, number: n.number })), businessName: p.businessName,
		taxNumber: p.taxNumber, address: p.address, phone: p.phone
	};
}

/** The SOAP notes' own fields, copied one by one. */
function soapOf(s: Soap): Soap {
	return { s: s.s, o: { general: s.o.general, regions: { ...s.o.regions } }, a: s.a, p: { homeCare: s.p.homeCare, nextSession: s.p.nextSession, referral: s.p.referral } };
}

export type FinaliseResult = { ok: true; record: LockedRecord } | { ok: false; problems: string[] };

/**
 * Finalise and sign: needs the practitioner who treated (the one chosen on the record), the
 * actual start and end, and a real signature. Returns the locked record with its hash; the draft
 * is left as it was. Every missing thing is named, so the therapist can fix them in one go.
 */
export async function finalise(
	record: TreatmentRecord,
	input: {
		practitioner: Practitioner | null;
		signature: Signature | null;
		at: Timestamp;
		/** The session's health check answers (the plan's), sealed with the record. */
		health?: Readonly<Record<string, unknown>>;
		/** The practitioner declared, at signing, the client's consent obtained another way. */
		consentOtherwise?: boolean;
	},
	locale?: string
): Promise<FinaliseResult> {
	if (isLocked(record)) return { ok: false, problems: [lockedMessage(record as LockedRecord, locale)] };
	const problems: string[] = [];
	const p = input.practitioner;
	if (!p) problems.push('Please choose the practitioner who gave this treatment.');
	else if (record.practitionerId !== null && record.practitionerId !== p.id) problems.push('The record names another practitioner: only the practitioner who treated can sign it.');
	else if (!p.fullName.trim()) problems.push("Please add the practitioner's full name to their profile before signing.");
	if (record.startedAt === null) problems.push('Please record when the session started.');
	if (record.endedAt === null) problems.push('Please record when the session ended.');
	if (record.startedAt !== null && record.endedAt !== null && record.endedAt < record.startedAt) {
		problems.push('The session cannot end before it started. Please check the start and end times.');
	}
	if (record.endedAt !== null && record.endedAt > input.at) problems.push('The session ends after now: a record is signed once the session is over.');
	const sigProblem = input.signature ? signatureProblem(input.signature) : 'Please sign the record.';
	if (sigProblem) problems.push(sigProblem);
	if (problems.length || !p || !input.signature) return { ok: false, problems };
	// Only the record's own fields are sealed: nothing a row picked up on the way rides into the hash.
	const locked = await sealRecord({
		id: record.id,
		planId: record.planId,
		clientId: record.clientId,
		plannedMin: record.plannedMin,
		soap: soapOf(record.soap),
		areas: [...record.areas],
		techniques: [...record.techniques],
		pressure: record.pressure,
		createdAt: record.createdAt,
		status: 'locked',
		practitionerId: p.id,
		startedAt: record.startedAt as Timestamp,
		endedAt: record.endedAt as Timestamp,
		practitioner: snapshotOf(p),
		signature: keptSignature(input.signature),
		signedAt: input.at,
		updatedAt: Math.max(record.updatedAt, input.at),
		health: sealedHealth(input.health),
		...(input.consentOtherwise ? { consentOtherwise: true as const } : {})
	});
	return { ok: true, record: locked };
}

export type AddendumResult = { ok: true; addendum: Addendum } | { ok: false; problems: string[] };

/**
 * An addendum appended to a locked record's chain (`chain`: the record, then its addenda). The
 * chain is verified first: nothing is signed onto a broken history. The record itself is never
 * touched. It is dated `at`, or the last signature's time when the clock reads earlier.
 */
export async function addAddendum(
	chain: readonly ChainEntry[],
	input: { id: Id; text: string; practitioner: Practitioner | null; signature: Signature | null; at: Timestamp },
	locale?: string
): Promise<AddendumResult> {
	const check = await verifyChain(chain, { locale });
	if (!check.ok) return { ok: false, problems: [`${check.problem} An addendum cannot be added until this is resolved.`] };
	const problems: string[] = [];
	if (chain.length - 1 >= MAX_ADDENDA) problems.push(`This record already has ${MAX_ADDENDA} addenda, as many as one record can hold.`);
	const text = typeof input.text === 'string' ? cleanText(input.text, true).trim() : '';
	if (!text) problems.push('Please write the addendum: what is corrected or added, and why.');
	else if (text.length > RECORD_TEXT.long) problems.push(`The addendum is too long (at most ${RECORD_TEXT.long.toLocaleString('en')} characters).`);
	if (!input.practitioner) problems.push('Please choose the practitioner writing the addendum.');
	else if (!input.practitioner.fullName.trim()) problems.push("Please add the practitioner's full name to their profile before signing.");
	const last = chain[chain.length - 1].entry;
	const sigProblem = input.signature ? signatureProblem(input.signature) : 'Please sign the addendum.';
	if (sigProblem) problems.push(sigProblem);
	if (problems.length || !input.practitioner || !input.signature) return { ok: false, problems };
	const addendum = await sealAddendum(
		{
			id: input.id,
			recordId: chain[0].entry.id,
			text,
			practitioner: snapshotOf(input.practitioner),
			signature: keptSignature(input.signature),
			// A clock set back takes the last signature's time (as appendHistory does), so the chain's
			// dates never run backwards and a correction is never refused for the device's clock.
			signedAt: Math.max(input.at, last.signedAt)
		},
		last
	);
	return { ok: true, addendum };
}
