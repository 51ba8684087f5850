/** Words the restore preview uses for a record's fate and the file's date. */
import type { MergeAction } from '$lib/domain/backup/merge';

export const actionWords: Record<MergeAction, string> = {
	add: 'new',
	update: 'newer in the file: will replace this device’s copy',
	older: 'older in the file: this device’s copy is kept',
	same: 'already on this device'
};

export { formatDateTime } from '$lib/domain/dates';
