/**
 * A signed row (a locked record, an addendum, a consent) must read back exactly as it is kept:
 * its hash is of exactly those bytes, so a reader that cleaned hidden characters or trimmed
 * spacing out of it would verify a copy, not what is stored. One check for the store and backups.
 */
import { canonicalJson } from './canonical';

/** Null when `read` (the strict reader's result) is exactly `raw`; else why not, naming `what`. */
export function signedRowProblem(raw: unknown, read: unknown, what: string): string | null {
	if (canonicalJson(read) === canonicalJson(raw)) return null;
	return `${what} was changed after it was signed: it holds hidden characters, spacing or points that Somamap never signs.`;
}
