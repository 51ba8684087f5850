/**
 * The client's map in progress is one localStorage entry (./draft-store reads and writes it).
 * This small part, with no import, is what the home screen and the layout's guard need: whether a
 * map is under way here, and clearing it when everything is erased.
 */
export const DRAFT_KEY = 'somamap.myMap';

/** Whether a map is under way on this device (its content is checked only when the map opens). */
export function hasDraft(): boolean {
	try {
		return localStorage.getItem(DRAFT_KEY) !== null;
	} catch {
		return false;
	}
}

export function clearDraft(): void {
	try {
		localStorage.removeItem(DRAFT_KEY);
	} catch {
		// nothing kept
	}
}
