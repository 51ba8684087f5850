import type { Sensation } from '$lib/domain/records';
import type { MarkDetails } from '$lib/domain/marks';

/** What a mark editor holds: kept by the planner while the user looks elsewhere, so nothing typed is lost. */
export interface EditorState extends Omit<MarkDetails, 'sensation'> {
	/** Null until a feeling is chosen. */
	sensation: Sensation | null;
}
