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
