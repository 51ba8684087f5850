/**
 * Two builds of the home screen measured side by side: `tsx bench/compare.ts <old dir> <new dir>`.
 * Both are served at once (each at its own host name, with its own storage and service worker) and
 * their visits alternate run by run, so both meet the machine's load alike; each build's home
 * screen is given as a ratio of the baseline page served beside it. First visits and repeat visits
 * (as in page-timing.ts), BENCH_RUNS runs each (default 15); BENCH_ONLY=cold or repeat measures one.
 */
import { loadavg } from 'node:os';
import { coldVisits, repeatVisits, withServers, type Timing } from './page-timing';

const builds = process.argv.slice(2);
if (builds.length !== 2) throw new Error('usage: tsx bench/compare.ts <old build dir> <new build dir>');
const runs = Number(process.env.BENCH_RUNS) || 15;
const only = process.env.BENCH_ONLY;
const load = () => `load ${loadavg().map((n) => n.toFixed(2)).join(' ')}`;
const f = (t: Timing) => `median ${t.medianMs.toFixed(1)} ms (p90 ${t.p90Ms.toFixed(1)}, ${t.minMs.toFixed(0)}–${t.maxMs.toFixed(0)})`;

/** Old against new, and the median of the paired differences (run i of old beside run i of new). */
function report(kind: string, [older, newer]: Record<string, Timing>[]) {
	for (const [name, t] of [['old', older], ['new', newer]] as const) {
		console.log(`${kind} ${name}: home ${f(t.home)}, baseline ${f(t.baseline)}, ×${(t.home.medianMs / t.baseline.medianMs).toFixed(2)}`);
	}
	for (const screen of ['home', 'locked'].filter((n) => older[n])) {
		if (screen !== 'home') for (const [name, t] of [['old', older], ['new', newer]] as const) console.log(`${kind} ${name}: ${screen} ${f(t[screen])}, ×${(t[screen].medianMs / t.baseline.medianMs).toFixed(2)}`);
		const diffs = older[screen].valuesMs.map((v, i) => newer[screen].valuesMs[i] - v).sort((a, b) => a - b);
		const better = diffs.filter((d) => d < 0).length;
		console.log(`${kind} ${screen} new − old, run by run: median ${diffs[Math.floor(diffs.length / 2)].toFixed(1)} ms; new faster in ${better} of ${diffs.length} runs`);
	}
}

await withServers(builds, async (origins) => {
	if (only !== 'repeat') {
		console.log(`First visits, ${runs} runs; ${load()}`);
		report('cold', await coldVisits(origins, runs));
	}
	if (only !== 'cold') {
		console.log(`Repeat visits, ${runs} runs; ${load()}`);
		report('repeat', await repeatVisits(origins, runs));
	}
});
console.log(load());
