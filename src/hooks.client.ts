import { tidyAddress } from '$lib/ui/address';

/** Before the router reads the address (and again whenever it changes outside the app): tidy it. */
export function init(): void {
	tidy();
	// Registered before the router's own listeners, so it sees the tidied address too.
	addEventListener('popstate', tidy);
	addEventListener('hashchange', tidy);
}

function tidy(): void {
	const tidied = tidyAddress(location.href);
	if (tidied !== null) history.replaceState(history.state, '', tidied);
}
