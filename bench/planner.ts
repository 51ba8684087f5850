/**
 * The planner's hot paths, each beside a baseline measured in the same run:
 *   - a brush step (pick under the pointer + dab over the surface + mix of the changed range
 *     into the paint attribute), against the bare pick for the same pointer position: the floor
 *     no step can go below. Goal (issue): median under 2 ms.
 *   - tap-to-highlight (pick + set the selection in the material), against three's plain
 *     raycast for the same tap. Goal: under 1 ms.
 *   - saving on a plan with 200 marks (autosave of the plan, adding one more mark) and reading
 *     them all back, against the same on an empty plan. Goal: saving under 10 ms. Runs on
 *     fake-indexeddb in Node, which is slower than a browser's IndexedDB, so real figures are lower.
 * Run alone with `npx tsx bench/planner.ts`.
 */
import 'fake-indexeddb/auto';
import { FrontSide, Mesh, MeshBasicMaterial, Raycaster, Vector3 } from 'three';
import { readBody } from '../src/lib/body/makehuman/assetfiles';
import { BRUSH_SIZES, type PaintDrawing } from '../src/lib/body/brush';
import type { BodyMesh } from '../src/lib/body/types';
import type { MarkInput } from '../src/lib/domain/marks';
import { createBodyGeometry } from '../src/lib/scene/geometry';
import { BodyMaterial } from '../src/lib/scene/material';
import { BodyPicker, rayTowards } from '../src/lib/scene/picking';
import { Painter, surfaceOf } from '../src/lib/ui/marks/painter';
import type { BodyScene } from '../src/lib/scene/BodyScene';
import { createDatabase } from '../src/lib/store/schema';
import { Store } from '../src/lib/store/store';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];

function time(fn: () => void): number {
	const t = performance.now();
	fn();
	return performance.now() - t;
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
	const t = performance.now();
	await fn();
	return performance.now() - t;
}

export interface PlannerBenchResult {
	brushStepMedianMs: number;
	brushStepP95Ms: number;
	brushBaselineMedianMs: number;
	tapMedianMs: number;
	tapBaselineMedianMs: number;
	save: { updatePlan200Ms: number; updatePlan0Ms: number; addMark200Ms: number; addMark0Ms: number; list200Ms: number; list0Ms: number };
}

/** A scene stand-in: the painter only needs the paint attribute and an upload call. */
function fakeScene(mesh: BodyMesh): BodyScene {
	const array = new Uint8Array((mesh.positions.length / 3) * 4);
	return { enablePaint: () => ({ array }), paintChanged: () => {} } as unknown as BodyScene;
}

async function benchBrushAndTap(mesh: BodyMesh) {
	const geometry = createBodyGeometry(mesh);
	const picker = new BodyPicker(geometry);
	const height = geometry.boundingBox!.max.y;
	surfaceOf(mesh); // built once per model when painting starts, not per step
	const painter = new Painter(fakeScene(mesh), mesh);

	// Ten saved painted marks underneath, as a busy plan would have.
	const saved: PaintDrawing[] = [];
	for (let i = 0; i < 10; i++) {
		const y = height * (0.45 + i * 0.035);
		const hit = picker.pick(rayTowards(new Vector3(0.08, y, -3), new Vector3(0.08, y, 0)))!;
		painter.load(null);
		painter.layer.dab(hit.point.toArray(), hit.vertex, BRUSH_SIZES[2].radius);
		const patch = painter.layer.toPatch(mesh.version)!;
		saved.push({ vertices: patch.vertices, weights: patch.weights, rgb: [200, 100, 50], strength: 0.7 });
	}
	painter.load(null);
	painter.setSaved(saved);

	// A stroke across the back, 200 pointer samples, medium brush.
	const radius = BRUSH_SIZES[1].radius;
	const steps: number[] = [];
	const baseline: number[] = [];
	for (let i = 0; i < 200; i++) {
		const x = -0.15 + (0.3 * i) / 199;
		const y = height * (0.72 - 0.1 * Math.sin(i / 30));
		const ray = rayTowards(new Vector3(x, y, -3), new Vector3(x, y, 0));
		steps.push(
			time(() => {
				const hit = picker.pick(ray);
				if (hit) painter.stroke({ phase: i === 0 ? 'start' : 'move', hits: [hit], eraser: false }, radius, false);
			})
		);
		baseline.push(time(() => picker.pick(ray)));
	}
	painter.stroke({ phase: 'end', hits: [], eraser: false }, radius, false);

	// Taps: pick + selection uniform, against three's plain raycast of the same rays.
	const material = new BodyMaterial();
	const plain = new Mesh(geometry, new MeshBasicMaterial({ side: FrontSide }));
	const raycaster = new Raycaster();
	const taps: number[] = [];
	const plainTaps: number[] = [];
	for (let i = 0; i < 100; i++) {
		const y = height * (0.1 + (0.8 * i) / 99);
		const ray = rayTowards(new Vector3(0.05, y, 3), new Vector3(0.05, y, 0));
		taps.push(time(() => material.setSelected(picker.pick(ray)?.code ?? null)));
		raycaster.ray.copy(ray);
		plainTaps.push(time(() => raycaster.intersectObject(plain, false)));
	}
	material.dispose();
	return {
		brushStepMedianMs: median(steps),
		brushStepP95Ms: p95(steps),
		brushBaselineMedianMs: median(baseline),
		tapMedianMs: median(taps),
		tapBaselineMedianMs: median(plainTaps)
	};
}

const mark = (i: number): MarkInput => ({
	region: 1 + (i % 80),
	sensation: 'tension',
	intensity: i % 11,
	depth: 'surface',
	structure: null,
	pressure: null,
	note: `mark ${i}`,
	author: i % 2 ? 'client' : 'therapist'
});

async function benchSave() {
	const store = new Store(createDatabase(`bench-${Date.now()}`));
	const { plan: busy } = await store.createClientWithPlan({ name: 'Busy' }, { title: 'Many marks', date: '2026-11-23' });
	const { plan: empty } = await store.createClientWithPlan({ name: 'Quiet' }, { title: 'No marks', date: '2026-11-23' });
	for (let i = 0; i < 200; i++) await store.addMark(busy.id, mark(i));
	const runs = 25;
	const sample = async (fn: (i: number) => Promise<unknown>) => {
		const xs: number[] = [];
		for (let i = 0; i < runs; i++) xs.push(await timeAsync(() => fn(i)));
		return median(xs);
	};
	const result = {
		updatePlan200Ms: await sample((i) => store.updatePlan(busy.id, { notes: `note ${i}`, clientWords: 'tight after work' })),
		updatePlan0Ms: await sample((i) => store.updatePlan(empty.id, { notes: `note ${i}`, clientWords: 'tight after work' })),
		addMark200Ms: await sample((i) => store.addMark(busy.id, mark(i))),
		addMark0Ms: await sample((i) => store.addMark(empty.id, mark(i))),
		list200Ms: await sample(() => store.listMarks(busy.id)),
		list0Ms: 0
	};
	const { plan: fresh } = await store.createClientWithPlan({ name: 'Fresh' }, { title: 'Fresh', date: '2026-11-23' });
	result.list0Ms = await sample(() => store.listMarks(fresh.id));
	store.db.close();
	return result;
}

export async function benchPlanner(): Promise<PlannerBenchResult> {
	const mesh = await readBody('female', 'average');
	return { ...(await benchBrushAndTap(mesh)), save: await benchSave() };
}

if (import.meta.url === `file://${process.argv[1]}`) {
	console.log(await benchPlanner());
}

