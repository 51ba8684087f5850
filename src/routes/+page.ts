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
		// A device with no database yet has no clients: it shows that at once (the page's live
		// queries then make the database), with no names to order nor dates to format.
		const first = await store.beforeCreating(async () => {
			const reads = Promise.all([store.listClients(), store.listRecentPlans(10)]);
			// The main thread only waits for the database now: the lists' name order and date format
			// are made meanwhile rather than in the render after the reads (ICU's first use costs ms).
			prepareListFormats();
			const [clients, recent] = await reads;
			return { clients, recent };
		}, { clients: [], recent: [] });
		return { first };
	} catch {
		return { first: null }; // the page's live queries show the error
	}
};
