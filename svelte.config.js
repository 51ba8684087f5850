import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * app.html's two inline scripts (explained here: comments there go out with every page):
 * - Which databases this device has, asked as the page starts (`window.somamapDatabases`, read by
 *   store/first-start.ts): the browser's first answer about its databases takes 10-60 ms on a
 *   first visit, spent there while the scripts download. Before the stylesheets, which a later
 *   script would wait for, and so before the policy's meta tag (the header policy scripts/serve.js
 *   sends covers it by hash); it is constant, reads nothing of the page and asks nothing of the network.
 * - The hand-off catcher: a hand-off link's plan data (/import#h=…) leaves the address bar and
 *   this history entry at once, before the router, a lock screen or anything else, and waits in
 *   memory for the import page (`window.somamapHandOff`). Inline, so no page waits on a request
 *   for it; after the head, so the page's Content Security Policy (a meta tag there) governs it.
 *
 * The hashes of app.html's own inline scripts, for script-src: Kit hashes
 * only the scripts it writes itself. Read from the template, so an edit there cannot go unhashed.
 * Only bare `<script>` tags are matched: one given attributes would not be hashed and the policy
 * would block it (it fails safe, and csp.spec would see the page break).
 */
const templateScripts = [...readFileSync(new URL('./src/app.html', import.meta.url), 'utf8').matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
	(m) => `sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}`
);

/**
 * The Content Security Policy every page carries (as a meta tag; Kit hashes its inline bootstrap
 * script into script-src, and app.html's own by templateScripts). Nothing but this origin: no
 * inline script without a hash, no eval.
 * What the app really needs beyond 'self', and why:
 * - 'wasm-unsafe-eval': the meshoptimizer decoder instantiates WebAssembly for the body model.
 * - img-src data: blob: — the printed sheet's body pictures are PNG data URLs (canvas.toDataURL).
 * - style-src-attr 'unsafe-inline': Svelte writes style="" attributes (app.html's wrapper, style:
 *   directives, the colour swatches); <style> elements and stylesheets stay 'self' only.
 * Backup downloads are Blob URLs opened by a link's download attribute, which no directive governs.
 * frame-ancestors cannot go in a meta tag: scripts/serve.js sends it (with this policy) as
 * headers, and any host should too.
 * @type {import('@sveltejs/kit').Config['kit']['csp']}
 */
export const csp = {
	mode: 'hash',
	directives: {
		'default-src': ['self'],
		'script-src': ['self', 'wasm-unsafe-eval', ...templateScripts],
		'style-src': ['self'],
		'style-src-attr': ['unsafe-inline'],
		'img-src': ['self', 'data:', 'blob:'],
		'font-src': ['self'],
		'connect-src': ['self'],
		'worker-src': ['self'],
		'manifest-src': ['self'],
		'object-src': ['none'],
		'base-uri': ['self'],
		'form-action': ['self']
	}
};

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// Every route is prerendered as an empty shell (ssr = false); record ids travel in the
		// query string, so the service worker can serve any page offline from its precache.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: '404.html', strict: true }),
		// Registered by hand (src/lib/pwa) so the app can show "a new version is ready".
		serviceWorker: { register: false },
		// Assets from the root ('/_app/…'), not relative to the page: any address can load the app.
		paths: { relative: false },
		csp
	}
};

export default config;
