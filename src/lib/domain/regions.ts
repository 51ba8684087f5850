/**
 * The region catalogue: the 80 surface regions of the body map (see REGIONS.md), pure data.
 *
 * Sides are the CLIENT'S OWN left and right. Codes 1..80 are stored per vertex in the body
 * asset and in saved marks, so their order must never change: append, never reorder.
 */

export type Side = 'left' | 'right' | 'midline';

export type BodyGroup =
	| 'head'
	| 'neck'
	| 'shoulder'
	| 'upper back'
	| 'lower back'
	| 'chest'
	| 'abdomen'
	| 'arm'
	| 'hip'
	| 'thigh'
	| 'knee'
	| 'lower leg'
	| 'foot';

/** The body areas of the 19-site Widespread Pain Index. */
export type WpiArea =
	| 'jaw'
	| 'shoulder girdle'
	| 'upper arm'
	| 'lower arm'
	| 'hip'
	| 'upper leg'
	| 'lower leg'
	| 'neck'
	| 'upper back'
	| 'lower back'
	| 'chest'
	| 'abdomen';

/** Michigan Body Map areas (sided where the map has a left and a right). */
export type MbmArea =
	| 'head'
	| 'jaw'
	| 'neck'
	| 'shoulder'
	| 'upper back'
	| 'lower back'
	| 'chest'
	| 'abdomen'
	| 'upper arm'
	| 'elbow'
	| 'lower arm'
	| 'wrist/hand'
	| 'buttocks'
	| 'hip'
	| 'groin'
	| 'upper leg'
	| 'knee'
	| 'lower leg'
	| 'ankle/foot';

export interface WpiSite {
	/** e.g. 'jaw-l', 'neck'. */
	id: string;
	area: WpiArea;
	side: Side;
	name: string;
}

export interface Region {
	/** 1..80, stored per vertex; REGIONS[code - 1].code === code. */
	code: number;
	/** Stable id, e.g. 'upper-trapezius-l', 'sternum'. */
	id: string;
	/** Id without the side suffix, shared by a left/right pair. */
	base: string;
	/**
	 * Name without side as a client and a therapist say it: plain words first, the muscle in
	 * brackets where a therapist would want it, e.g. 'Top of the shoulder (upper trapezius)'.
	 */
	name: string;
	/** More words for it not already in the name (other muscles), e.g. 'middle trapezius'; '' if none. */
	hint: string;
	side: Side;
	group: BodyGroup;
	/** Muscles under this surface region, offered when a mark is "deep". */
	deep: readonly string[];
	/** WPI-19 site id this region counts towards, or null. */
	wpi: string | null;
	/** Michigan Body Map site id, e.g. 'shoulder-l' or 'chest'. */
	mbm: string;
	/** Needs the client's consent before treatment. */
	sensitive: boolean;
	/** Id of the mirrored region on the other side; a midline region is its own pair. */
	pair: string;
}

interface Row {
	base: string;
	name: string;
	hint: string;
	group: BodyGroup;
	paired: boolean;
	deep?: string[];
	wpi: WpiArea | null;
	mbm: MbmArea;
	sensitive?: boolean;
}

