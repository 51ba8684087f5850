import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

/** The modules the layout and the home screen import, directly or not (not those loaded on demand). */
const SHELL = new RegExp(
	[
		'store[\\\\/](index|store|schema|errors|normalise|live\\.svelte|autosave|storage|legacy-paintings)\\.',
		'security[\\\\/]',
		'pwa[\\\\/]',
		'domain[\\\\/](records|clean-text|limits|marks|merge|validation|regions|body-choice|follow-up|dates)\\.',
		'body[\\\\/](types|legacy[\\\\/]versions)\\.',
		'ui[\\\\/](notices\\.svelte|NoticeBar|format|links|edits[\\\\/]journal|marks[\\\\/]unsaved|body[\\\\/]paintings-migration|plans[\\\\/]PlanList)\\.',
		'ui[\\\\/]security[\\\\/](guard\\.svelte|veil\\.svelte|LockNow)\\.'
	]
		.map((p) => `src[\\\\/]lib[\\\\/]${p}`)
		.join('|')
);

const RUNTIME = /node_modules[\\/](svelte|@sveltejs[\\/]kit|dexie|devalue|esm-env|clsx)[\\/]/;
const LAYOUT = /src[\\/]routes[\\/]\+layout\.(svelte|ts)$|src[\\/]app\.css$/;

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 5173 },
	preview: { port: 4173, strictPort: true },
	build: {
		chunkSizeWarningLimit: 700,
		rolldownOptions: {
			output: {
				// What the home screen needs before it is interactive in two files rather than twenty:
				// the runtime every page needs (Svelte, Kit's client, Dexie) and the app's shell (the
				// store, the lock's guard, the layout's and home screen's own modules). On two cores the
				// first load waits on the number of requests more than on their size. The body's
				// libraries, the pages and the dialogs loaded on demand stay apart.
				codeSplitting: {
					groups: [
						{ name: 'shell', test: new RegExp([RUNTIME.source, SHELL.source, LAYOUT.source, '^\\0rolldown[\\\\/]runtime'].join('|')) },
						// The lock screen and its parts, loaded when needed: one file, and one stylesheet
						// (Kit links the styles of what the layout may load, so every first load waits on them).
						{ name: 'lock', test: /src[\\/]lib[\\/]ui[\\/]security[\\/](LockScreen|RecoverPin|NewPinFields|EraseEverything|PinPrompt|pin-wait)\./ }
					]
				}
			}
		}
	},
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		setupFiles: ['tests/unit/setup.ts'],
		testTimeout: 30_000
	}
});
