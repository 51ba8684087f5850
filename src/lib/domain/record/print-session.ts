/**
 * Two of the session's lines on the printed record. The health check: the client's answers as
 * given (the questions as asked, word for word), so a reader sees what was screened before
 * treatment; answers only, the record states no condition of its own. The history: how many
 * changes the record went through before signing and when, so a reader knows they are kept.
 */
import { HEALTH_QUESTIONS } from '../cautions';
import { formatDateTime } from '../dates';
import { restWords, tallyHealth } from '../health-answers';
import type { Row } from './printout';
import type { HistoryEntry } from './types';

/** "Yes: <question>" for each yes in full, then the rest in words ('no to the 10 others', '6 no, 5 not answered'). */
export function healthRows(answers: Readonly<Record<string, boolean>> | undefined): Row[] {
	const t = tallyHealth(answers);
	const yes = HEALTH_QUESTIONS.filter((q) => t.yes.includes(q.id)).map((q) => `Yes: ${q.question}`);
	const rest = restWords(t);
	return [{ label: 'Health check', value: [...yes, rest.charAt(0).toUpperCase() + rest.slice(1)].filter(Boolean).join('\n') }];
}

/** "12 changes before signing, <first> to <last>, each kept with its time and who made it." */
export function historyRows(history: readonly Pick<HistoryEntry, 'at'>[] | undefined, signed: boolean, problem?: string): Row[] {
	// A damaged history is said on paper; it never stops the rest of the record from printing.
	if (problem) return [{ label: 'History', value: `Could not be read: ${problem}` }];
	if (!history) return [];
	const when = signed ? 'before signing' : 'so far';
	if (!history.length) return [{ label: 'History', value: `No changes ${when}` }];
	const times = history.map((h) => h.at);
	const [first, last] = [Math.min(...times), Math.max(...times)];
	const span = first === last ? formatDateTime(first) : `${formatDateTime(first)} to ${formatDateTime(last)}`;
	const n = history.length === 1 ? '1 change' : `${history.length} changes`;
	return [{ label: 'History', value: `${n} ${when}, ${span}, each kept with its time and who made it` }];
}
