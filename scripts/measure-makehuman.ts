/**
 * Measures the MakeHuman figures' painting-resolution options (issue 10, phase 1), so the
 * choice between subdividing when the asset is built and subdividing when it is loaded rests on
 * numbers: per figure, the median edge where people paint (torso, limbs, neck; not the face,
 * hands or feet), vertex and triangle counts, the asset's size with the app's own codec (raw and
 * gzip), the time to build a figure, and the time to plan and run the subdivision in Node
 * (a proxy for the browser, which would do it at load time).
 * Usage: npx tsx scripts/measure-makehuman.ts [--split=0.12,0.1]   (split lengths in dm)
 */
import { gzipSync } from 'node:zlib';
import { MeshoptEncoder } from 'meshoptimizer';
import { loadMakeHuman } from '../src/lib/body/makehuman/load';
import { BUILDS, bodySurface, buildFigure, SPLIT_LENGTH, type BuildName } from '../src/lib/body/makehuman/figure';
import { edgeLengths, median, vertexNormals } from '../src/lib/body/makehuman/mesh';
import { chooseSubdivision, planSubdivision, subdivide, subdivideNormals } from '../src/lib/body/makehuman/subdivide';
import { octEncode, quantPos } from '../src/lib/body/quantize';

const splits = (process.argv.find((a) => a.startsWith('--split='))?.slice(8) ?? String(SPLIT_LENGTH)).split(',').map(Number);

/**
 * Bytes of a triangle mesh shipped whole (the way the procedural figures were: int16 positions
 * on a 0.2 mm grid, octahedral normals, meshopt vertex and index codecs), after meshopt's
 * reordering.
 */
function assetBytes(pos: ArrayLike<number>, tris: Uint32Array): { raw: number; gzip: number } {
	const idx = new Uint32Array(tris);
	const [order, unique] = MeshoptEncoder.reorderMesh(idx, true, true);
	const p = new Float32Array(unique * 3);
	for (let i = 0; i < order.length; i++) if (order[i] < unique) p.set([pos[i * 3], pos[i * 3 + 1], pos[i * 3 + 2]], order[i] * 3);
	const n = vertexNormals(p, idx, unique);
	const a = new Int16Array(unique * 4), b = new Int16Array(unique * 2);
	for (let v = 0; v < unique; v++) {
		for (let k = 0; k < 3; k++) a[v * 4 + k] = quantPos(p[v * 3 + k]);
		octEncode(n[v * 3], n[v * 3 + 1], n[v * 3 + 2], b, v * 2);
	}
	const parts = [
		MeshoptEncoder.encodeVertexBufferLevel(new Uint8Array(a.buffer), unique, 8, 3, 1),
		MeshoptEncoder.encodeVertexBufferLevel(new Uint8Array(b.buffer), unique, 4, 3, 1),
		MeshoptEncoder.encodeIndexBuffer(new Uint8Array(idx.buffer), idx.length, 4)
	];
	const bin = new Uint8Array(parts.reduce((x, y) => x + y.length, 0));
	let o = 0;
	for (const q of parts) {
		bin.set(q, o);
		o += q.length;
	}
	return { raw: bin.length, gzip: gzipSync(bin, { level: 9 }).length };
}

function timeMs(f: () => void, runs = 7): number {
	const t: number[] = [];
	for (let i = 0; i < runs; i++) {
		const s = performance.now();
		f();
		t.push(performance.now() - s);
	}
	return t.sort((a, b) => a - b)[runs >> 1];
}

async function main(): Promise<void> {
	await MeshoptEncoder.ready;
	const t0 = performance.now();
	const data = loadMakeHuman();
	console.log(`reading assets/makehuman: ${(performance.now() - t0).toFixed(0)} ms`);
	const surface = bodySurface(data.obj);
	const nv = surface.vertexCount;
	// Where people paint: vertices led by a torso or limb bone.
	const best = new Float64Array(nv);
	const lead: string[] = new Array(nv).fill('head');
	for (const [b, list] of data.weights) for (const [v, w] of list) if (v < nv && w > best[v]) {
		best[v] = w;
		lead[v] = b;
	}
	const notPaint = /^(head|jaw|eye|levator|oris|special|temporalis|risorius|orbicularis|tongue|finger|metacarpal|wrist|toe|foot)/;
	const paint = (v: number): boolean => v >= nv || !notPaint.test(lead[v]);
	const keep = (a: number, b: number): boolean => paint(a) && paint(b);
	const mm = (x: number): string => (x * 1000).toFixed(1);
	for (const sex of ['female', 'male'] as const) {
		for (const build of Object.keys(BUILDS) as BuildName[]) {
			let f = buildFigure(data, surface, sex, BUILDS[build]);
			const tBuild = timeMs(() => (f = buildFigure(data, surface, sex, BUILDS[build])), 3);
			const c = assetBytes(f.positions, surface.triangles);
			console.log(`${sex}-${build} coarse: ${nv} vertices, ${surface.triangles.length / 3} triangles, paint median ${mm(median(edgeLengths(f.positions, surface.triangles, keep)))} mm, asset ${c.raw} B, gzip ${c.gzip} B; built from the data in ${tBuild.toFixed(0)} ms`);
			for (const split of splits) {
				const choices = chooseSubdivision(surface.quads, data.obj.positions, (_a, _b, l) => l > split);
				let plan = planSubdivision(surface.quads, nv, choices);
				const tPlan = timeMs(() => (plan = planSubdivision(surface.quads, nv, choices)));
				let fine: Float64Array = new Float64Array(0);
				const tSub = timeMs(() => (fine = subdivide(plan, surface.quads, f.positions, vertexNormals(f.positions, surface.triangles, nv))));
				const coarseNormals = vertexNormals(f.positions, surface.triangles, nv);
				const tNorm = timeMs(() => subdivideNormals(plan, surface.quads, coarseNormals));
				const e = edgeLengths(fine, plan.triangles, keep);
				const s = assetBytes(fine, plan.triangles);
				console.log(`  split > ${split * 100} mm: ${plan.vertexCount} vertices, ${plan.triangles.length / 3} triangles, paint median ${mm(median(e))} mm; built in: asset ${s.raw} B, gzip ${s.gzip} B; at load: plan ${tPlan.toFixed(1)} ms + subdivide ${tSub.toFixed(1)} ms + normals ${tNorm.toFixed(1)} ms`);
			}
		}
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
