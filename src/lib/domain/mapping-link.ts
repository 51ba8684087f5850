/**
 * "Send a mapping link": a link a therapist sends a client, which opens the client's own mapping
 * flow (/my-map) greeting them by first name with the practice's name. It carries only those two
 * and an opaque request id, in the fragment (`/my-map#n=Sam&p=Bodywise%20Massage&r=r…`), which
 * browsers never send to a server. Anyone can make such a link, so everything read from one is
 * hostile: the fragment and each field are capped, hidden characters go (clean-text), and the
 * page shows it as text only. The request id is what ties a sent mapping back to the client: the
 * therapist's device remembers which client each id was made for (store/mapping-requests), and
 * the client's hand-off carries it as its client's id; names alone are never trusted. Pure.
 */
import { cleanText } from './clean-text';
import { toBase64Url } from './handoff';

/** Longest first name and practice name shown (characters); longer ones are cut. */
export const FIRST_NAME_MAX = 40;
export const PRACTICE_MAX = 80;
/** Longest fragment read at all: a longer one is not a mapping link. */
export const MAPPING_FRAGMENT_MAX = 1_000;
/** "r" and 22 URL-safe base64 characters (132 random bits); also a valid backup id. */
const REQUEST_ID = /^r[A-Za-z0-9_-]{22}$/;
/** How many requests a device remembers; the oldest go first. */
export const REQUESTS_KEPT = 500;
/**
 * A mapping link works this long after it was made: a request id is not a key to a client's
 * record forever (an old message, a forwarded link). A client's link is reused only while it has
 * at least REQUEST_REUSE_MS left, so a link just sent always works for 60 days or more.
 */
export const REQUEST_LIFE_MS = 90 * 86_400_000;
const REQUEST_REUSE_MS = 30 * 86_400_000;

export interface MappingRequest {
	/** The client's first name, as the link gives it ('' when none). */
	firstName: string;
	/** The practice's name ('' when none). */
	practice: string;
	/** The opaque request id, or null when the link has none (or a malformed one). */
	id: string | null;
}

/** A request this device made: which client a mapping link was for. */
export interface RequestMade {
	id: string;
	clientId: string;
	createdAt: number;
}

/** A new request id from 16 random bytes. */
export function newRequestId(): string {
	return 'r' + toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
}

export const isRequestId = (v: unknown): v is string => typeof v === 'string' && REQUEST_ID.test(v);

/** One line of text, hidden characters out, spaces squeezed, cut at `max` characters (never mid-character). */
export function cleanLine(text: string, max: number): string {
	const line = cleanText(text).replace(/\s+/g, ' ').trim();
	const chars = Array.from(line);
	return chars.length > max ? chars.slice(0, max).join('').trim() : line;
}

/** The first word of a client's name: "Sam Taylor" → "Sam". */
export function firstNameOf(name: string): string {
	return cleanLine(name, 200).split(' ')[0].slice(0, FIRST_NAME_MAX);
}

/** The fragment (without '#') of a mapping link. */
export function mappingFragment(firstName: string, practice: string, id: string): string {
	const params = new URLSearchParams();
	const n = cleanLine(firstName, FIRST_NAME_MAX);
	const p = cleanLine(practice, PRACTICE_MAX);
	if (n) params.set('n', n);
	if (p) params.set('p', p);
	params.set('r', id);
	// URLSearchParams writes spaces as '+'; %20 reads the same and survives messaging apps better.
	return params.toString().replace(/\+/g, '%20');
}

/**
 * Reads a mapping link's fragment (with or without '#'); null when it is not one (empty, too long,
 * undecodable, or without any of the three fields). Unknown fields are ignored.
 */
export function readMappingFragment(fragment: string): MappingRequest | null {
	const data = fragment.replace(/^#/, '');
	if (!data || data.length > MAPPING_FRAGMENT_MAX) return null;
	let params: URLSearchParams;
	try {
		// URLSearchParams replaces bad escapes with U+FFFD rather than throwing; a lone '%' is kept.
		params = new URLSearchParams(data);
	} catch {
		return null;
	}
	const n = params.get('n');
	const p = params.get('p');
	const r = params.get('r');
	if (n === null && p === null && r === null) return null;
	return {
		firstName: cleanLine(n ?? '', FIRST_NAME_MAX).replace(/\uFFFD/g, ''),
		practice: cleanLine(p ?? '', PRACTICE_MAX).replace(/\uFFFD/g, ''),
		id: isRequestId(r) ? r : null
	};
}

/** The greeting the flow opens with: "Hi Sam — Bodywise Massage asks you to mark where it hurts." */
export function greeting({ firstName, practice }: Pick<MappingRequest, 'firstName' | 'practice'>): string {
	const hi = firstName ? `Hi ${firstName}` : 'Hello';
	return `${hi} — ${practice || 'your therapist'} asks you to mark where it hurts.`;
}

/** When a request's link stops working. */
export const requestExpires = (r: Pick<RequestMade, 'createdAt'>): number => r.createdAt + REQUEST_LIFE_MS;

/**
 * The list of requests with `clientId`'s own (reused if made in the last 30 days, else a new one
 * with `newId`), newest last, at most REQUESTS_KEPT, expired ones dropped; anything malformed in
 * what was stored is dropped too.
 */
export function rememberRequest(stored: unknown, clientId: string, now: number, newId: () => string): { list: RequestMade[]; request: RequestMade } {
	const list = readRequests(stored).filter((r) => requestExpires(r) > now);
	const mine = list.findLast((r) => r.clientId === clientId && r.createdAt <= now && now - r.createdAt < REQUEST_REUSE_MS);
	if (mine) return { list, request: mine };
	const request: RequestMade = { id: newId(), clientId, createdAt: now };
	return { list: [...list, request].slice(-REQUESTS_KEPT), request };
}

/** The stored requests, with anything malformed dropped. */
export function readRequests(stored: unknown): RequestMade[] {
	if (!Array.isArray(stored)) return [];
	return stored.filter(
		(r): r is RequestMade =>
			!!r && typeof r === 'object' && isRequestId(r.id) && typeof r.clientId === 'string' && typeof r.createdAt === 'number'
	);
}

/** Which client `id` was made for, or null (never when `id` is not a request id, nor once its link expired). */
export function clientOfRequest(stored: unknown, id: string, now: number): string | null {
	if (!isRequestId(id)) return null;
	const r = readRequests(stored).find((r) => r.id === id);
	return r && requestExpires(r) > now ? r.clientId : null;
}
