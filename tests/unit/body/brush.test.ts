/**
 * Painting on the committed female asset: the surface graph, dabs that stay on the surface they
 * touch, strokes that undo exactly, and the compact patch with its per-region summary.
 */
import { describe, expect, it } from 'vitest';
import { Vector3 } from 'three';
import { readBody } from '../../../src/lib/body/makehuman/assetfiles';
import { buildSurface } from '../../../src/lib/body/surface';
import { BRUSH_SIZES, PaintLayer, composite, patchRegions } from '../../../src/lib/body/brush';
import { regionAreas } from '../../../src/lib/body/areas';
import { codeOf, regionByCode } from '../../../src/lib/domain/regions';
import { createBodyGeometry } from '../../../src/lib/scene/geometry';
import { BodyPicker, rayTowards } from '../../../src/lib/scene/picking';

const mesh = await readBody('female', 'average');
const surface = buildSurface(mesh);
const picker = new BodyPicker(createBodyGeometry(mesh));
const height = Math.max(...Array.from({ length: mesh.positions.length / 3 }, (_, i) => mesh.positions[i * 3 + 1]));

/** The point and a seed vertex where a horizontal ray at (x, fy·height) from behind meets the body. */
function hitFromBehind(x: number, fy: number) {
	const y = fy * height;
	const hit = picker.pick(rayTowards(new Vector3(x, y, -3), new Vector3(x, y, 0)))!;
	expect(hit).not.toBeNull();
	return { point: hit.point.toArray(), seed: hit.vertex, code: hit.code };
}

const radius = (id: string) => BRUSH_SIZES.find((b) => b.id === id)!.radius;
const painted = (layer: PaintLayer) => layer.weights.reduce((n, w) => n + (w ? 1 : 0), 0);

describe('the surface graph', () => {
	it('welds region-border copies so the whole body is one connected surface', () => {
		const welded = surface.memberStart.length - 1;
		expect(welded).toBeLessThan(surface.vertexCount); // border copies exist and were merged
		const seen = new Uint8Array(welded);
		const queue = [0];
		seen[0] = 1;
		while (queue.length) {
			const w = queue.pop()!;
			for (let k = surface.neighbourStart[w]; k < surface.neighbourStart[w + 1]; k++) {
				const nb = surface.neighbours[k];
				if (!seen[nb]) (seen[nb] = 1), queue.push(nb);
			}
		}
		expect(seen.every((s) => s === 1)).toBe(true);
	});

	it('vertex areas add up to the body surface', () => {
		const total = surface.vertexArea.reduce((s, a) => s + a, 0);
		const byRegion = regionAreas(mesh).reduce((s, a) => s + a, 0);
		expect(total).toBeCloseTo(byRegion, 3);
		expect(total).toBeGreaterThan(1.2); // an adult is roughly 1.5–1.9 m²
		expect(total).toBeLessThan(2.2);
	});
});

describe('brush dabs', () => {
	it('a dab covers about the disc of its radius, fully in the core', () => {
		const layer = new PaintLayer(surface);
		const { point, seed } = hitFromBehind(0.1, 0.8); // upper back, client's left
		layer.dab(point, seed, radius('medium'));
		let area = 0;
		for (let v = 0; v < layer.weights.length; v++) area += (surface.vertexArea[v] * layer.weights[v]) / 255;
		const disc = Math.PI * radius('medium') ** 2;
		expect(area).toBeGreaterThan(disc * 0.5);
		expect(area).toBeLessThan(disc * 1.5);
		// The vertex nearest the centre is fully covered.
		expect(Math.max(...layer.weights)).toBe(255);
	});

	it('a large dab between the thighs stays on the leg it touched', () => {
		const layer = new PaintLayer(surface);
		// Back of the left thigh at its inner edge: the first x from the midline where a ray hits.
		const x = Array.from({ length: 40 }, (_, i) => i * 0.0025).find((x) => picker.pick(rayTowards(new Vector3(x, 0.42 * height, -3), new Vector3(x, 0.42 * height, 0))))!;
		const { point, seed } = hitFromBehind(x + 0.005, 0.42);
		layer.dab(point, seed, radius('large'));
		const P = mesh.positions;
		const near = (v: number) => Math.hypot(P[v * 3] - point[0], P[v * 3 + 1] - point[1], P[v * 3 + 2] - point[2]) < radius('large');
		// Below the crotch and clearly right of the midline (the perineum itself joins the legs).
		const onOtherLeg = (v: number) => P[v * 3] < -0.015 && P[v * 3 + 1] < 0.43 * height;
		const otherLegInReach = Array.from({ length: P.length / 3 }, (_, v) => v).filter((v) => near(v) && onOtherLeg(v));
		expect(otherLegInReach.length, 'the other leg lies within the brush radius').toBeGreaterThan(20);
		for (let v = 0; v < layer.weights.length; v++) {
			if (layer.weights[v]) expect(onOtherLeg(v), `vertex ${v} on the other leg is painted`).toBe(false);
		}
		expect(painted(layer)).toBeGreaterThan(20);
	});

	it('the eraser removes what a dab painted', () => {
		const layer = new PaintLayer(surface);
		const { point, seed } = hitFromBehind(-0.1, 0.8);
		layer.dab(point, seed, radius('small'));
		expect(layer.empty).toBe(false);
		layer.dab(point, seed, radius('large'), true);
		expect(layer.empty).toBe(true);
	});

	it('the eraser, the same size as the brush, takes away everything the brush painted', () => {
		const layer = new PaintLayer(surface);
		const { point, seed } = hitFromBehind(0.1, 0.7);
		layer.dab(point, seed, radius('medium'));
		layer.dab(point, seed, radius('medium'), true);
		expect(layer.empty).toBe(true);
	});
});

