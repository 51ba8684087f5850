/**
 * The health check as it is sealed into a signed record: the answers to the questions Somamap
 * asks (question id → yes or no), nothing else. Copied from the plan when the record is signed, so
 * the record keeps what was screened then, whatever the plan says later.
 */
import { HEALTH_QUESTIONS } from '../cautions';

const IDS = new Set(HEALTH_QUESTIONS.map((q) => q.id));

/** The answers given, of the known questions only (an unanswered question stays absent). */
export function sealedHealth(answers: Readonly<Record<string, unknown>> | undefined): Record<string, boolean> {
	const out: Record<string, boolean> = {};
	for (const [id, v] of Object.entries(answers ?? {})) if (IDS.has(id) && typeof v === 'boolean') out[id] = v;
	return out;
}

/** A question's id as Somamap names them ('thinners', 'nerve'): a later version may ask others. */
const ID = /^[a-z][a-z0-9-]{0,39}$/;
const MAX_ANSWERS = 60;

/**
 * Why `v` is not a sealed health check, or null when it is one. Any well-formed question id is
 * taken, not only today's: a record signed on a version that asked other questions still reads.
 */
export function sealedHealthProblem(v: unknown): string | null {
	if (typeof v !== 'object' || v === null || Array.isArray(v) || Object.getPrototypeOf(v) !== Object.prototype) return 'The signed health check is not a list of answers.';
	if (Object.keys(v).length > MAX_ANSWERS) return 'The signed health check has more answers than Somamap asks questions.';
	for (const [id, answer] of Object.entries(v)) {
		if (!ID.test(id)) return 'The signed health check answers a question Somamap does not ask.';
		if (typeof answer !== 'boolean') return 'The signed health check holds an answer that is neither yes nor no.';
	}
	return null;
}
