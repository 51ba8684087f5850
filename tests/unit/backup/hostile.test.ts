/**
 * Malformed and hostile backup files: each is refused with a message that names what is wrong,
 * and the database is exactly as it was (a full dump before and after).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_LIMITS, BACKUP_VERSION } from '$lib/domain/backup/format';
import { parseBackup } from '$lib/domain/backup/parse';
import { MAX_MARKS_PER_PLAN, MAX_PATCH_VERTICES, MAX_PLANS_PER_CLIENT } from '$lib/domain/limits';
import { applyImport, exportBackup, previewImport } from '$lib/store/backup';
import { StoreError } from '$lib/store/errors';
import type { Store } from '$lib/store/store';
import { asVersion, dump, seeded } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;
interface Ctx {
	/** Ids of the records already in the target database. */
	target: Record<string, string>;
}

/** Either the file's text, or a change to a valid file's parsed JSON. */
type Case = [name: string, file: string | ((doc: Doc, ctx: Ctx) => void | string), message: RegExp];

const nest = (depth: number) => JSON.parse('['.repeat(depth) + ']'.repeat(depth));

const CASES: Case[] = [
	// Not a backup at all.
	['not JSON', 'hello, this is not a backup', /The file is not a Somamap backup\. Choose a file that Somamap saved with “Back up”/],
	['an empty file', '', /^This file cannot be restored: The file is empty\./],
	['only whitespace', ' \n\t ', /The file is empty/],
	['a JSON list', '[]', /it holds no backup object/],
	['JSON null', 'null', /it holds no backup object/],
	['a truncated file', (doc) => JSON.stringify(doc).slice(0, -40), /The file is cut short: it ends in the middle of the backup\. Save or send it again from the device that made it/],
	['no format name', (doc) => void delete doc.format, /it has no format name/],
	['another format', (doc) => void (doc.format = 'excalidraw'), /its format is "excalidraw", not "somamap-backup"/],
	[
		'a newer version',
		(doc) => void (doc.version = BACKUP_VERSION + 1),
		new RegExp(`made by a newer Somamap \\(backup version ${BACKUP_VERSION + 1}; this app reads version ${BACKUP_VERSION}\\)\\. Update Somamap`)
	],
	['version as text', (doc) => void (doc.version = '1'), /version must be a whole number/],
	['a file over the size cap', () => `{"format":"somamap-backup"${' '.repeat(BACKUP_LIMITS.fileBytes)}}`, /The file is too large \(100 MB; a backup is at most 100 MB\)/],
	// Structure.
	['a missing list', (doc) => void delete doc.marks, /marks is missing/],
	['clients not a list', (doc) => void (doc.clients = {}), /clients must be a list/],
	['an unexpected top-level key', (doc) => void (doc.preferences = []), /The file has an unexpected key "preferences"/],
	['an unexpected key in a client', (doc) => void (doc.clients[1].isAdmin = true), /Client 2 “Lee a” has an unexpected key "isAdmin"/],
	['a missing field', (doc) => void delete doc.plans[0].oil.allergies, /Plan 1 “Neck & shoulders”: allergies is missing/],
	['objects nested too deep', (doc) => void (doc.clients[0].notes = nest(50)), /Client 1 “Kim <b>a<\/b>”: notes 1 is nested too deeply to be a Somamap backup/],
	// Types and ranges.
	['a name that is a number', (doc) => void (doc.clients[0].name = 42), /Client 1: name must be text/],
	['an empty name', (doc) => void (doc.clients[0].name = '   '), /Client 1: name must not be empty/],
	['intensity 11', (doc) => void (doc.marks[0].intensity = 11), /Mark 1 on plan “Neck & shoulders”: intensity must be a whole number from 0 to 10/],
	['intensity 3.5', (doc) => void (doc.marks[1].intensity = 3.5), /Mark 2 on plan “Low back”: intensity must be a whole number from 0 to 10/],
	['intensity as text', (doc) => void (doc.marks[1].intensity = '7'), /Mark 2 on plan “Low back”: intensity must be a whole number from 0 to 10/],
	['mark pressure 6', (doc) => void (doc.marks[2].pressure = 6), /Mark 3 on plan “Neck & shoulders”: pressure must be a whole number from 1 to 5/],
	['plan pressure 0', (doc) => void (doc.plans[1].pressure = 0), /Plan 2 “Low back”: pressure must be a whole number from 1 to 5/],
	['region 81', (doc) => void (doc.marks[0].region = 81), /Mark 1 on plan “Neck & shoulders”: region must be a region code from 1 to 80/],
	['an avoid-zone region 0', (doc) => void (doc.plans[0].avoid = [0]), /Plan 1 “Neck & shoulders”: area to avoid 1 must be a region code from 1 to 80/],
	['a consent key that is no region', (doc) => void (doc.plans[0].consent = { 99: true }), /Plan 1 “Neck & shoulders”: consent for 99: "99" is not a region code/],
	['intensity afterwards 12', (doc) => void (doc.plans[0].outcome.after['16'] = 12), /Plan 1 “Neck & shoulders”: intensity afterwards on Right top of the shoulder \(upper trapezius\) must be a whole number from 0 to 10/],
	['durationMin 50', (doc) => void (doc.plans[2].durationMin = 50), /Plan 3 “Legs”: length must be one of 30, 45, 60, 75, 90/],
	['an unknown status', (doc) => void (doc.plans[0].status = 'archived'), /Plan 1 “Neck & shoulders”: status must be one of "draft", "planned", "done"/],
	['an unknown sensation', (doc) => void (doc.marks[0].sensation = 'tickle'), /Mark 1 on plan “Neck & shoulders”: sensation must be one of "tension", "knot", "aching", "sharp", "stiffness", "numbness", "injury", "avoid"/],
	['a deep structure on a surface mark', (doc) => void (doc.marks[0].structure = 'supraspinatus'), /Mark 1 on plan “Neck & shoulders”: deep structure must be null unless depth is "deep"/],
	['a deep structure of another region', (doc) => void (doc.marks[2].structure = 'supraspinatus'), /Mark 3 on plan “Neck & shoulders”: deep structure must be null or one of "quadratus lumborum"/],
	// Carried-over marks (version 2).
	['carried as text', (doc) => void (doc.marks[1].carried = 'yes'), /Mark 2 on plan “Low back”: carried over must be true or false/],
	['a version 2 mark without carried', (doc) => void delete doc.marks[0].carried, /Mark 1 on plan “Neck & shoulders”: carried over is missing/],
	['carried in a version 1 file', (doc) => void (asVersion(doc, 1), doc.clients.forEach((c: { build?: unknown }) => delete c.build)), /Mark 1 on plan “Neck & shoulders” has an unexpected key "carried"/],
	// Body builds (version 3).
	['an unknown build', (doc) => void (doc.clients[0].build = 'huge'), /Client 1 “Kim <b>a<\/b>”: body build must be one of null, "slim", "average", "broad"/],
	['a version 3 client without build', (doc) => void delete doc.clients[1].build, /Client 2 “Lee a”: body build is missing/],
	['build in a version 2 file', (doc) => void asVersion(doc, 2), /Client 1 “Kim <b>a<\/b>” has an unexpected key "build"/],
	// Dates.
	['a day that does not exist', (doc) => void (doc.plans[0].date = '2026-02-30'), /Plan 1 “Neck & shoulders”: date must be a real date like 2026-05-01/],
	['a date in words', (doc) => void (doc.plans[1].date = 'next Tuesday'), /Plan 2 “Low back”: date must be a real date like 2026-05-01/],
	['updatedAt as text', (doc) => void (doc.clients[0].updatedAt = '2026-01-01'), /Client 1 “Kim <b>a<\/b>”: the time it was last changed must be a time in milliseconds/],
	['updatedAt far in the future', (doc) => void (doc.marks[1].updatedAt = 4_102_444_800_000), /Mark 2 on plan “Low back”: the time it was last changed is in the future \(Jan 1, 2100\); check the clock of the device that made the backup/],
	['updatedAt before createdAt', (doc) => void (doc.plans[0].updatedAt = 1), /Plan 1 “Neck & shoulders”: the time it was last changed is earlier than the time it was made/],
	['exportedAt that is no date', (doc) => void (doc.exportedAt = 'yesterday'), /The date the backup was made must be a date and time like 2026-05-01T09:30:00\.000Z/],
	// Sizes.
	['a huge name', (doc) => void (doc.clients[0].name = 'x'.repeat(1_000_000)), /Client 1 “xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx”: name is too long \(1000000 characters; at most 120\)/],
	['a huge note', (doc) => void (doc.marks[2].note = 'n'.repeat(2001)), /Mark 3 on plan “Neck & shoulders”: note is too long \(2001 characters; at most 2000\)/],
	['a huge list of goals', (doc) => void (doc.plans[0].goals = Array(201).fill('Less stress')), /Plan 1 “Neck & shoulders”: goals has 201 items; at most 200 are allowed/],
	[
		'too many clients',
		(doc) => void (doc.clients = Array.from({ length: BACKUP_LIMITS.clients + 1 }, (_, i) => ({ ...doc.clients[0], id: `c${i}` }))),
		/clients has 10001 clients; at most 10000 are allowed/
	],
	// Limits that keep the app fast (domain/limits), named in the person's words.
	[
		'too many marks in one plan',
		(doc) => {
			const plan = doc.plans.find((p: Doc) => p.id === doc.marks[0].planId);
			plan.title = 'Busy';
			doc.marks = Array.from({ length: MAX_MARKS_PER_PLAN + 1 }, (_, i) => ({ ...doc.marks[0], id: `many-${i}` }));
		},
		/The plan “Busy” \([A-Z][a-z]{2} \d{1,2}, \d{4}\) has 401 marks; one plan can hold at most 400 marks\./
	],
	[
		'too many plans for one client',
		(doc) =>
			void (doc.plans = Array.from({ length: MAX_PLANS_PER_CLIENT + 1 }, (_, i) => ({ ...doc.plans[0], id: `plan-${i}`, outcome: null }))),
		/The client “Kim <b>a<\/b>” has 2,001 plans; one client can have at most 2,000 plans\./
	],
	[
		'a painted area larger than the body',
		(doc) => {
			const n = MAX_PATCH_VERTICES + 10_000;
			doc.marks[0].patch.vertices = Buffer.from(Uint32Array.from({ length: n }, (_, i) => i).buffer).toString('base64');
			doc.marks[0].patch.weights = Buffer.alloc(n, 1).toString('base64');
		},
		/A painted area covers 60,000 points of the body; one painted area can cover at most 50,000 points/
	],
	// References and ids.
	['a plan of a client that is nowhere', (doc) => void (doc.plans[1].clientId = 'ghost'), /Plan 2 “Low back”: its client names a client that is neither in the file nor on this device/],
	['a mark of a plan that is nowhere', (doc) => void (doc.marks[2].planId = 'ghost'), /Mark 3: its plan names a plan that is neither in the file nor on this device/],
	['a plan that would move to another client', (doc, ctx) => void (doc.plans[0].id = ctx.target.back), /Plan 1 “Neck & shoulders” has the id of a plan that belongs to another client on this device/],
	['a duplicated client id', (doc) => void (doc.clients[1].id = doc.clients[0].id), /Client 2 “Lee a”: id repeats the id of Client 1 “Kim <b>a<\/b>”/],
	['a duplicated mark id', (doc) => void (doc.marks[2].id = doc.marks[0].id), /Mark 3 on plan “Neck & shoulders”: id repeats the id of Mark 1 on plan “Neck & shoulders”/],
	['an id with markup in it', (doc) => void (doc.clients[0].id = '<img src=x>'), /Client 1 “Kim <b>a<\/b>”: id must be an id \(letters, digits and dashes, at most 64\)/],
	// Dangerous keys.
	['__proto__ at the top', (doc) => JSON.stringify(doc).replace('{', '{"__proto__":{"polluted":true},'), /The file has a forbidden key "__proto__"/],
	['__proto__ in a client', (doc) => JSON.stringify(doc).replace('"name":', '"__proto__":{"isAdmin":true},"name":'), /Client 1 “Kim <b>a<\/b>” has a forbidden key "__proto__"/],
	['constructor in the health answers', (doc) => void (doc.plans[0].health.constructor = { prototype: { polluted: true } }), /Plan 1 “Neck & shoulders”: health check has a forbidden key "constructor"/],
	['prototype in the timed plan', (doc) => void (doc.plans[0].planning.fixed.prototype = 5), /Plan 1 “Neck & shoulders”: minutes of the timed plan has a forbidden key "prototype"/],
	// Painted patches.
	['vertices that are not base64', (doc) => void (doc.marks[0].patch.vertices = 'not base64!!'), /Mark 1 on plan “Neck & shoulders”: painted area, vertices is not base64 of 32-bit vertex numbers/],
	['vertices cut mid-number', (doc) => void (doc.marks[0].patch.vertices = 'AAA='), /Mark 1 on plan “Neck & shoulders”: painted area, vertices is not base64 of 32-bit vertex numbers/],
	['weights that are not base64', (doc) => void (doc.marks[0].patch.weights = '@@@@'), /Mark 1 on plan “Neck & shoulders”: painted area, weights is not base64 of 8-bit weights/],
	['fewer weights than vertices', (doc) => void (doc.marks[0].patch.weights = 'AQI='), /Mark 1 on plan “Neck & shoulders”: painted area, weights must have one weight per vertex \(2 weights for 7 vertices\)/],
	['vertices out of order', (doc) => void Object.assign(doc.marks[0].patch, { vertices: 'AgAAAAEAAAA=', weights: 'AQI=' }), /Mark 1 on plan “Neck & shoulders”: painted area, vertices must be ascending vertex numbers below 4000000 \(vertex 1 is 1\)/],
	['a vertex beyond any body', (doc) => void (doc.marks[0].patch = { ...doc.marks[0].patch, vertices: 'AAk9AA==', weights: 'AQ==' }), /vertex numbers below 4000000 \(vertex 0 is 4000000\)/],
	['a zero weight', (doc) => void (doc.marks[0].patch.weights = 'AQEBAAEBAQ=='), /Mark 1 on plan “Neck & shoulders”: painted area, weights must be from 1 to 255 \(weight 3 is 0\)/],
	['a patch with no regions', (doc) => void (doc.marks[1].patch.regions = []), /Mark 2 on plan “Low back”: painted area, regions must name at least one region/]
];

