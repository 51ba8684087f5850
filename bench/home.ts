/**
 * `npm run bench:home`: only the home screen's figure (navigation to interactive, beside the
 * static baseline) and what it loads first, for checking a change to the home route without the
 * whole, much longer bench.
 */
import { buildSizes } from './build-size';
import { pageTimings } from './page-timing';

const sizes = buildSizes();
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`home screen initial load: ${kb(sizes.initial.gzip)} gzip (${kb(sizes.initial.raw)} raw)`);
const t = await pageTimings(Number(process.env.BENCH_RUNS) || 15);
for (const [name, v] of Object.entries(t)) {
	console.log(
		`${name.padEnd(10)} median ${v.medianMs.toFixed(1).padStart(7)} ms  p90 ${v.p90Ms.toFixed(1).padStart(7)} ms  ×${(v.medianMs / t.baseline.medianMs).toFixed(2)} baseline`
	);
}
