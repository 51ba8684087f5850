/**
 * Handing a plan from a client's own phone to the therapist, with no server: the plan (with its
 * client and marks) is written in the backup format, compressed, and carried in a link's
 * fragment (`/import#h=…`; browsers never send the fragment anywhere) or as a file. The
 * therapist's app reads it back through the backup parser, so a hand-off is checked exactly as
 * strictly as a restore. Pure apart from the standard (De)CompressionStream; no DOM.
 */
import { writeBackup, type Backup } from './backup/format';
import { CLINIC_TABLES, RECORD_TABLES, type ClinicTable, type RecordTable } from './backup/record-tables';
import { parseBackup } from './backup/parse';
import type { Client, Mark, Plan } from './records';

/** The fragment key: `#h=<data>`. */
export const HANDOFF_KEY = 'h';
/** Longest fragment accepted (characters) and most text it may inflate to: no zip bombs. */
export const HANDOFF_MAX_FRAGMENT = 2_000_000;
export const HANDOFF_MAX_TEXT = 20_000_000;
/** Longest link a QR code can carry (byte mode, lowest error correction, version 40). */
export const QR_MAX_LINK = 2_900;

export interface HandOff {
	client: Client;
	plan: Plan;
	marks: Mark[];
}

/** The hand-off as backup-format text (also what the "save as file" option writes). */
export function handOffText({ client, plan, marks }: HandOff, now: number): string {
	return writeBackup({ clients: [client], plans: [plan], marks }, { exportedAt: now });
}

/** Compressed, URL-safe data for the fragment. */
export async function encodeHandOff(text: string): Promise<string> {
	const bytes = await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw'));
	return toBase64Url(bytes);
}

export type ReadResult = { ok: true; handOff: HandOff } | { ok: false; problem: string };
/** A read hand-off with the digest that identifies its content (see handOffDigest). */
export type DigestedResult = { ok: true; handOff: HandOff; digest: string } | { ok: false; problem: string };

/** What this device remembers of a hand-off it took in: which plan it became, and when. */
export interface HandOffSeen {
	/** The content key (domain/handoff-identity); in rows from before it, the text's digest. */
	digest: string;
	planId: string;
	importedAt: number;
	/** Where the map was made (handOffOrigin); absent in rows from before it. */
	origin?: string;
}

/**
 * SHA-256 (hex) of a hand-off's decoded text: the same link or file opened twice has the same
 * digest, so the app can say it was already brought in. The text itself is never kept.
 */
