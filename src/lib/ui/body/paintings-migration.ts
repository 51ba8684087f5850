/**
 * Runs migrate-paintings in the app, in the background (never awaited by a page): once the app
 * is unlocked, and again after a restore or a hand-off brings marks in. Light on purpose (the
 * layout imports it): it only looks for old paintings, and loads the job, the figure and the
 * table only when there are some. One run at a time; a request during a run makes one more run
 * after it. A run that left old paintings (offline, say) is tried again on the next request or
 * the next start. Once none are left the store remembers it, so a start reads one settings row,
 * not every mark; marks coming in make it forget.
 */
import { asset } from '$app/paths';
import { store } from '$lib/store';
import type { Store } from '$lib/store/store';
import { forgetPaintingsSettled, paintingsSettled, settleIfNoneLeft } from '$lib/store/legacy-paintings';
import { OLD_VERSIONS } from '$lib/body/legacy/versions';

export interface MoverInputs {
	store: Store;
	/** The old model versions whose paintings move. */
	versions: readonly string[];
	/** Runs the job: how many old paintings it left, and what went wrong. */
	migrate: () => Promise<{ left: number; failures: string[] }>;
}

export interface PaintingsMover {
	/** `force`: marks may have just come in (a restore, a hand-off), so look even if settled. */
	move(force?: boolean): void;
	/** Settles when no run is going (for tests). */
	idle(): Promise<void>;
}

const note = (why: unknown) => console.warn('Paintings made on the old figures stay as they are for now:', why);

export function paintingsMover({ store, versions, migrate }: MoverInputs): PaintingsMover {
	let running: Promise<void> | null = null;
	let again = false;
	/** True once a run found nothing left to move: unlocking again need not look. */
	let settled = false;
	/** Forgetting the stored "settled" after marks came in: a run waits for it. */
	let forgetting: Promise<unknown> = Promise.resolve();

	async function runOnce(): Promise<void> {
		try {
			await forgetting;
			if ((await paintingsSettled(store, versions)) || (await settleIfNoneLeft(store, versions))) {
				settled = true;
				return;
			}
			const r = await migrate();
			if (r.failures.length) note(r.failures.join('; '));
			settled = r.left === 0 && (await settleIfNoneLeft(store, versions));
		} catch (e) {
			note(e);
		}
	}

	return {
		move(force = false) {
			// At once, not after the wait below: the marks are already in.
			if (force) forgetting = forgetPaintingsSettled(store).catch(note);
			else if (settled) return;
			if (running) {
				again = true;
				return;
			}
			running = (async () => {
				// Let the page draw and settle first: this is never urgent, and a first look reads
				// every mark, which a device with many clients would otherwise do as its screen shows.
				await new Promise<void>((r) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => r(), { timeout: 3000 }) : setTimeout(r, 0)));
				do {
					again = false;
					await runOnce();
				} while (again);
				running = null;
			})();
		},
		idle: () => running ?? Promise.resolve()
	};
}

async function fetchTable(version: string): Promise<Uint8Array> {
	const url = asset(`/body/legacy/${version}.bin`);
	const res = await fetch(url);
	if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
	return new Uint8Array(await res.arrayBuffer());
}

const mover = paintingsMover({
	store,
	versions: Object.keys(OLD_VERSIONS),
	migrate: async () => {
		const [{ migratePaintings }, { loadBody }] = await Promise.all([import('./migrate-paintings'), import('$lib/scene/loadBody')]);
		return migratePaintings({ store, loadMesh: (f) => loadBody(f, 'average'), fetchTable });
	}
});

export const movePaintingsToCurrentFigures = mover.move;
