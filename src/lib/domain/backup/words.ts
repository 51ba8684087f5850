/**
 * A backup problem in the words of the person restoring it. The readers name a value by its
 * path in the file ("marks[3].intensity"), which is exact but means nothing to a therapist;
 * here each path becomes the thing it is ("Mark 4 on plan “Shoulder”: intensity"), looked up
 * in the parsed file where it can be. Also what a finished restore did, in words.
 */
import type { MergeCounts } from './merge';
import type { RecordCounts } from './record-merge';
import { regionByCode, shortLabel } from '$lib/domain/regions';
import { cleanText } from '$lib/domain/clean-text';

const FIELD: Record<string, string> = {
	id: 'id',
	clientId: 'its client',
	planId: 'its plan',
	createdAt: 'the time it was made',
	updatedAt: 'the time it was last changed',
	exportedAt: 'the date the backup was made',
	version: 'the backup’s format version',
	durationMin: 'length',
	noPain: '“no pain today”',
	clientWords: 'the client’s words',
	health: 'health check',
	focus: 'focus area',
	planning: 'timed plan',
	fixed: 'minutes of the timed plan',
	craniosacralShare: 'CranioSacral share',
	preference: 'oil preference',
	avoid: 'area to avoid',
	consent: 'consent for',
	after: 'intensity afterwards on',
	structure: 'deep structure',
	done: 'what was done',
	response: 'how the client responded',
	author: 'who made it',
	patch: 'painted area',
	carried: 'carried over',
	figure: 'body figure',
	build: 'body build',
	sensation: 'sensation'
};

