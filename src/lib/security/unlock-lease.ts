/**
 * How long a tab stays unlocked once nobody is using it. A tab keeps the 'lockedAt' it was
 * unlocked under in its sessionStorage, which Chromium gives back to a tab reopened after closing
 * or restored with the browser; so the unlocking carries a lease that every living page of the
 * tab renews. A reload or a move to another page finds it fresh; a reopened tab finds it lapsed
 * and asks for the PIN. Pure: the caller reads and writes the storage.
 */

/** How long an unlocking outlives the last living page of its tab (a reload takes far less). */
export const UNLOCK_LEASE_MS = 10_000;
/** How often a living page renews the lease. */
export const RENEW_MS = 3_000;

/** The stored form of an unlocking under `lockedAt`, renewed at `now`. */
export function unlocking(lockedAt: number, now: number): string {
	return JSON.stringify({ at: lockedAt, alive: now });
}

/** What a stored unlocking says at `now`: the 'lockedAt' it was made under while the lease holds, else null. */
export function unlockedUnder(stored: string | null, now: number): number | null {
	try {
		const v: unknown = stored ? JSON.parse(stored) : null;
		if (!v || typeof v !== 'object') return null; // none, or an older form: locked
		const { at, alive } = v as { at: unknown; alive: unknown };
		if (typeof at !== 'number' || !Number.isFinite(at) || typeof alive !== 'number') return null;
		// A lease from the future (a clock set back) proves nothing either.
		return now - alive <= UNLOCK_LEASE_MS && alive - now <= RENEW_MS ? at : null;
	} catch {
		return null;
	}
}
