/**
 * Marks for unit tests: a client's knot of 7 on the right upper trapezius, tapped, near the
 * surface; each test overrides what it is about.
 */
import type { MarkInput } from '$lib/domain/marks';
import type { Mark } from '$lib/domain/records';
import { codeOf } from '$lib/domain/regions';

/** A mark as the editor sends it to the store. */
export function markInput(over: Partial<MarkInput> = {}): MarkInput {
	return { region: codeOf('upper-trapezius-r'), sensation: 'knot', intensity: 7, depth: 'surface', structure: null, pressure: null, note: '', author: 'client', ...over };
}

/** A mark as stored. */
export function markRecord(id: string, planId: string, over: Partial<Mark> = {}): Mark {
	return { ...markInput(), id, planId, patch: null, carried: false, createdAt: 0, updatedAt: 0, ...over };
}
