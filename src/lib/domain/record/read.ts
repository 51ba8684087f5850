/**
 * Strict readers for the treatment record's data, in the style of the backup parser: each takes
 * an untrusted value (a form, a stored row, a backup), rebuilds it field by field from what was
 * checked (so nothing unknown rides along), caps every length (domain/limits RECORD_TEXT), and on
 * the first problem says which field is wrong in a person's words: "The practitioner's phone is
 * too long (130 characters; at most 120)." Never throws.
 */
import { BackupProblem, id, integer, isPlainObject, oneOf, problem, quoteKey, text, timestamp } from '../backup/read';
import { MAX_PROVIDER_NUMBERS, MAX_RECORD_LIST, MAX_SIGNATURE_POINTS, MAX_SIGNATURE_STROKES, MAX_ADDENDA, RECORD_TEXT as T } from '../limits';
import { regionByCode } from '../regions';
import { MAX_PAD, MIN_PAD, normaliseSignature, signatureProblem } from './signature';
import { sealedHealthProblem } from './sealed-health';
import {
	PREGNANCY, RECORD_FIELDS, RECORD_STATUSES, type Addendum, type ClientDetails, type Consent, type HistoryEntry, type HistoryValue,
	type LockedRecord, type Person, type Practitioner, type PractitionerSnapshot, type Signature, type Soap, type TreatmentRecord
} from './types';
import { FIELD_LABELS } from './lifecycle';

export type Read<T> = { ok: true; value: T } | { ok: false; problem: string };

function run<T>(read: () => T): Read<T> {
	try {
		return { ok: true, value: read() };
	} catch (e) {
		if (e instanceof BackupProblem) return { ok: false, problem: e.message };
		throw e;
	}
}