// Order follows REGIONS.md; paired rows give left then right. Do not reorder (codes are stored).
const ROWS: Row[] = [
	{ base: 'scalp', name: 'Scalp and temple (temporalis)', hint: '', group: 'head', paired: true, wpi: null, mbm: 'head' },
	{ base: 'face', name: 'Forehead and face', hint: '', group: 'head', paired: false, wpi: null, mbm: 'head' },
	{ base: 'jaw', name: 'Jaw (masseter)', hint: 'jaw joint', group: 'head', paired: true, wpi: 'jaw', mbm: 'jaw' },
	{ base: 'suboccipitals', name: 'Base of the skull (suboccipitals)', hint: '', group: 'neck', paired: true, wpi: 'neck', mbm: 'neck' },
	{ base: 'back-of-neck', name: 'Back of the neck', hint: 'splenius, semispinalis', group: 'neck', paired: true, wpi: 'neck', mbm: 'neck' },
	{ base: 'side-of-neck', name: 'Side of the neck (scalenes)', hint: '', group: 'neck', paired: true, wpi: 'neck', mbm: 'neck' },
	{ base: 'front-of-neck', name: 'Front of the neck (SCM)', hint: 'sternocleidomastoid', group: 'neck', paired: true, wpi: 'neck', mbm: 'neck' },
	{ base: 'throat', name: 'Throat', hint: '', group: 'neck', paired: false, wpi: 'neck', mbm: 'neck' },
	{ base: 'upper-trapezius', name: 'Top of the shoulder (upper trapezius)', hint: '', group: 'shoulder', paired: true, deep: ['supraspinatus'], wpi: 'shoulder girdle', mbm: 'shoulder' },
	{ base: 'levator-scapulae', name: 'Neck to shoulder blade (levator scapulae)', hint: '', group: 'shoulder', paired: true, wpi: 'shoulder girdle', mbm: 'shoulder' },
	{ base: 'infraspinatus', name: 'Shoulder blade (infraspinatus, teres)', hint: '', group: 'shoulder', paired: true, wpi: 'shoulder girdle', mbm: 'shoulder' },
	{ base: 'deltoid', name: 'Cap of the shoulder (deltoid)', hint: '', group: 'shoulder', paired: true, wpi: 'shoulder girdle', mbm: 'shoulder' },
	{ base: 'rhomboids', name: 'Between the shoulder blade and spine (rhomboids)', hint: 'middle trapezius', group: 'upper back', paired: true, wpi: 'upper back', mbm: 'upper back' },
	{ base: 'thoracic-erector', name: 'Upper back beside the spine', hint: 'thoracic erector spinae', group: 'upper back', paired: true, wpi: 'upper back', mbm: 'upper back' },
	{ base: 'latissimus', name: 'Side of the back (lats)', hint: 'latissimus dorsi', group: 'upper back', paired: true, wpi: 'upper back', mbm: 'upper back' },
	{ base: 'lumbar-erector', name: 'Low back beside the spine', hint: 'lumbar erector spinae', group: 'lower back', paired: true, deep: ['quadratus lumborum'], wpi: 'lower back', mbm: 'lower back' },
	{ base: 'sacrum', name: 'Base of the spine (sacrum, SI joints)', hint: '', group: 'lower back', paired: false, wpi: 'lower back', mbm: 'lower back' },
	{ base: 'pectoralis', name: 'Chest (pecs)', hint: 'pectoralis major', group: 'chest', paired: true, deep: ['pectoralis minor'], wpi: 'chest', mbm: 'chest', sensitive: true },
	{ base: 'sternum', name: 'Breastbone', hint: 'sternum', group: 'chest', paired: false, wpi: 'chest', mbm: 'chest', sensitive: true },
	{ base: 'serratus', name: 'Side of the ribs (serratus)', hint: 'serratus anterior', group: 'chest', paired: true, deep: ['intercostals'], wpi: 'chest', mbm: 'chest' },
	{ base: 'abdominals', name: 'Abdomen', hint: 'abdominals and obliques', group: 'abdomen', paired: true, deep: ['iliopsoas (upper)'], wpi: 'abdomen', mbm: 'abdomen', sensitive: true },
	{ base: 'biceps', name: 'Front of the upper arm (biceps)', hint: 'brachialis', group: 'arm', paired: true, wpi: 'upper arm', mbm: 'upper arm' },
	{ base: 'triceps', name: 'Back of the upper arm (triceps)', hint: '', group: 'arm', paired: true, wpi: 'upper arm', mbm: 'upper arm' },
	{ base: 'elbow', name: 'Elbow', hint: '', group: 'arm', paired: true, wpi: 'lower arm', mbm: 'elbow' },
	{ base: 'forearm-flexors', name: 'Forearm, palm side', hint: 'wrist and finger flexors', group: 'arm', paired: true, wpi: 'lower arm', mbm: 'lower arm' },
	{ base: 'forearm-extensors', name: 'Back of the forearm', hint: 'wrist and finger extensors', group: 'arm', paired: true, wpi: 'lower arm', mbm: 'lower arm' },
	{ base: 'hand', name: 'Hand and wrist', hint: '', group: 'arm', paired: true, wpi: null, mbm: 'wrist/hand' },
	{ base: 'gluteus-maximus', name: 'Buttock (glutes)', hint: 'gluteus maximus', group: 'hip', paired: true, deep: ['piriformis', 'deep hip rotators'], wpi: 'hip', mbm: 'buttocks', sensitive: true },
	{ base: 'gluteus-medius', name: 'Side of the hip', hint: 'gluteus medius and minimus', group: 'hip', paired: true, wpi: 'hip', mbm: 'hip', sensitive: true },
	{ base: 'tfl', name: 'Front of the hip (TFL)', hint: 'tensor fasciae latae', group: 'hip', paired: true, wpi: 'hip', mbm: 'hip' },
	{ base: 'groin', name: 'Groin and hip flexors', hint: 'iliopsoas', group: 'hip', paired: true, deep: ['iliopsoas'], wpi: 'hip', mbm: 'groin', sensitive: true },
	{ base: 'quadriceps', name: 'Front of the thigh (quads)', hint: '', group: 'thigh', paired: true, wpi: 'upper leg', mbm: 'upper leg' },
	{ base: 'adductors', name: 'Inner thigh (adductors)', hint: '', group: 'thigh', paired: true, wpi: 'upper leg', mbm: 'upper leg', sensitive: true },
	{ base: 'hamstrings', name: 'Back of the thigh (hamstrings)', hint: '', group: 'thigh', paired: true, wpi: 'upper leg', mbm: 'upper leg' },
	{ base: 'it-band', name: 'Outer thigh (IT band)', hint: '', group: 'thigh', paired: true, wpi: 'upper leg', mbm: 'upper leg' },
	{ base: 'knee', name: 'Knee', hint: '', group: 'knee', paired: true, wpi: null, mbm: 'knee' },
	{ base: 'gastrocnemius', name: 'Upper calf (gastrocnemius)', hint: '', group: 'lower leg', paired: true, deep: ['soleus'], wpi: 'lower leg', mbm: 'lower leg' },
	{ base: 'achilles', name: 'Lower calf and Achilles', hint: '', group: 'lower leg', paired: true, wpi: 'lower leg', mbm: 'lower leg' },
	{ base: 'tibialis-anterior', name: 'Shin', hint: 'tibialis anterior', group: 'lower leg', paired: true, wpi: 'lower leg', mbm: 'lower leg' },
	{ base: 'peroneals', name: 'Outer lower leg (peroneals)', hint: '', group: 'lower leg', paired: true, wpi: 'lower leg', mbm: 'lower leg' },
	{ base: 'ankle', name: 'Ankle and top of the foot', hint: '', group: 'foot', paired: true, wpi: null, mbm: 'ankle/foot' },
	{ base: 'sole', name: 'Sole of the foot', hint: 'plantar fascia', group: 'foot', paired: true, wpi: null, mbm: 'ankle/foot' }
];

