import { describe, expect, it } from 'vitest';
import { StoreError } from '$lib/store/errors';
import { MAX_MARKS_PER_PLAN, MAX_PLANS_PER_CLIENT } from '$lib/domain/limits';
import { freshStore, tickingClock } from './helpers';

describe('clients', () => {
	it('creates, reads, renames and lists clients alphabetically', async () => {
		const store = freshStore(tickingClock());
		const zoe = await store.createClient({ name: '  Zoe Park ', contact: '0400 000 000' });
		await store.createClient({ name: 'adam Lee' });
		expect(zoe.name).toBe('Zoe Park');
		expect(zoe.id).toMatch(/^[0-9a-f-]{36}$/);

		const renamed = await store.updateClient(zoe.id, { name: 'Zoe Park-Smith', notes: 'Prefers mornings' });
		expect(renamed.updatedAt).toBeGreaterThan(zoe.updatedAt);
		expect(await store.getClient(zoe.id)).toMatchObject({
			name: 'Zoe Park-Smith',
			contact: '0400 000 000',
			notes: 'Prefers mornings'
		});
		expect((await store.listClients()).map((c) => c.name)).toEqual(['adam Lee', 'Zoe Park-Smith']);
	});

	it('refuses a client without a name and stores nothing', async () => {
		const store = freshStore();
		await expect(store.createClient({ name: '   ' })).rejects.toMatchObject({
			kind: 'validation',
			message: 'Please enter a name.'
		});
		expect(await store.db.clients.count()).toBe(0);
	});

	it('refuses to rename a client to an empty name and keeps the old one', async () => {
		const store = freshStore();
		const c = await store.createClient({ name: 'Kim' });
		await expect(store.updateClient(c.id, { name: '' })).rejects.toBeInstanceOf(StoreError);
		expect((await store.getClient(c.id))?.name).toBe('Kim');
	});

	it('deleting a client deletes their plans and marks, and nobody else’s', async () => {
		const store = freshStore();
		const a = await store.createClient({ name: 'A' });
		const b = await store.createClient({ name: 'B' });
		const a1 = await store.createPlan(a.id, { title: 'Neck', date: '2026-11-01' });
		const a2 = await store.createPlan(a.id, { title: 'Back', date: '2026-11-08' });
		const b1 = await store.createPlan(b.id, { title: 'Legs', date: '2026-11-02' });
		await store.db.marks.bulkAdd([
			markRow('m1', a1.id),
			markRow('m2', b1.id)
		]);

		const gone = await store.deleteClient(a.id);
		expect(gone.plans).toBe(2);
		expect([...gone.planIds].sort()).toEqual([a1.id, a2.id].sort());
		expect(await store.getClient(a.id)).toBeUndefined();
		expect(await store.db.plans.where('clientId').equals(a.id).count()).toBe(0);
		expect(await store.db.marks.get('m1')).toBeUndefined();
		expect(await store.getClient(b.id)).toBeDefined();
		expect(await store.getPlan(b1.id)).toBeDefined();
		expect(await store.db.marks.get('m2')).toBeDefined();
	});
});

describe('plans', () => {
	it('creates a plan with sensible defaults and reads it back', async () => {
		const store = freshStore();
		const c = await store.createClient({ name: 'Kim' });
		const plan = await store.createPlan(c.id, { title: 'Shoulders', date: '2026-11-23' });
		const read = await store.getPlan(plan.id);
		expect(read).toMatchObject({
			clientId: c.id,
			title: 'Shoulders',
			date: '2026-11-23',
			status: 'draft',
			scope: 'local',
			durationMin: 30,
			pressure: 3,
			focus: [],
			outcome: null
		});
	});

	it('will not create a plan for a client that does not exist', async () => {
		const store = freshStore();
		await expect(
			store.createPlan('no-such-client', { title: 'x', date: '2026-11-23' })
		).rejects.toMatchObject({ kind: 'not-found' });
		expect(await store.db.plans.count()).toBe(0);
	});

	it('renames, changes status, lists per client newest first, and deletes', async () => {
		const store = freshStore(tickingClock());
		const c = await store.createClient({ name: 'Kim' });
		const older = await store.createPlan(c.id, { title: 'First', date: '2026-10-01' });
		const newer = await store.createPlan(c.id, { title: 'Second', date: '2026-11-01' });
		await store.updatePlan(older.id, { title: 'First visit', status: 'done' });
		expect((await store.listPlansForClient(c.id)).map((p) => p.title)).toEqual(['Second', 'First visit']);

		const recent = await store.listRecentPlans();
		expect(recent[0]).toMatchObject({ id: older.id, clientName: 'Kim', status: 'done' });

		await store.deletePlan(newer.id);
		expect(await store.getPlan(newer.id)).toBeUndefined();
		expect(await store.listPlansForClient(c.id)).toHaveLength(1);
	});

	it('refuses an invalid date or status without changing the plan', async () => {
		const store = freshStore();
		const c = await store.createClient({ name: 'Kim' });
		const p = await store.createPlan(c.id, { title: 'T', date: '2026-11-23' });
		await expect(store.updatePlan(p.id, { date: '23/11/2026' })).rejects.toMatchObject({ kind: 'validation' });
		// @ts-expect-error: an impossible status, as a corrupt caller might send
		await expect(store.updatePlan(p.id, { status: 'finished' })).rejects.toMatchObject({ kind: 'validation' });
		expect((await store.getPlan(p.id))?.date).toBe('2026-11-23');
	});

	it('creates a client together with a first plan, or neither', async () => {
		const store = freshStore();
		const { client, plan } = await store.createClientWithPlan({ name: 'New' }, { title: 'Intake', date: '2026-11-23' });
		expect((await store.getPlan(plan.id))?.clientId).toBe(client.id);

		await expect(
			store.createClientWithPlan({ name: 'Half' }, { title: '', date: '2026-11-23' })
		).rejects.toMatchObject({ kind: 'validation' });
		expect((await store.listClients()).map((c) => c.name)).toEqual(['New']);
	});
});

