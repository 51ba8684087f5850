import { store } from '$lib/store';
import type { PageLoad } from './$types';

/**
 * The home screen's lists, read while the layout reads the guard's settings (see +layout.ts), so
 * the first paint waits for one round of reads, not two. Nothing is shown from here before the
 * guard has decided: the layout draws the page only in the app's own view.
 */
export const load: PageLoad = async () => {
	try {
		const [clients, recent] = await Promise.all([store.listClients(), store.listRecentPlans(10)]);
		return { first: { clients, recent } };
	} catch {
		return { first: null }; // the page's live queries show the error
	}
};