export async function handOffDigest(text: string): Promise<string> {
	const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
	return Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Reads a hand-off file's text, with its digest. */
export async function readHandOffFile(text: string, now: number): Promise<DigestedResult> {
	const read = readHandOffText(text, now);
	return read.ok ? { ...read, digest: await handOffDigest(text) } : read;
}

/** Reads a link's fragment (with or without `#h=`): decompressed, parsed and checked. */
export async function readHandOffFragment(fragment: string, now: number): Promise<DigestedResult> {
	const data = fragment.replace(/^#/, '').replace(new RegExp(`^${HANDOFF_KEY}=`), '');
	if (!data) return { ok: false, problem: 'The link carries no plan. Ask for the link again, or for the file.' };
	if (data.length > HANDOFF_MAX_FRAGMENT) return { ok: false, problem: 'The link is too long to be a Somamap plan.' };
	const bytes = fromBase64Url(data);
	if (!bytes) return { ok: false, problem: 'The link is damaged (it has characters a Somamap link never has). Was it copied completely?' };
	let text: string;
	try {
		const raw = await pipe(bytes, new DecompressionStream('deflate-raw'), HANDOFF_MAX_TEXT);
		text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
	} catch (e) {
		return {
			ok: false,
			problem: e instanceof TooLarge ? 'The link holds far more than one plan; it was not opened.' : 'The link is damaged or cut short. Was it copied completely?'
		};
	}
	return readHandOffFile(text, now);
}

/** Reads a hand-off (or one-plan backup) file's text. */
export function readHandOffText(text: string, now: number): ReadResult {
	const parsed = parseBackup(text, { now });
	if (!parsed.ok) return parsed;
	const carried = [...carriedRecords(parsed.backup.recordRows), ...carriedRecords(parsed.backup.clinicRows)];
	if (carried.length) {
		// Anyone can write a hand-off: it brings a client's map and answers, never signed records.
		return {
			ok: false,
			problem:
				`This hand-off also carries ${listOf(carried)}, which a hand-off never brings: it brings only a client’s map and answers. ` +
				'Nothing was taken in. Treatment records come to this device only in a backup, through Settings → Restore, where their signatures are checked.'
		};
	}
	const { clients, plans, marks } = parsed.backup.data;
	if (clients.length !== 1 || plans.length !== 1) {
		return {
			ok: false,
			problem: `A hand-off holds one client and one plan; this holds ${clients.length} client(s) and ${plans.length} plan(s). To bring in a whole backup, use Settings → Restore.`
		};
	}
	const [client] = clients;
	const [plan] = plans;
	if (plan.clientId !== client.id) return { ok: false, problem: 'The plan in this hand-off belongs to another client.' };
	if (marks.some((m) => m.planId !== plan.id)) return { ok: false, problem: 'A mark in this hand-off belongs to another plan.' };
	return { ok: true, handOff: { client, plan, marks } };
}

const CARRIED_WORDS: Record<RecordTable | ClinicTable, string> = {
	deletions: 'the clinic’s deletions log',
	settings: 'the clinic’s settings',
	practitioners: 'practitioners',
	clientDetails: 'a client’s health details',
	consents: 'signed consents',
	records: 'treatment records',
	recordHistory: 'a record’s history',
	addenda: 'addenda',
	chainHeads: 'signed-record marks'
};

/** What of the treatment record a file carries, in words ([] when nothing). */
function carriedRecords(found: Backup['recordRows'] | Backup['clinicRows']): string[] {
	if (!found) return [];
	const rows = found as Partial<Record<RecordTable | ClinicTable, unknown>>;
	return [...RECORD_TABLES, ...CLINIC_TABLES].filter((k) => rows[k] !== undefined && !(Array.isArray(rows[k]) && (rows[k] as unknown[]).length === 0)).map((k) => CARRIED_WORDS[k]);
}

function listOf(items: string[]): string {
	return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

class TooLarge extends Error {}

/**
 * Compressed bytes are fed to the stream this many at a time. A transform stream turns one
 * written chunk into all of its output at once, so one big chunk of a decompression bomb would be
 * inflated whole (1.5 MB → 1.5 GB) before the first read could see its size. Deflate expands at
 * most about 1032:1, so one slice yields at most about 1 MB before the cap is checked again.
 */
const SLICE = 1024;

/**
 * Runs bytes through a transform stream, a slice at a time, reading the output as it comes;
 * stops with TooLarge as soon as more than `limit` bytes came out.
 */
async function pipe(input: Uint8Array, transform: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array> {
	const writer = transform.writable.getWriter();
	const reader = transform.readable.getReader();
	// The writer waits on the reader (backpressure), so at most a slice's output is ever pending.
	const feeding = (async () => {
		for (let at = 0; at < input.length; at += SLICE) {
			await writer.ready;
			await writer.write(input.subarray(at, at + SLICE) as Uint8Array<ArrayBuffer>);
		}
		await writer.close();
	})();
	feeding.catch(() => {}); // its failure (damaged data, or our cancel) shows on the reader too
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.length;
		if (size > limit) {
			await reader.cancel().catch(() => {});
			throw new TooLarge();
		}
		chunks.push(value);
	}
	await feeding;
	const out = new Uint8Array(size);
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.length;
	}
	return out;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function toBase64Url(bytes: Uint8Array): string {
	let out = '';
	for (let i = 0; i < bytes.length; i += 3) {
		const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
		const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
		for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
	}
	return out;
}

/** Bytes of URL-safe base64 without padding; null when it has any other character or a bad length. */
export function fromBase64Url(text: string): Uint8Array | null {
	if (text.length % 4 === 1 || !/^[A-Za-z0-9_-]*$/.test(text)) return null;
	const out = new Uint8Array(Math.floor((text.length * 3) / 4));
	let bits = 0;
	let acc = 0;
	let at = 0;
	for (const ch of text) {
		acc = (acc << 6) | ALPHABET.indexOf(ch);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[at++] = (acc >> bits) & 255;
		}
	}
	return out;
}
