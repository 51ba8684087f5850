/**
 * Turns whatever IndexedDB or Dexie throws into one error type with a message a therapist can
 * act on. Every write goes through a transaction, so each message can honestly say that nothing
 * was half-saved.
 */
export type StoreErrorKind =
	| 'validation'
	| 'not-found'
	| 'conflict'
	| 'quota'
	| 'outdated'
	| 'blocked'
	| 'unavailable'
	| 'unknown';

const MESSAGES: Record<Exclude<StoreErrorKind, 'validation' | 'not-found' | 'conflict'>, string> = {
	quota:
		"This device's storage is full, so the change was not saved. Free some space on the device, then try again. Nothing was half-saved.",
	outdated:
		'Somamap was updated in another tab. Reload this tab to keep working; everything saved so far is safe.',
	blocked:
		'Another Somamap tab is still open on an older version. Close it, and this tab will finish updating.',
	unavailable:
		'This browser is not letting Somamap store data (private browsing or storage turned off). Nothing can be saved until storage is allowed.',
	unknown: 'The change could not be saved. Nothing was half-saved; please try again.'
};

export class StoreError extends Error {
	readonly kind: StoreErrorKind;
	constructor(kind: StoreErrorKind, message?: string, options?: { cause?: unknown }) {
		super(message ?? MESSAGES[kind as keyof typeof MESSAGES] ?? 'Something went wrong.', options);
		this.name = 'StoreError';
		this.kind = kind;
	}
}

function names(e: unknown): string[] {
	const out: string[] = [];
	let current: unknown = e;
	// Dexie wraps the browser's error (e.inner), sometimes twice (OpenFailedError → AbortError → Quota).
	for (let depth = 0; current && depth < 4; depth++) {
		const c = current as { name?: unknown; inner?: unknown; cause?: unknown };
		if (typeof c.name === 'string') out.push(c.name);
		current = c.inner ?? c.cause;
	}
	return out;
}

/** Classifies an error thrown by IndexedDB/Dexie. */
export function toStoreError(e: unknown): StoreError {
	if (e instanceof StoreError) return e;
	const all = names(e);
	const has = (n: string) => all.includes(n);
	let kind: StoreErrorKind = 'unknown';
	if (has('QuotaExceededError')) kind = 'quota';
	else if (has('VersionError') || has('DatabaseClosedError')) kind = 'outdated';
	else if (has('MissingAPIError') || has('InvalidAccessError') || has('SecurityError'))
		kind = 'unavailable';
	return new StoreError(kind, undefined, { cause: e });
}
