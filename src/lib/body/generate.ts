/**
 * generateBody: skeleton -> distance field -> dense half mesh -> simplified half mesh ->
 * region labels cut along smooth borders -> mirrored whole body -> quantised, reordered
 * BodyMesh with a content hash. Deterministic and pure (Node or browser); needs the
 * meshoptimizer wasm modules, so await `bodyReady` once before calling it.
 */
import { MeshoptDecoder, MeshoptEncoder, MeshoptSimplifier } from 'meshoptimizer';
import type { BodyFigure, BodyMesh } from './types';
import { makeSkeleton, toLimb, type Skeleton } from './skeleton';
import { makeBodyField, makeParts, type Field } from './field';
import { makeLabeller } from './label';
import { meshHalf } from './mesher';
import { simplifyHalf } from './simplify';
import { finalise, mirrorHalf, type HalfMesh } from './assemble';
import { labelHalf } from './cut';

/** Grid step of the dense mesh, m. */
export const GRID_STEP = 0.003;
/** Triangle budget of one half before region cuts. */
export const HALF_TRIANGLES = 17000;

export const bodyReady: Promise<void> = Promise.all([MeshoptSimplifier.ready, MeshoptEncoder.ready, MeshoptDecoder.ready]).then(() => undefined);

/** Zone weight for simplification: face and hands keep more triangles, feet a little more. */
function zoneWeight(sk: Skeleton): (x: number, y: number, z: number) => number {
	const q = new Float64Array(3);
	const wrist = sk.upperArm + sk.forearm - 0.03;
	return (x, y, z) => {
		if (y > sk.chinY - 0.02) {
			// The front of the face (eyes, nose, mouth) keeps the most.
			if (z > 0.04 && y < sk.eyeY + 0.04) return 5;
			return z > 0 ? 3.2 : 2;
		}
		toLimb(sk.arm, x, y, z, q);
		if (q[1] > wrist) return 3.2;
		if (y < 0.1) return 1.5;
		return 1;
	};
}

export interface GenerateStats {
	denseTriangles: number;
	ms: Record<string, number>;
}

export function generateBody(figure: BodyFigure, stats?: GenerateStats): BodyMesh {
	const t0 = performance.now();
	const sk = makeSkeleton(figure);
	const parts = makeParts(sk);
	const field = makeBodyField(sk, parts);
	const dense = meshHalf(field, { x1: 0.62, y0: -0.01, y1: sk.H + 0.01, z0: -0.2, z1: 0.3 }, GRID_STEP);
	const t1 = performance.now();
	const half = simplifyHalf(dense, HALF_TRIANGLES, zoneWeight(sk), (y, z) => y > sk.chinY - 0.03 && z > 0.02);
	const t2 = performance.now();
	const labelled: HalfMesh = labelHalf(half, makeLabeller(sk, parts), field);
	const t3 = performance.now();
	const whole = mirrorHalf(labelled);
	const mesh = finalise(figure, whole, field);
	const t4 = performance.now();
	if (stats) {
		stats.denseTriangles = dense.indices.length / 3;
		stats.ms = { mesh: t1 - t0, simplify: t2 - t1, label: t3 - t2, finalise: t4 - t3, total: t4 - t0 };
	}
	return mesh;
}

export type { Field };
