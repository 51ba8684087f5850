import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, SCHEMA_VERSIONS, createDatabase } from '$lib/store/schema';
import { Store } from '$lib/store/store';

/**
 * Rows exactly as each schema version's app wrote them. When a version is added, add its
 * fixture here: every old version must still open into the current one without losing a row.
 */
const FIXTURES: Record<number, { clients: object[]; plans: object[]; marks: object[]; handoffs?: object[] }> = {
	1: {
		clients: [{ id: 'c1', name: 'Kim', contact: '', notes: 'left-handed', figure: null, createdAt: 1, updatedAt: 2 }],
		// A minimal v1 plan: fields added to plans later must be filled in when read.
		plans: [{ id: 'p1', clientId: 'c1', date: '2026-01-05', title: 'Neck', status: 'done', createdAt: 1, updatedAt: 3 }],
		marks: [{ id: 'm1', planId: 'p1', region: 9, sensation: 'knot', intensity: 7, author: 'client' }]
	},
	// v2 adds the handoffs table (digests of hand-offs taken in); the other rows are as in v1.
	2: {
		clients: [{ id: 'c1', name: 'Kim', contact: '', notes: 'left-handed', figure: null, createdAt: 1, updatedAt: 2 }],
		plans: [{ id: 'p1', clientId: 'c1', date: '2026-01-05', title: 'Neck', status: 'done', createdAt: 1, updatedAt: 3 }],
		marks: [{ id: 'm1', planId: 'p1', region: 9, sensation: 'knot', intensity: 7, author: 'client' }],
		handoffs: [{ digest: 'ab'.repeat(32), planId: 'p1', importedAt: 4 }]
	},
	// v3 adds the treatment record's tables (practitioners, records, ...); the other rows are as in v2.
	3: {
		clients: [{ id: 'c1', name: 'Kim', contact: '', notes: 'left-handed', figure: null, createdAt: 1, updatedAt: 2 }],
		plans: [{ id: 'p1', clientId: 'c1', date: '2026-01-05', title: 'Neck', status: 'done', createdAt: 1, updatedAt: 3 }],
		marks: [{ id: 'm1', planId: 'p1', region: 9, sensation: 'knot', intensity: 7, author: 'client' }],
		handoffs: [{ digest: 'ab'.repeat(32), planId: 'p1', importedAt: 4 }]
	},
	// v4 adds the deletions table (why treatment records were deleted); the other rows are as in v3.
	4: {
		clients: [{ id: 'c1', name: 'Kim', contact: '', notes: 'left-handed', figure: null, createdAt: 1, updatedAt: 2 }],
		plans: [{ id: 'p1', clientId: 'c1', date: '2026-01-05', title: 'Neck', status: 'done', createdAt: 1, updatedAt: 3 }],
		marks: [{ id: 'm1', planId: 'p1', region: 9, sensation: 'knot', intensity: 7, author: 'client' }],
		handoffs: [{ digest: 'ab'.repeat(32), planId: 'p1', importedAt: 4 }]
	}
};

