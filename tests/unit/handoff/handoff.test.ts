import { describe, expect, it } from 'vitest';
import { encodeHandOff, fromBase64Url, handOffDigest, handOffText, readHandOffFile, readHandOffFragment, readHandOffText, toBase64Url, type HandOff } from '$lib/domain/handoff';
import { defaultPlanFields, type Mark } from '$lib/domain/records';
import { codeOf } from '$lib/domain/regions';
import { newRequestId } from '$lib/domain/mapping-link';
import { findHandOff, importHandOff } from '$lib/store/handoff';
import { handOffContent, handOffKeys } from '$lib/domain/handoff-identity';
import { freshStore } from '../store/helpers';

const NOW = Date.UTC(2026, 10, 23, 12);

function handOff(): HandOff {
	const client = { id: 'c1', name: 'Jo <b>Home</b>', contact: '', notes: '', figure: 'male' as const, build: 'broad' as const, createdAt: NOW - 5000, updatedAt: NOW - 5000 };
	const plan = { ...defaultPlanFields(), id: 'p1', clientId: 'c1', date: '2026-11-22', title: 'Before Tuesday', clientWords: 'Stiff neck', createdAt: NOW - 4000, updatedAt: NOW - 3000, health: { thinners: true } };
	const mark = (id: string, over: Partial<Mark>): Mark => ({
		id, planId: 'p1', region: codeOf('upper-trapezius-l'), patch: null, sensation: 'knot', intensity: 6, depth: 'surface', structure: null,
		pressure: null, note: '', author: 'client', carried: false, createdAt: NOW - 3500, updatedAt: NOW - 3500, ...over
	});
	const patch = { modelVersion: 'female:abc', vertices: Uint32Array.from([4, 8, 15, 16, 23, 42]), weights: Uint8Array.from([255, 200, 90, 9, 1, 255]), regions: [{ region: codeOf('rhomboids-r'), area: 31.5 }] };
	return { client, plan, marks: [mark('m1', {}), mark('m2', { region: codeOf('rhomboids-r'), sensation: 'aching', patch, createdAt: NOW - 3400, updatedAt: NOW - 3400 })] };
}

/** The keys the import page makes of a hand-off sent at `sent`, read through its text. */
async function keysOf(h: HandOff, sent: number) {
	const read = await readHandOffFile(handOffText(h, sent), sent);
	if (!read.ok) throw new Error(read.problem);
	return handOffKeys(read.handOff, read.digest);
}

describe('base64url', () => {
	it('round-trips every length and refuses other characters', () => {
		for (let n = 0; n < 20; n++) {
			const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n) & 255);
			expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
		}
		expect(fromBase64Url('ab+c')).toBeNull();
		expect(fromBase64Url('abcde')).toBeNull(); // a length no encoder writes
	});
});

describe('hand-off links', () => {
	it('a plan with a painted mark survives the link exactly', async () => {
		const h = handOff();
		const data = await encodeHandOff(handOffText(h, NOW));
		expect(data).toMatch(/^[A-Za-z0-9_-]+$/);
		const back = await readHandOffFragment(`#h=${data}`, NOW);
		expect(back).toEqual({ ok: true, handOff: h, digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
	});

	it.each([
		['no data', '#h=', /carries no plan/],
		['characters a link never has', '#h=abc$%', /damaged/],
		['not compressed data', `#h=${toBase64Url(new TextEncoder().encode('hello world, not deflate'))}`, /damaged or cut short/]
	])('a link with %s is refused with a clear message', async (_, fragment, message) => {
		const r = await readHandOffFragment(fragment, NOW);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.problem).toMatch(message);
	});

	it('a cut-short link is refused', async () => {
		const data = await encodeHandOff(handOffText(handOff(), NOW));
		const r = await readHandOffFragment(data.slice(0, Math.floor(data.length / 2)), NOW);
		expect(r.ok).toBe(false);
	});

	it('a link that inflates to far more than a plan is refused without reading it all', async () => {
		const bomb = await encodeHandOff(' '.repeat(25_000_000));
		const r = await readHandOffFragment(bomb, NOW);
		expect(r).toEqual({ ok: false, problem: expect.stringMatching(/far more than one plan/) });
	});

	it('a hand-off is checked like a backup: an out-of-range intensity is named', async () => {
		const h = handOff();
		h.marks[0].intensity = 14;
		const r = readHandOffText(handOffText(h, NOW), NOW);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.problem).toMatch(/intensity/);
	});

	it('a whole backup (two plans) is not a hand-off, and says where backups go', () => {
		const h = handOff();
		const text = handOffText(h, NOW).replace('"plans":[', `"plans":[${JSON.stringify({ ...JSON.parse(JSON.stringify(h.plan)), id: 'p2' })},`);
		const r = readHandOffText(text, NOW);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.problem).toMatch(/Settings → Restore/);
	});
});

