/**
 * The job that moves paintings made on the old procedural figures onto the current ones: finds
 * marks painted on an old model version, fetches that version's remap table, remaps each patch
 * (body/legacy/remap) and writes them all in one transaction (store/legacy-paintings). Its inputs
 * are injected, so it runs in Node tests; paintings-migration.ts runs it in the app.
 * A failure (offline, no table, a table for another model) leaves the marks as they are: they
 * still draw and plan from their per-region areas, and the next run tries again.
 */
import type { BodyFigure, BodyMesh } from '$lib/body/types';
import type { Patch } from '$lib/domain/records';
import { patchProblem } from '$lib/domain/marks';
import { remapPatch } from '$lib/body/legacy/remap';
import { decodeTable } from '$lib/body/legacy/table';
import { OLD_VERSIONS } from '$lib/body/legacy/versions';
import { buildSurface, type Surface } from '$lib/body/surface';
import { marksPaintedOn, replaceOldPatches, type PatchMove } from '$lib/store/legacy-paintings';
import type { Store } from '$lib/store/store';

export interface MigrateInputs {
	store: Store;
	/** The current mesh of a figure (any build: they share one vertex list). */
	loadMesh: (figure: BodyFigure) => Promise<BodyMesh>;
	/** The remap table of an old version (static/body/legacy/<version>.bin). */
	fetchTable: (oldVersion: string) => Promise<Uint8Array>;
	surfaceOf?: (mesh: BodyMesh) => Surface;
}

export interface MigrateResult {
	/** Marks moved onto the current figures. */
	moved: number;
	/** Marks still on an old version (their table could not be had, or nothing of them landed). */
	left: number;
	/** What went wrong, per old version, when something did. */
	failures: string[];
}

export async function migratePaintings({ store, loadMesh, fetchTable, surfaceOf = buildSurface }: MigrateInputs): Promise<MigrateResult> {
	const marks = await marksPaintedOn(store, Object.keys(OLD_VERSIONS));
	const result: MigrateResult = { moved: 0, left: marks.length, failures: [] };
	if (!marks.length) return result;
	const moves: PatchMove[] = [];
	for (const [version, figure] of Object.entries(OLD_VERSIONS)) {
		const mine = marks.filter((m) => m.patch?.modelVersion === version);
		if (!mine.length) continue;
		try {
			const mesh = await loadMesh(figure);
			// Still the old figure (an app without the new ones): its paintings draw as they are.
			if (mesh.version === version) continue;
			const table = await decodeTable(await fetchTable(version), mesh.indices);
			if (table.oldVersion !== version || table.newVersion !== mesh.version) {
				throw new Error(`the table for ${version} maps to ${table.newVersion}, not to the current ${figure} figure ${mesh.version}`);
			}
			const surface = surfaceOf(mesh);
			for (const [i, mark] of mine.entries()) {
				// A practice may have thousands: let the page breathe between batches.
				if (i > 0 && i % 25 === 0) await new Promise((r) => setTimeout(r, 0));
				const from = mark.patch as Patch;
				const to = remapPatch(from, table, mesh, surface);
				if (to && !patchProblem(to)) moves.push({ id: mark.id, from, to });
			}
		} catch (e) {
			result.failures.push(`${figure} (${version}): ${e instanceof Error ? e.message : String(e)}`);
		}
	}
	if (moves.length) result.moved = (await replaceOldPatches(store, moves)).length;
	result.left = marks.length - result.moved;
	return result;
}
