/**
 * A small Wavefront OBJ reader for MakeHuman's base mesh: vertex positions, polygon faces
 * (quads and triangles, any size) and the `g` group each face belongs to. Texture coordinates,
 * normals, materials and smoothing groups are read past: the body needs only shape and
 * connectivity. Pure and synchronous, so the build and the tests run it in Node on a string.
 * Written for Somamap from the file format; no MakeHuman code is used.
 */
import { dataLines } from './textlines';

export interface ObjMesh {
	/** xyz per `v` line, in the file's units, in file order (index 0 = the first `v`). */
	positions: Float64Array;
	/** Vertex indices of all faces, 0-based, face after face. */
	faceVerts: Uint32Array;
	/** Face f uses faceVerts[faceStart[f] .. faceStart[f + 1]). Length: faces + 1. */
	faceStart: Uint32Array;
	/** Group index per face (into `groups`). */
	faceGroup: Uint16Array;
	/** Group names in order of first appearance; faces before any `g` line are in group ''. */
	groups: string[];
}

export function parseObj(text: string): ObjMesh {
	const pos: number[] = [];
	const verts: number[] = [];
	const starts: number[] = [0];
	const fgroup: number[] = [];
	const groups: string[] = [];
	const groupIndex = new Map<string, number>();
	let current = -1;
	const group = (name: string): number => {
		let g = groupIndex.get(name);
		if (g === undefined) {
			g = groups.length;
			groups.push(name);
			groupIndex.set(name, g);
		}
		return g;
	};
	for (const { words: parts, lineNo } of dataLines(text)) {
		const tag = parts[0];
		if (tag === 'v') {
			if (parts.length < 4) throw new Error(`obj line ${lineNo}: a vertex needs x y z`);
			pos.push(Number(parts[1]), Number(parts[2]), Number(parts[3]));
		} else if (tag === 'g') {
			// A repeated name continues the same group (MakeHuman repeats eyelash groups).
			current = group(parts.slice(1).join(' '));
		} else if (tag === 'f') {
			if (parts.length < 4) throw new Error(`obj line ${lineNo}: a face needs 3 or more vertices`);
			if (current < 0) current = group('');
			for (let k = 1; k < parts.length; k++) {
				// "v", "v/vt", "v//vn" or "v/vt/vn": only v matters. Negative = relative to the end.
				let v = parseInt(parts[k], 10);
				if (!Number.isFinite(v) || v === 0) throw new Error(`obj line ${lineNo}: bad vertex "${parts[k]}"`);
				v = v < 0 ? pos.length / 3 + v : v - 1;
				verts.push(v);
			}
			starts.push(verts.length);
			fgroup.push(current);
		}
	}
	const nv = pos.length / 3;
	for (const v of verts) if (v < 0 || v >= nv) throw new Error(`obj: face vertex ${v + 1} out of range (${nv} vertices)`);
	return {
		positions: Float64Array.from(pos),
		faceVerts: Uint32Array.from(verts),
		faceStart: Uint32Array.from(starts),
		faceGroup: Uint16Array.from(fgroup),
		groups
	};
}

/** The faces of one group, as a list of face indices. */
export function groupFaces(obj: ObjMesh, name: string): number[] {
	const g = obj.groups.indexOf(name);
	const out: number[] = [];
	if (g < 0) return out;
	for (let f = 0; f < obj.faceGroup.length; f++) if (obj.faceGroup[f] === g) out.push(f);
	return out;
}

/** Distinct vertex indices used by the faces of one group, ascending. */
export function groupVertices(obj: ObjMesh, name: string): number[] {
	const seen = new Set<number>();
	for (const f of groupFaces(obj, name)) {
		for (let k = obj.faceStart[f]; k < obj.faceStart[f + 1]; k++) seen.add(obj.faceVerts[k]);
	}
	return [...seen].sort((a, b) => a - b);
}