/** An object with exactly `keys` (each with its label); `optional` keys may be absent. */
function shape(v: unknown, what: string, labels: Record<string, string>, optional: readonly string[] = []): Record<string, unknown> {
	if (!isPlainObject(v)) problem(`${what} is not filled in.`);
	for (const key of Object.keys(v)) {
		if (!Object.hasOwn(labels, key)) problem(`${what} has something that does not belong in it (${quoteKey(key)}).`);
	}
	for (const key of Object.keys(labels)) {
		if (!Object.hasOwn(v, key) && !optional.includes(key)) problem(`${labels[key]} is missing.`);
	}
	return v;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function day(v: unknown, label: string, now: number): string {
	const s = text(v, label, 10, true);
	const m = DATE.exec(s);
	const t = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
	if (!m || !t || t.getUTCFullYear() !== Number(m[1]) || t.getUTCMonth() !== Number(m[2]) - 1 || t.getUTCDate() !== Number(m[3])) {
		problem(`${label} is not a real date (year-month-day, like 1980-04-23).`);
	}
	if (Number(m[1]) < 1900 || t.getTime() > now + 86_400_000) problem(`${label} must be between 1900 and today.`);
	return s;
}

const line = (v: unknown, label: string, max: number = T.short, required = false) => {
	const s = text(v, label, max).replace(/[\t\n]/g, ' ').trim();
	if (required && !s) problem(`Please enter ${label.charAt(0).toLowerCase()}${label.slice(1)}.`);
	return s;
};
const para = (v: unknown, label: string, max: number = T.long) => text(v, label, max).trim();
function list(v: unknown, label: string, max: number): unknown[] {
	if (!Array.isArray(v)) problem(`${label} must be a list.`);
	if (v.length > max) problem(`${label} has ${v.length} items; at most ${max} are allowed.`);
	return v;
}

export function readPerson(v: unknown, what: string): Person {
	const L = { name: `${what}'s name`, relationship: `${what}'s relationship to the client`, phone: `${what}'s phone number` };
	const o = shape(v, what, L);
	return { name: line(o.name, L.name, T.short, true), relationship: line(o.relationship, L.relationship), phone: line(o.phone, L.phone) };
}

const P = "The practitioner's";
const PRACTITIONER_LABELS = {
	id: `${P} id`, fullName: `${P} full name`, qualification: `${P} qualification`, association: `${P} professional association`,
	membershipNumber: `${P} membership number`, providerNumbers: `${P} health-fund provider numbers`, businessName: `${P} business name`,
	taxNumber: `${P} ABN or tax number`, address: `${P} address`, phone: `${P} phone number`
};

function readSnapshotFields(o: Record<string, unknown>): PractitionerSnapshot {
	const L = PRACTITIONER_LABELS;
	return {
		id: id(o.id, L.id),
		fullName: line(o.fullName, L.fullName, T.short, true),
		qualification: line(o.qualification, L.qualification),
		association: line(o.association, L.association),
		membershipNumber: line(o.membershipNumber, L.membershipNumber),
		providerNumbers: list(o.providerNumbers, L.providerNumbers, MAX_PROVIDER_NUMBERS).map((x, i) => {
			const n = { fund: `The health fund of provider number ${i + 1}`, number: `Provider number ${i + 1}` };
			const p = shape(x, `Provider number ${i + 1}`, n);
			return { fund: line(p.fund, n.fund), number: line(p.number, n.number, T.short, true) };
		}),
		businessName: line(o.businessName, L.businessName),
		taxNumber: line(o.taxNumber, L.taxNumber),
		address: line(o.address, L.address, T.line),
		phone: line(o.phone, L.phone)
	};
}

export function readPractitioner(v: unknown, now: number): Read<Practitioner> {
	return run(() => {
		const o = shape(v, 'The practitioner', { ...PRACTITIONER_LABELS, createdAt: `${P} creation time`, updatedAt: `${P} last change` });
		const createdAt = timestamp(o.createdAt, `${P} creation time`, now);
		const updatedAt = timestamp(o.updatedAt, `${P} last change`, now);
		if (updatedAt < createdAt) problem(`${P} last change is earlier than the time it was made.`);
		return { ...readSnapshotFields(o), createdAt, updatedAt };
	});
}

const C = "The client's";
const CLIENT_LABELS = {
	dateOfBirth: `${C} date of birth`, gender: `${C} gender`, address: `${C} address`, emergencyContact: `${C} emergency contact`,
	referrer: `${C} GP or referring practitioner`, occupation: `${C} occupation`, medicalHistory: `${C} medical history`,
	medications: `${C} medications`, allergies: `${C} allergies`, pregnancy: `${C} pregnancy`, pregnancyNote: `${C} pregnancy note`,
	guardian: `${C} guardian`
};

export function readClientDetails(v: unknown, now: number): Read<ClientDetails> {
	return run(() => {
		const L = CLIENT_LABELS;
		const o = shape(v, "The client's details", L);
		return {
			dateOfBirth: o.dateOfBirth === null ? null : day(o.dateOfBirth, L.dateOfBirth, now),
			gender: line(o.gender, L.gender),
			address: line(o.address, L.address, T.line),
			emergencyContact: o.emergencyContact === null ? null : readPerson(o.emergencyContact, L.emergencyContact),
			referrer: line(o.referrer, L.referrer, T.line),
			occupation: line(o.occupation, L.occupation, T.line),
			medicalHistory: para(o.medicalHistory, L.medicalHistory),
			medications: para(o.medications, L.medications),
			allergies: para(o.allergies, L.allergies),
			pregnancy: oneOf(o.pregnancy, L.pregnancy, PREGNANCY),
			pregnancyNote: line(o.pregnancyNote, L.pregnancyNote, T.line),
			guardian: o.guardian === null ? null : readPerson(o.guardian, L.guardian)
		};
	});
}

function finiteIn(v: unknown, label: string, min: number, max: number): number {
	if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) problem(`${label} is not a point of the signature.`);
	return v;
}

/** A signature as kept: a drawing within the caps and normalised, or a typed name; and a real one. */
export function readSignatureValue(v: unknown, what: string): Signature {
	if (!isPlainObject(v)) problem(`${what} is missing.`);
	let sig: Signature;
	if (v.kind === 'typed') {
		const o = shape(v, what, { kind: `${what}: its kind`, name: `${what}: the typed name` });
		sig = { kind: 'typed', name: line(o.name, `${what}: the typed name`, T.short, true) };
	} else if (v.kind === 'drawn') {
		const o = shape(v, what, { kind: `${what}: its kind`, width: `${what}: the pad's width`, height: `${what}: the pad's height`, strokes: `${what}: its strokes` });
		const width = integer(o.width, `${what}: the pad's width`, MIN_PAD, MAX_PAD);
		const height = integer(o.height, `${what}: the pad's height`, MIN_PAD, MAX_PAD);
		let points = 0;
		const strokes = list(o.strokes, `${what}: its strokes`, MAX_SIGNATURE_STROKES).map((s) =>
			list(s, `${what}: a stroke`, MAX_SIGNATURE_POINTS).map((q) => {
				if (++points > MAX_SIGNATURE_POINTS) problem(`${what} has more than ${MAX_SIGNATURE_POINTS.toLocaleString('en')} points; a signature has far fewer.`);
				const x = shape(q, `${what}: a point`, { x: `${what}: a point's x`, y: `${what}: a point's y`, t: `${what}: a point's time`, p: `${what}: a point's pressure` }, ['p']);
				const point = { x: finiteIn(x.x, what, 0, width), y: finiteIn(x.y, what, 0, height), t: finiteIn(x.t, what, 0, 600_000) };
				return x.p === undefined ? point : { ...point, p: finiteIn(x.p, what, 0, 1) };
			})
		);
		sig = normaliseSignature({ kind: 'drawn', width, height, strokes });
	} else {
		return problem(`${what} is neither drawn nor typed.`);
	}
	const wrong = signatureProblem(sig);
	if (wrong) problem(`${what} is not a signature: ${wrong.charAt(0).toLowerCase()}${wrong.slice(1)}`);
	return sig;
}

