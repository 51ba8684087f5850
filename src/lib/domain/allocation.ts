/**
 * Minutes per area for a session. The proposal weighs each focus area by intensity and marked
 * area, covers the unmarked major areas with a base share in a full-body session, keeps any
 * figure the therapist typed, and always adds up exactly to the hands-on time.
 */
import { REGIONS, regionByCode, type Region } from './regions';
import type { Pressure, Scope } from './records';
import type { RegionCode } from '$lib/body/types';
import { capPressure } from './pressure';

/** Time for greeting, questions and dressing, outside the hands-on time. */
export function handsOnMinutes(durationMin: number): number {
	return durationMin - (durationMin >= 60 ? 10 : 5);
}

/** Share of the hands-on time that a full-body plan with focus areas gives the focus areas. */
export const FOCUS_SHARE_FULL_BODY = 0.6;

/** Face down, face up, or side-lying/seated (see positions.ts: set by the cautions). */
export type Position = 'prone' | 'supine' | 'side';

/** Major areas a full-body session covers even where nothing is marked. */
export interface BaseArea {
	id: string;
	label: string;
	/** Its name when a focus area inside it has its own step: 'Rest of the back'. */
	rest: string;
	position: Position;
	weight: number;
	regions: readonly RegionCode[];
}

const codes = (bases: string[]) => REGIONS.filter((r) => bases.includes(r.base)).map((r) => r.code);

export const BASE_AREAS: readonly BaseArea[] = [
	{ id: 'back', label: 'Back', rest: 'Rest of the back', position: 'prone', weight: 3, regions: codes(['rhomboids', 'thoracic-erector', 'latissimus', 'lumbar-erector', 'sacrum', 'infraspinatus']) },
	{ id: 'neck-shoulders', label: 'Neck and shoulders', rest: 'Rest of the neck and shoulders', position: 'prone', weight: 2, regions: codes(['suboccipitals', 'back-of-neck', 'upper-trapezius', 'levator-scapulae']) },
	{ id: 'legs-back', label: 'Back of legs', rest: 'Rest of the back of the legs', position: 'prone', weight: 2, regions: codes(['hamstrings', 'gastrocnemius', 'achilles', 'sole']) },
	{ id: 'legs-front', label: 'Front of legs and feet', rest: 'Rest of the front of the legs and feet', position: 'supine', weight: 2, regions: codes(['quadriceps', 'it-band', 'knee', 'tibialis-anterior', 'peroneals', 'ankle']) },
	{ id: 'arms', label: 'Arms and hands', rest: 'Rest of the arms and hands', position: 'supine', weight: 1.5, regions: codes(['deltoid', 'biceps', 'triceps', 'elbow', 'forearm-flexors', 'forearm-extensors', 'hand']) },
	{ id: 'head-neck', label: 'Head, face and front of neck', rest: 'Rest of the head, face and front of the neck', position: 'supine', weight: 1, regions: codes(['scalp', 'face', 'jaw', 'side-of-neck', 'front-of-neck']) }
];

/**
 * Treatment sequence: prone work first (back before neck, then hips and legs), then supine
 * (legs, belly, chest, arms, neck and head last, ending calm).
 */
const SEQUENCE: Record<string, [Position, number]> = {
	'lower back': ['prone', 1],
	'upper back': ['prone', 2],
	shoulder: ['prone', 3],
	neck: ['prone', 4],
	hip: ['prone', 5],
	thigh: ['prone', 6],
	knee: ['prone', 7],
	'lower leg': ['prone', 8],
	foot: ['supine', 10],
	abdomen: ['supine', 14],
	chest: ['supine', 15],
	arm: ['supine', 16],
	head: ['supine', 18]
};

// Regions of a prone group that are reached face up (front of the body).
const FRONT = new Set(['quadriceps', 'tibialis-anterior', 'ankle', 'tfl', 'groin', 'adductors', 'knee', 'front-of-neck', 'side-of-neck', 'throat', 'deltoid', 'peroneals', 'it-band']);
const FRONT_RANK: Record<string, number> = { ankle: 10, 'tibialis-anterior': 11, peroneals: 11, knee: 12, quadriceps: 12, 'it-band': 12, adductors: 12, tfl: 13, groin: 13, deltoid: 16, 'side-of-neck': 17, 'front-of-neck': 17, throat: 17 };

