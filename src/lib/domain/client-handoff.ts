/**
 * What a client's map may carry into the therapist's records. A hand-off is a file or link anyone
 * can write, so a map that comes from a client (from the /my-map flow, or answering a mapping
 * link) keeps only what a client can say: title, date, health answers, "no pain", their words,
 * their name and chosen body, and marks (where, how it feels, how strong, how deep, a note),
 * always as the client's and never carried over. Everything a therapist sets (notes, outcome,
 * consent, status, planning, pressure, techniques, goals, focus, avoid…) goes back to a new
 * plan's defaults. A hand-off that is not a client's map (a therapist's own "Send this plan to
 * another device") is taken whole, and `beyondClient` names what it carries beyond the client's
 * answers so the preview can say so. Pure.
 */
import type { HandOff } from './handoff';
import { isRequestId } from './mapping-link';
import { defaultPlanFields, type Mark, type Plan } from './records';

/**
 * A client's map: its client id is a request id, the form the /my-map flow always gives (a mapping
 * link's own id, or a fresh one of the same form). The therapist's planner uses UUIDs, so a
 * therapist's own hand-off never has one. Claiming not to be a client's map only makes the import
 * show everything the file carries (see beyondClient); it never hides anything.
 */
export function isClientMap(h: HandOff): boolean {
	return isRequestId(h.client.id);
}

/** Only what a client can give; everything else reset to a new plan's defaults. */
export function clientAnswersOnly({ client, plan, marks }: HandOff): HandOff {
	const kept: Plan = {
		...defaultPlanFields(),
		id: plan.id,
		clientId: plan.clientId,
		date: plan.date,
		title: plan.title,
		health: { ...plan.health },
		noPain: plan.noPain,
		clientWords: plan.clientWords,
		createdAt: plan.createdAt,
		updatedAt: plan.updatedAt
	};
	return {
		client: { ...client, contact: '', notes: '' },
		plan: kept,
		marks: marks.map(
			(m): Mark => ({
				id: m.id,
				planId: m.planId,
				region: m.region,
				patch: m.patch,
				sensation: m.sensation,
				intensity: m.intensity,
				depth: m.depth,
				structure: null,
				pressure: null,
				note: m.note,
				author: 'client',
				carried: false,
				createdAt: m.createdAt,
				updatedAt: m.updatedAt
			})
		)
	};
}

/** What a hand-off carries beyond a client's answers, in the therapist's words ([] when nothing). */
export function beyondClient({ client, plan, marks }: HandOff): string[] {
	const d = defaultPlanFields();
	const out: string[] = [];
	if (plan.notes.trim()) out.push('therapist’s notes');
	if (plan.outcome) out.push('an outcome');
	if (Object.keys(plan.consent).length) out.push('consent for sensitive regions');
	if (plan.status !== d.status) out.push(`the status “${plan.status}”`);
	if (plan.scope !== d.scope || plan.durationMin !== d.durationMin) out.push('session length and scope');
	if (plan.pressure !== d.pressure) out.push('a pressure setting');
	if (plan.techniques.length) out.push('techniques');
	if (plan.goals.length || plan.complaints.length) out.push('goals or complaints');
	if (plan.focus.length || plan.avoid.length) out.push('focus areas or areas to avoid');
	if (Object.keys(plan.planning.fixed).length || plan.planning.order.length || plan.planning.craniosacralShare !== d.planning.craniosacralShare)
		out.push('changes to the timed plan');
	if (plan.oil.preference.trim() || plan.oil.allergies.trim()) out.push('oil preferences or allergies');
	const theirs = marks.filter((m) => m.author === 'therapist').length;
	if (theirs) out.push(`${theirs} ${theirs === 1 ? 'mark' : 'marks'} made by a therapist`);
	if (marks.some((m) => m.carried)) out.push('marks carried over from an earlier session');
	if (marks.some((m) => m.pressure !== null || m.structure !== null)) out.push('pressure or structures on marks');
	if (client.contact.trim() || client.notes.trim()) out.push('contact details or notes about the client');
	return out;
}

/** "therapist’s notes, an outcome and techniques". */
export function listInWords(items: string[]): string {
	return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
