/**
 * The plan at a glance, as a therapist reads it before starting: the steps in order with minutes
 * and pressure, what to be careful about (red flags, cautions, areas to avoid, consent still to
 * ask, allergies), what the client wants and reports, two figures shown as information (the
 * marked share of the body and the widespread-pain count; never a diagnosis), and the client's
 * own words. Pure: the planner derives it from the plan and its marks on every change.
 */
import type { RegionCode } from '$lib/body/types';
import type { PlanStep, Position } from './allocation';
import type { Caution, CautionResult } from './cautions';
import { healthWords } from './health-answers';
import { scoredMarks } from './marks';
import type { PlanHold } from './plan-hold';
import { pressureName } from './pressure';
import type { Mark, Plan, Pressure } from './records';
import { regionsInWords } from './region-groups';
import { regionByCode, shortLabel } from './regions';
import { markedShare, summariseByRegion, WPI_SITE_COUNT, widespreadPainCount } from './scoring';
import { sensationInfo } from './sensations';
import { plannedPressure, pressureWords } from './plan-pressure';
import { planSession, type SessionPlan } from './session';

/** Used for a region's area until the body model has loaded (about a palm and a half). */
export const FALLBACK_AREA = 0.02;

export interface SummaryStep {
	key: string;
	kind: PlanStep['kind'];
	region: RegionCode | null;
	label: string;
	minutes: number;
	pressure: Pressure;
	/** e.g. '2 · Light'. */
	pressureLabel: string;
	position: Position;
	/** Strongest intensity marked in a focus region (0–10), null for other steps. */
	before: number | null;
	/** What was marked there, in short words, e.g. ['Knot', 'Aching']. */
	feels: string[];
}

export type AvoidReason = 'chosen' | 'health' | 'marked' | 'flagged';

export interface AvoidItem {
	region: RegionCode;
	label: string;
	reason: AvoidReason;
}

export const AVOID_REASON: Record<AvoidReason, string> = {
	chosen: 'chosen by the therapist',
	health: 'from the health check',
	marked: 'marked “do not touch”',
	flagged: 'numbness or tingling marked there: left out until a medical professional has checked it'
};

export interface SessionSummary {
	scope: Plan['scope'];
	durationMin: number;
	handsOn: number;
	/** The plan's default pressure as planned (under the health check's caps), e.g. '2 · Light'. */
	pressureLabel: string;
	pressure: Pressure;
	/** The same with why it is capped, if it is: '2 · Light (capped by the health check: blood thinners)'. */
	pressureText: string;
	noPain: boolean;
	steps: SummaryStep[];
	/** A red flag puts the steps on hold: they are a draft (see plan-hold). */
	hold: PlanHold | null;
	/** The health check's answers in words: 'Yes: fever or infection; no to the 10 others'. */
	health: string;
	cautions: Caution[];
	seeProfessional: boolean;
	avoid: AvoidItem[];
	/** Sensitive areas in the plan whose consent is not yet recorded. */
	needsConsent: string[];
	allergies: string;
	oil: string;
	goals: string[];
	complaints: string[];
	techniques: string[];
	/** Share of the body surface marked (0–1), or null while the body's areas are unknown. */
	markedShare: number | null;
	/** Widespread Pain Index sites with a pain mark, of WPI_SITE_COUNT (19). */
	wpi: number;
	wpiOf: number;
	/** Marks kept on the body map (even when "no pain today" leaves them out). */
	markCount: number;
	clientWords: string;
}

/** The timed plan of a plan and its marks, with `areas` as in `summarisePlan`. */
export function sessionFor(plan: Plan, marks: readonly Mark[], areas: ArrayLike<number> | null): SessionPlan {
	return planSession(plan, marks, (code) => areas?.[code] ?? FALLBACK_AREA, (code) => regionByCode(code)?.sensitive ?? false);
}

/** Areas not worked on today and why: the therapist's choice, the health check, the marks. */
export function avoidItems(plan: Pick<Plan, 'avoid'>, marks: readonly Mark[], cautions: Pick<CautionResult, 'avoid' | 'flagged'>): AvoidItem[] {
	const doNotTouch = new Set(marks.filter((m) => m.sensation === 'avoid' && m.region !== null).map((m) => m.region));
	const out: AvoidItem[] = [];
	const seen = new Set<RegionCode>();
	const add = (region: RegionCode, reason: AvoidReason) => {
		const r = regionByCode(region);
		if (!r || seen.has(region)) return;
		seen.add(region);
		out.push({ region, label: shortLabel(r), reason });
	};
	for (const code of plan.avoid) add(code, 'chosen');
	for (const code of [...cautions.avoid].sort((a, b) => a - b)) add(code, doNotTouch.has(code) ? 'marked' : cautions.flagged.has(code) ? 'flagged' : 'health');
	return out;
}

export interface AvoidLine {
	reason: AvoidReason;
	/** The regions in the fewest words, e.g. 'Both legs' (see region-groups). */
	places: string;
	regions: RegionCode[];
}

