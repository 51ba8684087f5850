/**
 * Field rules for what people type. Pure: returns messages, never throws, so forms can show
 * them next to the field and the store can refuse a bad record before it writes anything.
 */
import { PLAN_STATUSES, type PlanStatus } from './records';

export const LIMITS = {
	name: 120,
	contact: 200,
	notes: 5000,
	title: 120
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
}

export function validatePlan(input: PlanInput): Errors<'title' | 'date' | 'status'> {
	const errors: Errors<'title' | 'date' | 'status'> = {};
	const title = text(input.title, 'Title', LIMITS.title, true);
	if (title) errors.title = title;
	if (typeof input.date !== 'string' || !DATE.test(input.date) || isNaN(Date.parse(input.date))) {
		errors.date = 'Please enter a date as year-month-day.';
	}
	if (input.status !== undefined && !PLAN_STATUSES.includes(input.status)) {
		errors.status = 'Status must be draft, planned or done.';
	}
	return errors;
}

export function hasErrors(errors: object): boolean {
	return Object.keys(errors).length > 0;
}