describe('importing a hand-off', () => {
	it('adds a new plan with new ids to a new client, and never touches what is there', async () => {
		const store = freshStore();
		const { client, plan } = await store.createClientWithPlan({ name: 'Jo Home' }, { title: 'Old plan', date: '2026-11-01' });
		const h = handOff();
		const added = await importHandOff(store, h, { newClientName: 'Jo (from phone)' }, NOW);
		expect(added.id).not.toBe('p1');
		const clients = await store.db.clients.toArray();
		expect(clients.map((c) => c.name).sort()).toEqual(['Jo (from phone)', 'Jo Home']);
		// The new client is shown on the body the client chose on their phone.
		expect(clients.find((c) => c.name === 'Jo (from phone)')).toMatchObject({ figure: 'male', build: 'broad' });
		const marks = await store.listMarks(added.id);
		expect(marks).toHaveLength(2);
		expect(marks.every((m) => m.id !== 'm1' && m.id !== 'm2' && m.planId === added.id)).toBe(true);
		expect(marks[1].patch!.vertices).toEqual(h.marks[1].patch!.vertices);
		expect(await store.getPlan(plan.id)).toMatchObject({ title: 'Old plan', clientId: client.id });

		// Into an existing client, twice: two separate plans, nothing overwritten.
		const again = await importHandOff(store, h, { clientId: client.id }, NOW);
		const twice = await importHandOff(store, h, { clientId: client.id }, NOW);
		expect(again.id).not.toBe(twice.id);
		expect((await store.db.plans.where('clientId').equals(client.id).toArray()).length).toBe(3);
	});

	it('a client deleted meanwhile makes the import fail with nothing written', async () => {
		const store = freshStore();
		const before = await store.db.plans.count();
		await expect(importHandOff(store, handOff(), { clientId: 'gone' }, NOW)).rejects.toMatchObject({ kind: 'not-found' });
		expect(await store.db.plans.count()).toBe(before);
		expect(await store.db.marks.count()).toBe(0);
	});
});

describe('the same hand-off twice', () => {
	it('a link and its file have the digest of their decoded text; another plan has another', async () => {
		const text = handOffText(handOff(), NOW);
		const fromLink = await readHandOffFragment(await encodeHandOff(text), NOW);
		const fromFile = await readHandOffFile(text, NOW);
		expect(fromLink.ok && fromFile.ok && fromLink.digest === fromFile.digest).toBe(true);
		// SHA-256 of the text itself (checked against Node's own).
		const { createHash } = await import('node:crypto');
		expect(await handOffDigest(text)).toBe(createHash('sha256').update(text).digest('hex'));
		const other = handOff();
		other.plan.title = 'Another';
		expect(await handOffDigest(handOffText(other, NOW))).not.toBe(await handOffDigest(text));
	});

	it('is found after it was taken in, with its plan, client and time, until that plan is deleted', async () => {
		const store = freshStore();
		const keys = await keysOf(handOff(), NOW);
		expect(await findHandOff(store, keys)).toBeNull();
		const plan = await importHandOff(store, handOff(), { newClientName: 'Jo' }, NOW, keys);
		expect(await findHandOff(store, keys)).toMatchObject({ importedAt: NOW, plan: { id: plan.id, title: 'Before Tuesday' }, clientName: 'Jo', same: true });
		// As a copy: the newest plan is the one offered.
		const copy = await importHandOff(store, handOff(), { clientId: plan.clientId }, NOW + 1000, keys);
		expect(await findHandOff(store, keys)).toMatchObject({ importedAt: NOW + 1000, plan: { id: copy.id } });
		await store.deletePlan(copy.id);
		expect(await findHandOff(store, keys)).toBeNull();
	});

	it('a failed import remembers nothing', async () => {
		const store = freshStore();
		await expect(importHandOff(store, handOff(), { clientId: 'gone' }, NOW, await keysOf(handOff(), NOW))).rejects.toMatchObject({ kind: 'not-found' });
		expect(await store.db.handoffs.count()).toBe(0);
	});
});