// Areas each scale counts once for the whole body rather than per side.
const WPI_MIDLINE: ReadonlySet<WpiArea> = new Set(['neck', 'upper back', 'lower back', 'chest', 'abdomen']);
const MBM_MIDLINE: ReadonlySet<MbmArea> = new Set(['head', 'neck', 'upper back', 'lower back', 'chest', 'abdomen']);

const SUFFIX: Record<Side, string> = { left: '-l', right: '-r', midline: '' };

function slug(area: string): string {
	return area.replace(/[ /]+/g, '-');
}

function siteId(area: string, side: Side, midlineAreas: ReadonlySet<string>): string {
	return midlineAreas.has(area) ? slug(area) : slug(area) + SUFFIX[side === 'midline' ? 'left' : side];
}

function build(): Region[] {
	const out: Region[] = [];
	for (const row of ROWS) {
		const sides: Side[] = row.paired ? ['left', 'right'] : ['midline'];
		for (const side of sides) {
			const id = row.base + SUFFIX[side];
			const other = side === 'left' ? 'right' : side === 'right' ? 'left' : 'midline';
			out.push({
				code: out.length + 1,
				id,
				base: row.base,
				name: row.name,
				hint: row.hint,
				side,
				group: row.group,
				deep: Object.freeze([...(row.deep ?? [])]),
				wpi: row.wpi === null ? null : siteId(row.wpi, side, WPI_MIDLINE),
				mbm: siteId(row.mbm, side, MBM_MIDLINE),
				sensitive: row.sensitive ?? false,
				pair: row.base + SUFFIX[other]
			});
		}
	}
	return out;
}

