/**
 * The quick view that shows a region best: the side its skin faces most (the sum of its vertex
 * normals across the screen). The low back faces the back, the side of the neck a side, the top
 * of the shoulder mostly up and a little back (the back view shows it). Pure: typed arrays in.
 */
import type { BodyMesh } from '$lib/body/types';
import type { ViewName } from './views';

export type SideView = Exclude<ViewName, 'reset'>;

export function bestView(mesh: Pick<BodyMesh, 'normals' | 'regions'>, code: number): SideView {
	const { normals, regions } = mesh;
	let x = 0;
	let z = 0;
	for (let v = 0; v < regions.length; v++) {
		if (regions[v] !== code) continue;
		x += normals[v * 3];
		z += normals[v * 3 + 2];
	}
	if (x === 0 && z === 0) return 'front';
	// 'left' is the client's left side: the camera on +x sees skin facing +x.
	if (Math.abs(z) >= Math.abs(x)) return z >= 0 ? 'front' : 'back';
	return x > 0 ? 'left' : 'right';
}

/**
 * The quick view that shows most of these regions (each counted on the side that shows it best):
 * a plan opened with nothing selected shows its marks, not an empty front. Ties keep the front.
 */
export function viewShowingMost(mesh: Pick<BodyMesh, 'normals' | 'regions'>, codes: readonly number[]): SideView {
	const count = new Map<SideView, number>([['front', 0]]);
	for (const code of codes) {
		const v = bestView(mesh, code);
		count.set(v, (count.get(v) ?? 0) + 1);
	}
	let best: SideView = 'front';
	for (const [v, n] of count) if (n > count.get(best)!) best = v;
	return best;
}
