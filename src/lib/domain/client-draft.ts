/**
 * The client's own mapping at home (/my-map): what they have said so far, kept on their phone
 * until they send it, and sendable again after a change. Its shape, a strict reader for what was
 * stored (storage is never trusted: anything malformed is dropped, not shown), the steps, and the
 * hand-off it becomes (domain/handoff: one client, one plan, its marks). Pure; no DOM.
 */
import type { BodyFigure } from '$lib/body/types';
import { HEALTH_QUESTIONS } from './cautions';
import type { HandOff } from './handoff';
import { cleanLine, isRequestId, newRequestId, FIRST_NAME_MAX, PRACTICE_MAX, type MappingRequest } from './mapping-link';
import { defaultPlanFields, SENSATIONS, today, type Client, type Mark, type Plan, type Sensation } from './records';
import { regionByCode } from './regions';
import { isIntensity } from './validation';

export const DRAFT_STEPS = ['where', 'feel', 'health', 'send'] as const;
export type DraftStep = (typeof DRAFT_STEPS)[number];
/** Longest name the client gives (the store's own limit is longer). */
export const DRAFT_NAME_MAX = 80;
/** At most this many places: more than the 80 regions is never needed. */
const AREAS_MAX = 80;
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,35}$/;

export interface Answer {
	sensation: Sensation | null;
	intensity: number | null;
}

export interface ClientDraft {
	/**
	 * Ids of the client and plan this draft becomes when sent. The client's is the request's id when
	 * a link gave one, else a fresh id of the same form: the therapist's import knows a client's map
	 * by it (domain/client-handoff).
	 */
	clientId: string;
	planId: string;
	/** The mapping link it was opened from, if any. */
	request: MappingRequest | null;
	/** The name the client gives their therapist. */
	name: string;
	/** The body they chose to be shown (null: the default); the therapist's new client gets it too. */
	figure: BodyFigure | null;
	/** Region codes chosen, in the order chosen. */
	areas: number[];
	/** How each chosen place feels (keyed by region code). */
	answers: Record<number, Answer>;
	health: Record<string, boolean>;
	step: DraftStep;
	/** Which chosen place the feel step shows. */
	index: number;
	startedAt: number;
	changedAt: number;
	/** When it was last sent (link shown or file saved), or null. */
	sentAt: number | null;
}

/** A fresh draft; `request` from a mapping link, if any. */
export function newDraft(now: number, newId: () => string, request: MappingRequest | null = null): ClientDraft {
	return {
		clientId: request?.id ?? newRequestId(),
		planId: newId(),
		request,
		name: request?.firstName ?? '',
		figure: null,
		areas: [],
		answers: {},
		health: {},
		step: 'where',
		index: 0,
		startedAt: now,
		changedAt: now,
		sentAt: null
	};
}

/**
 * What opening the map shows, with or without a mapping link, over what this device kept. A
 * device may be shared: a kept map may be someone else's. So a kept map's answers are never
 * shown, nor sent on someone else's link, without asking first:
 * - no link: the kept map as it is; but one already sent asks "start a new map, or keep working
 *   on the one you sent?" (`ask: 'sent'`), since the next person may be holding the phone;
 * - the same link again (same request id): the kept map, with the link's greeting;
 * - another link (another or no request id) over answers: a fresh map for that link when the
 *   kept one was sent as it is; when it holds unsent answers, asks first (`ask: 'unsent'`).
 *   Keeping them keeps them as they were, with their own link: never on this link's request.
 */
export type Opening = { ask: null; draft: ClientDraft } | { ask: 'sent' | 'unsent'; keep: ClientDraft; fresh: ClientDraft };

export function openDraft(kept: ClientDraft | null, request: MappingRequest | null, now: number, newId: () => string): Opening {
	const fresh = newDraft(now, newId, request);
	if (!kept || !hasAnswers(kept)) {
		// Nothing said yet: only a name typed, perhaps by someone else; a link's greeting replaces it.
		return { ask: null, draft: kept && !request ? kept : fresh };
	}
	if (!request) return kept.sentAt === null ? { ask: null, draft: kept } : { ask: 'sent', keep: kept, fresh };
	if (request.id !== null && kept.request?.id === request.id) {
		const same = { ...kept, request, name: kept.name || request.firstName };
		return kept.sentAt === null ? { ask: null, draft: same } : { ask: 'sent', keep: same, fresh };
	}
	return unsent(kept) ? { ask: 'unsent', keep: kept, fresh } : { ask: null, draft: fresh };
}

/** The draft just sent: never earlier than its last change, so it does not read "changed since" at once. */
export function markSent(d: ClientDraft, now: number): ClientDraft {
	return { ...d, sentAt: Math.max(now, d.changedAt) };
}