describe('one map, whichever way it came and whichever Send made it', () => {
	/** The same map sent again later: each Send stamps its own time into the file and each row. */
	function resent(h: HandOff, later: number): HandOff {
		return { client: { ...h.client, updatedAt: later }, plan: { ...h.plan, updatedAt: later }, marks: h.marks.map((m) => ({ ...m, updatedAt: later })).reverse() };
	}
	/** A client's own map (its client id a request id, as /my-map gives), dated the day it is sent. */
	function clientMap(): HandOff {
		const h = handOff();
		const id = newRequestId();
		return { client: { ...h.client, id }, plan: { ...h.plan, clientId: id }, marks: h.marks };
	}

	it('two Sends of an unchanged map, by link and by file, have one content key; their texts differ', async () => {
		const first = handOffText(handOff(), NOW);
		const second = handOffText(resent(handOff(), NOW + 86_400_000), NOW + 86_400_000);
		expect(second).not.toBe(first);
		const byLink = await readHandOffFragment(await encodeHandOff(first), NOW);
		const byFile = await readHandOffFile(second, NOW);
		if (!byLink.ok || !byFile.ok) throw new Error('unread');
		expect(byLink.digest).not.toBe(byFile.digest); // the text's digest: what told them apart before
		const [a, b] = [await handOffKeys(byLink.handOff, byLink.digest), await handOffKeys(byFile.handOff, byFile.digest)];
		expect(a.content).toBe(b.content);
		expect(a.origin).toBe(b.origin);
		expect(handOffContent(byLink.handOff)).toBe(handOffContent(byFile.handOff));
	});

	it('a client’s map sent on another day is the same map; a therapist’s plan with another date is not', () => {
		const map = clientMap();
		expect(handOffContent({ ...map, plan: { ...map.plan, date: '2026-11-30' } })).toBe(handOffContent(map));
		const plan = handOff();
		expect(handOffContent({ ...plan, plan: { ...plan.plan, date: '2026-11-30' } })).not.toBe(handOffContent(plan));
	});

	it.each([
		['an intensity', (h: HandOff) => (h.marks[0] = { ...h.marks[0], intensity: 7 })],
		['a health answer', (h: HandOff) => (h.plan = { ...h.plan, health: { thinners: false } })],
		['a place more', (h: HandOff) => h.marks.push({ ...h.marks[0], id: 'm3', region: codeOf('gastrocnemius-r') })],
		['the name', (h: HandOff) => (h.client = { ...h.client, name: 'Jo H.' })],
		['the words', (h: HandOff) => (h.plan = { ...h.plan, clientWords: 'Stiff neck, worse' })]
	])('a map with %s changed has another content key and the same origin', async (_what, change) => {
		const h = clientMap();
		const changed: HandOff = { ...h, marks: [...h.marks] };
		change(changed);
		expect(handOffContent(changed)).not.toBe(handOffContent(h));
		const [a, b] = [await handOffKeys(h, ''), await handOffKeys(changed, '')];
		expect(a.content).not.toBe(b.content);
		expect(b.origin).toBe(a.origin);
	});

	it('the store knows the same map as the same, a changed one as another version, and another map not at all', async () => {
		const store = freshStore();
		const first = await keysOf(handOff(), NOW);
		const plan = await importHandOff(store, handOff(), { newClientName: 'Jo' }, NOW, first);
		// Sent again unchanged, a day later: the same plan, "Open it".
		expect(await findHandOff(store, await keysOf(resent(handOff(), NOW + 86_400_000), NOW + 86_400_000))).toMatchObject({ same: true, plan: { id: plan.id } });
		// Changed on the phone, then sent: another version of that plan.
		const changed = handOff();
		changed.marks[0] = { ...changed.marks[0], intensity: 2 };
		const changedKeys = await keysOf(changed, NOW + 5000);
		expect(await findHandOff(store, changedKeys)).toMatchObject({ same: false, plan: { id: plan.id }, importedAt: NOW });
		const second = await importHandOff(store, changed, { clientId: plan.clientId }, NOW + 6000, changedKeys);
		expect(await findHandOff(store, changedKeys)).toMatchObject({ same: true, plan: { id: second.id } });
		expect(await findHandOff(store, first)).toMatchObject({ same: true, plan: { id: plan.id } });
		// A third version is offered beside the latest brought in.
		const third = handOff();
		third.plan.clientWords = 'Better';
		expect(await findHandOff(store, await keysOf(third, NOW + 7000))).toMatchObject({ same: false, plan: { id: second.id } });
		// Another map (another plan id) is new.
		const other = handOff();
		other.plan.id = 'p2';
		other.marks = other.marks.map((m) => ({ ...m, planId: 'p2' }));
		expect(await findHandOff(store, await keysOf(other, NOW))).toBeNull();
	});

	it('a hand-off remembered by its text before content keys is still known when opened again', async () => {
		const store = freshStore();
		const text = handOffText(handOff(), NOW);
		const plan = await importHandOff(store, handOff(), { newClientName: 'Jo' }, NOW);
		await store.db.handoffs.put({ digest: await handOffDigest(text), planId: plan.id, importedAt: NOW }); // a row as older versions wrote it
		expect(await findHandOff(store, await keysOf(handOff(), NOW))).toMatchObject({ same: true, plan: { id: plan.id } });
	});
});

