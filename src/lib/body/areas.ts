/** Surface area per region (m²), indexed by region code (index 0 = unlabelled). */
import type { BodyMesh } from './types';

export function regionAreas(mesh: BodyMesh): Float64Array {
	const out = new Float64Array(81);
	const p = mesh.positions;
	const I = mesh.indices;
	for (let i = 0; i < I.length; i += 3) {
		const a = I[i] * 3;
		const b = I[i + 1] * 3;
		const c = I[i + 2] * 3;
		const ux = p[b] - p[a], uy = p[b + 1] - p[a + 1], uz = p[b + 2] - p[a + 2];
		const vx = p[c] - p[a], vy = p[c + 1] - p[a + 1], vz = p[c + 2] - p[a + 2];
		const cx = uy * vz - uz * vy, cy = uz * vx - ux * vz, cz = ux * vy - uy * vx;
		out[mesh.regions[I[i]]] += 0.5 * Math.sqrt(cx * cx + cy * cy + cz * cz);
	}
	return out;
}