export const REGIONS: readonly Region[] = Object.freeze(build());
export const REGION_COUNT = 80;

const byId = new Map(REGIONS.map((r) => [r.id, r]));

export function regionByCode(code: number): Region | undefined {
	return Number.isInteger(code) && code >= 1 && code <= REGIONS.length ? REGIONS[code - 1] : undefined;
}

export function regionById(id: string): Region | undefined {
	return byId.get(id);
}

/** Code of a region id; throws on an unknown id (a typo in code, not user input). */
export function codeOf(id: string): number {
	const r = byId.get(id);
	if (!r) throw new Error(`unknown region id: ${id}`);
	return r.code;
}

export function regionsByGroup(group: BodyGroup): Region[] {
	return REGIONS.filter((r) => r.group === group);
}

/** Code of the mirrored region (a midline region maps to itself). */
export function mirrorCode(code: number): number {
	const r = regionByCode(code);
	return r ? codeOf(r.pair) : 0;
}

export const SIDE_LABEL: Record<Side, string> = { left: 'Left', right: 'Right', midline: '' };

/** Short label with side, e.g. 'Left top of the shoulder (upper trapezius)'. */
export function shortLabel(r: Region): string {
	if (r.side === 'midline') return r.name;
	return `${SIDE_LABEL[r.side]} ${r.name.charAt(0).toLowerCase()}${r.name.slice(1)}`;
}

/** Full label with side and hint, e.g. 'Left between the shoulder blade and spine (rhomboids) (middle trapezius)'. */
export function regionLabel(r: Region): string {
	if (!r.hint) return shortLabel(r);
	const short = shortLabel(r);
	// One pair of brackets: 'Abdomen (abdominals and obliques)', 'Jaw (masseter, jaw joint)'.
	return short.endsWith(')') ? `${short.slice(0, -1)}, ${r.hint})` : `${short} (${r.hint})`;
}

function buildWpi(): WpiSite[] {
	const areas: WpiArea[] = ['jaw', 'shoulder girdle', 'upper arm', 'lower arm', 'hip', 'upper leg', 'lower leg'];
	const out: WpiSite[] = [];
	for (const area of areas) {
		for (const side of ['left', 'right'] as const) {
			const name = `${SIDE_LABEL[side]} ${area}`;
			out.push({ id: slug(area) + SUFFIX[side], area, side, name });
		}
	}
	for (const area of ['neck', 'upper back', 'lower back', 'chest', 'abdomen'] as const) {
		out.push({ id: slug(area), area, side: 'midline', name: area.charAt(0).toUpperCase() + area.slice(1) });
	}
	return out;
}

/** The 19 Widespread Pain Index sites. */
export const WPI_SITES: readonly WpiSite[] = Object.freeze(buildWpi());

export function wpiSiteById(id: string): WpiSite | undefined {
	return WPI_SITES.find((s) => s.id === id);
}
