/**
 * The practitioner last chosen on this device (a settings row, no schema change), so the next
 * record, deletion or addendum names them without asking again. Only an id; a practitioner no
 * longer on the device is simply not preselected.
 */
import type { Id } from '$lib/domain/records';
import type { Store } from './store';

export const LAST_PRACTITIONER_KEY = 'lastPractitioner';

export async function lastPractitioner(store: Store): Promise<Id | null> {
	const v = await store.getSetting<unknown>(LAST_PRACTITIONER_KEY, null);
	return typeof v === 'string' && v ? v : null;
}

export function rememberPractitioner(store: Store, id: Id | null): Promise<void> {
	return store.setSetting(LAST_PRACTITIONER_KEY, id);
}
