/** Seeded stores and whole-database dumps for the backup tests. */
import type { Mark, Patch } from '$lib/domain/records';
import { codeOf } from '$lib/domain/regions';
import type { Store } from '$lib/store/store';
import { CLINIC_TABLES, RECORD_TABLES } from '$lib/domain/backup/record-tables';
import { freshStore, tickingClock } from '../store/helpers';
import { markRecord } from '../fixtures';

export { freshStore, tickingClock };

/**
 * A file of this app turned into one of an older format version as that version wrote it: before
 * version 4 there were no treatment-record tables, before 5 no deletions log or settings (the other
 * differences are up to each test).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function asVersion(doc: any, version: number): void {
	doc.version = version;
	if (version < 4) for (const k of RECORD_TABLES) delete doc[k];
	if (version < 5) for (const k of CLINIC_TABLES) delete doc[k];
}

/** A time safely before "now" in every test, so no record is in the future. */
export const T0 = 1_750_000_000_000;

export function patch(n = 5, start = 100): Patch {
	return {
		modelVersion: 'body-v1-abc123',
		vertices: Uint32Array.from({ length: n }, (_, i) => start + i * 3),
		weights: Uint8Array.from({ length: n }, (_, i) => 1 + ((i * 37) % 255)),
		regions: [
			{ region: codeOf('upper-trapezius-r'), area: 12.5 },
			{ region: codeOf('levator-scapulae-r'), area: 3.25 }
		]
	};
}

export function markRow(id: string, planId: string, over: Partial<Mark> = {}): Mark {
	return markRecord(id, planId, { createdAt: T0, updatedAt: T0, ...over });
}

/**
 * A store with two clients, three plans (one with a full set of settings and an outcome) and
 * marks of every kind, including a painted patch with edge values in its typed arrays.
 */
export async function seeded(prefix = 'a'): Promise<{ store: Store; ids: Record<string, string> }> {
	const store = freshStore(tickingClock(T0));
	const { client: kim, plan: neck } = await store.createClientWithPlan(
		{ name: `Kim <b>${prefix}</b>`, contact: '0400 000 000', notes: 'Prefers mornings' },
		{ title: 'Neck & shoulders', date: '2026-03-02' }
	);
	const lee = await store.createClient({ name: `Lee ${prefix}` });
	const back = await store.createPlan(lee.id, { title: 'Low back', date: '2026-03-09', status: 'planned' });
	const legs = await store.createPlan(lee.id, { title: 'Legs', date: '2026-03-16' });
	await store.updatePlan(neck.id, {
		scope: 'full',
		durationMin: 90,
		pressure: 4,
		goals: ['Less stress'],
		complaints: ['Whiplash'],
		techniques: ['Deep tissue', 'CranioSacral therapy'],
		health: { pregnancy: true, clot: false },
		avoid: [codeOf('sternum')],
		consent: { [codeOf('pectoralis-l')]: true },
		oil: { preference: 'almond', allergies: 'nuts? none' },
		clientWords: 'It “burns” when I turn <left>',
		notes: 'Line one\nLine two',
		planning: { fixed: { r16: 12.5, 'base:back': 10 }, order: ['r16', 'base:back', 'craniosacral'], craniosacralShare: 0.3 },
		outcome: { done: 'Trigger points', response: 'Eased', advice: 'Heat', after: { [codeOf('upper-trapezius-r')]: 3 } }
	});
	const edge: Patch = {
		modelVersion: 'body-v1-abc123',
		vertices: Uint32Array.from([0, 1, 255, 256, 65535, 65536, 3_999_999]),
		weights: Uint8Array.from([1, 2, 127, 128, 200, 254, 255]),
		regions: [{ region: codeOf('upper-trapezius-r'), area: 0.001 }]
	};
	await store.db.marks.bulkAdd([
		markRow(`${prefix}-m1`, neck.id, { patch: edge, note: '<script>alert(1)</script>' }),
		markRow(`${prefix}-m2`, neck.id, {
			region: codeOf('lumbar-erector-l'),
			depth: 'deep',
			structure: 'quadratus lumborum',
			pressure: 2,
			author: 'therapist',
			sensation: 'aching',
			intensity: 0,
			createdAt: T0 + 5,
			updatedAt: T0 + 9
		}),
		markRow(`${prefix}-m3`, back.id, { patch: patch(2000), intensity: 10, carried: true })
	]);
	return { store, ids: { kim: kim.id, lee: lee.id, neck: neck.id, back: back.id, legs: legs.id } };
}

/** Every row of every table, in a stable order: equal dumps mean an unchanged database. */
export async function dump(store: Store) {
	const { db } = store;
	const sorted = <T extends object>(rows: T[], key: keyof T) =>
		rows.sort((a, b) => String(a[key]).localeCompare(String(b[key])));
	return {
		clients: sorted(await db.clients.toArray(), 'id'),
		plans: sorted(await db.plans.toArray(), 'id'),
		marks: sorted(await db.marks.toArray(), 'id'),
		settings: sorted(await db.settings.toArray(), 'key')
	};
}
