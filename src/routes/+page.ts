import { store } from '$lib/store';
import { prepareListFormats } from '$lib/domain/collate';
import type { PageLoad } from './$types';

/**
 * The home screen's lists, read while the layout reads the guard's settings (see +layout.ts), so
 * the first paint waits for one round of reads, not two. Nothing is shown from here before the
 * guard has decided: the layout draws the page only in the app's own view.
 */
export const load: PageLoad = async () => {
	try {
		const reads = Promise.all([store.listClients(), store.listRecentPlans(10)]);
		// The main thread only waits for the database now: the lists' name order and date format
		// are made meanwhile rather than in the render after the reads (ICU's first use costs ms).
		prepareListFormats();
		const [clients, recent] = await reads;
		return { first: { clients, recent } };
	} catch {
		return { first: null }; // the page's live queries show the error
	}
};
