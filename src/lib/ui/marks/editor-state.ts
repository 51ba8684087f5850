import type { Author, Mark, Pressure, Sensation } from '$lib/domain/records';

/** What a mark editor holds: kept by the planner while the user looks elsewhere, so nothing typed is lost. */
export interface EditorState {
	sensation: Sensation | null;
	intensity: number;
	depth: Mark['depth'];
	structure: string | null;
	pressure: Pressure | null;
	note: string;
	author: Author;
}
