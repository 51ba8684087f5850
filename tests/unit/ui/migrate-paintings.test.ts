/**
 * The job that moves paintings off the old figures, with its inputs injected: a store over
 * fake-indexeddb, the new figures built in Node by the shared recipe, the committed tables.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BRUSH_SIZES, PaintLayer } from '$lib/body/brush';
import { buildSurface } from '$lib/body/surface';
import type { BodyFigure, BodyMesh } from '$lib/body/types';
import { LEGACY_VERSIONS, newFigures, readLegacyFile } from '$lib/body/legacy/reference';
import { decodeTable } from '$lib/body/legacy/table';
import { remapPatch } from '$lib/body/legacy/remap';
import type { Patch } from '$lib/domain/records';
import { codeOf } from '$lib/domain/regions';
import { migratePaintings, type MigrateInputs } from '$lib/ui/body/migrate-paintings';
import { freshStore, tickingClock } from '../store/helpers';
import { markInput } from '../fixtures';

const tables = join(resolve(import.meta.dirname, '../../..'), 'static/body/legacy');
const current = new Map<BodyFigure, BodyMesh>();
const oldMeshes = new Map<BodyFigure, BodyMesh>();
const painted = new Map<BodyFigure, Patch>();

beforeAll(async () => {
	const meshes = newFigures([
		['female', 'average'],
		['male', 'average']
	]);
	for (const f of ['female', 'male'] as const) {
		current.set(f, meshes.get(`${f}-average`)!);
		const body = await readLegacyFile(f);
		const mesh: BodyMesh = { ...body, build: 'average', normals: new Float32Array(body.positions.length) };
		oldMeshes.set(f, mesh);
		// One dab on the left upper trapezius, as the old app saved it.
		const layer = new PaintLayer(buildSurface(mesh));
		const ids = [...mesh.regions.keys()].filter((v) => mesh.regions[v] === codeOf('upper-trapezius-l'));
		const mid = [0, 1, 2].map((k) => ids.reduce((a, v) => a + mesh.positions[v * 3 + k], 0) / ids.length);
		const far = (v: number) => Math.hypot(...[0, 1, 2].map((k) => mesh.positions[v * 3 + k] - mid[k]));
		const seed = ids.reduce((a, b) => (far(b) < far(a) ? b : a));
		layer.beginStroke();
		layer.dab(mesh.positions.subarray(seed * 3, seed * 3 + 3), seed, BRUSH_SIZES[1].radius);
		layer.endStroke();
		painted.set(f, layer.toPatch(mesh.version)!);
	}
}, 120_000);

const tableFile = async (version: string) => new Uint8Array(readFileSync(join(tables, `${version}.bin`)));

async function seeded() {
	const store = freshStore(tickingClock());
	const { plan } = await store.createClientWithPlan({ name: 'Kim' }, { title: 'Neck', date: '2026-11-23' });
	const region = codeOf('upper-trapezius-l');
	const female = await store.addMark(plan.id, markInput({ region, patch: painted.get('female')!, note: 'after desk work' }));
	const male = await store.addMark(plan.id, markInput({ region, patch: painted.get('male')!, sensation: 'aching' }));
	const tapped = await store.addMark(plan.id, markInput());
	const calls = { mesh: [] as BodyFigure[], table: [] as string[] };
	const inputs = (over: Partial<MigrateInputs> = {}): MigrateInputs => ({
		store,
		loadMesh: async (f) => (calls.mesh.push(f), current.get(f)!),
		fetchTable: async (v) => (calls.table.push(v), tableFile(v)),
		...over
	});
	return { store, plan, female, male, tapped, calls, inputs };
}

describe('moving paintings off the old figures', () => {
	it('moves every old painting onto the current figure of its sex, leaving everything else as it was', async () => {
		const { store, plan, female, male, tapped, calls, inputs } = await seeded();
		const result = await migratePaintings(inputs());
		expect(result).toEqual({ moved: 2, left: 0, failures: [] });
		expect(calls.table.sort()).toEqual([LEGACY_VERSIONS.female, LEGACY_VERSIONS.male].sort());
		const marks = await store.listMarks(plan.id);
		for (const [mark, f] of [[female, 'female'], [male, 'male']] as const) {
			const now = marks.find((m) => m.id === mark.id)!;
			const mesh = current.get(f)!;
			const table = await decodeTable(await tableFile(LEGACY_VERSIONS[f]), mesh.indices);
			expect(now).toEqual({ ...mark, patch: remapPatch(mark.patch!, table, mesh) });
			expect(now.patch!.modelVersion).toBe(mesh.version);
			expect(now.patch!.regions[0].region).toBe(codeOf('upper-trapezius-l'));
		}
		expect(marks.find((m) => m.id === tapped.id)).toEqual(tapped);
		// Nothing is left to do: a second run fetches nothing.
		calls.table.length = 0;
		expect(await migratePaintings(inputs())).toEqual({ moved: 0, left: 0, failures: [] });
		expect(calls.table).toEqual([]);
	});

	it('offline, or with no table, leaves the marks as they are and moves them on the next run', async () => {
		const { store, plan, female, male, inputs } = await seeded();
		const offline = await migratePaintings(inputs({ fetchTable: async () => Promise.reject(new TypeError('Failed to fetch')) }));
		expect(offline.moved).toBe(0);
		expect(offline.left).toBe(2);
		expect(offline.failures).toHaveLength(2);
		const missing = await migratePaintings(inputs({ fetchTable: async () => new Uint8Array(10) }));
		expect(missing.moved).toBe(0);
		expect(await store.listMarks(plan.id)).toEqual(expect.arrayContaining([female, male]));
		expect(await migratePaintings(inputs())).toMatchObject({ moved: 2, left: 0 });
	});

	it('leaves them alone while the app still draws the old figures, without fetching a table', async () => {
		const { store, plan, female, male, calls, inputs } = await seeded();
		const result = await migratePaintings(inputs({ loadMesh: async (f) => oldMeshes.get(f)! }));
		expect(result).toEqual({ moved: 0, left: 2, failures: [] });
		expect(calls.table).toEqual([]);
		expect(await store.listMarks(plan.id)).toEqual(expect.arrayContaining([female, male]));
	});

	it('refuses a table made for another model than the one drawn', async () => {
		const { store, plan, female, inputs } = await seeded();
		const other = (f: BodyFigure): BodyMesh => ({ ...current.get(f)!, version: '0123456789abcdef' });
		const result = await migratePaintings(inputs({ loadMesh: async (f) => other(f) }));
		expect(result.moved).toBe(0);
		expect(result.failures.join(' ')).toMatch(/not to the current female figure/);
		expect((await store.listMarks(plan.id)).find((m) => m.id === female.id)).toEqual(female);
	});

	it('does not load a figure or a table when no old painting exists', async () => {
		const store = freshStore(tickingClock());
		let asked = 0;
		const result = await migratePaintings({ store, loadMesh: async () => (asked++, current.get('female')!), fetchTable: async () => (asked++, new Uint8Array()) });
		expect(result).toEqual({ moved: 0, left: 0, failures: [] });
		expect(asked).toBe(0);
	});
});
