/**
 * The health check's answers in words, as given: which questions were answered yes, how many no,
 * how many not answered. One wording for the planner, the session sheet, the printed record and
 * the import preview. An absent answer is "not answered"; only `false` is a no. Words only: they
 * state the answers, never a condition.
 */
import { HEALTH_QUESTIONS, type Answers } from './cautions';

/** Each question in a few words, for a one-line summary; the record prints the question in full. */
const SHORT: Readonly<Record<string, string>> = {
	accident: 'recent accident or possible broken bone',
	acute: 'new injury or hot, swollen area',
	fever: 'fever or infection',
	clot: 'blood clot',
	thinners: 'blood thinners',
	osteoporosis: 'fragile bones',
	pregnancy: 'pregnant',
	surgery: 'recent operation',
	skin: 'skin condition or wound',
	cancer: 'cancer treatment',
	nerve: 'unexplained numbness or tingling'
};

export interface HealthTally {
	/** The questions answered yes, in the order asked. */
	yes: string[];
	no: number;
	open: number;
}

/** Counts the answers to the questions asked today; anything else in `answers` is not a question. */
export function tallyHealth(answers: Readonly<Answers> | undefined): HealthTally {
	const a = answers ?? {};
	const yes = HEALTH_QUESTIONS.filter((q) => a[q.id] === true).map((q) => q.id);
	const no = HEALTH_QUESTIONS.filter((q) => a[q.id] === false).length;
	return { yes, no, open: HEALTH_QUESTIONS.length - yes.length - no };
}

/** The question in a few words: 'fever or infection'. */
export const healthShort = (id: string): string => SHORT[id] ?? id;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What follows the yeses: 'no to the 10 others', '6 no, 5 not answered', 'No to all 11 questions',
 * '' when every question was answered yes. Starts in lower case after a yes, capitalised alone.
 */
export function restWords(t: HealthTally): string {
	const all = HEALTH_QUESTIONS.length;
	let s = '';
	if (!t.yes.length && !t.no) s = `None of the ${all} questions answered`;
	else if (!t.yes.length && !t.open) s = `No to all ${all} questions`;
	else if (t.no && !t.open) s = `no to the ${plural(t.no, 'other', 'others')}`;
	else if (t.no) s = `${t.no} no, ${t.open} not answered`;
	else if (t.open) s = `${t.open} not answered`;
	return t.yes.length ? s : s.charAt(0).toUpperCase() + s.slice(1);
}

/** One line: 'Yes: fever or infection; no to the 10 others', '6 no, 5 not answered', 'No to all 11 questions'. */
export function healthWords(answers: Readonly<Answers> | undefined): string {
	const t = tallyHealth(answers);
	const rest = restWords(t);
	if (!t.yes.length) return rest;
	const yes = `Yes: ${t.yes.map(healthShort).join(', ')}`;
	return rest ? `${yes}; ${rest}` : yes;
}

/** "None of these apply" / "No to the others": every question not answered yet becomes a no; answers given stay. */
export function answerRest(answers: Readonly<Answers>): Answers {
	const out: Answers = { ...answers };
	for (const q of HEALTH_QUESTIONS) if (typeof out[q.id] !== 'boolean') out[q.id] = false;
	return out;
}
