/**
 * Renders static/icons/favicon.svg into the PNG sizes the web app manifest, iOS and the tab want,
 * with Chromium. Run after changing the SVG: `npx tsx scripts/make-icons.ts` (the PNGs are
 * committed). The tab's icon goes with every page's first load: where pngquant and optipng are
 * installed (Debian packages) it is squeezed with them (987 to 510 bytes, looking the same).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { browserPath } from './browser.js';

const svg = readFileSync('static/icons/favicon.svg', 'utf8');
// The maskable icon keeps the figure inside the central 80% safe zone on a full-bleed background.
const maskable = svg.replace('<rect width="64" height="64" rx="14"', '<rect x="-8" y="-8" width="80" height="80"');

const targets = [
	// The tab's icon: a PNG, which the browser decodes in a moment, where an SVG favicon costs the
	// page's main thread a separate SVG document (4-13 ms) while the first screen is starting.
	{ file: 'favicon-32.png', size: 32, svg, pad: 0 },
	{ file: 'icon-192.png', size: 192, svg, pad: 0 },
	{ file: 'icon-512.png', size: 512, svg, pad: 0 },
	{ file: 'apple-touch-icon.png', size: 180, svg: maskable, pad: 0.1 },
	{ file: 'maskable-512.png', size: 512, svg: maskable, pad: 0.1 }
];

const browser = await chromium.launch({ executablePath: browserPath() });
const page = await browser.newPage();
for (const t of targets) {
	await page.setViewportSize({ width: t.size, height: t.size });
	const inner = Math.round(t.size * (1 - 2 * t.pad));
	const margin = Math.round(t.size * t.pad);
	const body = t.pad
		? `<div style="width:${t.size}px;height:${t.size}px;background:#2f6f68;padding:${margin}px;box-sizing:border-box">${t.svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div>`
		: t.svg.replace('<svg ', `<svg width="${t.size}" height="${t.size}" `);
	await page.setContent(`<html><body style="margin:0;background:transparent">${body}</body></html>`);
	await page.screenshot({ path: `static/icons/${t.file}`, omitBackground: !t.pad });
	console.log(`static/icons/${t.file}`);
}
await browser.close();

try {
	execFileSync('pngquant', ['--quality=70-95', '--strip', '--force', '-o', 'static/icons/favicon-32.png', 'static/icons/favicon-32.png']);
	execFileSync('optipng', ['-o7', '-quiet', 'static/icons/favicon-32.png']);
} catch {
	console.log('pngquant or optipng missing: static/icons/favicon-32.png left as Chromium wrote it');
}
