/**
 * Field rules for what people type. Pure: returns messages, never throws, so forms can show
 * them next to the field and the store can refuse a bad record before it writes anything.
 */
import { PLAN_STATUSES, type Outcome, type PlanStatus } from './records';
import { regionByCode, shortLabel } from './regions';

export const LIMITS = {
	name: 120,
	contact: 200,
	notes: 5000,
	title: 120,
	/** Each text of a session outcome: what was done, the response, the advice. */
	outcome: 5000
} as const;

export type Errors<K extends string> = Partial<Record<K, string>>;

function text(value: unknown, label: string, max: number, required: boolean): string | undefined {
	if (typeof value !== 'string') return `${label} must be text.`;
	const trimmed = value.trim();
	if (required && trimmed.length === 0) return `Please enter a ${label.toLowerCase()}.`;
	if (trimmed.length > max) return `${label} is too long (at most ${max} characters).`;
	return undefined;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export interface ClientInput {
	name: string;
	contact?: string;
	notes?: string;
}

export function validateClient(input: ClientInput): Errors<'name' | 'contact' | 'notes'> {
	const errors: Errors<'name' | 'contact' | 'notes'> = {};
	const name = text(input.name, 'Name', LIMITS.name, true);
	if (name) errors.name = name;
	const contact = text(input.contact ?? '', 'Contact', LIMITS.contact, false);
	if (contact) errors.contact = contact;
	const notes = text(input.notes ?? '', 'Notes', LIMITS.notes, false);
	if (notes) errors.notes = notes;
	return errors;
}

export interface PlanInput {
	title: string;
	date: string;
	status?: PlanStatus;
	/** Regions the therapist chose to avoid. */
	avoid?: readonly number[];
	outcome?: Outcome | null;
}

export type PlanField = 'title' | 'date' | 'status' | 'avoid' | 'outcome';

export function validatePlan(input: PlanInput): Errors<PlanField> {
	const errors: Errors<PlanField> = {};
	const title = text(input.title, 'Title', LIMITS.title, true);
	if (title) errors.title = title;
	if (typeof input.date !== 'string' || !DATE.test(input.date) || isNaN(Date.parse(input.date))) {
		errors.date = 'Please enter a date as year-month-day.';
	}
	if (input.status !== undefined && !PLAN_STATUSES.includes(input.status)) {
		errors.status = 'Status must be draft, planned or done.';
	}
	if (input.avoid !== undefined) {
		const avoid = validateAvoid(input.avoid);
		if (avoid) errors.avoid = avoid;
	}
	if (input.outcome !== undefined && input.outcome !== null) {
		const first = Object.values(validateOutcome(input.outcome))[0];
		if (first) errors.outcome = first;
	}
	return errors;
}

/** Areas to avoid: known region codes, each once. */
export function validateAvoid(codes: readonly number[]): string | undefined {
	if (!Array.isArray(codes)) return 'Areas to avoid must be a list of regions.';
	if (codes.some((c) => !regionByCode(c))) return 'An area to avoid is not a region of the body map.';
	if (new Set(codes).size !== codes.length) return 'An area to avoid is listed twice.';
	return undefined;
}

export type OutcomeField = 'done' | 'response' | 'advice' | 'after';

/** A whole intensity on the 0–10 scale. */
export function isIntensity(n: unknown): n is number {
	return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 10;
}

/** What was done, the response, the advice (each at most LIMITS.outcome), intensity 0–10 per region. */
export function validateOutcome(outcome: Outcome): Errors<OutcomeField> {
	const errors: Errors<OutcomeField> = {};
	if (typeof outcome !== 'object' || outcome === null) return { done: 'The outcome must be a record.' };
	const labels: Record<Exclude<OutcomeField, 'after'>, string> = {
		done: 'What was done',
		response: "The client's response",
		advice: 'Advice given'
	};
	for (const key of ['done', 'response', 'advice'] as const) {
		const message = text(outcome[key], labels[key], LIMITS.outcome, false);
		if (message) errors[key] = message;
	}
	const after = outcome.after;
	if (typeof after !== 'object' || after === null || Array.isArray(after)) {
		errors.after = 'Intensity afterwards must be recorded per area.';
	} else {
		for (const [key, value] of Object.entries(after)) {
			const region = regionByCode(Number(key));
			if (!region) {
				errors.after = 'Intensity afterwards was given for an area that is not on the body map.';
				break;
			}
			if (!isIntensity(value)) {
				errors.after = `Intensity afterwards for ${shortLabel(region)} is a whole number from 0 to 10.`;
				break;
			}
		}
	}
	return errors;
}

export function hasErrors(errors: object): boolean {
	return Object.keys(errors).length > 0;
}
