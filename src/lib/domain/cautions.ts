/**
 * The short health check and what its answers mean for the plan: visible cautions, pressure
 * caps, areas to avoid, and a plain "please see a medical professional" where a red flag is
 * present. Somamap never diagnoses: the texts describe what to do, not what the client has.
 */
import { REGIONS, type BodyGroup } from './regions';
import type { Pressure, Sensation } from './records';
import { pressureName } from './pressure';
import type { RegionCode } from '$lib/body/types';

export interface HealthQuestion {
	id: string;
	/** Asked in plain words, as to the client. */
	question: string;
}

export const HEALTH_QUESTIONS: readonly HealthQuestion[] = [
	{ id: 'accident', question: 'A recent accident, fall or whiplash, or a possible broken bone?' },
	{ id: 'acute', question: 'A new injury, or an area that is hot, red or swollen?' },
	{ id: 'fever', question: 'A fever, or feeling unwell with an infection?' },
	{ id: 'clot', question: 'A blood clot now or in the past (for example in a leg)?' },
	{ id: 'thinners', question: 'Taking blood thinners?' },
	{ id: 'osteoporosis', question: 'Osteoporosis or fragile bones?' },
	{ id: 'pregnancy', question: 'Pregnant?' },
	{ id: 'surgery', question: 'An operation in the last three months?' },
	{ id: 'skin', question: 'A skin condition, rash, wound or bruise where you would be massaged?' },
	{ id: 'cancer', question: 'Having treatment for cancer?' },
	{ id: 'nerve', question: 'Numbness, tingling or pain that spreads, without a known reason?' }
];

export type Answers = Record<string, boolean>;

export interface Caution {
	id: string;
	text: string;
	/** A red flag: the client should see a medical professional before treatment. */
	redFlag: boolean;
}

export interface CautionResult {
	cautions: Caution[];
	/** Pressure cap per region code; a region absent here has no cap. */
	caps: Map<RegionCode, Pressure>;
	/** Regions not to work on. */
	avoid: Set<RegionCode>;
	/** Of those, the regions that are themselves a red flag (numbness or tingling marked there). */
	flagged: Set<RegionCode>;
	seeProfessional: boolean;
}

/** What the marks say, as far as cautions need it. */
export interface MarkFact {
	region: RegionCode | null;
	sensation: Sensation;
	intensity: number;
}

/** The red-flag line for the client (client mode, the client's own words). */
export const SEE_PROFESSIONAL_CLIENT =
	'Please see a medical professional before treatment. Somamap does not diagnose; a doctor or physiotherapist can say whether massage is right for you now.';

/** The red-flag line for the therapist (planner, printed sheet). */
export const SEE_PROFESSIONAL =
	'Ask the client to see a medical professional before treatment. Somamap does not diagnose; a doctor or physiotherapist can say whether massage is right for them now.';

/** A pressure cap in words, from the cap itself: 'light pressure at most (2 · Light)'. */
export function capWords(level: Pressure): string {
	return `${pressureName(level).toLowerCase()} pressure at most (${level} · ${pressureName(level)})`;
}

// Caps of the cautions that cap every region; their words are made from these numbers.
const CLOT_CAP: Pressure = 2;
const NUMB_CAP: Pressure = 2;

const regionsIn = (groups: BodyGroup[]) => REGIONS.filter((r) => groups.includes(r.group)).map((r) => r.code);
const regionsNamed = (bases: string[]) => REGIONS.filter((r) => bases.includes(r.base)).map((r) => r.code);

const NECK_AND_UPPER_SHOULDERS = [...regionsIn(['neck']), ...regionsNamed(['upper-trapezius', 'levator-scapulae'])];
const ABDOMEN = regionsIn(['abdomen']);
const ALL = REGIONS.map((r) => r.code);

