/**
 * How long records are kept. A few named rules the clinic chooses from in settings, each plain
 * and conservative: keep a record at least N years after the last treatment, and a record made
 * while the client was under 18 at least until they reach a given age. This is not legal advice;
 * the settings say so and point to the clinic's association. When a date of birth is unknown,
 * the words say that a minor's record would be kept longer. Pure; days are local calendar days.
 */
import { formatDate, isoDayOf } from '../dates';
import type { IsoDay, TreatmentRecord } from './types';

export interface RetentionRule {
	id: string;
	name: string;
	/** Years after the last treatment. */
	years: number;
	/** A record made before the client turned 18 is kept at least until this age. */
	minorUntilAge: number;
	/** One line for the settings page. */
	explain: string;
}

/**
 * The rules offered. The default is the one the issue names (7 years; a minor until 25), common
 * in Australian health-records law and in professional associations' guidance there. The
 * longer ones exist for clinics whose regulator asks more; "Longest" is for a clinic unsure
 * which applies. Figures only ever lengthen a period compared to the default.
 */
export const RETENTION_RULES: readonly RetentionRule[] = Object.freeze([
	{
		id: 'seven-years',
		name: '7 years; under 18s until age 25',
		years: 7,
		minorUntilAge: 25,
		explain: 'Keep each record 7 years after the last treatment, and a record of a client under 18 until they turn 25.'
	},
	{
		id: 'ten-years',
		name: '10 years; under 18s until age 28',
		years: 10,
		minorUntilAge: 28,
		explain: 'Keep each record 10 years after the last treatment, and a record of a client under 18 until 10 years after they turn 18.'
	},
	{
		id: 'longest',
		name: 'Longest: 15 years; under 18s until age 33',
		years: 15,
		minorUntilAge: 33,
		explain: 'Keep each record 15 years after the last treatment, and a record of a client under 18 until they turn 33.'
	}
]);

export const DEFAULT_RETENTION = RETENTION_RULES[0];

