/**
 * A client's sessions over time: the list of sessions with their focus areas, and the series for
 * the chart of intensity per focus area across all sessions. Pure; the client page derives both
 * from the client's plans and marks whenever they change.
 */
import type { RegionCode } from '$lib/body/types';
import { countedMarks, intensityByRegion } from './compare';
import type { Id, Mark, Plan } from './records';
import { regionByCode, shortLabel } from './regions';

/** Oldest session first: by date, then by when the plan was made. */
export function chronological<T extends Pick<Plan, 'date' | 'createdAt'>>(plans: readonly T[]): T[] {
	return [...plans].sort((a, b) => (a.date === b.date ? a.createdAt - b.createdAt : a.date < b.date ? -1 : 1));
}

function marksByPlan(marks: readonly Mark[]): Map<Id, Mark[]> {
	const out = new Map<Id, Mark[]>();
	for (const m of marks) {
		const list = out.get(m.planId);
		if (list) list.push(m);
		else out.set(m.planId, [m]);
	}
	return out;
}

export interface FocusItem {
	region: RegionCode;
	label: string;
	intensity: number;
}

export interface SessionRow {
	plan: Plan;
	/** Felt regions, strongest first. */
	focus: FocusItem[];
	/** Marks carried over from the previous session and not yet confirmed or cleared. */
	carried: number;
}

const label = (code: RegionCode) => {
	const r = regionByCode(code);
	return r ? shortLabel(r) : `Region ${code}`;
};

/**
 * One row per session, newest first (the order of the client's list). `regionArea` only decides
 * which regions a painted patch really covers; it need not be exact.
 */
export function sessionRows(plans: readonly Plan[], marks: readonly Mark[], regionArea: (code: RegionCode) => number): SessionRow[] {
	const byPlan = marksByPlan(marks);
	return chronological(plans)
		.reverse()
		.map((plan) => {
			const own = byPlan.get(plan.id) ?? [];
			const focus = [...intensityByRegion(countedMarks(plan, own), regionArea)]
				.filter(([, n]) => n > 0)
				.map(([region, intensity]) => ({ region, label: label(region), intensity }))
				.sort((a, b) => b.intensity - a.intensity || a.region - b.region);
			return { plan, focus, carried: own.filter((m) => m.carried === true).length };
		});
}

/** The latest session, the one a follow-up starts from (null when there is none). */
export function latestSession(plans: readonly Plan[]): Plan | null {
	return chronological(plans).at(-1) ?? null;
}

export interface ChartSession {
	id: Id;
	date: string;
	title: string;
}

export interface ChartSeries {
	region: RegionCode;
	label: string;
	/**
	 * Intensity per session, in the order of `sessions`: what was marked there (0 included); 0 for
	 * every area of a "no pain or tension today" session; null where nobody marked this area (a
	 * session on the low back says nothing of the neck, and a mark carried over from last session
	 * and not yet confirmed says nothing of today), which the chart draws as a gap, not a drop to 0.
	 */
	values: (number | null)[];
	peak: number;
}

export interface ProgressChart {
	sessions: ChartSession[];
	series: ChartSeries[];
	/** Felt areas left out of the chart to keep it readable (the weakest peaks). */
	hidden: number;
}

/** Most lines one chart shows: beyond this, colours and markers stop being told apart. */
export const CHART_MAX_SERIES = 6;

/**
 * Intensity per focus area over all sessions, oldest first. The areas shown are those felt in any
 * session, the highest peaks first (ties: felt in more sessions, then region order), at most `max`.
 */
export function progressChart(
	plans: readonly Plan[],
	marks: readonly Mark[],
	regionArea: (code: RegionCode) => number,
	max = CHART_MAX_SERIES
): ProgressChart {
	const byPlan = marksByPlan(marks);
	const ordered = chronological(plans);
	const perSession = ordered.map((plan) => {
		const own = byPlan.get(plan.id) ?? [];
		const felt = intensityByRegion(countedMarks(plan, own), regionArea);
		// A follow-up asked "still there?" of every mark it carried over: an area with no mark left
		// (neither kept nor still waiting) was cleared, so it is a real 0.
		const from = plan.followsFrom === undefined ? undefined : byPlan.get(plan.followsFrom);
		if (from && !plan.noPain) {
			const left = intensityByRegion(own, regionArea);
			for (const region of intensityByRegion(from, regionArea).keys()) if (!left.has(region)) felt.set(region, 0);
		}
		return { none: plan.noPain, felt };
	});
	const regions = new Set<RegionCode>();
	for (const s of perSession) for (const [r, n] of s.felt) if (n > 0) regions.add(r);
	const all = [...regions].map((region): ChartSeries => {
		const values = perSession.map((s) => s.felt.get(region) ?? (s.none ? 0 : null));
		return { region, label: label(region), values, peak: Math.max(...values.map((v) => v ?? 0)) };
	});
	const times = (s: ChartSeries) => s.values.filter((v) => (v ?? 0) > 0).length;
	all.sort((a, b) => b.peak - a.peak || times(b) - times(a) || a.region - b.region);
	return {
		sessions: ordered.map((p) => ({ id: p.id, date: p.date, title: p.title })),
		series: all.slice(0, max),
		hidden: Math.max(0, all.length - max)
	};
}
