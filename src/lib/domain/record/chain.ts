/**
 * Tamper evidence for locked records. The signed record is the first link of its chain and each
 * addendum the next: every link's hash is SHA-256 (Web Crypto) of its canonical content together
 * with the previous link's hash. Changing any field, a signature, the order, or dropping a link in
 * the middle breaks a hash; dropping the last addendum is caught against the head (the last hash
 * and the number of links) that the store keeps with the record and the printout shows.
 *
 * What this proves, plainly: a record changed after signing by anything other than this app's own
 * finalise/addendum steps shows as changed. Without a secret key it cannot stop someone who
 * rewrites a whole chain on purpose with the same recipe; a printed or exported head pins it.
 */
import { formatDate, isoDayOf } from '../dates';
import { canonicalJson, nfcText } from './canonical';
import type { Addendum, ChainEntry, ChainLink, LockedRecord } from './types';

/** The previous hash of a chain's first link. */
export const GENESIS = '';
/** Bumped only if the recipe ever changes; hashed in, so old and new recipes never match. */
const RECIPE = 'somamap-record-1';

export async function sha256Hex(text: string): Promise<string> {
	const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The entry's content without its own link fields. */
function body<T extends ChainLink>(entry: T): Omit<T, 'hash' | 'prevHash'> {
	const { hash: _h, prevHash: _p, ...rest } = entry;
	return rest;
}

/** The hash of a link: its kind, its content and the previous hash, canonically. */
export async function linkHash(kind: ChainEntry['kind'], content: object, prevHash: string): Promise<string> {
	return sha256Hex(canonicalJson({ recipe: RECIPE, kind, prev: prevHash, body: content }));
}

/**
 * A locked record with its hash: the first link of its chain. Its text is put in NFC here, as it
 * is stored, and the hash is of exactly what is stored.
 */
export async function sealRecord(record: Omit<LockedRecord, 'hash' | 'prevHash'>): Promise<LockedRecord> {
	const content = nfcText(body({ ...record, hash: '', prevHash: '' }));
	return { ...content, prevHash: GENESIS, hash: await linkHash('record', content, GENESIS) } as LockedRecord;
}

/** An addendum linked after `previous` (the record or the last addendum), its text in NFC as for sealRecord. */
export async function sealAddendum(addendum: Omit<Addendum, 'hash' | 'prevHash'>, previous: ChainLink): Promise<Addendum> {
	const content = nfcText(body({ ...addendum, hash: '', prevHash: '' }));
	return { ...content, prevHash: previous.hash, hash: await linkHash('addendum', content, previous.hash) } as Addendum;
}

/** What the store keeps beside a chain to notice a missing last link. */
export interface ChainHead {
	hash: string;
	count: number;
}

export type ChainCheck = { ok: true; head: ChainHead } | { ok: false; index: number; problem: string };

export interface VerifyOptions {
	/** The head kept with the record; without it a dropped last addendum cannot be seen. */
	head?: ChainHead;
	/** For tests: the language dates are written in. */
	locale?: string;
}

/** 'The record of Dec 3, 2026' / 'The addendum of Dec 4, 2026'. */
export function entryName(e: ChainEntry, locale?: string): string {
	const at = e.kind === 'record' ? (e.entry.startedAt ?? e.entry.signedAt) : e.entry.signedAt;
	const day = typeof at === 'number' && Number.isFinite(at) ? formatDate(isoDayOf(at), locale) : 'an unknown day';
	return `The ${e.kind} of ${day}`;
}

/**
 * Checks a record's chain in order: the record, then its addenda. Returns the head, or the first
 * broken link and what is wrong, in words for the therapist.
 */
export async function verifyChain(entries: readonly ChainEntry[], options: VerifyOptions = {}): Promise<ChainCheck> {
	const { locale } = options;
	const fail = (index: number, problem: string): ChainCheck => ({ ok: false, index, problem });
	if (entries.length === 0) return fail(0, 'The signed record is missing.');
	const first = entries[0];
	// Damaged data is reported, not thrown: the first entry may be anything a file held.
	if (!first || typeof first !== 'object' || typeof first.entry !== 'object' || first.entry === null) return fail(0, "Entry 1 of this record's history is damaged.");
	if (first.kind !== 'record') return fail(0, 'The signed record is missing: its history starts with an addendum.');
	let previous: ChainLink = { prevHash: GENESIS, hash: GENESIS };
	for (let i = 0; i < entries.length; i++) {
		const e = entries[i];
		if (!e || typeof e.entry !== 'object' || e.entry === null) return fail(i, `Entry ${i + 1} of this record's history is damaged.`);
		const name = entryName(e, locale);
		if (i > 0 && e.kind === 'record') return fail(i, `${name} appears inside another record's history.`);
		if (e.kind === 'addendum' && e.entry.recordId !== first.entry.id) return fail(i, `${name} belongs to another record.`);
		let expected: string;
		try {
			expected = await linkHash(e.kind, body(e.entry), e.entry.prevHash);
		} catch {
			return fail(i, `${name} holds something a record cannot hold, so it cannot be checked.`);
		}
		if (expected !== e.entry.hash) return fail(i, `${name} was changed after it was signed.`);
		if (e.entry.prevHash !== previous.hash) {
			return fail(
				i,
				i === 0
					? `${name} does not start its history: something before it was added or changed.`
					: `The entry before ${lower(name)} was changed, removed or moved after ${lower(name)} was signed.`
			);
		}
		if (i > 0 && e.entry.signedAt < (entries[i - 1].entry as { signedAt: number }).signedAt) {
			return fail(i, `${name} is dated before the entry it follows.`);
		}
		previous = e.entry;
	}
	const head: ChainHead = { hash: previous.hash, count: entries.length };
	const kept = options.head;
	if (kept && (kept.hash !== head.hash || kept.count !== head.count)) {
		const n = kept.count - head.count;
		const problem =
			n > 0
				? `${n === 1 ? 'The last addendum' : `The last ${n} addenda`} of this record ${n === 1 ? 'is' : 'are'} missing.`
				: 'The history of this record does not end where it was last signed: an addendum was added or replaced outside Somamap.';
		return fail(Math.min(entries.length, kept.count) - 1, problem);
	}
	return { ok: true, head };
}

function lower(name: string): string {
	return name.charAt(0).toLowerCase() + name.slice(1);
}
