import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * The Content Security Policy every page carries (as a meta tag; Kit hashes its inline bootstrap
 * script into script-src). Nothing but this origin: no inline script without a hash, no eval.
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
		'script-src': ['self', 'wasm-unsafe-eval'],
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
