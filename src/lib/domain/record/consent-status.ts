/**
 * The signed consent as the screens show and ask it: the clinic's statement (a settings row), a
 * client's consent in one line ("Consent: signed on 3 Dec 2026"), how many clients signed which
 * version, the sensitive areas a plan takes in, and what a signing form still lacks, in words.
 * Also which consent held at a session and the doubt over it (at the end).
 * Pure; the hash and the validity rules are consent.ts's.
 */
import { RECORD_TEXT } from '../limits';
import { formatDate, formatDateTime, isoDayOf } from '../dates';
import type { Mark, Plan } from '../records';
import { REGIONS, regionByCode, shortLabel } from '../regions';
import { sessionFor } from '../summary';
import { consentState, consentText, DEFAULT_CONSENT_TEXT } from './consent';
import type { ConsentCheck } from './consent-seal';
import { signatureProblem } from './signature';
import type { Consent, IsoDay, Person, Signature } from './types';

/** The settings row holding the clinic's own statement (absent: DEFAULT_CONSENT_TEXT). */
export const CONSENT_TEXT_SETTING = 'consentText';

/** The statement in force: the clinic's stored text when it is one, else the default. */
export function clinicConsentText(stored: unknown): string {
	if (typeof stored !== 'string') return DEFAULT_CONSENT_TEXT;
	const text = consentText(stored);
	return text && text.length <= RECORD_TEXT.consent ? text : DEFAULT_CONSENT_TEXT;
}

/** Why a statement typed in settings cannot be kept; undefined when it can. */
export function consentTextProblem(text: string): string | undefined {
	const kept = consentText(text);
	if (!kept) return 'Please write the consent statement. (“Use the standard text” puts the standard one back.)';
	if (kept.length > RECORD_TEXT.consent) return `The statement is too long (${kept.length.toLocaleString('en')} characters; at most ${RECORD_TEXT.consent.toLocaleString('en')}).`;
	return undefined;
}

export type ConsentKind = 'none' | 'signed' | 'earlier' | 'withdrawn' | 'needs-guardian' | 'now-adult' | 'changed';

export interface ConsentStatus {
	kind: ConsentKind;
	/** One line for the client page: "Consent: signed on 3 Dec 2026". */
	line: string;
	/** What to do, in the therapist's words (consentState's). */
	words: string;
	/** The consent the line speaks of (the newest), or null. */
	consent: Consent | null;
	/** Its seal's check (consent-seal.ts), when one was made. */
	check?: ConsentCheck;
}

/**
 * A client's consent on `day`, from their consents (any order): the newest one decides. Signed
 * for an earlier statement, withdrawn, or signed by the wrong person for the client's age each
 * say so; only 'signed' lets the therapist treat without asking again. A consent whose seal
 * fails (`checks`, by id: verifyConsent's) never holds, whatever else it says.
 */
export function consentStatus(
	consents: readonly Consent[],
	currentTextHash: string,
	client: { dateOfBirth: IsoDay | null },
	day: IsoDay,
	locale?: string,
	checks?: ReadonlyMap<string, ConsentCheck>
): ConsentStatus {
	const consent = [...consents].sort((a, b) => b.signedAt - a.signedAt)[0] ?? null;
	const state = consentState(consent, currentTextHash, client, day, locale);
	if (!consent) return { kind: 'none', line: 'Consent: not signed', words: state.words, consent };
	const check = checks?.get(consent.id);
	if (check?.state === 'broken') {
		return { kind: 'changed', line: 'Consent: changed after signing', words: `${check.problem} Ask the client to read and sign it again.`, consent, check };
	}
	const on = formatDate(isoDayOf(consent.signedAt), locale);
	if (state.valid) {
		const by = consent.signer === 'guardian' && consent.guardian ? ` by ${consent.guardian.name}` : '';
		const words = check?.state === 'unsealed' ? `${state.words} ${check.words}` : state.words;
		return { kind: 'signed', line: `Consent: signed${by} on ${on}`, words, consent, check };
	}
	const line = {
		withdrawn: `Consent: withdrawn on ${formatDate(isoDayOf(consent.withdrawnAt ?? consent.signedAt), locale)}`,
		'text-changed': `Consent: signed an earlier text (${on})`,
		'needs-guardian': 'Consent: a parent or guardian must sign',
		'now-adult': 'Consent: to be signed again by the client',
		none: 'Consent: not signed'
	}[state.reason];
	const kind: ConsentKind = state.reason === 'text-changed' ? 'earlier' : state.reason;
	return { kind, line, words: state.words, consent, check };
}

