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

export function simplifyHalf(mesh: RawMesh, targetTriangles: number, weight: Weight): RawMesh {
	const { positions, indices } = mesh;
	const n = positions.length / 3;
	const attr = new Float32Array(n * 3);
	for (let i = 0; i < n; i++) {
		const w = weight(positions[i * 3], positions[i * 3 + 1], positions[i * 3 + 2]);
		attr[i * 3] = positions[i * 3] * w;
		attr[i * 3 + 1] = positions[i * 3 + 1] * w;
		attr[i * 3 + 2] = positions[i * 3 + 2] * w;
	}
	const [out] = MeshoptSimplifier.simplifyWithAttributes(
		indices,
		positions,
		3,
		attr,
		3,
		[1, 1, 1],
		null,
		targetTriangles * 3,
		1,
		['Regularize']
	);
	return compact({ positions, indices: out });
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
