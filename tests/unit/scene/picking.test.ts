import { describe, expect, it } from 'vitest';
import { FrontSide, Mesh, MeshBasicMaterial, Raycaster, Vector3 } from 'three';
import { BodyPicker, rayTowards } from '../../../src/lib/scene/picking';
import { createBodyGeometry } from '../../../src/lib/scene/geometry';
import { makeStandinBody, STANDIN } from './standin';

/** Deterministic PRNG so a failure reproduces. */
function mulberry32(seed: number) {
	return () => {
		seed |= 0;
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

describe('BodyPicker (stand-in body)', () => {
	const body = makeStandinBody();
	const geometry = createBodyGeometry(body);
	const indexBefore = geometry.index!.array.slice();
	const picker = new BodyPicker(geometry);

	it('keeps the geometry index order (indirect BVH)', () => {
		expect(geometry.index!.array).toEqual(indexBefore);
	});

	it('a ray from behind at the back of the thigh finds the back-of-thigh region on the right side', () => {
		// Client's left is +x; from behind, a ray travelling +z hits the back surface first.
		const left = picker.pick(rayTowards(new Vector3(0.1, 0.68, -3), new Vector3(0.1, 0.68, 0)));
		expect(left?.code).toBe(STANDIN.thighBackLeft);
		expect(left!.point.z).toBeLessThan(0);
		expect(left!.normal.z).toBeLessThan(-0.5); // faces the viewer behind
		const right = picker.pick(rayTowards(new Vector3(-0.1, 0.68, -3), new Vector3(-0.1, 0.68, 0)));
		expect(right?.code).toBe(STANDIN.thighBackRight);
	});

	it('misses return null', () => {
		expect(picker.pick(rayTowards(new Vector3(2, 1, -3), new Vector3(2, 1, 0)))).toBeNull();
	});

	it('agrees with three.js plain Mesh.raycast on many random rays', () => {
		const mesh = new Mesh(geometry, new MeshBasicMaterial({ side: FrontSide }));
		const raycaster = new Raycaster();
		const rand = mulberry32(42);
		const box = geometry.boundingBox!;
		let hits = 0;
		for (let i = 0; i < 500; i++) {
			const target = new Vector3(
				box.min.x + rand() * (box.max.x - box.min.x),
				box.min.y + rand() * (box.max.y - box.min.y),
				box.min.z + rand() * (box.max.z - box.min.z)
			);
			const theta = rand() * Math.PI * 2;
			const phi = Math.acos(2 * rand() - 1);
			const origin = new Vector3().setFromSphericalCoords(4, phi, theta).add(target);
			const ray = rayTowards(origin, target);
			raycaster.ray.copy(ray);
			const plain = raycaster.intersectObject(mesh, false)[0];
			const fast = picker.pick(ray);
			expect(fast === null).toBe(plain === undefined);
			if (plain && fast) {
				hits++;
				expect(fast.distance).toBeCloseTo(plain.distance, 5);
				expect(fast.code).toBe(body.regions[plain.face!.a]);
				expect(fast.faceIndex).toBe(plain.faceIndex);
			}
		}
		expect(hits).toBeGreaterThan(100);
	});
});
