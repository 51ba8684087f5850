/**
 * The treatment record as plain data (issue 12): who treated, the client's fuller details, the
 * signed consent, the session's SOAP notes, signatures, addenda and the history of changes.
 * Pure types; no DOM, no Dexie. The store will persist exactly these shapes.
 */
import type { Id, Timestamp } from '../records';

/** A calendar day as 'YYYY-MM-DD' (local), like Plan.date. */
export type IsoDay = string;

/** A health fund and the practitioner's provider number with it. */
export interface ProviderNumber {
	fund: string;
	number: string;
}

/** One practitioner on this device; a shared clinic tablet may hold several. */
export interface Practitioner {
	id: Id;
	fullName: string;
	qualification: string;
	association: string;
	membershipNumber: string;
	providerNumbers: ProviderNumber[];
	businessName: string;
	/** ABN in Australia; a tax or business number elsewhere. */
	taxNumber: string;
	address: string;
	phone: string;
	createdAt: Timestamp;
	updatedAt: Timestamp;
}

/**
 * The practitioner as they were when they signed: kept inside the locked record (and hashed with
 * it), so a later change of profile neither alters nor breaks an old record.
 */
export type PractitionerSnapshot = Omit<Practitioner, 'createdAt' | 'updatedAt'>;

export interface Person {
	name: string;
	relationship: string;
	phone: string;
}

export const PREGNANCY = ['not-asked', 'no', 'yes'] as const;
export type Pregnancy = (typeof PREGNANCY)[number];

/** What a treatment record needs of a client beside name and contact (Client in ../records). */
export interface ClientDetails {
	dateOfBirth: IsoDay | null;
	gender: string;
	address: string;
	emergencyContact: Person | null;
	/** GP or referring practitioner, in the therapist's words (name, practice). */
	referrer: string;
	occupation: string;
	/** Conditions, past injuries, surgeries. */
	medicalHistory: string;
	medications: string;
	allergies: string;
	pregnancy: Pregnancy;
	/** Weeks or other words about a pregnancy; '' when none. */
	pregnancyNote: string;
	/** Who signs for a client under 18. */
	guardian: Person | null;
}

/** One point of a drawn stroke, in the signing pad's CSS pixels; t in ms from the first point. */
export interface StrokePoint {
	x: number;
	y: number;
	t: number;
	/** 0..1 from a pen; absent for a mouse or a finger that reports none. */
	p?: number;
}

export type Stroke = StrokePoint[];

/** A signature drawn with a finger, pen or mouse: vector strokes on a pad of width × height. */
export interface DrawnSignature {
	kind: 'drawn';
	width: number;
	height: number;
	strokes: Stroke[];
}

/** The keyboard alternative for people who cannot draw: the name typed. */
export interface TypedSignature {
	kind: 'typed';
	name: string;
}

export type Signature = DrawnSignature | TypedSignature;

/** A client's signed informed consent. Valid until withdrawn or the clinic's text changes. */
export interface Consent {
	id: Id;
	clientId: Id;
	/** The statement exactly as it was signed, so the record shows which text it was. */
	text: string;
	/** SHA-256 (hex) of the statement (consentTextHash). */
	textHash: string;
	/** Who signed: the client, or their guardian for a minor. */
	signer: 'client' | 'guardian';
	signerName: string;
	/** Set when signer is 'guardian'. */
	guardian: Person | null;
	signature: Signature;
	signedAt: Timestamp;
	/** Sensitive regions (codes) the client agreed to have treated, in the words they read. */
	sensitiveAreas: number[];
	withdrawnAt: Timestamp | null;
	/**
	 * The seal of the signing (consent-seal.ts): SHA-256 of every field above but `withdrawnAt`.
	 * Absent on a consent signed before sealing (only its statement's hash was kept then).
	 */
	hash?: string;
	/** The seal of the withdrawal, linked to the signing's seal; set with `withdrawnAt`. */
	withdrawalHash?: string;
}

/** The Objective section: general findings and, where useful, findings per region (by code). */
export interface Findings {
	general: string;
	regions: Record<number, string>;
}

export interface SoapPlan {
	homeCare: string;
	nextSession: string;
	referral: string;
}

/** SOAP notes. The app fills S and suggests; A is always the therapist's own words. */
export interface Soap {
	s: string;
	o: Findings;
	a: string;
	p: SoapPlan;
}

export const RECORD_STATUSES = ['draft', 'locked'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

/** One session as a treatment record; a draft until finalised and signed. */
export interface TreatmentRecord {
	id: Id;
	planId: Id;
	clientId: Id;
	/** Who treated; null until chosen. */
	practitionerId: Id | null;
	status: RecordStatus;
	/** The plan's length, for "planned 60 min, took 55". */
	plannedMin: number;
	startedAt: Timestamp | null;
	endedAt: Timestamp | null;
	soap: Soap;
	/** Taken from the plan and editable: 'Left top of the shoulder (upper trapezius), 12 min'. */
	areas: string[];
	techniques: string[];
	pressure: string;
	createdAt: Timestamp;
	updatedAt: Timestamp;
}

/**
 * The fields of a draft a person edits, flat, so the history names each change plainly:
 * the SOAP sections by their parts ('homeCare' is P's home care).
 */
export const RECORD_FIELDS = [
	'practitionerId', 'startedAt', 'endedAt', 's', 'oGeneral', 'oRegions', 'a', 'homeCare', 'nextSession', 'referral',
	'areas', 'techniques', 'pressure'
] as const;
export type RecordField = (typeof RECORD_FIELDS)[number];

/**
 * A link of the record's hash chain: the signed record first, then each addendum. `hash` is the
 * SHA-256 of the entry's canonical content together with `prevHash` (see ./chain).
 */
export interface ChainLink {
	prevHash: string;
	hash: string;
}

/** A record once finalised and signed; never changed again. */
export interface LockedRecord extends TreatmentRecord, ChainLink {
	status: 'locked';
	practitionerId: Id;
	startedAt: Timestamp;
	endedAt: Timestamp;
	practitioner: PractitionerSnapshot;
	signature: Signature;
	signedAt: Timestamp;
	/**
	 * The health check as answered when the record was signed (question id → yes or no; a question
	 * not answered is absent), so the record does not follow later edits of the plan. Absent on a
	 * record signed before the answers were sealed with it (its printout says so).
	 */
	health?: Record<string, boolean>;
	/**
	 * Set when the client's signed consent was missing at signing and the practitioner declared
	 * they have it another way (e.g. on paper) or will record why in the notes.
	 */
	consentOtherwise?: true;
}

/** A correction or addition after locking: dated, signed, shown below the original. */
export interface Addendum extends ChainLink {
	id: Id;
	recordId: Id;
	text: string;
	practitioner: PractitionerSnapshot;
	signature: Signature;
	signedAt: Timestamp;
}

/** The record's chain in order: the locked record, then its addenda. */
export type ChainEntry = { kind: 'record'; entry: LockedRecord } | { kind: 'addendum'; entry: Addendum };

/** A value the history keeps for a field: whatever the field holds, as plain JSON. */
export type HistoryValue = string | number | null | string[] | Record<string, string>;

/** One change to a draft, kept append-only: which field, from what, to what, when and by whom. */
export interface HistoryEntry {
	recordId: Id;
	field: RecordField;
	old: HistoryValue;
	new: HistoryValue;
	at: Timestamp;
	practitionerId: Id | null;
}
