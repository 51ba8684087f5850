import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

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
		paths: { relative: false }
	}
};

export default config;
