/**
 * The client's allergies from their health details, for the planner's notes and care list: read
 * on its own so the planner does not load the treatment record's code (people.ts) on opening.
 */
import type { Id } from '$lib/domain/records';
import { read, type StoreContext } from './core';

export async function clientAllergies({ db }: StoreContext, clientId: Id): Promise<string> {
	const row = await read(() => db.clientDetails.get(clientId));
	// Shown as plain text; a row written by an older or a foreign copy may hold anything.
	return typeof row?.allergies === 'string' ? row.allergies.slice(0, 5000) : '';
}