const HEALTH_IDS = new Set(HEALTH_QUESTIONS.map((q) => q.id));
const isSensation = (v: unknown): v is Sensation => typeof v === 'string' && (SENSATIONS as readonly string[]).includes(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 8.64e15;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** A draft read back from storage, or null when there is none worth keeping. */
export function readDraft(stored: unknown): ClientDraft | null {
	if (!stored || typeof stored !== 'object') return null;
	const d = stored as Record<string, unknown>;
	if (typeof d.clientId !== 'string' || !ID.test(d.clientId) || typeof d.planId !== 'string' || !ID.test(d.planId)) return null;
	if (!isTime(d.startedAt)) return null;
	const areas = Array.isArray(d.areas) ? [...new Set(d.areas.filter((c): c is number => typeof c === 'number' && !!regionByCode(c)))].slice(0, AREAS_MAX) : [];
	const answers: Record<number, Answer> = {};
	const rawAnswers = d.answers && typeof d.answers === 'object' ? (d.answers as Record<string, unknown>) : {};
	for (const code of areas) {
		const a = rawAnswers[code] as Record<string, unknown> | undefined;
		if (!a || typeof a !== 'object') continue;
		answers[code] = { sensation: isSensation(a.sensation) ? a.sensation : null, intensity: isIntensity(a.intensity) ? a.intensity : null };
	}
	const health: Record<string, boolean> = {};
	const rawHealth = d.health && typeof d.health === 'object' ? (d.health as Record<string, unknown>) : {};
	for (const [id, yes] of Object.entries(rawHealth)) if (HEALTH_IDS.has(id) && typeof yes === 'boolean') health[id] = yes;
	const r = d.request as Record<string, unknown> | null | undefined;
	const request: MappingRequest | null =
		r && typeof r === 'object'
			? { firstName: cleanLine(str(r.firstName), FIRST_NAME_MAX), practice: cleanLine(str(r.practice), PRACTICE_MAX), id: isRequestId(r.id) ? r.id : null }
			: null;
	const step = (DRAFT_STEPS as readonly unknown[]).includes(d.step) ? (d.step as DraftStep) : 'where';
	const index = typeof d.index === 'number' && Number.isInteger(d.index) ? Math.max(0, Math.min(d.index, Math.max(areas.length - 1, 0))) : 0;
	return {
		clientId: d.clientId,
		planId: d.planId,
		request,
		name: cleanLine(str(d.name), DRAFT_NAME_MAX),
		figure: d.figure === 'female' || d.figure === 'male' ? d.figure : null,
		areas,
		answers,
		health,
		// A feel step with no place left to ask about goes on to the health questions.
		step: step === 'feel' && !areas.length ? 'health' : step,
		index,
		startedAt: d.startedAt,
		changedAt: isTime(d.changedAt) ? d.changedAt : d.startedAt,
		sentAt: isTime(d.sentAt) ? d.sentAt : null
	};
}

const complete = (a: Answer | undefined): a is { sensation: Sensation; intensity: number } => !!a && a.sensation !== null && a.intensity !== null;

/** Whether the draft holds anything the client said. */
export function hasAnswers(d: ClientDraft): boolean {
	return d.areas.length > 0 || Object.keys(d.health).length > 0;
}

/** Changed since it was last sent (or never sent). */
export function unsent(d: ClientDraft): boolean {
	return d.sentAt === null || d.changedAt > d.sentAt;
}

export type Move = { ok: true; step: DraftStep; index: number } | { ok: false; problem: string };

/** The step after this one; a place without both answers stops the way on. */
export function nextStep(d: ClientDraft): Move {
	if (d.step === 'where') return d.areas.length ? { ok: true, step: 'feel', index: 0 } : { ok: true, step: 'health', index: 0 };
	if (d.step === 'feel') {
		if (!complete(d.answers[d.areas[d.index]])) return { ok: false, problem: 'Please choose how it feels and how strong it is.' };
		return d.index + 1 < d.areas.length ? { ok: true, step: 'feel', index: d.index + 1 } : { ok: true, step: 'health', index: 0 };
	}
	return { ok: true, step: 'send', index: 0 };
}

/** The step before this one. */
export function previousStep(d: ClientDraft): { step: DraftStep; index: number } {
	if (d.step === 'feel') return d.index > 0 ? { step: 'feel', index: d.index - 1 } : { step: 'where', index: 0 };
	if (d.step === 'health') return d.areas.length ? { step: 'feel', index: d.areas.length - 1 } : { step: 'where', index: 0 };
	if (d.step === 'send') return { step: 'health', index: 0 };
	return { step: 'where', index: 0 };
}

/** What is sent, named for the therapist: "Sam's map". */
export function draftTitle(d: ClientDraft): string {
	return d.name ? `${d.name}'s map` : 'Map from home';
}

/**
 * The draft as a hand-off: a client (named as the client gave it; its id the request's, so the
 * therapist's device can tell which client asked), a plan with the health answers (no pain when
 * no place was chosen), and a client mark for each place with both answers.
 */
export function draftHandOff(d: ClientDraft, now: number): HandOff {
	const client: Client = {
		id: d.clientId,
		name: d.name || d.request?.firstName || 'A client',
		contact: '',
		notes: '',
		figure: d.figure,
		build: null,
		createdAt: d.startedAt,
		updatedAt: now
	};
	const marks: Mark[] = d.areas
		.map((code) => [code, d.answers[code]] as const)
		.filter((e): e is readonly [number, { sensation: Sensation; intensity: number }] => complete(e[1]))
		.map(([region, a]) => ({
			id: `${d.planId}-${region}`,
			planId: d.planId,
			region,
			patch: null,
			sensation: a.sensation,
			intensity: a.intensity,
			depth: 'surface',
			structure: null,
			pressure: null,
			note: '',
			author: 'client',
			carried: false,
			createdAt: d.startedAt,
			updatedAt: now
		}));
	const plan: Plan = {
		...defaultPlanFields(),
		id: d.planId,
		clientId: client.id,
		date: today(new Date(now)),
		title: draftTitle(d),
		health: { ...d.health },
		noPain: marks.length === 0,
		createdAt: d.startedAt,
		updatedAt: now
	};
	return { client, plan, marks };
}