/**
 * How many clients' consent stands on the current statement and how many on an earlier one: each
 * client counts once, by their newest consent; withdrawn ones count as neither.
 */
export function signedCounts(consents: readonly Consent[], currentTextHash: string): { current: number; earlier: number } {
	const newest = new Map<string, Consent>();
	for (const c of consents) {
		const seen = newest.get(c.clientId);
		if (!seen || c.signedAt > seen.signedAt) newest.set(c.clientId, c);
	}
	let current = 0;
	let earlier = 0;
	for (const c of newest.values()) {
		if (c.withdrawnAt !== null) continue;
		if (c.textHash === currentTextHash) current++;
		else earlier++;
	}
	return { current, earlier };
}

/**
 * The sensitive areas a consent for these plans should name: those of each plan's timed steps
 * (the areas the planner asks consent for), of its marks, and those already agreed in the plan;
 * `also` adds more (a consent signed before). Sorted by code, each once.
 */
export function sensitiveAreasOf(plans: readonly { plan: Plan; marks: readonly Mark[] }[], also: readonly number[] = []): number[] {
	const codes = new Set<number>();
	const add = (code: number | null | undefined) => {
		if (code !== null && code !== undefined && regionByCode(code)?.sensitive) codes.add(code);
	};
	for (const { plan, marks } of plans) {
		for (const s of sessionFor(plan, marks, null).allocation.steps) add(s.region);
		for (const m of marks) if (m.sensation !== 'avoid') add(m.region);
		for (const [code, yes] of Object.entries(plan.consent)) if (yes) add(Number(code));
	}
	also.forEach(add);
	return [...codes].sort((a, b) => a - b);
}

/**
 * The plans a consent signed apart from a plan hand-over takes its sensitive areas from and into:
 * the client's plan open today when there is one (as in client mode), else every plan not yet done
 * (as on the client page).
 */
export function plansForConsent<P extends Pick<Plan, 'date' | 'status'>>(plans: readonly P[], day: IsoDay): P[] {
	const open = plans.filter((p) => p.status !== 'done');
	const todays = open.filter((p) => p.date === day);
	return todays.length ? todays : open;
}

/** The sensitive areas a client agreed to in the consent in force: none unless it holds (sealed, not withdrawn, current). */
export function areasInForce(status: ConsentStatus): number[] {
	return status.kind === 'signed' && status.consent ? [...status.consent.sensitiveAreas] : [];
}

/**
 * A plan's per-area consent once a signed consent agrees to `agreed`: those areas are consented
 * (so the planner does not ask again); `withdrawn` clears them instead. Other areas stay as the
 * therapist set them.
 */
export function planConsentWith(consent: Readonly<Record<number, boolean>>, areas: readonly number[], agreed: boolean): Record<number, boolean> {
	const next: Record<number, boolean> = { ...consent };
	for (const code of areas) {
		if (agreed) next[code] = true;
		else delete next[code];
	}
	return next;
}

export interface SigningForm {
	signer: 'client' | 'guardian';
	/** The client's name (a client signs) or the guardian's (a guardian signs). */
	guardian: Person | null;
	signature: Signature | null;
}

/** What the signing form still lacks, each in words; empty when it can be signed. */
export function signingProblems(form: SigningForm, clientName: string): string[] {
	const out: string[] = [];
	if (form.signer === 'guardian') {
		if (!form.guardian?.name.trim()) out.push("Please write the parent's or guardian's name.");
		if (!form.guardian?.relationship.trim()) out.push('Please say how the guardian is related to the client (for example, mother).');
	} else if (!clientName.trim()) out.push('The client has no name yet. Please ask the therapist.');
	const sig = form.signature ? signatureProblem(form.signature) : 'Please sign in the box or type your name.';
	if (sig) out.push(sig);
	return out;
}

/*
 * A session's consent and the doubt over it. A consent row of the client that cannot be read may be
 * a later consent or a withdrawal: when it could bear on a session, the session's record must say so
 * instead of claiming the consent it shows was in force. Here, not in a module of their own: the
 * printed record and the planner's Record tab both load this module already, and a module shared
 * by just those two would be one more chunk named on the planner's first visit.
 */