/** The rule for a stored id; anything unknown falls back to the default. */
export function retentionRule(id: unknown): RetentionRule {
	return RETENTION_RULES.find((r) => r.id === id) ?? DEFAULT_RETENTION;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(day: IsoDay): [number, number, number] | null {
	const m = DAY.exec(day);
	if (!m) return null;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const t = new Date(Date.UTC(y, mo - 1, d));
	return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d ? [y, mo, d] : null;
}

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The day `years` later; 29 February goes to 1 March (the later day: keep, never lose). */
export function addYears(day: IsoDay, years: number): IsoDay | null {
	const p = parts(day);
	if (!p) return null;
	const [y, m, d] = p;
	if (m === 2 && d === 29 && !parts(iso(y + years, 2, 29))) return iso(y + years, 3, 1);
	return iso(y + years, m, d);
}

/** Whole years of age on `day`; null when either day is not a real date or birth is after it. */
export function ageOn(dateOfBirth: IsoDay | null, day: IsoDay): number | null {
	const b = dateOfBirth ? parts(dateOfBirth) : null;
	const t = parts(day);
	if (!b || !t) return null;
	let age = t[0] - b[0];
	if (t[1] < b[1] || (t[1] === b[1] && t[2] < b[2])) age--;
	return age >= 0 ? age : null;
}

/** The last day of treatment a record shows: its end, else its start, else the day it was made. */
export function treatmentDay(record: Pick<TreatmentRecord, 'startedAt' | 'endedAt' | 'createdAt'>): IsoDay {
	return isoDayOf(record.endedAt ?? record.startedAt ?? record.createdAt);
}

export interface Retention {
	/** The first day the record may be deleted. */
	until: IsoDay;
	/** Why, in words: 'Kept until Dec 3, 2033: 7 years after the treatment on Dec 3, 2026.' */
	why: string;
	/** True when the client's date of birth is unknown, so a minor's longer period could not be applied. */
	birthUnknown: boolean;
}

export function retentionUntil(
	record: Pick<TreatmentRecord, 'startedAt' | 'endedAt' | 'createdAt'>,
	client: { dateOfBirth: IsoDay | null },
	rule: RetentionRule = DEFAULT_RETENTION,
	locale?: string
): Retention {
	const day = treatmentDay(record);
	const adult = addYears(day, rule.years) as IsoDay;
	const age = ageOn(client.dateOfBirth, day);
	const years = `${rule.years} years after the treatment on ${formatDate(day, locale)}`;
	if (age !== null && age < 18) {
		const minor = addYears(client.dateOfBirth as IsoDay, rule.minorUntilAge) as IsoDay;
		if (minor > adult) {
			return {
				until: minor,
				why: `Kept until ${formatDate(minor, locale)}: the client was under 18 at the treatment, so the record is kept until they turn ${rule.minorUntilAge}.`,
				birthUnknown: false
			};
		}
	}
	const birthUnknown = age === null;
	const unknown = birthUnknown ? ` The date of birth is not recorded: if the client was under 18, keep it until they turn ${rule.minorUntilAge}.` : '';
	return { until: adult, why: `Kept until ${formatDate(adult, locale)}: ${years}.${unknown}`, birthUnknown };
}

export interface DeleteCheck {
	/** False: the app refuses (a locked record inside its period). */
	allowed: boolean;
	/** True: allowed, but the person must give a reason and read the warning. */
	needsReason: boolean;
	/** Plain words for each thing that holds the deletion back or calls for care. */
	reasons: string[];
}

type Kept = Pick<TreatmentRecord, 'status' | 'startedAt' | 'endedAt' | 'createdAt'>;

/**
 * May these records (one record, or all of a client's) be deleted today? A locked record inside
 * its period: no. A draft inside its period: yes, with a reason and a warning that records must be
 * kept. Past every period: yes.
 */
export function canDelete(
	records: readonly Kept[],
	client: { dateOfBirth: IsoDay | null },
	rule: RetentionRule,
	today: IsoDay,
	locale?: string
): DeleteCheck {
	let allowed = true;
	let needsReason = false;
	const reasons: string[] = [];
	let lockedUntil: Retention | null = null;
	let draftUntil: Retention | null = null;
	for (const r of records) {
		const kept = retentionUntil(r, client, rule, locale);
		if (today >= kept.until) continue;
		if (r.status === 'locked') {
			allowed = false;
			if (!lockedUntil || kept.until > lockedUntil.until) lockedUntil = kept;
		} else {
			needsReason = true;
			if (!draftUntil || kept.until > draftUntil.until) draftUntil = kept;
		}
	}
	if (lockedUntil) {
		reasons.push(`A signed record cannot be deleted before its keeping period ends. ${lockedUntil.why}`);
	}
	if (draftUntil) {
		reasons.push(`Treatment records must be kept. ${draftUntil.why} Deleting it now needs a reason, which is kept.`);
	}
	return { allowed, needsReason: allowed && needsReason, reasons };
}

/**
 * A client's signed consents inside their keeping period: the consent is part of the clinical
 * record, so deleting the client then needs a reason, like an unsigned record (never refused: a
 * consent is not a signed treatment record). Kept from the day it was signed.
 */
export function consentsCheck(consents: readonly { signedAt: number }[], client: { dateOfBirth: IsoDay | null }, rule: RetentionRule, today: IsoDay, locale?: string): { needsReason: boolean; reasons: string[] } {
	let until: Retention | null = null;
	for (const c of consents) {
		const kept = retentionUntil({ startedAt: c.signedAt, endedAt: null, createdAt: c.signedAt }, client, rule, locale);
		if (today < kept.until && (!until || kept.until > until.until)) until = kept;
	}
	if (!until) return { needsReason: false, reasons: [] };
	const why = until.why.replace('after the treatment on', 'after it was signed on').replace('under 18 at the treatment', 'under 18 when it was signed');
	return { needsReason: true, reasons: [`A signed consent is part of the clinical record and must be kept. ${why} Deleting it now needs a reason, which is kept.`] };
}

