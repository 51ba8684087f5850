/**
 * Where the client's own map waits until sent: one localStorage entry on their phone. It survives
 * a reload, a closed tab and a restarted browser, and is the only thing the /my-map flow reads or
 * writes: never the therapist's records, even on a device that holds them. Read through the
 * domain's strict reader, so a damaged or tampered entry becomes a fresh start, not an error.
 */
import { readDraft, type ClientDraft } from '$lib/domain/client-draft';
import { DRAFT_KEY as KEY, clearDraft } from './draft-key';

export { clearDraft };

export function loadDraft(): ClientDraft | null {
	try {
		const raw = localStorage.getItem(KEY);
		return raw ? readDraft(JSON.parse(raw)) : null;
	} catch {
		return null;
	}
}

/** Keeps the draft; a problem in the client's words when the phone refused it (storage full or blocked). */
export function saveDraft(draft: ClientDraft): string | null {
	try {
		localStorage.setItem(KEY, JSON.stringify(draft));
		return null;
	} catch {
		return 'This phone would not keep your answers (its storage may be full, or blocked in a private window). Send them now so they are not lost.';
	}
}

/** Calls `changed` when another tab changes or clears the draft. */
export function watchDraft(changed: (draft: ClientDraft | null) => void): () => void {
	const on = (e: StorageEvent) => {
		if (e.key === KEY || e.key === null) changed(loadDraft());
	};
	addEventListener('storage', on);
	return () => removeEventListener('storage', on);
}
