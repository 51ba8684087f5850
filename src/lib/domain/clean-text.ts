/**
 * Text as people type it, without the characters that only ever hurt: control characters (NUL,
 * BEL, ESC… which can break exports and terminals and hide text) and the invisible bidi controls
 * that reorder what is shown (a right-to-left override makes "evil" display as "live"). Applied to
 * every text field where records are checked — the store's writes, backup restore and hand-off
 * import all pass through it — so no path can bring them in. Pure; no DOM.
 */
import type { Client, Mark, Outcome, Plan } from './records';

/**
 * C0 controls except tab and line breaks, DEL, C1 controls; the bidi embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069) and the invisible direction marks (U+200E, U+200F,
 * U+061C). Text in right-to-left scripts needs none of these to show correctly.
 */
const HIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** Line breaks of every kind (CR LF, CR, the Unicode line and paragraph separators). */
const BREAKS = /\r\n?|[\u2028\u2029]/g;

/**
 * The text without hidden characters. `multiline` keeps tabs and line breaks (as \n); a one-line
 * field (a name, a title) gets a space for each instead, so words never run together.
 */
export function cleanText(text: string, multiline = false): string {
	const normal = text.replace(BREAKS, '\n').replace(HIDDEN, '');
	return multiline ? normal : normal.replace(/[\t\n]/g, ' ');
}

/** Whether cleanText would change the text. */
export function hasHiddenCharacters(text: string, multiline = false): boolean {
	return cleanText(text, multiline) !== text;
}

const line = (s: string) => cleanText(s);
const lines = (s: string) => cleanText(s, true);
/** Leaves anything that is not text alone, for the validators to refuse with their own message. */
const safe = (clean: (s: string) => string) => (v: unknown) => (typeof v === 'string' ? clean(v) : v);

/** A client's (or a client form's) text fields, cleaned; other fields as they were. */
export function cleanClient<T extends Partial<Pick<Client, 'name' | 'contact' | 'notes'>>>(c: T): T {
	const out = { ...c };
	if (out.name !== undefined) out.name = safe(line)(out.name) as T['name'];
	if (out.contact !== undefined) out.contact = safe(line)(out.contact) as T['contact'];
	if (out.notes !== undefined) out.notes = safe(lines)(out.notes) as T['notes'];
	return out;
}

type PlanText = Partial<Pick<Plan, 'title' | 'clientWords' | 'notes' | 'goals' | 'complaints' | 'techniques' | 'oil' | 'outcome'>>;

/** A plan's (or a plan patch's) text fields, cleaned; other fields as they were. */
export function cleanPlan<T extends PlanText>(p: T): T {
	const out = { ...p };
	if (out.title !== undefined) out.title = safe(line)(out.title) as string;
	if (out.clientWords !== undefined) out.clientWords = safe(lines)(out.clientWords) as string;
	if (out.notes !== undefined) out.notes = safe(lines)(out.notes) as string;
	for (const key of ['goals', 'complaints', 'techniques'] as const) {
		const list = out[key];
		if (Array.isArray(list)) out[key] = list.map(safe(line)) as string[];
	}
	if (out.oil && typeof out.oil === 'object') {
		out.oil = { ...out.oil, preference: safe(line)(out.oil.preference) as string, allergies: safe(line)(out.oil.allergies) as string };
	}
	if (out.outcome && typeof out.outcome === 'object') {
		const o: Outcome = out.outcome;
		out.outcome = { ...o, done: safe(lines)(o.done) as string, response: safe(lines)(o.response) as string, advice: safe(lines)(o.advice) as string };
	}
	return out;
}

/** A mark's note, cleaned; other fields as they were. */
export function cleanMark<T extends Partial<Pick<Mark, 'note'>>>(m: T): T {
	return m.note === undefined ? m : { ...m, note: safe(lines)(m.note) as string };
}

/**
 * A client's edited fields as the store keeps them: cleaned, the name trimmed. The form compares
 * what it holds through this, so a space typed at the end of a name, which the store trims, is not
 * taken for another tab's change (and the space stays in the field while the person types on).
 */
export function asStoredClient<T extends Partial<Pick<Client, 'name' | 'contact' | 'notes'>>>(c: T): T {
	const out = cleanClient(c);
	if (typeof out.name === 'string') out.name = out.name.trim() as T['name'];
	return out;
}

/** A plan's edited fields as the store keeps them: cleaned, the title trimmed (see asStoredClient). */
/** A mark's edited fields as the store keeps them: cleaned, the note trimmed (see asStoredClient). */
export function asStoredMark<T extends Partial<Pick<Mark, 'note'>>>(m: T): T {
	const out = cleanMark(m);
	if (typeof out.note === 'string') out.note = out.note.trim();
	return out;
}

export function asStoredPlan<T extends PlanText>(p: T): T {
	const out = cleanPlan(p);
	if (typeof out.title === 'string') out.title = out.title.trim();
	return out;
}