export function readSignature(v: unknown, what = 'The signature'): Read<Signature> {
	return run(() => readSignatureValue(v, what));
}

function areaCodes(v: unknown, label: string): number[] {
	const codes = list(v, label, 80).map((c) => {
		if (typeof c !== 'number' || !regionByCode(c)?.sensitive) problem(`${label} names an area that is not a sensitive area of the body map.`);
		return c;
	});
	if (new Set(codes).size !== codes.length) problem(`${label} names an area twice.`);
	return codes;
}

const HASH = /^[0-9a-f]{64}$/;
function hash(v: unknown, label: string, allowEmpty = false): string {
	if (typeof v !== 'string' || !(HASH.test(v) || (allowEmpty && v === ''))) problem(`${label} is damaged (it is not a SHA-256 hash).`);
	return v;
}

export function readConsent(v: unknown, now: number): Read<Consent> {
	return run(() => {
		const K = 'The consent';
		const o = shape(v, K, {
			id: `${K}'s id`, clientId: `${K}'s client`, text: `${K} statement`, textHash: `${K} statement's hash`, signer: `Who signed ${K.toLowerCase()}`,
			signerName: `The name of who signed`, guardian: `The guardian who signed`, signature: `${K} signature`, signedAt: `${K} date`,
			sensitiveAreas: `${K} to sensitive areas`, withdrawnAt: `${K} withdrawal date`, hash: `${K}'s seal`, withdrawalHash: `${K} withdrawal's seal`
		}, ['hash', 'withdrawalHash']);
		const signer = oneOf(o.signer, `Who signed ${K.toLowerCase()}`, ['client', 'guardian'] as const);
		const guardian = o.guardian === null ? null : readPerson(o.guardian, 'The guardian who signed');
		if (signer === 'guardian' && !guardian) problem('The consent was signed by a guardian, but the guardian is not named.');
		const signedAt = timestamp(o.signedAt, `${K} date`, now);
		const withdrawnAt = o.withdrawnAt === null ? null : timestamp(o.withdrawnAt, `${K} withdrawal date`, now);
		if (withdrawnAt !== null && withdrawnAt < signedAt) problem('The consent was withdrawn before it was signed.');
		return {
			id: id(o.id, `${K}'s id`),
			clientId: id(o.clientId, `${K}'s client`),
			text: text(o.text, `${K} statement`, T.consent, true).trim(),
			textHash: hash(o.textHash, `${K} statement's hash`),
			signer,
			signerName: line(o.signerName, 'The name of who signed', T.short, true),
			guardian,
			signature: readSignatureValue(o.signature, `${K} signature`),
			signedAt,
			sensitiveAreas: areaCodes(o.sensitiveAreas, `${K} to sensitive areas`),
			withdrawnAt,
			// Kept only when there: a consent signed before sealing reads back exactly as stored.
			...(o.hash === undefined ? {} : { hash: hash(o.hash, `${K}'s seal`) }),
			...(o.withdrawalHash === undefined ? {} : { withdrawalHash: hash(o.withdrawalHash, `${K} withdrawal's seal`) })
		};
	});
}