export function sequenceOf(region: Region): { position: Position; rank: number } {
	if (FRONT.has(region.base)) return { position: 'supine', rank: FRONT_RANK[region.base] ?? 17 };
	const [position, rank] = SEQUENCE[region.group] ?? ['supine', 17];
	return { position, rank };
}

export interface FocusInput {
	region: RegionCode;
	/** Highest intensity marked in the region, 0–10. */
	intensity: number;
	/** Marked surface in m². */
	area: number;
	pressure?: Pressure;
	/** Minutes the therapist typed for this area; the rest rebalances around them. */
	fixedMinutes?: number;
}

export interface AllocationInput {
	scope: Scope;
	durationMin: number;
	defaultPressure: Pressure;
	focus: readonly FocusInput[];
	avoid?: ReadonlySet<RegionCode>;
	caps?: ReadonlyMap<RegionCode, Pressure>;
	/** Share of the hands-on time for CranioSacral therapy at the end (0 = none). */
	craniosacralShare?: number;
	/** Fixed minutes for a base area or 'craniosacral', by step key. */
	fixed?: Readonly<Record<string, number>>;
	/** Step keys in the therapist's order; steps not listed follow in the default sequence. */
	order?: readonly string[];
}

export interface PlanStep {
	/** 'r<code>' for a focus region, 'base:<id>', or 'craniosacral'. */
	key: string;
	kind: 'focus' | 'base' | 'craniosacral';
	region: RegionCode | null;
	label: string;
	minutes: number;
	pressure: Pressure;
	position: Position;
	fixed: boolean;
}

export interface Allocation {
	handsOn: number;
	steps: PlanStep[];
	/** Minutes by which fixed figures exceed the hands-on time (0 when they fit). */
	overBy: number;
}

/** Weight of a focus area: stronger and larger complaints get more time. */
export function focusWeight(intensity: number, area: number): number {
	const i = Math.max(0, Math.min(10, intensity));
	// 100 cm² (0.01 m²), about a palm, counts as 1; area matters less than intensity.
	const a = Math.max(0.5, Math.min(2, Math.sqrt(Math.max(area, 0) / 0.01)));
	return (1 + i) * a;
}

interface Draft extends Omit<PlanStep, 'minutes'> {
	weight: number;
	fixedMinutes: number | null;
	rank: number;
}

