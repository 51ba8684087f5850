// Somamap runs entirely in the browser: every page is prerendered as a shell and filled from
// IndexedDB. Record ids travel in the query string (e.g. /plan?id=...), so the service worker
// can serve every page offline from its precache.
export const prerender = true;
export const ssr = false;
export const trailingSlash = 'never';