const R = "The record's";
function readSoap(v: unknown): Soap {
	const L = FIELD_LABELS;
	const o = shape(v, 'The SOAP notes', { s: L.s, o: 'Objective', a: L.a, p: 'Plan' });
	const obj = shape(o.o, 'Objective', { general: L.oGeneral, regions: L.oRegions });
	const plan = shape(o.p, 'Plan', { homeCare: L.homeCare, nextSession: L.nextSession, referral: L.referral });
	if (!isPlainObject(obj.regions)) problem(`${L.oRegions} must be notes per area.`);
	const regions: Record<number, string> = {};
	const keys = Object.keys(obj.regions);
	if (keys.length > 80) problem(`${L.oRegions} has more areas than the body map.`);
	for (const k of keys) {
		const code = Number(k);
		if (!/^[1-9]\d{0,2}$/.test(k) || !regionByCode(code)) problem(`${L.oRegions} names an area that is not on the body map.`);
		regions[code] = para(obj.regions[k], L.oRegions);
	}
	return {
		s: para(o.s, L.s), o: { general: para(obj.general, L.oGeneral), regions }, a: para(o.a, L.a),
		p: { homeCare: para(plan.homeCare, L.homeCare), nextSession: para(plan.nextSession, L.nextSession), referral: para(plan.referral, L.referral) }
	};
}

const RECORD_LABELS = {
	id: `${R} id`, planId: `${R} session`, clientId: `${R} client`, practitionerId: FIELD_LABELS.practitionerId, status: `${R} status`,
	plannedMin: 'The planned length', startedAt: FIELD_LABELS.startedAt, endedAt: FIELD_LABELS.endedAt, soap: 'The SOAP notes',
	areas: FIELD_LABELS.areas, techniques: FIELD_LABELS.techniques, pressure: FIELD_LABELS.pressure, createdAt: `${R} creation time`,
	updatedAt: `${R} last change`
};
const LOCKED_LABELS = {
	practitioner: 'The practitioner who signed', signature: "The practitioner's signature", signedAt: 'The signing time', prevHash: `${R} link`, hash: `${R} seal`,
	health: 'The signed health check', consentOtherwise: "The practitioner's word on consent"
};
/** Sealed with records signed since they were added; an older signed record has neither. */
const LOCKED_OPTIONAL = ['health', 'consentOtherwise'] as const;
const words = (v: unknown, label: string) =>
	list(v, label, MAX_RECORD_LIST).map((x) => {
		const item = line(x, `An item of ${label.toLowerCase()}`, T.line);
		if (!item) problem(`An item of ${label.toLowerCase()} is empty; fill it in or remove it.`);
		return item;
	});

function sealedHealthOf(v: unknown): Record<string, boolean> {
	const wrong = sealedHealthProblem(v);
	if (wrong) problem(wrong);
	return { ...(v as Record<string, boolean>) };
}
function consentWord(v: unknown): true {
	if (v !== true) problem(`${LOCKED_LABELS.consentOtherwise} is not a yes.`);
	return true;
}

/**
 * A draft or a locked record. A locked one must carry everything signing adds; its hash is only
 * checked for shape here: whether it matches is verifyChain's question, and the answer is told.
 */
export function readTreatmentRecord(v: unknown, now: number): Read<TreatmentRecord | LockedRecord> {
	return run(() => {
		const locked = isPlainObject(v) && v.status === 'locked';
		const o = shape(v, 'The treatment record', locked ? { ...RECORD_LABELS, ...LOCKED_LABELS } : RECORD_LABELS, LOCKED_OPTIONAL);
		const time = (x: unknown, label: string) => (x === null ? null : timestamp(x, label, now));
		const startedAt = time(o.startedAt, FIELD_LABELS.startedAt);
		const endedAt = time(o.endedAt, FIELD_LABELS.endedAt);
		if (startedAt !== null && endedAt !== null && endedAt < startedAt) problem('The session ends before it started.');
		const createdAt = timestamp(o.createdAt, RECORD_LABELS.createdAt, now);
		const updatedAt = timestamp(o.updatedAt, RECORD_LABELS.updatedAt, now);
		if (updatedAt < createdAt) problem(`${R} last change is earlier than the time it was made.`);
		const record: TreatmentRecord = {
			id: id(o.id, RECORD_LABELS.id),
			planId: id(o.planId, RECORD_LABELS.planId),
			clientId: id(o.clientId, RECORD_LABELS.clientId),
			practitionerId: o.practitionerId === null ? null : id(o.practitionerId, FIELD_LABELS.practitionerId),
			status: oneOf(o.status, RECORD_LABELS.status, RECORD_STATUSES),
			plannedMin: integer(o.plannedMin, RECORD_LABELS.plannedMin, 0, 600),
			startedAt,
			endedAt,
			soap: readSoap(o.soap),
			areas: words(o.areas, FIELD_LABELS.areas),
			techniques: words(o.techniques, FIELD_LABELS.techniques),
			pressure: line(o.pressure, FIELD_LABELS.pressure, T.line),
			createdAt,
			updatedAt
		};
		if (!locked) return record;
		if (record.practitionerId === null || startedAt === null || endedAt === null) problem('The signed record has no practitioner, start or end time.');
		const practitioner = readSnapshotFields(shape(o.practitioner, LOCKED_LABELS.practitioner, PRACTITIONER_LABELS));
		if (practitioner.id !== record.practitionerId) problem('The signed record names two different practitioners.');
		return {
			...record,
			status: 'locked',
			practitionerId: record.practitionerId,
			startedAt,
			endedAt,
			practitioner,
			signature: readSignatureValue(o.signature, LOCKED_LABELS.signature),
			signedAt: timestamp(o.signedAt, LOCKED_LABELS.signedAt, now),
			prevHash: hash(o.prevHash, LOCKED_LABELS.prevHash, true),
			hash: hash(o.hash, LOCKED_LABELS.hash),
			...(o.health !== undefined ? { health: sealedHealthOf(o.health) } : {}),
			...(o.consentOtherwise !== undefined ? { consentOtherwise: consentWord(o.consentOtherwise) } : {})
		} satisfies LockedRecord;
	});
}

