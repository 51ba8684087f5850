/**
 * The record's notes filled as far as the app knows, from the plan and its marks: S is what the
 * client reported (their marks: where, what, how strong; their own words; what they came for),
 * and the areas treated, techniques and pressure come from the timed plan. Everything is said as
 * the client's report or the therapist's plan, never as a finding or a diagnosis: O and A stay
 * the therapist's own words. Pure; the therapist edits all of it before signing.
 */
import { placeOfMark } from '../mark-place';
import type { Mark, Plan } from '../records';
import { sensationInfo } from '../sensations';
import { summarisePlan, type SessionSummary } from '../summary';
import { MAX_RECORD_LIST, RECORD_TEXT } from '../limits';

export interface SoapPrefill {
	s: string;
	areas: string[];
	techniques: string[];
	pressure: string;
}

const AUTHOR_WORDS = { client: 'marked by the client', therapist: 'marked by the therapist' } as const;

/** One mark as a line of S: 'Left top of the shoulder (upper trapezius): knot or trigger point, 7/10, deep (marked by the client). “Worse at the desk”'. */
export function markLine(m: Mark): string {
	const what = sensationInfo(m.sensation).label.toLowerCase();
	const strength = m.sensation === 'avoid' ? '' : `, ${m.intensity}/10`;
	const depth = m.depth === 'deep' ? `, deep${m.structure ? ` (${m.structure})` : ''}` : '';
	const note = m.note.trim() ? ` “${m.note.trim().replace(/\s+/g, ' ')}”` : '';
	return `${placeOfMark(m)}: ${what}${strength}${depth} (${AUTHOR_WORDS[m.author]}).${note}`;
}

/**
 * Marks in the order a reader scans them: strongest first, then by place, so the same marks
 * always give the same text. Carried marks not yet confirmed are left out (the client has not
 * said they are still there).
 */
function reported(marks: readonly Mark[]): Mark[] {
	return marks
		.filter((m) => !m.carried)
		.slice()
		.sort((a, b) => Number(a.sensation === 'avoid') - Number(b.sensation === 'avoid') || b.intensity - a.intensity || placeOfMark(a).localeCompare(placeOfMark(b), 'en') || a.id.localeCompare(b.id, 'en'));
}

/** The S text: the client's report, in labelled paragraphs; '' parts are left out. */
export function subjectiveText(plan: Plan, marks: readonly Mark[]): string {
	const parts: string[] = [];
	const lines = reported(marks);
	if (plan.noPain) parts.push('The client reports no pain or tension today.');
	else if (lines.length) parts.push(['Where the client feels it:', ...lines.map((m) => `- ${markLine(m)}`)].join('\n'));
	if (plan.complaints.length) parts.push(`The client reports: ${plan.complaints.join('; ')}.`);
	if (plan.goals.length) parts.push(`The client would like: ${plan.goals.map((g, i) => (i ? g.charAt(0).toLowerCase() + g.slice(1) : g)).join('; ')}.`);
	const words = plan.clientWords.trim();
	if (words) parts.push(`In the client's words: “${words}”`);
	return parts.join('\n\n');
}

/** Minutes as said: '12 min'. */
const minutes = (n: number) => `${Math.round(n)} min`;

/** Areas treated from the timed plan: each step with time, its pressure where it differs from the plan's. */
export function areasFromSummary(summary: Pick<SessionSummary, 'steps' | 'pressureLabel'>): string[] {
	return summary.steps
		.filter((s) => s.minutes > 0)
		.map((s) => {
			const pressure = s.pressureLabel === summary.pressureLabel ? '' : `, pressure ${s.pressureLabel}`;
			return `${s.label}, ${minutes(s.minutes)}${pressure}`;
		});
}

/**
 * S, areas treated, techniques and pressure for a new record. `areas` is the body's area per
 * region as summarisePlan takes it (null before the body has loaded: the plan's minutes then use
 * the same fallback the planner shows).
 */
export function prefillSoap(plan: Plan, marks: readonly Mark[], areas: ArrayLike<number> | null = null): SoapPrefill {
	const summary = summarisePlan(plan, marks, areas);
	// Steps below the session's planned pressure (itself capped by the health check where it says so).
	const lighter = summary.steps.some((s) => s.minutes > 0 && s.pressure < summary.pressure);
	return {
		s: subjectiveText(plan, marks),
		areas: areasFromSummary(summary),
		techniques: [...plan.techniques],
		pressure: `${summary.pressureText}${lighter ? ', lighter on some areas (see areas treated)' : ''}`
	};
}

/**
 * A prefill cut to what a record holds (RECORD_TEXT, MAX_RECORD_LIST), so a plan with very many
 * marks still opens as a record: S keeps whole lines (strongest marks first) and says how many
 * were left out (they stay in the plan); an over-long item is shortened with an ellipsis.
 */
export function fitPrefill(p: SoapPrefill): SoapPrefill {
	const item = (x: string) => (x.length > RECORD_TEXT.line ? `${x.slice(0, RECORD_TEXT.line - 1)}…` : x);
	let s = p.s;
	if (s.length > RECORD_TEXT.long) {
		const lines = s.split('\n');
		const kept: string[] = [];
		let used = 0;
		// Room for the closing line, whatever the count.
		for (const l of lines) {
			if (used + l.length + 1 > RECORD_TEXT.long - 80) break;
			kept.push(l);
			used += l.length + 1;
		}
		s = [...kept, `(${lines.length - kept.length} more lines are in the plan's marks and notes.)`].join('\n');
	}
	return {
		s,
		areas: p.areas.slice(0, MAX_RECORD_LIST).map(item),
		techniques: p.techniques.slice(0, MAX_RECORD_LIST).map(item),
		pressure: item(p.pressure)
	};
}