let source: string;
let target: Store;
let ids: Record<string, string>;

beforeAll(async () => {
	const a = await seeded('a');
	source = (await exportBackup(a.store)).parts.join('');
	const b = await seeded('b');
	target = b.store;
	ids = b.ids;
	await target.setSetting('defaultFigure', 'male');
});

function fileFor(file: Case[1]): string {
	if (typeof file === 'string') return file;
	const doc = JSON.parse(source);
	const out = file(doc, { target: ids });
	return typeof out === 'string' ? out : JSON.stringify(doc);
}

describe('hostile and malformed backup files', () => {
	it('has the records in the order the cases assume, and the unchanged file restores', async () => {
		const doc = JSON.parse(source);
		expect(doc.marks.map((m: { id: string }) => m.id)).toEqual(['a-m1', 'a-m3', 'a-m2']);
		expect(doc.clients.map((c: { name: string }) => c.name)).toEqual(['Kim <b>a</b>', 'Lee a']);
		expect(parseBackup(source, { now: Date.now() }).ok).toBe(true);
	});

	it(`tries at least twenty kinds of bad file (${CASES.length})`, () => {
		expect(CASES.length).toBeGreaterThanOrEqual(20);
		expect(new Set(CASES.map((c) => c[0])).size).toBe(CASES.length);
	});

	it.each(CASES)('refuses %s, names the problem, and changes nothing', async (_name, file, message) => {
		const before = await dump(target);
		const text = fileFor(file);
		const error = await previewImport(target, text)
			.then((preview) => applyImport(target, preview.backup))
			.then(
				() => null,
				(e) => e
			);
		expect(error, 'the file was accepted').toBeInstanceOf(StoreError);
		expect(error.kind).toBe('validation');
		expect(error.message).toMatch(message);
		expect(error.message).toMatch(/^This file cannot be restored: .+ Nothing on this device was changed\.$/s);
		// In the person's words: no path inside the file, no parser's words.
		expect(error.message).not.toMatch(/\b(clients|plans|marks)\[\d+\]|\.[a-z]+[A-Z]\w*\b|JSON|token|position \d/);
		expect(await dump(target)).toEqual(before);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
	});

	it('a message never carries more than a short piece of what the file held', async () => {
		const long = 'k'.repeat(5000);
		const doc = JSON.parse(source);
		doc.clients[0][long] = 1;
		const error = await previewImport(target, JSON.stringify(doc)).catch((e) => e);
		expect(error.message.length).toBeLessThan(200);
		expect(error.message).toMatch(/Client 1 “Kim <b>a<\/b>” has an unexpected key "k{40}…"/);
	});
});

