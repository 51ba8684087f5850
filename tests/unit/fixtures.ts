/**
 * Marks for unit tests: a client's knot of 7 on the right upper trapezius, tapped, near the
 * surface; each test overrides what it is about.
 */
import type { MarkInput } from '$lib/domain/marks';
import { defaultPlanFields, type Mark, type Plan } from '$lib/domain/records';
import { codeOf } from '$lib/domain/regions';

/** A mark as the editor sends it to the store. */
export function markInput(over: Partial<MarkInput> = {}): MarkInput {
	return { region: codeOf('upper-trapezius-r'), sensation: 'knot', intensity: 7, depth: 'surface', structure: null, pressure: null, note: '', author: 'client', ...over };
}

/** A mark as stored. */
export function markRecord(id: string, planId: string, over: Partial<Mark> = {}): Mark {
	return { ...markInput(), id, planId, patch: null, carried: false, createdAt: 0, updatedAt: 0, ...over };
}

/** A mark for the planner's rules: a knot of 5 on the right upper trapezius of plan 'p'. */
export function ruleMark(id: string, over: Partial<Mark>): Mark {
	return {
		id, planId: 'p', region: codeOf('upper-trapezius-r'), patch: null, sensation: 'knot', intensity: 5,
		depth: 'surface', structure: null, pressure: null, note: '', author: 'client', createdAt: 1, updatedAt: 1, ...over
	};
}

/** Plan 'p' with the defaults, for the planner's rules. */
export function rulePlan(over: Partial<Plan> = {}): Plan {
	return { ...defaultPlanFields(), id: 'p', clientId: 'c', date: '2026-11-23', title: 'T', createdAt: 1, updatedAt: 1, ...over };
}
