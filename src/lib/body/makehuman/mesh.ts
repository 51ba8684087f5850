/**
 * From a figure's quads to what a renderer and the asset codec need: triangles, smooth vertex
 * normals, and the checks the tests make on them (outward orientation by signed volume,
 * triangles whose face turns against its own vertex normals, which show as light specks, and
 * edge lengths for the painting resolution). Pure.
 */

export interface TriMesh {
	positions: Float32Array;
	normals: Float32Array;
	indices: Uint32Array;
}

/** Area-weighted vertex normals of a triangle list. */
export function vertexNormals(pos: ArrayLike<number>, tris: Uint32Array, nv: number): Float32Array {
	const acc = new Float64Array(nv * 3);
	for (let t = 0; t < tris.length; t += 3) {
		const a = tris[t] * 3, b = tris[t + 1] * 3, c = tris[t + 2] * 3;
		const ux = pos[b] - pos[a], uy = pos[b + 1] - pos[a + 1], uz = pos[b + 2] - pos[a + 2];
		const vx = pos[c] - pos[a], vy = pos[c + 1] - pos[a + 1], vz = pos[c + 2] - pos[a + 2];
		// The cross product's length is twice the area: larger faces count more.
		const nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
		for (const i of [a, b, c]) {
			acc[i] += nx;
			acc[i + 1] += ny;
			acc[i + 2] += nz;
		}
	}
	const out = new Float32Array(nv * 3);
	for (let v = 0; v < nv; v++) {
		// sqrt, not hypot: sqrt is exactly rounded in every engine, so a browser that subdivides
		// at load time gets the very same new points as Node does.
		const l = Math.sqrt(acc[v * 3] * acc[v * 3] + acc[v * 3 + 1] * acc[v * 3 + 1] + acc[v * 3 + 2] * acc[v * 3 + 2]) || 1;
		for (let k = 0; k < 3; k++) out[v * 3 + k] = acc[v * 3 + k] / l;
	}
	return out;
}

/** A triangle mesh with smooth normals from positions and triangles. */
export function toTriMesh(pos: ArrayLike<number>, indices: Uint32Array): TriMesh {
	const nv = pos.length / 3;
	return { positions: Float32Array.from(pos), normals: vertexNormals(pos, indices, nv), indices };
}

/** Signed volume (positive when the faces point outward), m³ for metres. */
export function signedVolume(pos: ArrayLike<number>, tris: Uint32Array): number {
	let v = 0;
	for (let t = 0; t < tris.length; t += 3) {
		const a = tris[t] * 3, b = tris[t + 1] * 3, c = tris[t + 2] * 3;
		v += pos[a] * (pos[b + 1] * pos[c + 2] - pos[b + 2] * pos[c + 1]) - pos[a + 1] * (pos[b] * pos[c + 2] - pos[b + 2] * pos[c]) + pos[a + 2] * (pos[b] * pos[c + 1] - pos[b + 1] * pos[c]);
	}
	return v / 6;
}

/** Triangles whose face normal points away from the mean of their vertex normals. */
export function invertedTriangles(m: TriMesh): number {
	const p = m.positions, n = m.normals, I = m.indices;
	let bad = 0;
	for (let t = 0; t < I.length; t += 3) {
		const a = I[t] * 3, b = I[t + 1] * 3, c = I[t + 2] * 3;
		const ux = p[b] - p[a], uy = p[b + 1] - p[a + 1], uz = p[b + 2] - p[a + 2];
		const vx = p[c] - p[a], vy = p[c + 1] - p[a + 1], vz = p[c + 2] - p[a + 2];
		const fx = uy * vz - uz * vy, fy = uz * vx - ux * vz, fz = ux * vy - uy * vx;
		const d = fx * (n[a] + n[b] + n[c]) + fy * (n[a + 1] + n[b + 1] + n[c + 1]) + fz * (n[a + 2] + n[b + 2] + n[c + 2]);
		if (d < 0) bad++;
	}
	return bad;
}

/** Lengths of every edge of a triangle list (each edge once) kept by `keep`, metres. */
export function edgeLengths(pos: ArrayLike<number>, tris: Uint32Array, keep: (a: number, b: number) => boolean = () => true): Float64Array {
	const seen = new Set<number>();
	const nv = pos.length / 3;
	const out: number[] = [];
	for (let t = 0; t < tris.length; t += 3) {
		for (let k = 0; k < 3; k++) {
			const a = tris[t + k], b = tris[t + (k === 2 ? 0 : k + 1)];
			const key = Math.min(a, b) * nv + Math.max(a, b);
			if (seen.has(key) || !keep(a, b)) continue;
			seen.add(key);
			out.push(Math.hypot(pos[a * 3] - pos[b * 3], pos[a * 3 + 1] - pos[b * 3 + 1], pos[a * 3 + 2] - pos[b * 3 + 2]));
		}
	}
	return Float64Array.from(out);
}

export function median(xs: Float64Array): number {
	const s = Float64Array.from(xs).sort();
	return s.length ? s[s.length >> 1] : NaN;
}