export function evaluateCautions(answers: Answers, marks: readonly MarkFact[] = []): CautionResult {
	const cautions: Caution[] = [];
	const caps = new Map<RegionCode, Pressure>();
	const avoid = new Set<RegionCode>();
	const cap = (codes: Iterable<RegionCode>, level: Pressure) => {
		for (const c of codes) caps.set(c, Math.min(caps.get(c) ?? 5, level) as Pressure);
	};
	const add = (id: string, text: string, redFlag = false) => cautions.push({ id, text, redFlag });
	const markedWith = (...s: Sensation[]) =>
		marks.filter((m) => m.region !== null && s.includes(m.sensation)).map((m) => m.region as RegionCode);

	if (answers.accident) {
		add('accident', 'Recent accident or whiplash: gentle work only on the neck and upper shoulders; no work over a possible broken bone.', true);
		cap(NECK_AND_UPPER_SHOULDERS, 1);
	}
	if (answers.acute) {
		add('acute', 'New injury or hot, swollen area: no massage directly on it for now; gentle work around it only.');
		for (const c of markedWith('injury')) avoid.add(c);
	}
	if (answers.fever) add('fever', 'Fever or infection: postpone the massage until recovered.', true);
	if (answers.clot) {
		add('clot', `Blood clot: no massage on the legs, and ${capWords(CLOT_CAP)} elsewhere, until a doctor has said massage is safe.`, true);
		for (const c of regionsIn(['thigh', 'knee', 'lower leg', 'foot'])) avoid.add(c);
		cap(ALL, CLOT_CAP);
	}
	if (answers.thinners) {
		add('thinners', 'Blood thinners: bruising comes easily. Light pressure only, no deep work.');
		cap(ALL, 2);
	}
	if (answers.osteoporosis) {
		add('osteoporosis', 'Fragile bones: light pressure only, no deep work, no strong pressure over the spine or ribs.');
		cap(ALL, 2);
	}
	if (answers.pregnancy) {
		add('pregnancy', 'Pregnancy: side-lying or seated position, no massage on the abdomen, moderate pressure at most.');
		for (const c of ABDOMEN) avoid.add(c);
		cap(ALL, 3);
	}
	if (answers.surgery) add('surgery', 'Recent operation: avoid the operated area and ask whether the surgeon has cleared massage.', true);
	if (answers.skin) {
		add('skin', 'Skin condition or wound: avoid the affected areas; check oil or lotion for allergies.');
		for (const c of markedWith('injury')) avoid.add(c);
	}
	if (answers.cancer) {
		add('cancer', 'Cancer treatment: gentle work only, and only with the treating team’s agreement.', true);
		cap(ALL, 1);
	}
	if (answers.nerve) add('nerve', 'Unexplained numbness, tingling or spreading pain.', true);

	// What the marks themselves call for.
	for (const c of markedWith('avoid')) avoid.add(c);
	const injured = markedWith('injury');
	if (injured.length) {
		cap(injured, 1);
		if (!answers.acute) add('injury-marks', 'Marked injuries: gentle work only on and around them.');
	}
	const numb = markedWith('numbness');
	if (!answers.nerve && numb.length) {
		// The client's explicit No to the nerve question: its reason is known, so a caution, not a red flag.
		if (answers.nerve === false) {
			add('numbness-marks', `Numbness or tingling was marked, with a reason the client knows: ${capWords(NUMB_CAP)} there, and stop if it spreads or gets worse.`);
			cap(numb, NUMB_CAP);
		} else add('numbness-marks', 'Numbness or tingling was marked: if it has no known reason, it should be checked by a medical professional.', true);
	}
	// The place of the red flag gets no timed work until it is checked (a flag either way above).
	// An explicit No (the client knows the reason) is no red flag: that place is worked gently instead.
	const flagged = new Set(answers.nerve === false ? [] : numb);
	for (const c of flagged) avoid.add(c);
	const severe = marks.filter((m) => m.sensation === 'sharp' && m.intensity >= 8);
	if (severe.length) add('severe-pain', 'Severe sharp pain was marked: start gently and stop if it gets worse.');

	return { cautions, caps, avoid, flagged, seeProfessional: cautions.some((c) => c.redFlag) };
}
