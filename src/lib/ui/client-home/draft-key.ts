/**
 * The client's map in progress is one storage entry (./draft-store reads and writes it): in
 * localStorage on a client's own phone, in this tab's sessionStorage on a therapist's device (see
 * ./draft-store keepDraftIn). This small part, with no import, is what the home screen and the
 * layout's guard need: whether a map is under way here, and clearing it when everything is erased
 * or Somamap is locked.
 */
export const DRAFT_KEY = 'somamap.myMap';
/** Sent on this window when the draft was cleared from outside the map (a lock): the map shows it. */
export const DRAFT_CLEARED = 'somamap:draft-cleared';

/** Whether a map is under way on this device (its content is checked only when the map opens). */
export function hasDraft(): boolean {
	try {
		return localStorage.getItem(DRAFT_KEY) !== null;
	} catch {
		return false;
	}
}

/** Clears the draft from the device and from this tab. */
export function clearDraft(): void {
	for (const area of ['localStorage', 'sessionStorage'] as const) {
		try {
			globalThis[area].removeItem(DRAFT_KEY);
		} catch {
			// nothing kept there
		}
	}
	try {
		dispatchEvent(new Event(DRAFT_CLEARED));
	} catch {
		// no window (tests in Node)
	}
}
