/**
 * From the decoded assets to the drawn mesh (pure, no DOM; runs at load in the browser and in
 * the Node tests). The shared work — neighbours, subdivision plan, region cut, model version —
 * depends on the topology alone and is done once per page (`prepareTopology`); each figure then
 * costs its normals, one subdivision and the cut's interpolation (`assembleBody`). The vertex
 * order is exactly the Node recipe's (docs: notes/phase2b), because painted marks are vertex ids.
 */
import type { BodyMesh } from './types';
import type { FigureAsset, Topology } from './codec';
import { quadNeighbours } from './makehuman/topology';
import { planSubdivision, quadTriangles, subdivide, subdivideNormals, type SubdivisionPlan } from './makehuman/subdivide';
import { applyCut, regionSurface, type RegionSurface } from './makehuman/regioncut';
import { vertexNormals } from './makehuman/mesh';
import { meshVersion } from './makehuman/version';
import { octDecode } from './quantize';

export interface PreparedTopology {
	vertexCount: number;
	quads: Uint32Array;
	/** The coarse quads as triangles (for the coarse normals). */
	coarseTriangles: Uint32Array;
	plan: SubdivisionPlan;
	cut: RegionSurface;
	/** meshVersion of the cut surface: must equal the version the files carry. */
	version: string;
}

/** The shared work; throws if the topology's content does not match its version. */
export function prepareTopology(t: Topology): PreparedTopology {
	const nv = t.vertexCount;
	const plan = planSubdivision(t.quads, nv, t.choices);
	const nbr = quadNeighbours(t.quads, nv);
	const cut = regionSurface({ plan, quads: t.quads, nbr }, t.regionMap, t.sides);
	const version = meshVersion(cut.triangles, cut.regions);
	if (version !== t.version) throw new Error('body topology: content does not match its version hash');
	return { vertexCount: nv, quads: t.quads, coarseTriangles: quadTriangles(t.quads, t.choices.diagonal), plan, cut, version };
}

/** One figure on the prepared topology; throws if the figure was made for another topology. */
export function assembleBody(p: PreparedTopology, f: FigureAsset): BodyMesh {
	if (f.version !== p.version) throw new Error('body figure: made for another model version');
	if (f.positions.length !== p.vertexCount * 3) throw new Error('body figure: vertex count does not match the topology');
	const coarseNormals = vertexNormals(f.positions, p.coarseTriangles, p.vertexCount);
	const { ids, oct } = f.normalFixes;
	for (let i = 0; i < ids.length; i++) octDecode(oct[i * 2], oct[i * 2 + 1], coarseNormals, ids[i] * 3);
	const fine = subdivide(p.plan, p.quads, f.positions, coarseNormals);
	const fineNormals = subdivideNormals(p.plan, p.quads, coarseNormals);
	return {
		figure: f.figure,
		build: f.build,
		version: p.version,
		positions: Float32Array.from(applyCut(p.cut, fine)),
		normals: Float32Array.from(applyCut(p.cut, fineNormals, 3, true)),
		regions: p.cut.regions,
		indices: p.cut.triangles
	};
}
