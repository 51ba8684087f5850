/**
 * Where the client's own map waits until sent. On a client's own phone: one localStorage entry,
 * surviving a reload, a closed tab and a restarted browser. On a therapist's device (a PIN set or
 * clients stored: anyone may hold it next) only this tab's sessionStorage, gone when the tab
 * closes and cleared at a lock (guard). It is the only thing the /my-map flow reads or writes:
 * never the therapist's records. Read through the domain's strict reader, so a damaged or
 * tampered entry becomes a fresh start, not an error.
 */
import { readDraft, type ClientDraft } from '$lib/domain/client-draft';
import { DRAFT_KEY as KEY, DRAFT_CLEARED, clearDraft } from './draft-key';

export { clearDraft };

let place: 'device' | 'tab' = 'device';
const area = (): Storage => (place === 'tab' ? sessionStorage : localStorage);

/**
 * Where the draft is kept from now on. Moving to the tab takes a draft left on the device (from
 * before a PIN was set, or an older version) into this tab only, out of the device's storage.
 */
export function keepDraftIn(where: 'device' | 'tab'): void {
	place = where;
	if (where !== 'tab') return;
	try {
		const left = localStorage.getItem(KEY);
		if (left !== null && sessionStorage.getItem(KEY) === null) sessionStorage.setItem(KEY, left);
		localStorage.removeItem(KEY);
	} catch {
		// storage blocked: nothing was kept there
	}
}

export function loadDraft(): ClientDraft | null {
	try {
		const raw = area().getItem(KEY);
		return raw ? readDraft(JSON.parse(raw)) : null;
	} catch {
		return null;
	}
}

/** Keeps the draft; a problem in the client's words when the phone refused it (storage full or blocked). */
export function saveDraft(draft: ClientDraft): string | null {
	try {
		area().setItem(KEY, JSON.stringify(draft));
		return null;
	} catch {
		return 'This phone would not keep your answers (its storage may be full, or blocked in a private window). Send them now so they are not lost.';
	}
}

/** Calls `changed` when another tab changes or clears the draft, or a lock clears it. */
export function watchDraft(changed: (draft: ClientDraft | null) => void): () => void {
	const on = (e: StorageEvent) => {
		if (place === 'device' && (e.key === KEY || e.key === null)) changed(loadDraft());
	};
	const cleared = () => changed(null);
	addEventListener('storage', on);
	addEventListener(DRAFT_CLEARED, cleared);
	return () => (removeEventListener('storage', on), removeEventListener(DRAFT_CLEARED, cleared));
}
