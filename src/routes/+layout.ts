import { guard } from '$lib/ui/security/guard.svelte';
import { notices } from '$lib/ui/notices.svelte';

// Somamap runs entirely in the browser: every page is prerendered as a shell and filled from
// IndexedDB. Record ids travel in the query string (e.g. /plan?id=...), so the service worker
// can serve every page offline from its precache.
export const prerender = true;
export const ssr = false;
export const trailingSlash = 'never';

/**
 * The guard reads the settings before anything renders (lock screen, client mode or the app),
 * here rather than after the layout mounts: the router runs this at the same time as the page's
 * own load (the home screen's lists), so neither waits for the other. Runs once: it reads nothing
 * of the address.
 */
export async function load(): Promise<void> {
	await guard.load().catch((e) => notices.error(e));
}
