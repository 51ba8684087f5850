/**
 * Simplification of the dense half mesh with per-zone budgets. meshoptimizer's simplifier
 * spends triangles where the geometric error is largest, which starves the face and hands;
 * feeding it a copy of the position scaled by a zone weight as an extra attribute makes
 * error there count more, so face and hands keep detail with smooth density transitions.
 * The open edge on x = 0 can only collapse along itself, so it stays on the mirror plane.
 */
import { MeshoptSimplifier } from 'meshoptimizer';
import type { RawMesh } from './mesher';

export type Weight = (x: number, y: number, z: number) => number;

/**
 * `lock(x, y, z)` marks mirror-plane vertices that must stay: where the profile curves
 * tightly (the face), collapsing along the seam leaves centimetre-long seam edges whose
 * fans of thin triangles show as a shading line down the middle.
 */
export function simplifyHalf(mesh: RawMesh, targetTriangles: number, weight: Weight, lock?: (y: number, z: number) => boolean): RawMesh {
	const { positions, indices } = mesh;
	const n = positions.length / 3;
	const attr = new Float32Array(n * 3);
	for (let i = 0; i < n; i++) {
		const w = weight(positions[i * 3], positions[i * 3 + 1], positions[i * 3 + 2]);
		attr[i * 3] = positions[i * 3] * w;
		attr[i * 3 + 1] = positions[i * 3 + 1] * w;
		attr[i * 3 + 2] = positions[i * 3 + 2] * w;
	}
	let locked: Uint8Array | null = null;
	if (lock) {
		locked = new Uint8Array(n);
		for (let i = 0; i < n; i++) if (positions[i * 3] === 0 && lock(positions[i * 3 + 1], positions[i * 3 + 2])) locked[i] = 1;
	}
	const [out] = MeshoptSimplifier.simplifyWithAttributes(
		indices,
		positions,
		3,
		attr,
		3,
		[1, 1, 1],
		locked,
		targetTriangles * 3,
		1,
		['Regularize']
	);
	// A triangle lying flat in the mirror plane (three seam vertices, which locking can leave)
	// would be doubled by the mirror into a non-manifold fin: drop it.
	const kept: number[] = [];
	for (let i = 0; i < out.length; i += 3) {
		if (positions[out[i] * 3] === 0 && positions[out[i + 1] * 3] === 0 && positions[out[i + 2] * 3] === 0) continue;
		kept.push(out[i], out[i + 1], out[i + 2]);
	}
	return compact({ positions, indices: new Uint32Array(kept) });
}

/** Drop unused vertices, keeping first-use order (deterministic). */
export function compact(mesh: RawMesh): RawMesh {
	const remap = new Int32Array(mesh.positions.length / 3).fill(-1);
	const pos: number[] = [];
	const idx = new Uint32Array(mesh.indices.length);
	for (let i = 0; i < mesh.indices.length; i++) {
		const v = mesh.indices[i];
		if (remap[v] < 0) {
			remap[v] = pos.length / 3;
			pos.push(mesh.positions[v * 3], mesh.positions[v * 3 + 1], mesh.positions[v * 3 + 2]);
		}
		idx[i] = remap[v];
	}
	return { positions: new Float32Array(pos), indices: idx };
}
