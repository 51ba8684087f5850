/**
 * Runs migrate-paintings in the app, in the background (never awaited by a page): once the app
 * is unlocked, and again after a restore or a hand-off brings marks in. Light on purpose (the
 * layout imports it): it only looks for old paintings, and loads the job, the figure and the
 * table only when there are some. One run at a time; a request during a run makes one more run
 * after it. A run that left old paintings (offline, say) is tried again on the next request or
 * the next start.
 */
import { asset } from '$app/paths';
import { store } from '$lib/store';
import { marksPaintedOn } from '$lib/store/legacy-paintings';
import { OLD_VERSIONS } from '$lib/body/legacy/versions';

let running: Promise<void> | null = null;
let again = false;
/** True once a run found nothing left to move: unlocking again need not look. */
let settled = false;

async function fetchTable(version: string): Promise<Uint8Array> {
	const url = asset(`/body/legacy/${version}.bin`);
	const res = await fetch(url);
	if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
	return new Uint8Array(await res.arrayBuffer());
}

async function runOnce(): Promise<void> {
	const note = (why: unknown) => console.warn('Paintings made on the old figures stay as they are for now:', why);
	try {
		if (!(await marksPaintedOn(store, Object.keys(OLD_VERSIONS))).length) {
			settled = true;
			return;
		}
		const [{ migratePaintings }, { loadBody }] = await Promise.all([import('./migrate-paintings'), import('$lib/scene/loadBody')]);
		const r = await migratePaintings({ store, loadMesh: (f) => loadBody(f, 'average'), fetchTable });
		settled = r.left === 0;
		if (r.failures.length) note(r.failures.join('; '));
	} catch (e) {
		note(e);
	}
}

/** `force`: marks may have just come in (a restore, a hand-off), so look even if settled. */
export function movePaintingsToCurrentFigures(force = false): void {
	if (settled && !force) return;
	if (running) {
		again = true;
		return;
	}
	running = (async () => {
		// Let the page draw and settle first: this is never urgent, and looking reads every mark,
		// which a device with many clients would otherwise do while its first screen shows.
		await new Promise<void>((r) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => r(), { timeout: 3000 }) : setTimeout(r, 200)));
		do {
			again = false;
			await runOnce();
		} while (again);
		running = null;
	})();
}
