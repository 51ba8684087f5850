/**
 * Starting the app with paintings already moved off the old figures: the store remembers that
 * none are left, so a start reads one settings row instead of every mark; a restore of an older
 * backup brings old paintings back, and they still move (and a start after looks again).
 * The job itself is faked here (migrate-paintings.test covers it): it moves each old patch.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Patch } from '$lib/domain/records';
import { codeOf } from '$lib/domain/regions';
import { createDatabase } from '$lib/store/schema';
import { Store } from '$lib/store/store';
import { marksPaintedOn, replaceOldPatches } from '$lib/store/legacy-paintings';
import { applyImport, exportBackup, previewImport } from '$lib/store/backup';
import { paintingsMover, type PaintingsMover } from '$lib/ui/body/paintings-migration';
import { tickingClock } from '../store/helpers';
import { markInput } from '../fixtures';

const OLD = ['ae13cce0886b083a', '3eda5c6e79132f50'];
const NEW = '783c7ea1344148da';
const trapezius = codeOf('upper-trapezius-l');

function patch(modelVersion: string, first: number): Patch {
	return { modelVersion, vertices: Uint32Array.of(first, first + 1, first + 2), weights: Uint8Array.of(255, 200, 90), regions: [{ region: trapezius, area: 6.5 }] };
}

/** Every read IndexedDB is asked to make of the marks store (by key, cursor, getAll or count). */
function countMarkReads(): { reads: number } {
	const seen = { reads: 0 };
	const of = (source: IDBObjectStore | IDBIndex) => ('objectStore' in source ? source.objectStore : source).name;
	for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype] as unknown as Record<string, unknown>[]) {
		for (const name of ['get', 'getAll', 'getAllKeys', 'getKey', 'openCursor', 'openKeyCursor', 'count']) {
			const original = proto[name] as ((...args: unknown[]) => unknown) | undefined;
			if (typeof original !== 'function') continue;
			vi.spyOn(proto as Record<string, (...args: unknown[]) => unknown>, name).mockImplementation(function (this: IDBObjectStore | IDBIndex, ...args: unknown[]) {
				if (of(this) === 'marks') seen.reads++;
				return original.apply(this, args);
			});
		}
	}
	return seen;
}

/** A page load: a new Store on the device's database, a new mover (its memory starts empty). */
function start(dbName: string, { offline = false } = {}) {
	const store = new Store(createDatabase(dbName), tickingClock());
	const jobs = { runs: 0 };
	const mover = paintingsMover({
		store,
		versions: OLD,
		// The job as the app runs it, with every old painting moving (its remapping is not the point here).
		migrate: async () => {
			jobs.runs++;
			const old = await marksPaintedOn(store, OLD);
			if (offline) return { left: old.length, failures: ['offline: no remap table'] };
			await replaceOldPatches(store, old.map((m, i) => ({ id: m.id, from: m.patch!, to: patch(NEW, 100 + i * 10) })));
			return { left: (await marksPaintedOn(store, OLD)).length, failures: [] };
		}
	});
	return { store, mover, jobs };
}

/** Asks for a look (forced: marks just came in) and waits for it. */
async function run({ mover }: { mover: PaintingsMover }, force = false) {
	mover.move(force);
	await mover.idle();
}

let dbCount = 0;
const newDevice = () => `mover-${process.pid}-${++dbCount}`;

async function paintedPlan(store: Store, marks: number, oldOnes: number) {
	const { client, plan } = await store.createClientWithPlan({ name: 'Kim' }, { title: 'Neck', date: '2026-11-23' });
	for (let i = 0; i < marks; i++) {
		const version = i < oldOnes ? OLD[i % 2] : NEW;
		await store.addMark(plan.id, markInput({ region: trapezius, patch: patch(version, i * 3), note: `mark ${i}` }));
	}
	return { client, plan };
}

afterEach(() => vi.restoreAllMocks());

describe('starting with the paintings already moved', () => {
	it('moves them on the first start; the next start reads no mark and runs no job', async () => {
		const device = newDevice();
		const first = start(device);
		await paintedPlan(first.store, 40, 2);
		await run(first);
		expect(first.jobs.runs).toBe(1);
		expect(await marksPaintedOn(first.store, OLD)).toEqual([]);
		first.store.db.close();

		const second = start(device);
		const seen = countMarkReads();
		await run(second);
		expect(second.jobs.runs).toBe(0);
		expect(seen.reads).toBe(0);
	});

	it('a device with no old paintings at all remembers it after one look', async () => {
		const device = newDevice();
		const first = start(device);
		await paintedPlan(first.store, 30, 0);
		let seen = countMarkReads();
		await run(first);
		expect(first.jobs.runs).toBe(0);
		expect(seen.reads).toBeGreaterThan(0); // the one look
		first.store.db.close();
		vi.restoreAllMocks();

		const second = start(device);
		seen = countMarkReads();
		await run(second);
		expect(seen.reads).toBe(0);
	});

	it('a restored older backup (format 3) brings old paintings back: they still move, now or at the next start', async () => {
		vi.spyOn(console, 'warn').mockImplementation(() => {});
		// The file: from a device whose marks were painted on the old figures.
		const old = start(newDevice());
		await paintedPlan(old.store, 3, 2);
		const file = JSON.parse((await exportBackup(old.store, { now: Date.now() })).parts.join(''));
		file.version = 3; // before the treatment record: no record tables, no integrity list
		for (const key of Object.keys(file)) if (!['format', 'version', 'exportedAt', 'appVersion', 'clients', 'plans', 'marks'].includes(key)) delete file[key];
		const text = JSON.stringify(file);

		for (const offline of [false, true]) {
			// A device that has settled: its paintings moved, a start reads no mark.
			const device = newDevice();
			const here = start(device);
			await paintedPlan(here.store, 5, 1);
			await run(here);
			expect(here.jobs.runs).toBe(1);
			here.store.db.close();

			// The restore writes the old paintings back (it never touches settings), and the backup
			// screen then asks for a forced look, which forgets that the device had settled.
			const restored = start(device, { offline });
			const preview = await previewImport(restored.store, text);
			expect(preview.backup.fileVersion).toBe(3);
			await applyImport(restored.store, preview.backup);
			expect(await marksPaintedOn(restored.store, OLD)).toHaveLength(2);
			await run(restored, true);
			expect(restored.jobs.runs).toBe(1);
			// Online they move now; offline (no remap table) they wait.
			expect(await marksPaintedOn(restored.store, OLD)).toHaveLength(offline ? 2 : 0);
			restored.store.db.close();

			// The next start: offline before, it looks again and moves them; then it has settled.
			const next = start(device);
			await run(next);
			expect(next.jobs.runs).toBe(offline ? 1 : 0);
			expect(await marksPaintedOn(next.store, OLD)).toEqual([]);
			next.store.db.close();
			const last = start(device);
			const seen = countMarkReads();
			await run(last);
			expect(seen.reads).toBe(0);
			vi.restoreAllMocks();
			vi.spyOn(console, 'warn').mockImplementation(() => {});
		}
	});
});