describe('hidden characters in a backup', () => {
	it('control and bidi characters never reach the database: they are stripped from every text on restore', async () => {
		const { store } = await seeded('h');
		const doc = JSON.parse(source);
		doc.clients[0].name = '\u202Eevil\u0000';
		doc.clients[0].notes = 'bell\u0007\nescape\u001B[2J';
		doc.plans[0].title = 'Neck\u2066 & back\u2069';
		doc.plans[0].clientWords = 'it hurts\u200F\r\nhere';
		doc.plans[0].outcome.advice = 'stretch\u0085 daily';
		doc.plans[0].goals = ['Less\u202A stress'];
		doc.marks[0].note = 'left\u202D side\tonly';
		const preview = await previewImport(store, JSON.stringify(doc));
		await applyImport(store, preview.backup);
		const rows = await dump(store);
		const all = JSON.stringify(rows);
		expect(all).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/);
		const kim = (await store.listClients()).find((c) => c.id === doc.clients[0].id)!;
		expect(kim).toMatchObject({ name: 'evil', notes: 'bell\nescape[2J' });
		const plan = (await store.getPlan(doc.plans[0].id))!;
		expect(plan).toMatchObject({ title: 'Neck & back', clientWords: 'it hurts\nhere', goals: ['Less stress'] });
		expect(plan.outcome?.advice).toBe('stretch daily');
		expect((await store.listMarks(plan.id)).find((m) => m.id === doc.marks[0].id)?.note).toBe('left side\tonly');
	});

	it('a name that is only hidden characters is refused as empty', async () => {
		const doc = JSON.parse(source);
		doc.clients[0].name = '\u202E\u0000\u2066';
		const error = await previewImport(target, JSON.stringify(doc)).catch((e) => e);
		expect(error.message).toMatch(/Client 1: name must not be empty/);
	});
});
