/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline-first: the whole build (app code, static files including the body models, and every
 * prerendered page) is precached at install and served from the cache. A new version installs
 * beside the old one and waits until the page asks it to take over (the "reload" banner), so
 * nobody is switched mid-session.
 */
import { base, build, files, prerendered, version } from '$service-worker';
import { tidyPath } from '$lib/ui/address';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `somamap-${version}`;
// Everything, the old figures' remap tables too (29 KB each): a clinic tablet that updates while
// online may next open offline, and its old paintings must still move to the new body.
const PRECACHE = [...new Set([...build, ...files, ...prerendered])];
const PRECACHED = new Set(PRECACHE);

/** A rule of the static routing API (Chromium 123+; not yet in TypeScript's lib). */
interface CacheRoute {
	condition: { or: { urlPattern: URLPattern }[] };
	source: { cacheName: string };
}
type RoutingInstallEvent = ExtendableEvent & { addRoutes?: (rules: CacheRoute[]) => Promise<void> };

/**
 * What the browser takes from this version's cache by itself, without starting this worker: the
 * hashed app files, the static files, and each page asked for by its bare address (the home screen
 * opened each day). Starting the worker and running its fetch handler for each of a page's files
 * was most of what a repeat visit waited on. A page with a query (/plan?id=…) still goes to the
 * handler, which serves the page's shell; anything missing from the cache goes to the network,
 * as the handler would send it.
 */
function cacheRoutes(): CacheRoute[] {
	const at = (pathname: string, search?: string) => ({ urlPattern: new URLPattern({ pathname, search, baseURL: sw.location.origin }) });
	const exact = [...files, ...prerendered].map((path) => at(path, ''));
	return [{ condition: { or: [at(`${base}/_app/immutable/*`), ...exact] }, source: { cacheName: CACHE } }];
}

sw.addEventListener('install', (event) => {
	// Browsers without the routing API (or refusing a rule) are served by the fetch handler alone.
	const routed = (async () => (event as RoutingInstallEvent).addRoutes?.(cacheRoutes()))().catch(() => {});
	event.waitUntil(Promise.all([caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)), routed]));
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
			// Control the page that installed us at once, so it works offline without a reload.
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	if (event.data?.type === 'SKIP_WAITING') void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;

	// Pages carry record ids in the query string: /plan?id=... is the /plan shell (and so are
	// /plan/ and //plan, which the page then tidies).
	const isPage = request.mode === 'navigate';
	if (!isPage && !PRECACHED.has(url.pathname)) return;

	event.respondWith(
		(async () => {
			const cache = await caches.open(CACHE);
			const cached = await cache.match(isPage ? tidyPath(url.pathname) : request, { ignoreSearch: isPage });
			if (cached) return cached;
			try {
				return await fetch(request);
			} catch {
				// Offline and not precached (e.g. a mistyped address): show the home page shell,
				// whose router then shows "not found".
				return (await cache.match('/')) ?? Response.error();
			}
		})()
	);
});