/** Areas to avoid, one line per reason, whole body parts named as such: 'Both legs — from the health check'. */
export function avoidLines(items: readonly AvoidItem[]): AvoidLine[] {
	const lines: AvoidLine[] = [];
	for (const reason of ['chosen', 'health', 'marked', 'flagged'] as const) {
		const regions = items.filter((a) => a.reason === reason).map((a) => a.region);
		if (regions.length) lines.push({ reason, places: regionsInWords(regions), regions });
	}
	return lines;
}

export interface PositionRun {
	position: Position;
	/** Number of the run's first step in the whole session, from 1. */
	start: number;
	steps: SummaryStep[];
	minutes: number;
}

/** Consecutive steps in the same position (face down, face up), numbered through the session. */
/** Is there anything to take care with (cautions, areas to avoid, consent to ask, allergies)? */
export function hasCare(s: Pick<SessionSummary, 'cautions' | 'avoid' | 'needsConsent' | 'allergies'>): boolean {
	return s.cautions.length + s.avoid.length + s.needsConsent.length > 0 || Boolean(s.allergies);
}

export function positionRuns(steps: readonly SummaryStep[]): PositionRun[] {
	const runs: PositionRun[] = [];
	steps.forEach((step, i) => {
		const last = runs.at(-1);
		if (last && last.position === step.position) {
			last.steps.push(step);
			last.minutes += step.minutes;
		} else runs.push({ position: step.position, start: i + 1, steps: [step], minutes: step.minutes });
	});
	return runs;
}

/** What was marked on a focus step, as one phrase: 'Knot, aching 7/10'; '' for other steps. */
export function feltWords(step: Pick<SummaryStep, 'before' | 'feels'>): string {
	if (step.before === null) return '';
	const words = step.feels.join(', ');
	return `${words.charAt(0).toUpperCase()}${words.slice(1).toLowerCase()} ${step.before}/10`;
}

/** A share of the body as people say it: 'none', 'under 1%', '12%'. */
export function shareWords(share: number): string {
	if (share <= 0) return 'none';
	if (share < 0.005) return 'under 1%';
	return `${Math.round(share * 100)}%`;
}

/**
 * The summary of a plan and its marks. `areas` is the surface area per region code (m², index
 * 0 unlabelled) of the figure shown, or null before it has loaded; `session` may be passed when
 * the caller has already derived it from the same inputs.
 */
/**
 * The allergies to take care with: the client's own, from their health details (asked once, for
 * every session), and what an older plan noted in its own field when that adds something.
 */
export function allergiesFor(client: string, plan: string): string {
	const [c, p] = [client.trim(), plan.trim()];
	if (!p || c.toLowerCase().includes(p.toLowerCase())) return c;
	return c ? `${c}; ${p}` : p;
}

export function summarisePlan(
	plan: Plan,
	marks: readonly Mark[],
	areas: ArrayLike<number> | null,
	session?: SessionPlan,
	/** The client's allergies from their health details. */
	clientAllergies = ''
): SessionSummary {
	const regionArea = (code: RegionCode) => areas?.[code] ?? FALLBACK_AREA;
	const s = session ?? sessionFor(plan, marks, areas);

	// "No pain or tension today": the marks are kept but count for nothing in the figures.
	const counted = plan.noPain ? [] : marks;
	const pieces = scoredMarks(counted, regionArea);
	const regions = summariseByRegion(pieces, regionArea);
	const felt = new Map(summariseByRegion(pieces.filter((p) => p.sensation !== 'avoid'), regionArea).map((r) => [r.region, r]));
	let bodyArea = 0;
	if (areas) for (let i = 0; i < areas.length; i++) bodyArea += areas[i];

	const planned = plannedPressure(plan.pressure, s.cautions);
	const steps = s.allocation.steps.map((step): SummaryStep => {
		const region = step.region === null ? undefined : regionByCode(step.region);
		const here = step.kind === 'focus' && step.region !== null ? felt.get(step.region) : undefined;
		return {
			key: step.key,
			kind: step.kind,
			region: step.region,
			label: region ? shortLabel(region) : step.label,
			minutes: step.minutes,
			pressure: step.pressure,
			pressureLabel: `${step.pressure} · ${pressureName(step.pressure)}`,
			position: step.position,
			before: here ? here.maxIntensity : null,
			feels: here ? here.sensations.map((x) => sensationInfo(x).short) : []
		};
	});

	return {
		scope: plan.scope,
		durationMin: plan.durationMin,
		handsOn: s.allocation.handsOn,
		pressureLabel: planned.label,
		pressure: planned.level,
		pressureText: pressureWords(planned),
		noPain: plan.noPain,
		steps,
		hold: s.hold,
		health: healthWords(plan.health),
		cautions: s.cautions.cautions,
		seeProfessional: s.cautions.seeProfessional,
		avoid: avoidItems(plan, marks, s.cautions),
		needsConsent: s.needsConsent.map((c) => shortLabel(regionByCode(c)!)),
		allergies: allergiesFor(clientAllergies, plan.oil.allergies),
		oil: plan.oil.preference.trim(),
		goals: [...plan.goals],
		complaints: [...plan.complaints],
		techniques: [...plan.techniques],
		markedShare: areas ? markedShare(regions, bodyArea) : null,
		wpi: widespreadPainCount(pieces),
		wpiOf: WPI_SITE_COUNT,
		markCount: marks.length,
		clientWords: plan.clientWords.trim()
	};
}
