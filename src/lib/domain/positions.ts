/**
 * The client's position for each step, as the cautions allow. Normally back work is face down
 * and front work face up; in pregnancy neither is safe (lying on the belly, or flat on the back
 * later on), so every step is side-lying or seated, as the pregnancy caution says.
 */
import type { Allocation, Position } from './allocation';
import type { CautionResult } from './cautions';

/** Cautions under which the client is never face down nor flat on the back. */
const SIDE_ONLY = new Set(['pregnancy']);

/** The position a step is done in, given where it is usually done and the cautions in force. */
export function positionFor(usual: Position, cautions: Pick<CautionResult, 'cautions'>): Position {
	return cautions.cautions.some((c) => SIDE_ONLY.has(c.id)) ? 'side' : usual;
}

/** The timed plan with each step in the position the cautions allow (the order is kept). */
export function withPositions(allocation: Allocation, cautions: Pick<CautionResult, 'cautions'>): Allocation {
	return { ...allocation, steps: allocation.steps.map((s) => ({ ...s, position: positionFor(s.position, cautions) })) };
}

const NAMES: Record<Position, string> = { prone: 'Face down', supine: 'Face up', side: 'Side-lying or seated' };

/** A position as the therapist reads it in a heading: 'Face down', 'Side-lying or seated'. */
export const positionName = (p: Position): string => NAMES[p];
