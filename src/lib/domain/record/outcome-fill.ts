/**
 * What the therapist wrote on the Outcome tab, carried into the record's draft so it is not typed
 * twice and the paper does not disagree with the session sheet: "What was done" into the record's
 * techniques (its own "What was done", one item a line), "Advice given" into P (home care
 * and advice), "The client's response" into A. A, not S: S is what the client reported before the
 * treatment (prefilled from their marks), while their response to it is part of the assessment of
 * the session; and it is the therapist's own words, never a finding the app makes up. Only an
 * empty field is filled: what the therapist typed in the record always wins. Pure.
 */
import { MAX_RECORD_LIST, RECORD_TEXT } from '../limits';
import type { Outcome } from '../records';

export interface OutcomeFill {
	a?: string;
	homeCare?: string;
	techniques?: string[];
}

/** The record's empty A, P (home care) and techniques filled from the outcome; {} when there is nothing to fill. */
export function outcomeFill(
	record: { a: unknown; homeCare: unknown; techniques: unknown },
	outcome: Pick<Outcome, 'advice' | 'response' | 'done'> | null
): OutcomeFill {
	const out: OutcomeFill = {};
	if (!outcome) return out;
	const empty = (v: unknown) => typeof v !== 'string' || !v.trim();
	const text = (v: string) => v.trim().slice(0, RECORD_TEXT.long);
	if (empty(record.homeCare) && outcome.advice.trim()) out.homeCare = text(outcome.advice);
	if (empty(record.a) && outcome.response.trim()) out.a = text(outcome.response);
	// A list the therapist left with nothing in it (or blank items only) is empty.
	const listEmpty = !Array.isArray(record.techniques) || !record.techniques.some((t) => typeof t === 'string' && t.trim());
	const done = (outcome.done).split(/\r?\n/).map((l) => l.trim().slice(0, RECORD_TEXT.line)).filter(Boolean).slice(0, MAX_RECORD_LIST);
	if (listEmpty && done.length) out.techniques = done;
	return out;
}
