/**
 * Addresses as Somamap's pages are written: '/plan?id=…', never '/plan/' or '//plan', and with a
 * fragment that can be decoded (the router decodes it, and '#%ff' would throw). A typed or
 * pasted address is tidied into that form before the router reads it (hooks.client), and the
 * service worker looks pages up by the tidied path, so every address shows a page: the app, the
 * not-found page, or what the guard decides instead.
 */

/** A page's path as the app writes it: no doubled or trailing slash, and decodable. */
export function tidyPath(pathname: string): string {
	let path = pathname.replace(/\/{2,}/g, '/');
	if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
	// Not decodable ('/%ff'): kept as typed, which the router then does not find.
	return decodes(path, decodeURI) ? path : path.replaceAll('%', '%25');
}

/** `href` tidied (path, query and fragment, as for `history.replaceState`), or null when it needs nothing. */
export function tidyAddress(href: string): string | null {
	const url = new URL(href);
	const hash = url.hash && !decodes(url.hash.slice(1), decodeURIComponent) ? '' : url.hash;
	const tidy = tidyPath(url.pathname) + url.search + hash;
	return tidy === url.pathname + url.search + url.hash ? null : tidy;
}

function decodes(text: string, decode: (s: string) => string): boolean {
	try {
		decode(text);
		return true;
	} catch {
		return false;
	}
}
