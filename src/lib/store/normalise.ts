/**
 * Records are normalised when read: a row written by an older version of the app (or a later
 * version's optional fields missing) comes back complete, so the UI never checks for holes.
 */
import { defaultPlanFields, type Client, type Mark, type Outcome, type Plan } from '$lib/domain/records';
import { regionByCode } from '$lib/domain/regions';
import { isBodyBuild } from '$lib/domain/body-choice';

export function normaliseClient(row: Partial<Client> & Pick<Client, 'id'>): Client {
	return {
		name: '',
		contact: '',
		notes: '',
		figure: null,
		createdAt: 0,
		updatedAt: 0,
		...row,
		// A row from before builds (no key) or with a build this app does not know: the default.
		build: isBodyBuild(row.build) ? row.build : null
	};
}

export function normalisePlan(row: Partial<Plan> & Pick<Plan, 'id' | 'clientId'>): Plan {
	const defaults = defaultPlanFields();
	return {
		date: '',
		title: '',
		createdAt: 0,
		updatedAt: 0,
		...defaults,
		...row,
		oil: { ...defaults.oil, ...(row.oil ?? {}) },
		planning: { ...defaults.planning, ...(row.planning ?? {}) },
		avoid: Array.isArray(row.avoid) ? [...new Set(row.avoid.filter((c) => regionByCode(c)))] : [],
		outcome: normaliseOutcome(row.outcome)
	};
}

/** No outcome yet is null; an outcome missing fields (an older shape) gets them empty. */
function normaliseOutcome(o: Partial<Outcome> | null | undefined): Outcome | null {
	if (!o || typeof o !== 'object') return null;
	return {
		done: typeof o.done === 'string' ? o.done : '',
		response: typeof o.response === 'string' ? o.response : '',
		advice: typeof o.advice === 'string' ? o.advice : '',
		after: o.after && typeof o.after === 'object' && !Array.isArray(o.after) ? { ...o.after } : {}
	};
}

/**
 * A mark written before patches or follow-ups existed: no patch is null, and "carried over, not
 * yet confirmed" is false (only a follow-up sets it, and only on the copies it makes). A missing
 * note is empty and a missing depth 'surface' (the S of a treatment record reads them).
 */
export function normaliseMark(row: Mark): Mark {
	// A minimal row (the migration fixtures', or one written by hand) gets the fields every reader uses.
	const r = row as Partial<Mark> & Pick<Mark, 'id' | 'planId'>;
	return {
		...row,
		depth: r.depth ?? 'surface',
		structure: r.structure ?? null,
		pressure: r.pressure ?? null,
		note: typeof r.note === 'string' ? r.note : '',
		createdAt: Number.isFinite(r.createdAt) ? (r.createdAt as number) : 0,
		updatedAt: Number.isFinite(r.updatedAt) ? (r.updatedAt as number) : 0,
		patch: row.patch ?? null,
		carried: row.carried === true
	};
}
