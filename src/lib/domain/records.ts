/**
 * The records Somamap keeps, as plain data. Pure types and defaults: no DOM, no Dexie.
 * The store (src/lib/store) persists exactly these shapes; later features add optional fields
 * and the store normalises older records when it reads them.
 */
import type { BodyBuild, BodyFigure, RegionCode } from '$lib/body/types';

/** UUID generated on the device, so records from two devices never collide. */
export type Id = string;
/** Milliseconds since the epoch. */
export type Timestamp = number;

export interface Client {
	id: Id;
	name: string;
	contact: string;
	notes: string;
	/** Which body figure to show for this client; null = the default from settings. */
	figure: BodyFigure | null;
	/**
	 * Which build of that figure (slim, average, broad); null = the default from settings. Absent
	 * on rows written before builds existed; the store normalises those to null.
	 */
	build: BodyBuild | null;
	createdAt: Timestamp;
	updatedAt: Timestamp;
}

export const PLAN_STATUSES = ['draft', 'planned', 'done'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const STATUS_LABELS: Record<PlanStatus, string> = {
	draft: 'Draft',
	planned: 'Planned',
	done: 'Done'
};

/** Local focus (typically 30 min) or the whole body (typically 60 min). */
export type Scope = 'local' | 'full';
export const DURATIONS = [30, 45, 60, 75, 90] as const;
export type Duration = (typeof DURATIONS)[number];

/** Five steps from gentle/shallow (1) to strong/deep (5). */
export type Pressure = 1 | 2 | 3 | 4 | 5;

export interface FocusArea {
	region: RegionCode;
	minutes: number;
	pressure: Pressure;
	/** Set when the therapist typed the figure; the rest rebalances around it. */
	fixed: boolean;
}

/** What happened in the session, recorded afterwards. */
export interface Outcome {
	done: string;
	response: string;
	advice: string;
	/** Intensity 0-10 afterwards, per focus region code. */
	after: Record<number, number>;
}

export interface Plan {
	id: Id;
	clientId: Id;
	/** Session date, local calendar day: YYYY-MM-DD. */
	date: string;
	title: string;
	status: PlanStatus;
	scope: Scope;
	durationMin: Duration;
	pressure: Pressure;
	goals: string[];
	complaints: string[];
	techniques: string[];
	/** Answers to the health check, by question id. */
	health: Record<string, boolean>;
	focus: FocusArea[];
	avoid: RegionCode[];
	/** Consent for sensitive regions, by region code. */
	consent: Record<number, boolean>;
	oil: { preference: string; allergies: string };
	/** "No pain or tension today" is a valid answer. */
	noPain: boolean;
	clientWords: string;
	notes: string;
	/** The therapist's changes to the proposed timing. */
	planning: Planning;
	outcome: Outcome | null;
	/**
	 * A follow-up: the plan it was made from. Its "still there?" asked about every mark of that
	 * plan, so an area cleared there is a real 0 on the progress chart. Absent on other plans (and
	 * not kept in a backup file: a restored follow-up charts a cleared area as not asked).
	 */
	followsFrom?: Id;
	createdAt: Timestamp;
	updatedAt: Timestamp;
}

/** Overrides of the proposed timed plan; the plan itself is always derived from the marks. */
export interface Planning {
	/** Minutes typed by the therapist, by step key ('r<code>', 'base:<id>', 'craniosacral'). */
	fixed: Record<string, number>;
	/** Step keys in the therapist's order; empty = the default treatment sequence. */
	order: string[];
	/** Share of the hands-on time for CranioSacral therapy when that technique is chosen. */
	craniosacralShare: number;
}

export const SENSATIONS = [
	'tension',
	'knot',
	'aching',
	'sharp',
	'stiffness',
	'numbness',
	'injury',
	'avoid'
] as const;
export type Sensation = (typeof SENSATIONS)[number];
export type Author = 'client' | 'therapist';

/** Painted surface in one region, cm² (coverage-weighted). */
export interface RegionShare {
	region: RegionCode;
	area: number;
}

/**
 * A painted patch: per-vertex coverage on one version of the body model, plus its summary per
 * region. Vertex indices only mean something on `modelVersion`; the region summary outlives it,
 * so a plan painted on an older model still shows (per region) and still plans on a newer one.
 */
export interface Patch {
	/** `BodyMesh.version` of the model it was painted on. */
	modelVersion: string;
	/** Painted vertex indices, ascending. */
	vertices: Uint32Array;
	/** Coverage 1..255 for each listed vertex. */
	weights: Uint8Array;
	/** Painted area per region, largest first. */
	regions: RegionShare[];
}

export interface Mark {
	id: Id;
	planId: Id;
	/** The tapped region, or the main region of a painted patch. */
	region: RegionCode | null;
	patch: Patch | null;
	sensation: Sensation;
	/** 0-10 numeric rating scale. */
	intensity: number;
	depth: 'surface' | 'deep';
	/** Deep structure named for a deep mark, if any. */
	structure: string | null;
	pressure: Pressure | null;
	note: string;
	author: Author;
	/**
	 * Carried over from the client's previous session by a follow-up and not yet confirmed: drawn
	 * like any mark, but the therapist or client still has to say whether it is still there.
	 * Absent on rows written before follow-ups existed; the store normalises those to false.
	 */
	carried?: boolean;
	createdAt: Timestamp;
	updatedAt: Timestamp;
}

export interface Setting<T = unknown> {
	key: string;
	value: T;
}

/** A plan's fields as the store fills them for a new plan. */
export function defaultPlanFields(): Omit<
	Plan,
	'id' | 'clientId' | 'date' | 'title' | 'createdAt' | 'updatedAt'
> {
	return {
		status: 'draft',
		scope: 'local',
		durationMin: 30,
		pressure: 3,
		goals: [],
		complaints: [],
		techniques: [],
		health: {},
		focus: [],
		avoid: [],
		consent: {},
		oil: { preference: '', allergies: '' },
		noPain: false,
		clientWords: '',
		notes: '',
		planning: { fixed: {}, order: [], craniosacralShare: 0.25 },
		outcome: null
	};
}

/** Today's local calendar date as YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
	const y = now.getFullYear();
	const m = String(now.getMonth() + 1).padStart(2, '0');
	const d = String(now.getDate()).padStart(2, '0');
	return `${y}-${m}-${d}`;
}
