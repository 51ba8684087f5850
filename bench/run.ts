/**
 * `npm run bench`: Somamap's speed figures, each beside a baseline measured in the same run,
 * so the ratios can be compared across machines and changes. Not a test: nothing here fails.
 * Results are also written to bench/results/latest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildSizes } from './build-size';
import { pageTimings, repeatTimings, timingLine } from './page-timing';
import { benchBody } from './body';
import { benchPick } from './pick';
import { benchPlanner } from './planner';
import { budgetLines, pageBytes } from './page-bytes';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(n < 1 ? 3 : 1)} ms`;
const results: Record<string, unknown> = {};

function heading(text: string) {
	console.log(`\n== ${text} ${'='.repeat(Math.max(0, 70 - text.length))}`);
}

heading('Production build: transferred size (gzip)');
const sizes = buildSizes();
for (const c of sizes.chunks.slice(0, 15)) {
	console.log(`${c.file.padEnd(56)} ${kb(c.raw).padStart(10)} raw ${kb(c.gzip).padStart(10)} gzip`);
}
if (sizes.chunks.length > 15) console.log(`… and ${sizes.chunks.length - 15} smaller files`);
for (const t of [sizes.initial, sizes.total]) {
	console.log(`${t.file.padEnd(56)} ${kb(t.raw).padStart(10)} raw ${kb(t.gzip).padStart(10)} gzip`);
}
console.log(`initial load is ${((sizes.initial.gzip / sizes.total.gzip) * 100).toFixed(0)}% of the whole build`);
results.sizes = sizes;

heading('Body pages: transferred on a first visit (gzip), issue 10 budget 350 KB');
const bytes = await pageBytes();
for (const [name, b] of Object.entries(bytes)) {
	console.log(
		`${name.padEnd(10)} ${kb(b.gzip).padStart(10)} gzip in ${b.files} files (body assets ${kb(b.body)}); ` +
			`the body was built in ${ms(b.topologyMs)} (in the worker: request to mesh, topology included)`
	);
}
for (const line of budgetLines(bytes)) console.log(line);
results.pageBytes = bytes;

heading('Navigation to interactive: first visit (Chromium, production build, 15 runs each)');
// A fresh context per run: no service worker, no HTTP or code cache, an empty database.
const timings = await pageTimings(15, [
	// The canvas gets data-body with the first frame that shows the body.
	{ name: 'body on screen', path: '/explore', selector: 'canvas[data-body]' }
]);
for (const [name, t] of Object.entries(timings)) console.log(timingLine(name, t, timings.baseline));
results.timings = timings;

heading('Navigation to interactive: repeat visit (service worker, 50 clients; locked: with a PIN; 15 runs each)');
// How the app is opened each day: the same profile, the service worker installed, a full database.
const repeat = await repeatTimings(15);
for (const [name, t] of Object.entries(repeat)) console.log(timingLine(name, t, repeat.baseline));
results.repeatTimings = repeat;

heading('Body model (Node)');
const body = await benchBody();
console.log(
	`topology (shared) ${kb(body['body.topology.bytes'] as number)} (${kb(body['body.topology.bytes_gzip'] as number)} gzip), ` +
		`decoded in ${ms(body['body.topology.decode_ms'] as number)}, plan and region cut in ${ms(body['body.topology.prepare_ms'] as number)} once per page ` +
		`(a plain gunzip of the same bytes: ${ms(body['body.topology.gunzip_ms'] as number)})`
);
for (const figure of ['female', 'male']) {
	const f = (k: string) => body[`body.${figure}.${k}`] as number;
	console.log(
		`${figure.padEnd(8)} ${f('triangles')} triangles, asset ${kb(f('bytes'))} (${kb(f('bytes_gzip'))} gzip; with the topology ` +
			`${kb(f('bytes_gzip') + (body['body.topology.bytes_gzip'] as number))}), decoded in ${ms(f('decode_ms'))}, subdivided and cut in ${ms(f('assemble_ms'))}`
	);
}
results.body = body;

heading('Picking a region: our BVH against three.js plain raycast (baseline)');
for (const figure of ['female', 'male'] as const) {
	const p = await benchPick({ figure });
	console.log(
		`${figure.padEnd(8)} BVH median ${ms(p.bvhMedianMs)} (p95 ${ms(p.bvhP95Ms)}), plain median ${ms(p.plainMedianMs)}: ` +
			`×${p.speedup.toFixed(0)} faster, agreement ${(p.agreement * 100).toFixed(1)}%, BVH built in ${ms(p.bvhBuildMs)}`
	);
	results[`pick.${figure}`] = p;
}

heading('Planner: brush, tap and saving (Node; the store on fake-indexeddb)');
const planner = await benchPlanner();
console.log(
	`brush step        median ${ms(planner.brushStepMedianMs)} (p95 ${ms(planner.brushStepP95Ms)}), ` +
		`×${(planner.brushStepMedianMs / planner.brushBaselineMedianMs).toFixed(1)} a bare pick (${ms(planner.brushBaselineMedianMs)}); goal < 2 ms`
);
console.log(
	`tap to highlight  median ${ms(planner.tapMedianMs)}, ` +
		`×${(planner.tapBaselineMedianMs / planner.tapMedianMs).toFixed(0)} faster than a plain raycast (${ms(planner.tapBaselineMedianMs)}); goal < 1 ms`
);
const sv = planner.save;
console.log(`save plan (200 marks)   median ${ms(sv.updatePlan200Ms)}, ×${(sv.updatePlan200Ms / sv.updatePlan0Ms).toFixed(2)} an empty plan (${ms(sv.updatePlan0Ms)}); goal < 10 ms`);
console.log(`add a mark (200 there)  median ${ms(sv.addMark200Ms)}, ×${(sv.addMark200Ms / sv.addMark0Ms).toFixed(2)} on an empty plan (${ms(sv.addMark0Ms)})`);
console.log(`read 200 marks          median ${ms(sv.list200Ms)}, ×${(sv.list200Ms / sv.list0Ms).toFixed(1)} reading none (${ms(sv.list0Ms)})`);
results.planner = planner;

mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json', JSON.stringify(results, null, 2));
console.log('\nWritten to bench/results/latest.json');
