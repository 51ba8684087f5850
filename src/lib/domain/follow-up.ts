/**
 * A follow-up session from a previous one. Pure: the store runs it inside one transaction.
 *
 * What carries over is what usually still holds a week later (scope, length, pressure, goals,
 * complaints, techniques, the health answers, areas to avoid, oil and allergies). What belongs to
 * one visit starts empty: the client's words, notes, the outcome and the therapist's minute changes.
 * Consent to sensitive areas is never copied from the plan it follows (that plan may hold a
 * consent since withdrawn, or one given for that visit only): it is what the client agreed to in
 * the signed consent in force (`agreed`), so nothing they signed for is asked again. The marks are copied as "before" marks, flagged
 * `carried` until someone confirms each is still there or clears it.
 */
import type { Id, Mark, Plan } from './records';
import { defaultPlanFields } from './records';
import { LIMITS } from './validation';

export interface FollowUpContext {
	now: number;
	/** The new session's date, YYYY-MM-DD. */
	date: string;
	newId: () => Id;
	/** The sensitive areas agreed to in the client's signed consent in force (none when it does not hold). */
	agreed?: readonly number[];
}

const PREFIX = 'Follow-up: ';

/** Title of a follow-up: "Follow-up: <title>", without stacking the prefix, within the limit. */
export function followUpTitle(title: string): string {
	const base = title.trim().replace(/^(Follow-up: )+/, '') || 'Session';
	return (PREFIX + base).slice(0, LIMITS.title).trim();
}

export function followUpOf(from: Plan, marks: readonly Mark[], ctx: FollowUpContext): { plan: Plan; marks: Mark[] } {
	const { now } = ctx;
	const plan: Plan = {
		...defaultPlanFields(),
		id: ctx.newId(),
		clientId: from.clientId,
		date: ctx.date,
		title: followUpTitle(from.title),
		scope: from.scope,
		durationMin: from.durationMin,
		pressure: from.pressure,
		goals: [...from.goals],
		complaints: [...from.complaints],
		techniques: [...from.techniques],
		health: { ...from.health },
		avoid: [...from.avoid],
		oil: { ...from.oil },
		consent: Object.fromEntries((ctx.agreed ?? []).map((code) => [code, true])),
		followsFrom: from.id,
		createdAt: now,
		updatedAt: now
	};
	// Copies keep the old mark's order (createdAt) so the list reads as it did last time.
	const copies = [...marks]
		.sort((a, b) => a.createdAt - b.createdAt)
		.map((m, i): Mark => ({ ...m, id: ctx.newId(), planId: plan.id, carried: true, createdAt: now + i, updatedAt: now + i }));
	return { plan, marks: copies };
}
