/**
 * From a plan and its marks to what the therapist reads: cautions, focus areas and the timed
 * plan. Pure; the planner page derives it on every change, so nothing derived is stored.
 */
import type { RegionCode } from '$lib/body/types';
import { allocate, type Allocation, type FocusInput } from './allocation';
import { CRANIOSACRAL } from './catalogue';
import { evaluateCautions, type CautionResult } from './cautions';
import type { Mark, Plan, Pressure } from './records';

/** One focus area per marked region: its strongest mark, the gentlest pressure asked for. */
export function focusFromMarks(marks: readonly Mark[], regionArea: (code: RegionCode) => number): FocusInput[] {
	const byRegion = new Map<RegionCode, FocusInput>();
	for (const m of marks) {
		if (m.region === null || m.sensation === 'avoid') continue;
		const current = byRegion.get(m.region);
		const pressure = m.pressure ?? undefined;
		if (!current) {
			byRegion.set(m.region, { region: m.region, intensity: m.intensity, area: regionArea(m.region), pressure });
			continue;
		}
		current.intensity = Math.max(current.intensity, m.intensity);
		if (pressure !== undefined) current.pressure = Math.min(current.pressure ?? 5, pressure) as Pressure;
	}
	return [...byRegion.values()];
}

export interface SessionPlan {
	cautions: CautionResult;
	allocation: Allocation;
	/** Sensitive regions in the plan whose consent is not yet recorded. */
	needsConsent: RegionCode[];
}

export function planSession(
	plan: Plan,
	marks: readonly Mark[],
	regionArea: (code: RegionCode) => number,
	isSensitive: (code: RegionCode) => boolean
): SessionPlan {
	const cautions = evaluateCautions(plan.health, marks);
	const avoid = new Set([...cautions.avoid, ...plan.avoid]);
	const focus = focusFromMarks(plan.noPain ? [] : marks, regionArea).map((f) => {
		const fixed = plan.planning.fixed[`r${f.region}`];
		return fixed === undefined ? f : { ...f, fixedMinutes: fixed };
	});
	const allocation = allocate({
		scope: plan.scope,
		durationMin: plan.durationMin,
		defaultPressure: plan.pressure,
		focus,
		avoid,
		caps: cautions.caps,
		craniosacralShare: plan.techniques.includes(CRANIOSACRAL) ? plan.planning.craniosacralShare : 0,
		fixed: plan.planning.fixed,
		order: plan.planning.order
	});
	const needsConsent = allocation.steps
		.filter((s) => s.region !== null && isSensitive(s.region) && !plan.consent[s.region])
		.map((s) => s.region as RegionCode);
	return { cautions, allocation, needsConsent };
}
