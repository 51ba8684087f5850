/**
 * Picking on the committed body assets (static/body, average build): known landmarks land in the right
 * region on the right side, and the BVH agrees with three's plain raycast.
 */
import { describe, expect, it } from 'vitest';
import { FrontSide, Mesh, MeshBasicMaterial, Raycaster, Vector3 } from 'three';
import { readBody } from '../../../src/lib/body/makehuman/assetfiles';
import { regionByCode } from '../../../src/lib/domain/regions';
import { createBodyGeometry } from '../../../src/lib/scene/geometry';
import { BodyPicker, rayTowards } from '../../../src/lib/scene/picking';
import { makeRays } from '../../../bench/pick';

for (const figure of ['female', 'male'] as const) {
	describe(`picking on the ${figure} asset`, async () => {
		const mesh = await readBody(figure, 'average');
		const geometry = createBodyGeometry(mesh);
		const picker = new BodyPicker(geometry);
		const height = geometry.boundingBox!.max.y;
		const idOf = (code: number | undefined) => regionByCode(code ?? 0)?.id;
		/** Horizontal ray at height fraction `fy`, from behind (dir +z) or in front (dir -z). */
		const at = (x: number, fy: number, from: 'back' | 'front') => {
			const z = from === 'back' ? -3 : 3;
			return picker.pick(rayTowards(new Vector3(x, fy * height, z), new Vector3(x, fy * height, 0)));
		};

		it("a ray from behind at mid-thigh hits the hamstrings, client's left at +x", () => {
			expect(idOf(at(0.09, 0.36, 'back')?.code)).toBe('hamstrings-l');
			expect(idOf(at(-0.09, 0.36, 'back')?.code)).toBe('hamstrings-r');
		});

		it('the same spot from the front is the quadriceps', () => {
			expect(idOf(at(0.09, 0.36, 'front')?.code)).toBe('quadriceps-l');
			expect(idOf(at(-0.09, 0.36, 'front')?.code)).toBe('quadriceps-r');
		});

		it("from behind, the middle of the low back is beside the spine; the head's top is scalp or face", () => {
			expect(idOf(at(0.04, 0.6, 'back')?.code)).toMatch(/^lumbar-erector-l$|^thoracic-erector-l$/);
			const top = picker.pick(rayTowards(new Vector3(0, height + 1, 0.02), new Vector3(0, 0, 0.02)));
			expect(idOf(top?.code)).toMatch(/^scalp-|^face$/);
		});

		it("agrees with three's plain raycast on random rays", () => {
			const plain = new Mesh(geometry, new MeshBasicMaterial({ side: FrontSide }));
			const raycaster = new Raycaster();
			let hits = 0;
			for (const ray of makeRays(mesh, 150, 11)) {
				raycaster.ray.copy(ray);
				const slow = raycaster.intersectObject(plain, false)[0];
				const fast = picker.pick(ray);
				expect(fast?.faceIndex ?? -1).toBe(slow?.faceIndex ?? -1);
				if (slow && fast) {
					hits++;
					expect(fast.code).toBe(mesh.regions[slow.face!.a]);
				}
			}
			expect(hits).toBeGreaterThan(140);
		});
	});
}
