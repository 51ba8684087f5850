import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

/**
 * The modules the layout and the home screen import, directly or not (not those loaded on demand),
 * except what only the home screen uses (its PlanList): that stays in its own node, out of every
 * other page's bytes (the planner's budget).
 */
const SHELL = new RegExp(
	[
		'store[\\\\/](index|store|schema|errors|normalise|live\\.svelte|autosave|storage|legacy-paintings)\\.',
		'security[\\\\/]',
		'pwa[\\\\/]',
		'domain[\\\\/](records|clean-text|limits|marks|merge|validation|regions|body-choice|follow-up|dates|collate)\\.',
		'body[\\\\/](types|legacy[\\\\/]versions)\\.',
		'ui[\\\\/](BrandMark|notices\\.svelte|NoticeBar|format|links|edits[\\\\/]journal|marks[\\\\/]unsaved|body[\\\\/]paintings-migration)\\.',
		'ui[\\\\/]security[\\\\/](guard\\.svelte|veil\\.svelte|LockNow)\\.'
	]
		.map((p) => `src[\\\\/]lib[\\\\/]${p}`)
		.join('|')
);

/** The runtime every page needs: Svelte, Kit's client, Dexie. */
const RUNTIME = /node_modules[\\/](svelte|@sveltejs[\\/]kit|dexie|devalue|esm-env|clsx)[\\/]/;
/** The root layout and the app's styles: every page loads them, so their stylesheet joins the shell's. */
const LAYOUT = /src[\\/]routes[\\/]\+layout\.(svelte|ts)$|src[\\/]app\.css$/;

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 5173 },
	preview: { port: 4173, strictPort: true },
	build: {
		chunkSizeWarningLimit: 700,
		rolldownOptions: {
			output: {
				// What every page needs before it shows in one file and one stylesheet: the runtime, the
				// app's shell (the store, the lock's guard, what the layout and home screen import) and
				// the layout. Every page loads all of it anyway (the layout imports it), so one file
				// costs no page a byte more; a browser asks one server for six files at a time, and the
				// home screen now waits on at most 7 scripts (Kit's entries and nodes, Rolldown's helpers)
				// and 2 stylesheets instead of 11 files (home-load.spec holds it there). The home screen's
				// own code stays in its node, out of the planner's byte budget. The body's libraries, the
				// pages and the dialogs loaded on demand stay apart.
				codeSplitting: {
					groups: [
						{ name: 'shell', test: new RegExp([RUNTIME.source, SHELL.source, LAYOUT.source].join('|')) },
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
