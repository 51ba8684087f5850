/**
 * A stand-in BodyMesh made of capsules, for tests that must not depend on the generated asset:
 * same coordinate conventions (y up, facing +z, client's left at +x, feet at y = 0).
 * Region codes are fake but follow the real rule: all three vertices of a triangle share one.
 */
import { CapsuleGeometry, SphereGeometry, type BufferGeometry } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import type { BodyMesh } from '../../../src/lib/body/types';

/** Fake codes: 1 head, 2 torso front, 3 torso back, 10/11 left/right front thigh, 12/13 left/right back thigh, 20/21 left/right lower leg, 30/31 left/right arm. */
export const STANDIN = {
	head: 1,
	torsoFront: 2,
	torsoBack: 3,
	thighFrontLeft: 10,
	thighFrontRight: 11,
	thighBackLeft: 12,
	thighBackRight: 13,
	lowerLegLeft: 20,
	lowerLegRight: 21,
	armLeft: 30,
	armRight: 31
} as const;

function classify(x: number, y: number, z: number): number {
	if (y > 1.45) return STANDIN.head;
	if (Math.abs(x) > 0.22 && y > 0.8) return x > 0 ? STANDIN.armLeft : STANDIN.armRight;
	if (y > 0.85) return z >= 0 ? STANDIN.torsoFront : STANDIN.torsoBack;
	if (y > 0.5) {
		if (z >= 0) return x > 0 ? STANDIN.thighFrontLeft : STANDIN.thighFrontRight;
		return x > 0 ? STANDIN.thighBackLeft : STANDIN.thighBackRight;
	}
	return x > 0 ? STANDIN.lowerLegLeft : STANDIN.lowerLegRight;
}

/** Build the stand-in figure (~1.7 m tall). `detail` scales the triangle count. */
export function makeStandinBody(detail = 1): BodyMesh {
	const seg = Math.max(4, Math.round(12 * detail));
	const parts: BufferGeometry[] = [];
	const add = (g: BufferGeometry, x: number, y: number, z = 0) => {
		g.translate(x, y, z);
		parts.push(g.toNonIndexed());
		g.dispose();
	};
	add(new SphereGeometry(0.11, seg * 2, seg), 0, 1.58);
	add(new CapsuleGeometry(0.16, 0.45, seg, seg * 2), 0, 1.12); // torso
	for (const s of [1, -1]) {
		add(new CapsuleGeometry(0.075, 0.45, seg, seg * 2), 0.1 * s, 0.68); // thigh
		add(new CapsuleGeometry(0.055, 0.4, seg, seg * 2), 0.1 * s, 0.26); // lower leg
		add(new CapsuleGeometry(0.045, 0.55, seg, seg * 2), 0.3 * s, 1.08); // arm
	}
	const merged = mergeGeometries(parts)!;
	parts.forEach((p) => p.dispose());
	const positions = new Float32Array(merged.getAttribute('position').array);
	const normals = new Float32Array(merged.getAttribute('normal').array);
	const count = positions.length / 3;
	const regions = new Uint8Array(count);
	for (let t = 0; t < count; t += 3) {
		let cx = 0, cy = 0, cz = 0;
		for (let k = 0; k < 3; k++) {
			cx += positions[(t + k) * 3];
			cy += positions[(t + k) * 3 + 1];
			cz += positions[(t + k) * 3 + 2];
		}
		regions.fill(classify(cx / 3, cy / 3, cz / 3), t, t + 3);
	}
	const indices = new Uint32Array(count).map((_, i) => i);
	merged.dispose();
	return { figure: 'female', build: 'average', version: 'standin', positions, normals, regions, indices };
}