export function allocate(input: AllocationInput): Allocation {
	const handsOn = handsOnMinutes(input.durationMin);
	const avoid = input.avoid ?? new Set<RegionCode>();
	const caps = input.caps ?? new Map<RegionCode, Pressure>();
	const fixed = input.fixed ?? {};
	const drafts: Draft[] = [];

	const focus = input.focus.filter((f) => regionByCode(f.region) && !avoid.has(f.region));
	const focusTotal = focus.reduce((s, f) => s + focusWeight(f.intensity, f.area), 0);
	const cst = Math.max(0, Math.min(0.5, input.craniosacralShare ?? 0));
	const full = input.scope === 'full';
	const focusShare = !full ? 1 : focus.length ? FOCUS_SHARE_FULL_BODY : 0;

	for (const f of focus) {
		const region = regionByCode(f.region)!;
		const { position, rank } = sequenceOf(region);
		drafts.push({
			key: `r${f.region}`,
			kind: 'focus',
			region: f.region,
			label: region.name,
			pressure: capPressure(f.pressure ?? input.defaultPressure, caps.get(f.region)),
			position,
			rank,
			fixed: f.fixedMinutes !== undefined,
			fixedMinutes: f.fixedMinutes ?? null,
			weight: (focusShare * focusWeight(f.intensity, f.area)) / (focusTotal || 1)
		});
	}

	if (full) {
		const focused = new Set(focus.map((f) => f.region));
		const bases = BASE_AREAS.map((b) => ({ b, open: b.regions.filter((c) => !avoid.has(c)) })).filter((x) => x.open.length);
		// An area that already holds a focus region needs less base time.
		const holdsFocus = (x: (typeof bases)[number]) => x.open.some((c) => focused.has(c));
		const weightOf = (x: (typeof bases)[number]) => x.b.weight * (holdsFocus(x) ? 0.5 : 1);
		const baseTotal = bases.reduce((s, x) => s + weightOf(x), 0);
		for (const x of bases) {
			const key = `base:${x.b.id}`;
			const cap = Math.min(...x.open.map((c) => caps.get(c) ?? 5)) as Pressure;
			const rank = Math.min(...x.open.map((c) => sequenceOf(regionByCode(c)!).rank)) - 0.5;
			drafts.push({
				key,
				kind: 'base',
				region: null,
				// Beside 'Right low back beside the spine', the base share is the rest of the back.
				label: holdsFocus(x) ? x.b.rest : x.b.label,
				pressure: capPressure(input.defaultPressure, cap),
				position: x.b.position,
				rank,
				fixed: fixed[key] !== undefined,
				fixedMinutes: fixed[key] ?? null,
				weight: ((1 - focusShare) * weightOf(x)) / baseTotal
			});
		}
	}

	if (cst > 0) {
		drafts.push({
			key: 'craniosacral',
			kind: 'craniosacral',
			region: null,
			label: 'CranioSacral therapy',
			pressure: 1,
			position: 'supine',
			rank: 99,
			fixed: true,
			fixedMinutes: fixed.craniosacral ?? Math.round(handsOn * cst),
			weight: 0
		});
	}

	const fixedSum = drafts.reduce((s, d) => s + (d.fixedMinutes ?? 0), 0);
	const free = drafts.filter((d) => d.fixedMinutes === null);
	const remaining = Math.max(0, handsOn - fixedSum);
	const minutes = distribute(remaining, free.map((d) => d.weight));

	const steps: PlanStep[] = drafts.map((d) => ({
		key: d.key,
		kind: d.kind,
		region: d.region,
		label: d.label,
		pressure: d.pressure,
		position: d.position,
		fixed: d.fixedMinutes !== null,
		minutes: d.fixedMinutes ?? minutes[free.indexOf(d)]
	}));
	const rank = new Map(drafts.map((d) => [d.key, d]));
	steps.sort((a, b) => {
		const ra = rank.get(a.key)!;
		const rb = rank.get(b.key)!;
		return positionOrder(ra.position) - positionOrder(rb.position) || ra.rank - rb.rank || a.key.localeCompare(b.key);
	});
	return {
		handsOn,
		steps: applyOrder(steps, input.order).filter((s) => s.minutes > 0 || s.fixed),
		overBy: Math.max(0, fixedSum - handsOn)
	};
}

const positionOrder = (p: Position) => (p === 'prone' ? 0 : 1);

function applyOrder(steps: PlanStep[], order: readonly string[] | undefined): PlanStep[] {
	if (!order?.length) return steps;
	const index = new Map(order.map((k, i) => [k, i]));
	const listed = steps.filter((s) => index.has(s.key)).sort((a, b) => index.get(a.key)! - index.get(b.key)!);
	return [...listed, ...steps.filter((s) => !index.has(s.key))];
}

/**
 * Whole minutes in proportion to the weights that add up exactly to `total` (largest
 * remainder). Every item with weight gets at least one minute while there are minutes enough.
 */
export function distribute(total: number, weights: readonly number[]): number[] {
	const n = weights.length;
	if (n === 0 || total <= 0) return weights.map(() => 0);
	const sum = weights.reduce((s, w) => s + Math.max(0, w), 0);
	const shares = weights.map((w) => (sum > 0 ? (Math.max(0, w) / sum) * total : total / n));
	const out = shares.map(Math.floor);
	let left = total - out.reduce((s, m) => s + m, 0);
	const byRemainder = shares.map((s, i) => [s - Math.floor(s), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
	for (let k = 0; left > 0; k = (k + 1) % n, left--) out[byRemainder[k][1]]++;
	// Lift zero-minute items to one minute by taking from the largest, while that stays above one.
	for (let i = 0; i < n; i++) {
		if (out[i] > 0 || weights[i] <= 0) continue;
		const largest = out.indexOf(Math.max(...out));
		if (out[largest] <= 1) break;
		out[largest]--;
		out[i]++;
	}
	return out;
}
