/**
 * How much one client, plan or painted area may hold. Each is far beyond what a real practice
 * ever reaches, yet small enough that the app stays fast at it: without a cap, a link or backup
 * with 45 000 marks in one plan was accepted, and that plan then took 7 s to open and 1 s per
 * keystroke (every change re-derives the plan from all its marks). The backup parser refuses a
 * file over any of them (so restore and hand-off both do) and the store refuses to add past them.
 * Pure; no DOM.
 */

/**
 * Marks in one plan. A session marks a handful of places; even a full-body map of every region
 * (80) with a few painted areas each stays far below. At 400 the planner's per-change work is
 * about 1/100 of the 45 000-mark case (the bench measures 200 marks at a few ms per save).
 */
export const MAX_MARKS_PER_PLAN = 400;

/** Plans (sessions) per client: weekly sessions for forty years. The client page lists them all. */
export const MAX_PLANS_PER_CLIENT = 2000;

/**
 * Points of the body one painted area may cover. The figures have 38,742 vertices (every sex and
 * build), so a painting of the whole body fits, and nothing larger can be a real painting.
 */
export const MAX_PATCH_VERTICES = 50_000;

/** Clients in one backup: a very busy practice sees a few thousand people in a working life. */
export const MAX_CLIENTS = 10_000;

/** "1 mark", "2,500 plans": counts in messages, with thousands separated. */
export function count(n: number, one: string, many: string): string {
	return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** The message when a plan is full; the store's and the parser's words agree. */
export function planFullMessage(): string {
	return `This plan already has ${count(MAX_MARKS_PER_PLAN, 'mark', 'marks')}, as many as one plan can hold. Remove a mark you no longer need, or start a follow-up session, before adding another.`;
}

export function clientFullMessage(): string {
	return `This client already has ${count(MAX_PLANS_PER_CLIENT, 'plan', 'plans')}, as many as one client can have. Delete an old plan before adding another.`;
}

/**
 * The treatment record (domain/record): how long each text may be and how much a signature or a
 * record's history may hold. Generous for real use, small enough that a hostile file cannot make
 * a record slow to hash, draw or print.
 */
export const RECORD_TEXT = {
	/** A name, a qualification, a business name, a phone, a membership or provider number. */
	short: 120,
	/** An address, an emergency contact, a GP or referrer, an occupation. */
	line: 300,
	/** Medical history, medications, allergies; each SOAP section; an addendum. */
	long: 5000,
	/** The consent statement a client reads. */
	consent: 10_000
} as const;

/** Health-fund provider numbers per practitioner (one per fund). */
export const MAX_PROVIDER_NUMBERS = 20;
/** Areas treated, techniques: items in one list. */
export const MAX_RECORD_LIST = 100;
/** Strokes in one drawn signature (a long name with dotted letters needs a few dozen). */
export const MAX_SIGNATURE_STROKES = 100;
/** Points in one drawn signature, all strokes together (a slow signature at 60 Hz is ~1,500). */
export const MAX_SIGNATURE_POINTS = 5000;
/** Addenda to one locked record. */
export const MAX_ADDENDA = 200;
/** Changes kept in one record's history before it is locked. */
export const MAX_HISTORY = 5000;
