/**
 * After the session: what was done, how the client responded, the intensity afterwards per focus
 * area and the advice given. Pure rules: recording an outcome makes the plan done (once; the
 * therapist can still change the status), and typed intensities are read strictly.
 */
import type { RegionCode } from '$lib/body/types';
import type { Outcome, Plan, PlanStatus } from './records';
import { regionByCode, shortLabel } from './regions';
import { isIntensity } from './validation';

export function emptyOutcome(): Outcome {
	return { done: '', response: '', advice: '', after: {} };
}

/**
 * The plan's status and outcome after an edit of the outcome. The first outcome recorded on a
 * plan sets its status to done; later edits leave the status as the therapist set it.
 */
export function recordOutcome(
	plan: Pick<Plan, 'status' | 'outcome'>,
	outcome: Outcome
): { status: PlanStatus; outcome: Outcome; nowDone: boolean } {
	const first = plan.outcome === null;
	const nowDone = first && plan.status !== 'done';
	return { status: first ? 'done' : plan.status, outcome, nowDone };
}

/** A typed intensity: '' is "not recorded" (null); anything else must be a whole 0–10. */
export function parseIntensity(typed: string): { value: number | null; error?: undefined } | { error: string } {
	const t = typed.trim();
	if (t === '') return { value: null };
	const n = Number(t);
	return isIntensity(n) ? { value: n } : { error: 'Enter a whole number from 0 (none) to 10 (worst), or leave it empty.' };
}

/** The outcome with one region's intensity afterwards set (a number) or cleared (null). */
export function withIntensityAfter(outcome: Outcome, region: RegionCode, value: number | null): Outcome {
	const after = { ...outcome.after };
	if (value === null) delete after[region];
	else after[region] = value;
	return { ...outcome, after };
}

export interface OutcomeRow {
	region: RegionCode;
	label: string;
	/** Strongest intensity marked before the session, or null when none was marked. */
	before: number | null;
	/** Intensity recorded afterwards, or null when not recorded yet. */
	after: number | null;
	/** Plain words for the change, e.g. 'better by 3'; '' until both figures are known. */
	change: string;
	/** False for a region recorded earlier that is no longer a focus area. */
	focus: boolean;
}

/** Words for a change from one intensity to another (lower is better). */
export function changeWords(before: number | null, after: number | null): string {
	if (before === null || after === null) return '';
	if (after === before) return 'no change';
	return after < before ? `better by ${before - after}` : `worse by ${after - before}`;
}

/**
 * One row per focus area, in the plan's order, with the intensity before beside the one after;
 * then any region recorded earlier that is no longer a focus area, so nothing is kept unseen.
 */
export function outcomeRows(
	focus: readonly { region: RegionCode; before: number | null }[],
	outcome: Outcome | null
): OutcomeRow[] {
	const after = outcome?.after ?? {};
	const row = (region: RegionCode, before: number | null, isFocus: boolean): OutcomeRow => {
		const a = isIntensity(after[region]) ? after[region] : null;
		const r = regionByCode(region);
		return { region, label: r ? shortLabel(r) : `Region ${region}`, before, after: a, change: changeWords(before, a), focus: isFocus };
	};
	const seen = new Set(focus.map((f) => f.region));
	const extra = Object.keys(after)
		.map(Number)
		.filter((code) => !seen.has(code) && regionByCode(code))
		.sort((a, b) => a - b);
	return [...focus.map((f) => row(f.region, f.before, true)), ...extra.map((code) => row(code, null, false))];
}
