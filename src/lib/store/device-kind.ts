/**
 * Whether this device holds a therapist's records: then a client's map opened on it is kept only
 * for the tab (ui/client-home/draft-store), and the home screen does not offer it.
 */
import type { Store } from './store';
import { toStoreError } from './errors';

export async function holdsClients(store: Store): Promise<boolean> {
	try {
		return (await store.db.clients.count()) > 0;
	} catch (e) {
		throw toStoreError(e);
	}
}