describe('failed writes leave nothing behind', () => {
	it('a cascade delete that fails half-way keeps the client, plans and marks', async () => {
		const store = freshStore();
		const c = await store.createClient({ name: 'Kim' });
		const p = await store.createPlan(c.id, { title: 'T', date: '2026-11-23' });
		await store.db.marks.add(markRow('m1', p.id));
		// The client row is the last to go: make deleting it fail, as a full disk or a crash would.
		store.db.clients.hook('deleting', () => {
			throw new DOMException('disk full', 'QuotaExceededError');
		});
		await expect(store.deleteClient(c.id)).rejects.toMatchObject({ kind: 'quota' });
		expect(await store.getClient(c.id)).toBeDefined();
		expect(await store.getPlan(p.id)).toBeDefined();
		expect(await store.db.marks.get('m1')).toBeDefined();
	});

	it('a new client with plan whose plan write fails leaves no client', async () => {
		const store = freshStore();
		store.db.plans.hook('creating', () => {
			throw new DOMException('disk full', 'QuotaExceededError');
		});
		const err = await store
			.createClientWithPlan({ name: 'Kim' }, { title: 'T', date: '2026-11-23' })
			.catch((e) => e);
		expect(err).toBeInstanceOf(StoreError);
		expect(err.message).toMatch(/storage is full/);
		expect(await store.db.clients.count()).toBe(0);
	});
});

describe('settings', () => {
	it('returns the fallback until a value is set', async () => {
		const store = freshStore();
		expect(await store.getSetting('defaultFigure', 'female')).toBe('female');
		await store.setSetting('defaultFigure', 'male');
		expect(await store.getSetting('defaultFigure', 'female')).toBe('male');
	});
});

function markRow(id: string, planId: string) {
	return {
		id,
		planId,
		region: 9,
		patch: null,
		sensation: 'knot' as const,
		intensity: 6,
		depth: 'surface' as const,
		structure: null,
		pressure: null,
		note: '',
		author: 'client' as const,
		createdAt: 1,
		updatedAt: 1
	};
}

describe('partial updates checked against what the writer saw', () => {
	it('writes only the patched fields, so another field changed meanwhile stays', async () => {
		const store = freshStore(tickingClock());
		const { plan } = await store.createClientWithPlan({ name: 'Ann' }, { title: 'Visit', date: '2026-01-05' });
		await store.updatePlan(plan.id, { title: 'Renamed' }, { title: 'Visit' });
		await store.updatePlan(plan.id, { notes: 'Tight neck' }, { notes: '' });
		expect(await store.getPlan(plan.id)).toMatchObject({ title: 'Renamed', notes: 'Tight neck' });
	});

	it('refuses a write whose base value changed since, in the same transaction, and writes nothing', async () => {
		const store = freshStore(tickingClock());
		const { client, plan } = await store.createClientWithPlan({ name: 'Ann' }, { title: 'Visit', date: '2026-01-05' });
		await store.updatePlan(plan.id, { notes: 'From tab B' }, { notes: '' });
		await expect(store.updatePlan(plan.id, { notes: 'From tab A', title: 'A' }, { notes: '', title: 'Visit' })).rejects.toMatchObject({ kind: 'conflict' });
		expect(await store.getPlan(plan.id)).toMatchObject({ notes: 'From tab B', title: 'Visit' });

		await store.updateClient(client.id, { contact: '0400' }, { contact: '' });
		await expect(store.updateClient(client.id, { contact: '0499' }, { contact: '' })).rejects.toMatchObject({ kind: 'conflict' });
		expect((await store.getClient(client.id))?.contact).toBe('0400');
	});

	it('accepts a write whose value is already stored (another tab wrote the same)', async () => {
		const store = freshStore(tickingClock());
		const { plan } = await store.createClientWithPlan({ name: 'Ann' }, { title: 'Visit', date: '2026-01-05' });
		await store.updatePlan(plan.id, { health: { fever: true } }, { health: {} });
		await expect(store.updatePlan(plan.id, { health: { fever: true } }, { health: {} })).resolves.toMatchObject({ health: { fever: true } });
	});
});

