/**
 * The session's health check on the printed record: the client's answers as they were given
 * (the questions the client was asked, word for word), so a reader sees what was screened before
 * treatment. Answers only: the record states no condition of its own.
 */
import { HEALTH_QUESTIONS } from '../cautions';
import type { Row } from './printout';

/** "Yes: <question>" for each yes, then how many were answered no and how many not answered. */
export function healthRows(answers: Readonly<Record<string, boolean>> | undefined): Row[] {
	const asked = HEALTH_QUESTIONS.filter((q) => typeof answers?.[q.id] === 'boolean');
	if (!asked.length) return [{ label: 'Health check', value: 'Not answered' }];
	const yes = asked.filter((q) => answers![q.id]).map((q) => `Yes: ${q.question}`);
	const no = asked.length - yes.length;
	const open = HEALTH_QUESTIONS.length - asked.length;
	const rest = [
		no ? (yes.length || open ? `No to ${no === 1 ? '1 other question' : `${no} other questions`}` : `No to all ${no} questions`) : '',
		open ? `${open === 1 ? '1 question' : `${open} questions`} not answered` : ''
	].filter(Boolean);
	return [{ label: 'Health check', value: [...yes, rest.join('; ')].filter(Boolean).join('\n') }];
}