describe('a hand-off never brings treatment records', () => {
	/** A hand-off written by someone hostile: the client's map plus a signed record, a consent, a practitioner and an addendum. */
	function withRecords(extra: Record<string, unknown[]>): string {
		const doc = JSON.parse(handOffText(handOff(), NOW));
		doc.version = 4;
		return JSON.stringify({ ...doc, ...extra });
	}
	const prac = { id: 'x1', fullName: 'Fake Practitioner', qualification: '', association: '', membershipNumber: '', providerNumbers: [], businessName: '', taxNumber: '', address: '', phone: '', createdAt: NOW - 9000, updatedAt: NOW - 9000 };

	it.each([
		['practitioners', { practitioners: [prac] }, /carries practitioners, which a hand-off never brings/],
		['records, consents and addenda', { records: [{ id: 'r1' }], consents: [{ id: 'k1' }], addenda: [{ id: 'a1' }] }, /carries signed consents, treatment records and addenda, which a hand-off never brings: it brings only a client’s map and answers\. Nothing was taken in\. .*Settings → Restore/],
		['a client’s health details', { clientDetails: [{ clientId: 'c1' }] }, /carries a client’s health details/],
		['a history and a signed-record mark', { recordHistory: [{}], chainHeads: [{}] }, /carries a record’s history and signed-record marks/]
	])('one carrying %s is refused whole, in words, and nothing is taken in', async (_what, extra, message) => {
		const text = withRecords(extra);
		const r = readHandOffText(text, NOW);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.problem).toMatch(message);
		// The same through a link.
		const link = await readHandOffFragment(await encodeHandOff(text), NOW);
		expect(link.ok).toBe(false);
	});

	it('empty record lists are nothing carried: a version 4 hand-off of a map still comes in', () => {
		const r = readHandOffText(withRecords({ practitioners: [], records: [] }), NOW);
		expect(r.ok).toBe(true);
	});
});
