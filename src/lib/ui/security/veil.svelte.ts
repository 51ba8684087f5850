/**
 * Back and Forward may bring a page back from the browser's back/forward cache exactly as it was
 * left: a client's record on screen, though Somamap has been locked or handed to a client since,
 * in this tab or another. So every page is veiled as it is left (`pagehide`: the cached page
 * holds nothing visible), and on its return stays veiled until the guard has read the settings
 * and this tab's unlocking again; then, in one go, it is unveiled and draws what they allow (the
 * lock screen, the client's screens, or the page itself). See app.css for the veil.
 */
import { flushSync } from 'svelte';

export const VEILED = 'data-veiled';

/** `away` while veiled: the lock screen waits, as a hidden PIN field cannot take the focus. */
export const veil = new (class {
	away = $state(false);
})();

/**
 * Veils the page while it is away. `recheck` reads again what may be shown and resolves to the
 * step that applies it. Returns a stop.
 */
export function veilWhileAway(recheck: () => Promise<() => void>): () => void {
	const root = document.documentElement;
	const hide = () => {
		root.setAttribute(VEILED, '');
		veil.away = true;
	};
	// What may be shown cannot be told: start afresh, as a page does that is not cached.
	const restart = () => {
		root.setAttribute(VEILED, '');
		location.reload();
	};
	const show = (event: PageTransitionEvent) => {
		if (!event.persisted) return;
		recheck().then((apply) => {
			// All in one task, so no frame is drawn in between: the page is drawn as the guard now
			// decides, unveiled already so that what takes the focus as it appears gets it.
			root.removeAttribute(VEILED);
			try {
				veil.away = false;
				apply();
				flushSync();
			} catch {
				restart();
			}
		}, restart);
	};
	addEventListener('pagehide', hide);
	addEventListener('pageshow', show);
	return () => {
		removeEventListener('pagehide', hide);
		removeEventListener('pageshow', show);
		root.removeAttribute(VEILED);
		veil.away = false;
	};
}