export function readAddendum(v: unknown, now: number): Read<Addendum> {
	return run(() => {
		const A = 'The addendum';
		const o = shape(v, A, {
			id: `${A}'s id`, recordId: `${A}'s record`, text: `${A}'s text`, practitioner: 'The practitioner who signed the addendum',
			signature: `${A}'s signature`, signedAt: `${A}'s date`, prevHash: `${A}'s link`, hash: `${A}'s seal`
		});
		return {
			id: id(o.id, `${A}'s id`),
			recordId: id(o.recordId, `${A}'s record`),
			text: text(o.text, `${A}'s text`, T.long, true).trim(),
			practitioner: readSnapshotFields(shape(o.practitioner, 'The practitioner who signed the addendum', PRACTITIONER_LABELS)),
			signature: readSignatureValue(o.signature, `${A}'s signature`),
			signedAt: timestamp(o.signedAt, `${A}'s date`, now),
			prevHash: hash(o.prevHash, `${A}'s link`),
			hash: hash(o.hash, `${A}'s seal`)
		};
	});
}

/** A list of addenda for one record, at most MAX_ADDENDA. */
export function readAddenda(v: unknown, now: number): Read<Addendum[]> {
	return run(() =>
		list(v, 'The addenda', MAX_ADDENDA).map((a) => {
			const r = readAddendum(a, now);
			if (!r.ok) problem(r.problem);
			return r.value;
		})
	);
}

function historyValue(v: unknown, label: string): HistoryValue {
	if (v === null || typeof v === 'number') {
		if (typeof v === 'number' && !Number.isFinite(v)) problem(`${label} is not a value a record holds.`);
		return v;
	}
	if (typeof v === 'string') return text(v, label, T.long);
	if (Array.isArray(v)) return list(v, label, MAX_RECORD_LIST).map((x) => text(x, label, T.line));
	if (isPlainObject(v)) {
		const keys = Object.keys(v);
		if (keys.length > 80) problem(`${label} has more areas than the body map.`);
		return Object.fromEntries(keys.map((k) => {
			if (!/^[1-9]\d{0,2}$/.test(k)) problem(`${label} names an area that is not on the body map.`);
			return [k, text(v[k], label, T.long)];
		}));
	}
	return problem(`${label} is not a value a record holds.`);
}

export function readHistoryEntry(v: unknown, now: number): Read<HistoryEntry> {
	return run(() => {
		const H = 'A change in the history';
		const o = shape(v, H, { recordId: `${H}: its record`, field: `${H}: the field`, old: `${H}: the value before`, new: `${H}: the value after`, at: `${H}: its time`, practitionerId: `${H}: who made it` });
		return {
			recordId: id(o.recordId, `${H}: its record`),
			field: oneOf(o.field, `${H}: the field`, RECORD_FIELDS),
			old: historyValue(o.old, `${H}: the value before`),
			new: historyValue(o.new, `${H}: the value after`),
			at: timestamp(o.at, `${H}: its time`, now),
			practitionerId: o.practitionerId === null ? null : id(o.practitionerId, `${H}: who made it`)
		};
	});
}
