/**
 * From a plan and its marks to what the therapist reads: cautions, focus areas and the timed
 * plan. Pure; the planner page derives it on every change, so nothing derived is stored.
 */
import type { RegionCode } from '$lib/body/types';
import { allocate, type Allocation, type FocusInput } from './allocation';
import { CRANIOSACRAL } from './catalogue';
import { evaluateCautions, type CautionResult } from './cautions';
import { mainRegions, scoredMarks } from './marks';
import { planHold, type PlanHold } from './plan-hold';
export { MIN_PATCH_SHARE } from './marks';
import type { Mark, Patch, Plan, Pressure } from './records';
import { withPositions } from './positions';

/**
 * One focus area per marked region: its strongest mark, the gentlest pressure asked for, and the
 * marked area (a tapped region counts whole; a painted patch counts what it covers there).
 */
export function focusFromMarks(marks: readonly Mark[], regionArea: (code: RegionCode) => number): FocusInput[] {
	const byRegion = new Map<RegionCode, FocusInput>();
	const treated = marks.filter((m) => m.sensation !== 'avoid');
	for (const piece of scoredMarks(treated, regionArea)) {
		const m = piece.mark;
		if (m.patch && !mainShare(m.patch, piece.region)) continue;
		const current = byRegion.get(piece.region);
		const pressure = m.pressure ?? undefined;
		if (!current) {
			byRegion.set(piece.region, { region: piece.region, intensity: m.intensity, area: piece.area, pressure });
			continue;
		}
		current.intensity = Math.max(current.intensity, m.intensity);
		current.area = Math.min(regionArea(piece.region), current.area + piece.area);
		if (pressure !== undefined) current.pressure = Math.min(current.pressure ?? 5, pressure) as Pressure;
	}
	return [...byRegion.values()];
}

function mainShare(patch: Patch, region: RegionCode): boolean {
	return mainRegions(patch).some((r) => r.region === region);
}

export interface SessionPlan {
	cautions: CautionResult;
	allocation: Allocation;
	/** Sensitive regions in the plan whose consent is not yet recorded. */
	needsConsent: RegionCode[];
	/** Set when a red flag puts the timed plan on hold: `allocation` is then only a draft. */
	hold: PlanHold | null;
}

export function planSession(
	plan: Plan,
	marks: readonly Mark[],
	regionArea: (code: RegionCode) => number,
	isSensitive: (code: RegionCode) => boolean
): SessionPlan {
	// Cautions read every region a mark covers (a painted "do not touch" avoids all of them). With
	// "no pain today" the symptoms are set aside, but a "do not touch" still holds.
	const facts = scoredMarks(plan.noPain ? marks.filter((m) => m.sensation === 'avoid') : marks, regionArea);
	const cautions = evaluateCautions(plan.health, facts);
	const avoid = new Set([...cautions.avoid, ...plan.avoid]);
	const focus = focusFromMarks(plan.noPain ? [] : marks, regionArea).map((f) => {
		const fixed = plan.planning.fixed[`r${f.region}`];
		return fixed === undefined ? f : { ...f, fixedMinutes: fixed };
	});
	const allocation = withPositions(allocate({
		scope: plan.scope,
		durationMin: plan.durationMin,
		defaultPressure: plan.pressure,
		focus,
		avoid,
		caps: cautions.caps,
		craniosacralShare: plan.techniques.includes(CRANIOSACRAL) ? plan.planning.craniosacralShare : 0,
		fixed: plan.planning.fixed,
		order: plan.planning.order
	}), cautions);
	const needsConsent = allocation.steps
		.filter((s) => s.region !== null && isSensitive(s.region) && !plan.consent[s.region])
		.map((s) => s.region as RegionCode);
	return { cautions, allocation, needsConsent, hold: planHold(cautions) };
}
