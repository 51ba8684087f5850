/**
 * Rules for a mark as the editor fills it in. Pure: returns messages per field, never throws,
 * so the editor can show them beside the field and the store can refuse a bad mark first.
 */
import { SENSATIONS, type Mark, type Patch, type RegionShare } from './records';
import { regionByCode } from './regions';
import { MAX_PATCH_VERTICES } from './limits';
import type { Errors } from './validation';
import type { ScoredMark } from './scoring';

export const NOTE_MAX = 2000;

/** What a person says about a mark, wherever it is: the fields as the stored Mark has them. */
export type MarkDetails = Pick<Mark, 'sensation' | 'intensity' | 'depth' | 'structure' | 'pressure' | 'note' | 'author'>;

/** What the editor gives the store: a tapped region, or a painted patch and its main region. */
export interface MarkInput extends MarkDetails {
	region: number;
	/** A painted area; absent or null for a tapped region. */
	patch?: Patch | null;
	/** Carried over by a follow-up, not yet confirmed (see Mark.carried); absent = false. */
	carried?: boolean;
}

export type MarkField = keyof MarkInput;

export function validateMark(input: MarkInput): Errors<MarkField> {
	const errors: Errors<MarkField> = {};
	const region = typeof input.region === 'number' ? regionByCode(input.region) : undefined;
	if (!region) errors.region = 'Please choose a region on the body or in the list.';
	if (!SENSATIONS.includes(input.sensation)) errors.sensation = 'Please choose what it feels like.';
	if (!Number.isInteger(input.intensity) || input.intensity < 0 || input.intensity > 10) {
		errors.intensity = 'Intensity is a whole number from 0 to 10.';
	}
	if (input.depth !== 'surface' && input.depth !== 'deep') {
		errors.depth = 'Depth is near the surface or deep.';
	}
	if (input.structure !== null) {
		if (input.depth !== 'deep') errors.structure = 'A deeper muscle can only be named for a deep mark.';
		else if (region && !region.deep.includes(input.structure)) {
			errors.structure = region.deep.length
				? `Choose one of: ${region.deep.join(', ')}.`
				: 'This region has no deeper muscle to name.';
		}
	}
	if (input.pressure !== null && !(Number.isInteger(input.pressure) && input.pressure >= 1 && input.pressure <= 5)) {
		errors.pressure = 'Pressure is one of the five steps, or the plan default.';
	}
	if (typeof input.note !== 'string') errors.note = 'Note must be text.';
	else if (input.note.length > NOTE_MAX) errors.note = `Note is too long (at most ${NOTE_MAX} characters).`;
	if (input.author !== 'client' && input.author !== 'therapist') errors.author = 'Who marked it: client or therapist.';
	if (input.carried !== undefined && typeof input.carried !== 'boolean') {
		errors.carried = 'Carried over is yes or no.';
	}
	if (input.patch) {
		const problem = patchProblem(input.patch);
		if (problem) errors.patch = problem;
	}
	return errors;
}

/** What is wrong with a painted patch, or null when it is sound. */
export function patchProblem(patch: Patch): string | null {
	const broken = 'The painted area is damaged and cannot be saved. Please paint it again.';
	if (typeof patch.modelVersion !== 'string' || !patch.modelVersion || patch.modelVersion.length > 64) return broken;
	const { vertices, weights, regions } = patch;
	if (!(vertices instanceof Uint32Array) || !(weights instanceof Uint8Array)) return broken;
	if (vertices.length === 0) return 'Nothing is painted yet: paint on the body first.';
	if (vertices.length !== weights.length || vertices.length > MAX_PATCH_VERTICES) return broken;
	for (let i = 0; i < vertices.length; i++) {
		if (weights[i] === 0 || (i > 0 && vertices[i] <= vertices[i - 1])) return broken;
	}
	if (!Array.isArray(regions) || regions.length === 0) return 'The painted area is too small: paint a little more.';
	for (const r of regions) {
		if (!regionByCode(r?.region) || !Number.isFinite(r.area) || r.area < 0) return broken;
	}
	return null;
}

/** A mark's share of one region. */
export type MarkPiece = ScoredMark & { region: number; mark: Mark };

/** cm² → m² (patch summaries are stored in cm², region areas are m²). */
const CM2 = 1e-4;

/**
 * A mark as pieces per region, for focus areas and scores: a tapped region is one piece with
 * the region's whole area; a painted patch is one piece per region it covers, with the painted
 * area there (never more than the region itself).
 */
export function scoredMarks(marks: readonly Mark[], regionArea: (code: number) => number): MarkPiece[] {
	const out: MarkPiece[] = [];
	for (const m of marks) {
		const base = { sensation: m.sensation, intensity: m.intensity, mark: m };
		if (m.patch && m.patch.regions.length) {
			for (const s of m.patch.regions) {
				out.push({ ...base, region: s.region, area: Math.min(regionArea(s.region), s.area * CM2) });
			}
		} else if (m.region !== null) {
			out.push({ ...base, region: m.region, area: regionArea(m.region) });
		}
	}
	return out;
}

/** A painted patch's share of a region below this is spill-over at its edge, not a focus. */
export const MIN_PATCH_SHARE = 0.1;

/** The regions a painted patch really covers (at least MIN_PATCH_SHARE of its painted area). */
export function mainRegions(patch: Patch): RegionShare[] {
	const total = patch.regions.reduce((s, r) => s + r.area, 0);
	return total > 0 ? patch.regions.filter((r) => r.area / total >= MIN_PATCH_SHARE) : [];
}
