/**
 * `npm run bench:home`: only the home screen's figures (navigation to interactive, beside the
 * static baseline, on a first visit and on a repeat visit) and what it loads first, for checking
 * a change to the home route without the whole, much longer bench. The first visit is also given
 * for the framework's floor (./floor.ts): how low the ratio could go with this stack. BENCH_RUNS sets the runs;
 * BENCH_ONLY=cold or repeat measures one of the two.
 */
import { loadavg } from 'node:os';
import { buildSizes } from './build-size';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildFloor } from './floor';
import { coldVisits, repeatTimings, timingLine, withServers } from './page-timing';

const sizes = buildSizes();
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const load = () => `load ${loadavg().map((n) => n.toFixed(2)).join(' ')}`;
console.log(`home screen initial load: ${kb(sizes.initial.gzip)} gzip (${kb(sizes.initial.raw)} raw)`);
const runs = Number(process.env.BENCH_RUNS) || 15;
const only = process.env.BENCH_ONLY;
if (only !== 'repeat') {
	console.log(`First visit (cold: new context, no service worker or cache, empty database), ${runs} runs; ${load()}`);
	// Beside the framework's floor (./floor), served and visited alternately in the same run.
	const floor = buildFloor();
	try {
		const [t, f] = await withServers([process.env.BENCH_BUILD || 'build', floor], (origins) => coldVisits(origins, runs));
		for (const [name, v] of Object.entries(t)) console.log(timingLine(name, v, t.baseline));
		console.log(timingLine('framework floor', f.home, f.baseline));
	} finally {
		rmSync(dirname(floor), { recursive: true, force: true });
	}
}
if (only !== 'cold') {
	console.log(`Repeat visit (service worker, 50 clients, new tab; then with a PIN: the lock screen), ${runs} runs; ${load()}`);
	const r = await repeatTimings(runs);
	for (const [name, v] of Object.entries(r)) console.log(timingLine(name, v, r.baseline));
}
console.log(load());