describe('hidden characters', () => {
	it('every write strips control and bidi characters from what people typed', async () => {
		const store = freshStore();
		const { client, plan } = await store.createClientWithPlan(
			{ name: 'Eve\u202E\u0000', contact: 'eve@example.org\u0007', notes: 'line one\nline\u001B two' },
			{ title: 'Neck\u2066 and back\u2069', date: '2026-05-01' }
		);
		expect(client).toMatchObject({ name: 'Eve', contact: 'eve@example.org', notes: 'line one\nline two' });
		expect(plan.title).toBe('Neck and back');
		const updated = await store.updatePlan(plan.id, { clientWords: 'ouch\u0000\nhere', notes: '\u202Dx' });
		expect(updated).toMatchObject({ clientWords: 'ouch\nhere', notes: 'x' });
		expect((await store.updateClient(client.id, { name: '\u202Elive' })).name).toBe('live');
		const mark = await store.addMark(plan.id, { region: 16, sensation: 'knot', intensity: 5, depth: 'surface', structure: null, pressure: null, note: 'sore\u0007\nhere', author: 'client' });
		expect(mark.note).toBe('sore\nhere');
		expect((await store.updateMark(mark.id, { note: '\u202Eevil' })).note).toBe('evil');
		expect((await store.listMarks(plan.id))[0].note).toBe('evil');
	});

	it('a name of hidden characters only is refused as empty', async () => {
		const store = freshStore();
		await expect(store.createClient({ name: '\u202E\u0000' })).rejects.toThrow(/Please enter a name/);
	});
});

describe('limits', () => {
	const mark = { region: 16, sensation: 'knot', intensity: 5, depth: 'surface', structure: null, pressure: null, note: '', author: 'client' } as const;

	it('a plan at the limit refuses another mark with a clear message, and keeps what it has', async () => {
		const store = freshStore();
		const { plan } = await store.createClientWithPlan({ name: 'Full' }, { title: 'Busy', date: '2026-05-01' });
		const now = Date.now();
		await store.db.marks.bulkAdd(
			Array.from({ length: MAX_MARKS_PER_PLAN }, (_, i) => ({ ...mark, id: `m${i}`, planId: plan.id, patch: null, carried: false, createdAt: now, updatedAt: now }))
		);
		const error = await store.addMark(plan.id, mark).catch((e) => e);
		expect(error).toBeInstanceOf(StoreError);
		expect(error.message).toBe(
			'This plan already has 400 marks, as many as one plan can hold. Remove a mark you no longer need, or start a follow-up session, before adding another.'
		);
		expect(await store.db.marks.where('planId').equals(plan.id).count()).toBe(MAX_MARKS_PER_PLAN);
		await store.removeMark('m0');
		await expect(store.addMark(plan.id, mark)).resolves.toMatchObject({ planId: plan.id });
	});

	it('a client at the limit refuses another plan or follow-up', async () => {
		const store = freshStore();
		const { client, plan } = await store.createClientWithPlan({ name: 'Regular' }, { title: 'First', date: '2026-05-01' });
		await store.db.plans.bulkAdd(Array.from({ length: MAX_PLANS_PER_CLIENT - 1 }, (_, i) => ({ ...plan, id: `p${i}` })));
		await expect(store.createPlan(client.id, { title: 'One more', date: '2026-05-02' })).rejects.toThrow(/already has 2,000 plans/);
		await expect(store.createFollowUp(plan.id)).rejects.toThrow(/already has 2,000 plans/);
		expect(await store.db.plans.count()).toBe(MAX_PLANS_PER_CLIENT);
	});
});

describe('versions', () => {
	it('every write makes a newer version, even when the clock reads earlier than the stored one', async () => {
		let now = 5_000_000;
		const store = freshStore(() => now);
		const { client, plan } = await store.createClientWithPlan({ name: 'Ann' }, { title: 'Visit', date: '2026-01-05' });
		now = 1_000; // the clock was set back (or another device wrote with a later time)
		const p = await store.updatePlan(plan.id, { notes: 'after' }, { notes: '' });
		expect(p.updatedAt).toBe(plan.updatedAt + 1);
		const c = await store.updateClient(client.id, { contact: '0400' }, { contact: '' });
		expect(c.updatedAt).toBe(client.updatedAt + 1);
		await store.addMark(plan.id, { region: 16, sensation: 'knot', intensity: 5, depth: 'surface', structure: null, pressure: null, note: '', author: 'client' });
		expect((await store.getPlan(plan.id))!.updatedAt).toBe(plan.updatedAt + 2);
	});
});
