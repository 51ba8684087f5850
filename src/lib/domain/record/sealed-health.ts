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

/** Why `v` is not a sealed health check, or null when it is one. */
export function sealedHealthProblem(v: unknown): string | null {
	if (typeof v !== 'object' || v === null || Array.isArray(v) || Object.getPrototypeOf(v) !== Object.prototype) return 'The signed health check is not a list of answers.';
	for (const [id, answer] of Object.entries(v)) {
		if (!IDS.has(id)) return 'The signed health check answers a question Somamap does not ask.';
		if (typeof answer !== 'boolean') return 'The signed health check holds an answer that is neither yes nor no.';
	}
	return null;
}
