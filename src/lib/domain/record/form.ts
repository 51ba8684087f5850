/**
 * The draft record as its form holds it: flat, one key per RECORD_FIELDS entry (as the history and
 * the store's `edit` name them), plus id and version, so the planner's form can be saved by the same
 * RecordSaver + journal as a plan. And the small conversions the form needs: times of day, lists
 * as lines. Pure; no DOM.
 */
import { canonicalJson } from './canonical';
import { cleaned, fieldValue } from './lifecycle';
import { RECORD_FIELDS, type HistoryValue, type RecordField, type TreatmentRecord } from './types';
import type { Id, Timestamp } from '../records';

export type RecordForm = { id: Id; updatedAt: Timestamp } & { [K in RecordField]: HistoryValue };

/** The record's editable fields, flat. */
export function recordForm(r: TreatmentRecord): RecordForm {
	const form = { id: r.id, updatedAt: r.updatedAt } as RecordForm;
	for (const f of RECORD_FIELDS) form[f] = fieldValue(r, f);
	return form;
}

/** The edited fields as the store will keep them (hidden characters out), for the saver's comparisons. */
export function asStoredForm(fields: Partial<RecordForm>): Partial<RecordForm> {
	const out: Partial<RecordForm> = { ...fields };
	for (const f of RECORD_FIELDS) if (f in fields && fields[f] !== undefined) out[f] = cleaned(f, fields[f] as HistoryValue);
	return out;
}

/** The fields of `expected` whose stored value is no longer what the form last saw; [] when none. */
export function staleFields(current: TreatmentRecord, expected: Partial<Record<RecordField, HistoryValue>>): RecordField[] {
	return RECORD_FIELDS.filter((f) => f in expected && canonicalJson(fieldValue(current, f)) !== canonicalJson(expected[f] ?? null));
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A time as the form's time input shows it, 'HH:MM' local; '' for none. */
export function clockOf(ms: Timestamp | null): string {
	if (ms === null) return '';
	const d = new Date(ms);
	return `${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/**
 * The time `hhmm` on the day of `base` (or of `day`, 'YYYY-MM-DD', when there is no base yet),
 * local time, whole minutes; null for an empty or unreadable input.
 */
export function withClock(base: Timestamp | null, hhmm: string, day: string): Timestamp | null {
	const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
	if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
	let d: Date;
	if (base !== null) d = new Date(base);
	else {
		const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
		d = dm ? new Date(Number(dm[1]), Number(dm[2]) - 1, Number(dm[3])) : new Date();
	}
	d.setHours(Number(m[1]), Number(m[2]), 0, 0);
	return d.getTime();
}

/** Whole minutes from start to end, or null when either is missing or the end is first. */
export function minutesBetween(start: Timestamp | null, end: Timestamp | null): number | null {
	if (start === null || end === null || end < start) return null;
	return Math.round((end - start) / 60_000);
}

/** A list as lines for a text box. */
export function linesText(list: HistoryValue): string {
	return Array.isArray(list) ? list.join('\n') : '';
}

/** Lines typed in a text box as a list: one item a line, blank lines and edge spaces left out. */
export function textLines(text: string): string[] {
	return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}