/** A key as words: the table above, else its camelCase split ('pressureCap' → 'pressure cap'). */
function field(key: string): string {
	return FIELD[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** A name from the file, cleaned of hidden characters and kept short; '' when there is none. */
function quoted(v: unknown): string {
	const text = typeof v === 'string' ? cleanText(v.slice(0, 200)).trim().slice(0, 60) : '';
	return text ? ` “${text}”` : '';
}
const at = (list: unknown, i: number): Record<string, unknown> | undefined => {
	const v = Array.isArray(list) ? list[i] : undefined;
	return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
};

/** 'plans[2]' → 'Plan 3 “Shoulder”', with names read from the file where they are text. */
function recordWords(table: string, i: number, root: Record<string, unknown>): string {
	if (table === 'clients') return `Client ${i + 1}${quoted(at(root.clients, i)?.name)}`;
	if (table === 'plans') return `Plan ${i + 1}${quoted(at(root.plans, i)?.title)}`;
	const planId = at(root.marks, i)?.planId;
	const plans = Array.isArray(root.plans) ? root.plans : [];
	const plan = plans.findIndex((p) => typeof p === 'object' && p !== null && (p as Record<string, unknown>).id === planId);
	const title = plan >= 0 ? at(plans, plan)?.title : undefined;
	return `Mark ${i + 1}${plan < 0 ? '' : ` on plan${quoted(title) || ` ${plan + 1}`}`}`;
}

// Objects that only hold fields: their children name themselves ('allergies', not 'oil, allergies').
const HOLDERS = new Set(['oil', 'planning', 'outcome']);

/** The rest of a path ('.oil.allergies', '.goals[1]', '.consent["16"]') as words: 'allergies', 'goals 2', 'consent for Left knee'. */
function restWords(rest: string): string {
	const parts: string[] = [];
	const keys = [...rest.matchAll(/\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)];
	keys.forEach((m, i) => {
		if (m[1] !== undefined) {
			if (!(HOLDERS.has(m[1]) && i < keys.length - 1)) parts.push(field(m[1]));
		} else if (m[2] !== undefined) {
			// Only the outermost index counts; lists inside lists are no thing a person names.
			if (parts.length && !/ \d+$/.test(parts[parts.length - 1])) parts[parts.length - 1] += ` ${Number(m[2]) + 1}`;
		} else if (m[3] !== undefined) {
			const key = m[3].slice(1, -1);
			const region = /^\d+$/.test(key) ? regionByCode(Number(key)) : undefined;
			const words = region ? shortLabel(region) : key;
			if (parts.length) parts[parts.length - 1] += ` ${words}`;
			else parts.push(words);
		}
	});
	return parts.join(', ');
}

const PATH = /\b(clients|plans|marks)\[(\d+)\]((?:\.[A-Za-z_$][\w$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])*)/g;
const TOP = /^(exportedAt|version|clients|plans|marks)\b/;

/**
 * A reader's message with every path in it turned into words: "marks[3].intensity must be …"
 * → "Mark 4 on plan “Shoulder”: intensity must be …". `root` is the parsed file (or null).
 */
export function problemInWords(message: string, root: unknown): string {
	const file = typeof root === 'object' && root !== null && !Array.isArray(root) ? (root as Record<string, unknown>) : {};
	let out = message.replace(PATH, (_, table: string, i: string, rest: string) => {
		const thing = recordWords(table, Number(i), file);
		return rest ? `${thing}: ${restWords(rest)}` : thing;
	});
	out = out.replace(TOP, (key: string) => {
		const words = key === 'clients' || key === 'plans' || key === 'marks' ? `The list of ${key}` : field(key);
		return words.charAt(0).toUpperCase() + words.slice(1);
	});
	return out;
}

/** Why a file's text is no backup, without the browser's own JSON error text. */
export function unreadableWords(text: string): string {
	const body = text.trim();
	if (body.startsWith('{') && !body.endsWith('}')) {
		return 'The file is cut short: it ends in the middle of the backup. Save or send it again from the device that made it.';
	}
	if (body.startsWith('{')) return 'The file is damaged: it was changed after Somamap saved it, and cannot be read. Use another copy of the backup.';
	return 'The file is not a Somamap backup. Choose a file that Somamap saved with “Back up”.';
}

export interface RestoreCounts {
	clients: MergeCounts;
	plans: MergeCounts;
	marks: MergeCounts;
	records?: RecordCounts;
}

const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;

/** What a restore did to the treatment records, or '' when the file held none that changed anything. */
export function recordResultWords(c: RecordCounts | undefined): string {
	if (!c) return '';
	const parts = [
		c.added + c.updated ? `${n(c.added, 'treatment record', 'treatment records')} added, ${c.updated} updated` : '',
		c.addenda ? `${n(c.addenda, 'addendum', 'addenda')} added` : '',
		c.history ? `${n(c.history, 'change', 'changes')} added to records’ history` : '',
		c.consents ? `${n(c.consents, 'consent', 'consents')} added or withdrawn` : '',
		c.practitioners ? `${n(c.practitioners, 'practitioner', 'practitioners')} added or updated` : '',
		c.details ? `${n(c.details, 'client’s details', 'clients’ details')} added or newer` : ''
	].filter(Boolean);
	const kept = c.keptSigned ? ` ${n(c.keptSigned, 'record', 'records')} signed on this device kept as signed (the file’s unsigned copy was not used).` : '';
	return (parts.length ? ` Treatment records: ${joinWords(parts)}.` : '') + kept;
}

/** What a finished restore did; when the file's copies were older, it says the newer ones were kept. */
export function restoreResultWords(r: RestoreCounts): string {
	const changed = (c: MergeCounts) => c.added + c.updated;
	const records = recordResultWords(r.records);
	const total = changed(r.clients) + changed(r.plans) + changed(r.marks) + (records ? 1 : 0);
	const older = [
		[r.clients.older, 'client', 'clients'],
		[r.plans.older, 'plan', 'plans'],
		[r.marks.older, 'mark', 'marks']
	]
		.filter(([n]) => (n as number) > 0)
		.map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
	const kept = older.length ? ` This device had newer versions of ${joinWords(older)} than the file: the newer versions on this device were kept.` : '';
	if (total === 0) {
		return older.length
			? `Restore finished: nothing was added or replaced.${kept}${records}`
			: 'Restore finished: everything in the file was already on this device. Nothing changed.';
	}
	const line = (what: string, c: MergeCounts) => `${what} ${c.added} added, ${c.updated} updated`;
	return `Restore finished. ${line('Clients:', r.clients)}; ${line('plans:', r.plans)}; ${line('marks:', r.marks)}.${records} Nothing was deleted.${kept}`;
}

function joinWords(parts: string[]): string {
	return parts.length < 2 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