describe('strokes', () => {
	it('undo and redo of a stroke restore coverage exactly', () => {
		const layer = new PaintLayer(surface);
		const a = hitFromBehind(0.1, 0.8);
		layer.beginStroke();
		layer.dab(a.point, a.seed, radius('small'));
		layer.endStroke();
		const first = layer.weights.slice();
		const b = hitFromBehind(0.12, 0.75);
		layer.beginStroke();
		layer.dab(b.point, b.seed, radius('large'));
		const change = layer.endStroke()!;
		const second = layer.weights.slice();
		expect(change.vertices.length).toBeGreaterThan(0);
		layer.apply(change, 'before');
		expect(layer.weights).toEqual(first);
		layer.apply(change, 'after');
		expect(layer.weights).toEqual(second);
	});

	it('a cancelled stroke (a second finger came down) takes back exactly that stroke', () => {
		const layer = new PaintLayer(surface);
		const a = hitFromBehind(0.1, 0.8);
		layer.beginStroke();
		layer.dab(a.point, a.seed, radius('small'));
		layer.endStroke();
		const afterA = layer.weights.slice();
		const b = hitFromBehind(0.12, 0.78);
		layer.beginStroke();
		layer.dab(b.point, b.seed, radius('large'));
		expect(layer.weights).not.toEqual(afterA);
		layer.cancelStroke();
		expect(layer.weights).toEqual(afterA);
		expect(layer.endStroke()).toBeNull();
	});

	it('reports exactly the changed vertices for upload, painted and erased, even on the midline', () => {
		const layer = new PaintLayer(surface);
		expect(layer.takeDirty()).toBeNull();
		const spine = hitFromBehind(0, 0.62); // the back midline, where vertex order is most scattered
		const before = layer.weights.slice();
		layer.dab(spine.point, spine.seed, radius('medium'));
		const painted = layer.takeDirty() as Uint32Array;
		const changed = [...layer.weights.keys()].filter((v) => layer.weights[v] !== before[v]);
		expect([...painted]).toEqual(changed);
		expect(painted.length).toBeLessThan(surface.vertexCount / 20); // a dab, not half the body
		const erased = layer.weights.slice();
		layer.dab(spine.point, spine.seed, radius('small'), true);
		const list = layer.takeDirty() as Uint32Array;
		expect([...list]).toEqual([...layer.weights.keys()].filter((v) => layer.weights[v] !== erased[v]));
		expect(layer.takeDirty()).toBeNull();
		layer.load(null, mesh.version);
		expect(layer.takeDirty()).toBe('all');
	});

});

describe('patches', () => {
	it('round-trip through a patch on the same model, and load nothing from another model', () => {
		const layer = new PaintLayer(surface);
		const a = hitFromBehind(0.1, 0.8);
		layer.dab(a.point, a.seed, radius('medium'));
		const patch = layer.toPatch(mesh.version)!;
		expect(patch.vertices.length).toBe(painted(layer));
		expect(patch.weights.length).toBe(patch.vertices.length);
		const again = new PaintLayer(surface);
		again.load(patch, mesh.version);
		expect(again.weights).toEqual(layer.weights);
		again.load(patch, 'another-model');
		expect(again.empty).toBe(true);
	});

	it('an empty layer gives no patch', () => {
		expect(new PaintLayer(surface).toPatch(mesh.version)).toBeNull();
	});

	it('summarises into the regions it covers, weighted by painted area', () => {
		const layer = new PaintLayer(surface);
		// Aimed at the middle of a broad region of the back (the latissimus), away from its borders.
		const code = codeOf('latissimus-l');
		let cx = 0, cy = 0, n = 0;
		for (let v = 0; v < mesh.regions.length; v++) if (mesh.regions[v] === code) (cx += mesh.positions[v * 3]), (cy += mesh.positions[v * 3 + 1]), n++;
		const a = hitFromBehind(cx / n, cy / n / height);
		expect(a.code).toBe(code);
		layer.dab(a.point, a.seed, radius('large'));
		const { regions } = layer.toPatch(mesh.version)!;
		expect(regions[0].region).toBe(a.code); // the dab's centre region is the largest share
		expect(regionByCode(regions[0].region)!.id.endsWith('-l')).toBe(true);
		for (let i = 1; i < regions.length; i++) expect(regions[i].area).toBeLessThanOrEqual(regions[i - 1].area);
		const total = regions.reduce((s, r) => s + r.area, 0);
		expect(total).toBeGreaterThan(Math.PI * (radius('large') * 100) ** 2 * 0.5);
	});

	it('a whole region painted reports about the region’s own area', () => {
		const code = codeOf('upper-trapezius-l');
		const vertices: number[] = [];
		for (let v = 0; v < mesh.regions.length; v++) if (mesh.regions[v] === code) vertices.push(v);
		const [share] = patchRegions(surface, vertices, vertices.map(() => 255));
		expect(share.region).toBe(code);
		expect(share.area / 1e4).toBeCloseTo(regionAreas(mesh)[code], 4);
	});
});

describe('composite', () => {
	it('the stronger layer wins where two overlap', () => {
		const target = new Uint8Array(4 * 4);
		composite(target, [
			{ vertices: [0, 1], weights: [255, 255], rgb: [10, 20, 30], strength: 0.4 },
			{ vertices: [1, 2], weights: [255, 100], rgb: [200, 0, 0], strength: 0.9 }
		]);
		expect([...target.subarray(0, 4)]).toEqual([10, 20, 30, 102]);
		expect([...target.subarray(4, 8)]).toEqual([200, 0, 0, 230]);
		expect([...target.subarray(8, 12)]).toEqual([200, 0, 0, 90]);
		expect([...target.subarray(12, 16)]).toEqual([0, 0, 0, 0]);
	});
});
