/**
 * How each sensation is named and drawn. Pure data: the words a client understands, one colour
 * per sensation and how strongly a mark is drawn for its intensity.
 *
 * Colours are the Okabe–Ito palette, chosen to stay apart for the common forms of colour
 * blindness; "do not touch" is near-black so it reads on every skin tone and never looks like
 * pain. Colour is never the only signal: every swatch comes with its words (and a symbol).
 */
import { SENSATIONS, type Author, type Mark, type Sensation } from './records';
import { mainRegions } from './marks';

export interface SensationInfo {
	id: Sensation;
	/** Plain words, e.g. 'Knot or trigger point'. */
	label: string;
	/** Short word for tight spaces, e.g. 'Knot'. */
	short: string;
	/** sRGB hex colour for swatches and the body overlay. */
	colour: string;
	/** One-character symbol shown on swatches so colour is not the only cue. */
	symbol: string;
}

const INFO: Record<Sensation, Omit<SensationInfo, 'id'>> = {
	tension: { label: 'Tension or tightness', short: 'Tension', colour: '#56B4E9', symbol: 'T' },
	knot: { label: 'Knot or trigger point', short: 'Knot', colour: '#CC79A7', symbol: 'K' },
	aching: { label: 'Aching pain', short: 'Aching', colour: '#E69F00', symbol: 'A' },
	sharp: { label: 'Sharp pain', short: 'Sharp pain', colour: '#D55E00', symbol: 'S' },
	stiffness: { label: 'Stiffness or limited movement', short: 'Stiffness', colour: '#0072B2', symbol: 'M' },
	numbness: { label: 'Numbness or tingling', short: 'Numbness', colour: '#F0E442', symbol: 'N' },
	injury: { label: 'Injury', short: 'Injury', colour: '#009E73', symbol: 'I' },
	avoid: { label: 'Do not touch', short: 'Do not touch', colour: '#1B1B1B', symbol: '×' }
};

/** Every sensation in the order the editor and legend show them. */
export const SENSATION_INFO: readonly SensationInfo[] = SENSATIONS.map((id) => ({ id, ...INFO[id] }));

export function sensationInfo(s: Sensation): SensationInfo {
	return { id: s, ...INFO[s] };
}

export const AUTHOR_LABELS: Record<Author, string> = { client: 'Client', therapist: 'Therapist' };

/** Words for a 0–10 rating (the numeric rating scale's usual anchors). */
export function intensityWords(n: number): string {
	if (n <= 0) return 'none';
	if (n <= 3) return 'mild';
	if (n <= 6) return 'moderate';
	if (n <= 9) return 'severe';
	return 'worst imaginable';
}

/**
 * How strongly a mark tints its region, 0..1: from 0.35 at intensity 0 (still visible on skin:
 * it was marked) to 0.85 at 10. "Do not touch" is always drawn at full strength.
 */
export function markStrength(m: Pick<Mark, 'sensation' | 'intensity'>): number {
	if (m.sensation === 'avoid') return 0.85;
	const n = Math.min(10, Math.max(0, m.intensity));
	return 0.35 + 0.05 * n;
}

export type AuthorFilter = 'both' | Author;

export function byAuthor(filter: AuthorFilter): (m: Pick<Mark, 'author'>) => boolean {
	return (m) => filter === 'both' || m.author === filter;
}

export interface RegionTint {
	region: number;
	colour: string;
	strength: number;
	/** The mark that decided the tint. */
	markId: string;
}

/**
 * One tint per marked region: the strongest mark wins ("do not touch" first, then the higher
 * intensity, then the newer mark). A painted mark tints every region it covers, unless
 * `drawnPerVertex` says it is drawn as paint on this model instead. Marks without a region are skipped.
 */
export function regionTints(marks: readonly Mark[], drawnPerVertex: (m: Mark) => boolean = () => false): RegionTint[] {
	const best = new Map<number, Mark>();
	for (const m of marks) {
		if (drawnPerVertex(m)) continue;
		for (const region of markRegions(m)) {
			const cur = best.get(region);
			if (!cur || outranks(m, cur)) best.set(region, m);
		}
	}
	return [...best.entries()].map(([region, m]) => ({
		region,
		colour: INFO[m.sensation].colour,
		strength: markStrength(m),
		markId: m.id
	}));
}

/** The regions a mark is on: its tapped region, or the regions its painted patch really covers. */
export function markRegions(m: Pick<Mark, 'region' | 'patch'>): number[] {
	// Edge spill-over of a painting neither colours a neighbouring region nor selects the mark there.
	if (m.patch?.regions.length) return mainRegions(m.patch).map((r) => r.region);
	return m.region === null ? [] : [m.region];
}

/** The mark shown first for a region: the same ranking as the tints. */
export function strongestOn(region: number, marks: readonly Mark[]): Mark | undefined {
	let best: Mark | undefined;
	for (const m of marks) if (markRegions(m).includes(region) && (!best || outranks(m, best))) best = m;
	return best;
}

function outranks(a: Mark, b: Mark): boolean {
	const avoidA = a.sensation === 'avoid';
	const avoidB = b.sensation === 'avoid';
	if (avoidA !== avoidB) return avoidA;
	if (a.intensity !== b.intensity) return a.intensity > b.intensity;
	return a.createdAt > b.createdAt;
}