/**
 * The consent that applied to a session: the newest signed at or before `at` (the session's
 * start, else the record's making). Null when none was signed before it.
 */
export function consentAt(consents: readonly Consent[], at: number): Consent | null {
	return [...consents].filter((c) => c.signedAt <= at).sort((a, b) => b.signedAt - a.signedAt)[0] ?? null;
}

/**
 * The moment a session's consent is judged at: its recorded start; not started, the end of its
 * day (local), so a consent signed at the session counts and one signed on a later day does not
 * (a draft of Oct 1 printed in Nov is not covered by a consent signed in Nov). No readable day:
 * whatever is signed by now.
 */
export function sessionMoment(startedAt: number | null, day: string): number {
	if (startedAt !== null) return startedAt;
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
	const end = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1).getTime() - 1 : NaN;
	return Number.isNaN(end) ? Number.MAX_SAFE_INTEGER : end;
}

/** A consent row that could not be read: its id, and its signing date when that much of it is readable. */
export interface UnreadableConsent {
	id: string;
	signedAt: number | null;
}

/** A date a Date can show; anything else (text, NaN, out of range) is "unknown". */
const knownTime = (ms: unknown): ms is number => typeof ms === 'number' && Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;

/**
 * The unreadable rows that could bear on a session at `at` whose record shows `shown` (the consent
 * found in force then, or null): dated at or before the session and at or after the shown consent
 * (the same moment could be either), or of unknown date. Those dated after the session, or before
 * the shown consent, cannot change what held at it. Oldest first, unknown dates last.
 */
export function unreadableBearing(unreadable: readonly UnreadableConsent[], shown: Pick<Consent, 'signedAt'> | null, at: number): UnreadableConsent[] {
	const from = shown ? shown.signedAt : -Infinity;
	const bearing = unreadable.filter((u) => !knownTime(u.signedAt) || (u.signedAt >= from && u.signedAt <= at));
	return bearing.map((u) => ({ id: u.id, signedAt: knownTime(u.signedAt) ? u.signedAt : null })).sort((a, b) => (a.signedAt ?? Infinity) - (b.signedAt ?? Infinity));
}

/**
 * Each bearing row in the therapist's words, as plainly as the other "NOT VERIFIED" lines:
 * "NOT VERIFIED: another consent record for this client, dated Nov 3, 2026, 9:15 AM, cannot be
 * read; it may change or withdraw this consent." With no consent shown, it may be the one in force.
 * `consentWords` names the consent shown ("this consent" on paper, right below it).
 */
export function doubtWords(bearing: readonly UnreadableConsent[], shown: boolean, locale?: string, consentWords = 'this consent'): string[] {
	return bearing.map((u) => {
		const dated = u.signedAt === null ? 'of unknown date' : `dated ${formatDateTime(u.signedAt, locale)}`;
		return shown
			? `NOT VERIFIED: another consent record for this client, ${dated}, cannot be read; it may change or withdraw ${consentWords}.`
			: `NOT VERIFIED: a consent record for this client, ${dated}, cannot be read; it may be the consent in force at this session.`;
	});
}

/**
 * The doubts over the consent in force at a session that started at `startedAt` (not started yet:
 * the consent in force now), for a screen that does not show that consent itself (the planner's
 * Record tab): the same rows and words as the printed record, naming the consent plainly.
 */
export function sessionDoubts(consents: readonly Consent[], unreadable: readonly UnreadableConsent[], startedAt: number | null, locale?: string): string[] {
	const at = startedAt ?? Number.MAX_SAFE_INTEGER;
	const shown = consentAt(consents, at);
	return doubtWords(unreadableBearing(unreadable, shown, at), !!shown, locale, 'the consent in force at this session');
}

/**
 * The sensitive regions a record's "Areas treated" names: a line starting with the region's label,
 * as the prefill writes it. Here for the same reason as consentAt: the Record tab's sign step and the
 * printed record both use it.
 */
export function sensitiveAreasNamed(areas: readonly string[]): number[] {
	const lines = areas.map((a) => a.trim().toLowerCase());
	return REGIONS.filter((r) => {
		if (!r.sensitive) return false;
		const label = shortLabel(r).toLowerCase();
		return lines.some((l) => l === label || l.startsWith(`${label},`) || l.startsWith(`${label} `));
	}).map((r) => r.code);
}
