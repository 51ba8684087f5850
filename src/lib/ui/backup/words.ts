/** Words the restore preview uses for a record's fate and the file's date, and for long lists. */
import type { MergeAction } from '$lib/domain/backup/merge';
import { restoreResultWords, type RestoreCounts } from '$lib/domain/backup/words';

export const actionWords: Record<MergeAction | 'deleted', string> = {
	add: 'new',
	update: 'newer in the file: will replace this device’s copy',
	older: 'older in the file: this device’s copy is kept',
	same: 'already on this device',
	deleted: 'deleted earlier: not brought back'
};

/** Long lists show their first `max` items; `more` says how many are left out ('' when none). */
export function firstOf<T>(items: readonly T[], max = 50): { shown: T[]; more: string } {
	const left = items.length - max;
	return { shown: items.slice(0, max), more: left > 0 ? `…and ${left.toLocaleString('en')} more` : '' };
}

/**
 * What a finished restore did, with what it kept back or chose in words (deleted clients not
 * brought back, settings kept or taken). A restore that only kept things back never says that
 * everything was already here.
 */
export function restoreSummaryWords(r: RestoreCounts & { notes?: readonly string[] }): string {
	const words = restoreResultWords(r);
	if (!r.notes?.length) return words;
	const nothing = 'Restore finished: everything in the file was already on this device. Nothing changed.';
	return `${words === nothing ? 'Restore finished: nothing was added or replaced.' : words} ${r.notes.join(' ')}`;
}

export { formatDateTime } from '$lib/domain/dates';