describe('schema migrations', () => {
	it('has a fixture for every schema version', () => {
		expect(Object.keys(FIXTURES).map(Number)).toEqual(SCHEMA_VERSIONS.map((v) => v.version));
	});

	for (const { version } of SCHEMA_VERSIONS) {
		it(`opens a database written by schema v${version} in the current version (v${CURRENT_VERSION}) with every row intact`, async () => {
			const name = `migrate-${version}-${Math.random()}`;
			const old = createDatabase(name, version);
			await old.open();
			expect(old.verno).toBe(version);
			const f = FIXTURES[version];
			await old.table('clients').bulkAdd(f.clients);
			await old.table('plans').bulkAdd(f.plans);
			await old.table('marks').bulkAdd(f.marks);
			if (f.handoffs) await old.table('handoffs').bulkAdd(f.handoffs);
			old.close();

			const store = new Store(createDatabase(name));
			const client = await store.getClient('c1');
			expect(client).toMatchObject({ name: 'Kim', notes: 'left-handed' });
			const plan = await store.getPlan('p1');
			expect(plan).toMatchObject({ title: 'Neck', status: 'done', scope: 'local', durationMin: 30, goals: [], outcome: null });
			expect(plan?.oil).toEqual({ preference: '', allergies: '' });
			expect(await store.db.marks.where('planId').equals('p1').count()).toBe(1);
			expect(await store.db.handoffs.toArray()).toEqual(f.handoffs ?? []);
			expect(store.db.verno).toBe(CURRENT_VERSION);
			store.db.close();
		});
	}

	it('v2 to v3: every plan is kept, and each opens as an unsigned draft record with its marks in S', async () => {
		const name = `migrate-records-${Math.random()}`;
		const old = createDatabase(name, 2);
		await old.open();
		await old.table('clients').bulkAdd(FIXTURES[2].clients);
		const plans = Array.from({ length: 5 }, (_, i) => ({ id: `p${i}`, clientId: 'c1', date: `2026-01-0${i + 1}`, title: `Session ${i}`, status: 'done', createdAt: 1, updatedAt: 3 + i }));
		await old.table('plans').bulkAdd(plans);
		await old.table('marks').bulkAdd(plans.map((p, i) => ({ id: `m${i}`, planId: p.id, region: 9, sensation: 'knot', intensity: i + 1, author: 'client' })));
		old.close();

		const store = new Store(createDatabase(name));
		expect((await store.listPlansForClient('c1')).map((p) => p.id).sort()).toEqual(plans.map((p) => p.id));
		expect(await store.db.records.count()).toBe(0);
		for (const [i, p] of plans.entries()) {
			const record = await store.openRecord(p.id);
			expect(record).toMatchObject({ planId: p.id, clientId: 'c1', status: 'draft', plannedMin: 30 });
			expect(record.soap.s).toContain(`${i + 1}/10`);
		}
		expect(await store.db.records.count()).toBe(5);
		expect(await store.db.plans.count()).toBe(5);
		expect(await store.db.marks.count()).toBe(5);
		store.db.close();
	});

	it('v3 to v4: the record tables keep every row, and a deletion with its reason is kept in the new table', async () => {
		const name = `migrate-deletions-${Math.random()}`;
		const old = createDatabase(name, 3);
		await old.open();
		await old.table('clients').bulkAdd(FIXTURES[3].clients);
		await old.table('plans').bulkAdd(FIXTURES[3].plans);
		const prac = { id: 'pr1', fullName: 'Alex Moreno', qualification: '', association: '', membershipNumber: '', providerNumbers: [], businessName: '', taxNumber: '', address: '', phone: '', createdAt: 1, updatedAt: 1 };
		await old.table('practitioners').add(prac);
		await old.table('clientDetails').add({ clientId: 'c1', dateOfBirth: '1980-04-23', gender: '', address: '', emergencyContact: null, referrer: '', occupation: '', medicalHistory: 'Asthma', medications: '', allergies: '', pregnancy: 'not-asked', pregnancyNote: '', guardian: null });
		old.close();

		const store = new Store(createDatabase(name), () => new Date(2026, 5, 1).getTime());
		expect(await store.listPractitioners()).toEqual([prac]);
		expect((await store.getClientDetails('c1'))?.medicalHistory).toBe('Asthma');
		expect(await store.listDeletions()).toEqual([]);
		// The v3 plan is done: a treatment record to keep, so deleting it needs the reason, which is kept.
		await expect(store.deletePlan('p1')).rejects.toMatchObject({ kind: 'validation' });
		await store.deletePlan('p1', { reason: 'Entered for the wrong client', practitionerId: 'pr1' });
		expect(await store.listDeletions()).toMatchObject([{ kind: 'plan', clientId: 'c1', clientName: 'Kim', planIds: ['p1'], reason: 'Entered for the wrong client', practitionerName: 'Alex Moreno' }]);
		expect(store.db.verno).toBe(CURRENT_VERSION);
		store.db.close();
	});

	it('tells an open tab to reload when another tab opens a newer version', async () => {
		const name = `versionchange-${Math.random()}`;
		const older = new Store(createDatabase(name));
		await older.db.open();
		const statuses: string[] = [];
		older.onStatus((s) => statuses.push(s));

		const { default: Dexie } = await import('dexie');
		const newer = new Dexie(name);
		newer.version(CURRENT_VERSION + 1).stores({ ...SCHEMA_VERSIONS.at(-1)!.stores, extra: 'id' });
		await newer.open();

		expect(statuses).toContain('outdated');
		expect(older.db.isOpen()).toBe(false);
		// A write from the outdated tab fails with a message that says what to do.
		await expect(older.createClient({ name: 'Late' })).rejects.toMatchObject({
			message: expect.stringMatching(/Reload this tab/)
		});
		newer.close();
	});
});
