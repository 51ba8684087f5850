/**
 * Records are normalised when read: a row written by an older version of the app (or a later
 * version's optional fields missing) comes back complete, so the UI never checks for holes.
 */
import { defaultPlanFields, type Client, type Plan } from '$lib/domain/records';

export function normaliseClient(row: Partial<Client> & Pick<Client, 'id'>): Client {
	return {
		name: '',
		contact: '',
		notes: '',
		figure: null,
		createdAt: 0,
		updatedAt: 0,
		...row
	};
}

export function normalisePlan(row: Partial<Plan> & Pick<Plan, 'id' | 'clientId'>): Plan {
	const defaults = defaultPlanFields();
	return {
		date: '',
		title: '',
		createdAt: 0,
		updatedAt: 0,
		...defaults,
		...row,
		oil: { ...defaults.oil, ...(row.oil ?? {}) },
		planning: { ...defaults.planning, ...(row.planning ?? {}) }
	};
}
