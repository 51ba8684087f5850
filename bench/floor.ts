/**
 * The framework's floor: the least a SvelteKit page built as Somamap is built (the same
 * svelte.config.js, app.html with its inline scripts, adapter and Content Security Policy; every
 * page an empty prerendered shell rendered in the browser) takes to show a heading and a short
 * list, with no store, no lock guard and no app code. Measured beside the home screen on a first
 * visit, it says how much of the home screen's time is the stack's own start and how much is
 * Somamap's: a ratio against the static baseline can go no lower than the floor's.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROUTES: Record<string, string> = {
	'+layout.ts': `export const prerender = true;\nexport const ssr = false;\nexport const trailingSlash = 'never';\n`,
	'+layout.svelte': `<script lang="ts">\n\tlet { children } = $props();\n</script>\n\n<header><a href="/">Somamap</a></header>\n{@render children()}\n`,
	'+page.svelte': `<script lang="ts">\n\tconst clients = $state<string[]>([]);\n</script>\n\n<main data-ready="true">\n\t<h1>Clients</h1>\n\t<ul aria-label="Clients">\n\t\t{#each clients as c (c)}<li>{c}</li>{:else}<li>No clients yet.</li>{/each}\n\t</ul>\n</main>\n`
};

/** Builds the floor page into a new temporary folder and returns its build folder. */
export function buildFloor(project = process.cwd()): string {
	const dir = mkdtempSync(join(tmpdir(), 'somamap-floor-'));
	const root = resolve(project);
	mkdirSync(join(dir, 'src', 'routes'), { recursive: true });
	cpSync(join(root, 'svelte.config.js'), join(dir, 'svelte.config.js'));
	cpSync(join(root, 'src', 'app.html'), join(dir, 'src', 'app.html'));
	// The icons and the manifest app.html links, so the floor asks for what the app asks for.
	mkdirSync(join(dir, 'static', 'icons'), { recursive: true });
	for (const file of ['manifest.webmanifest', 'icons/favicon-32.png', 'icons/apple-touch-icon.png']) cpSync(join(root, 'static', file), join(dir, 'static', file));
	symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
	writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'somamap-floor', private: true, type: 'module' }));
	writeFileSync(join(dir, 'vite.config.js'), `import { sveltekit } from '@sveltejs/kit/vite';\nexport default { plugins: [sveltekit()], logLevel: 'error' };\n`);
	for (const [name, text] of Object.entries(ROUTES)) writeFileSync(join(dir, 'src', 'routes', name), text);
	execFileSync(join(root, 'node_modules', '.bin', 'vite'), ['build'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
	return join(dir, 'build');
}
