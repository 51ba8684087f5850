/**
 * A therapist's device after some months: 50 clients, each with two plans of four marks. Written
 * by the app's own store (on fake-indexeddb, in Node) and exported as the app's backup file; the
 * bench restores that file through the Settings page, so the browser's database is filled by the
 * page's own store, with rows exactly as the app writes them.
 */
import 'fake-indexeddb/auto';
import type { MarkInput } from '../src/lib/domain/marks';
import { createDatabase } from '../src/lib/store/schema';
import { Store } from '../src/lib/store/store';
import { exportBackup } from '../src/lib/store/backup';

export const SEED_CLIENTS = 50;

const FIRST = ['Ana', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'June'];
const LAST = ['Moreno', 'Okafor', 'Lindqvist', 'Tanaka', 'Brennan'];
const SENSATIONS = ['tension', 'aching', 'sharp', 'knot'] as const;

const mark = (i: number): MarkInput => ({
	region: 1 + ((i * 7) % 80),
	sensation: SENSATIONS[i % SENSATIONS.length],
	intensity: 2 + (i % 8),
	depth: 'surface',
	structure: null,
	pressure: null,
	note: i % 3 ? '' : 'worse after long drives',
	author: i % 2 ? 'client' : 'therapist'
});

/** The backup file's text. */
export async function seedBackup(): Promise<string> {
	const store = new Store(createDatabase(`bench-seed-${Date.now()}`));
	for (let c = 0; c < SEED_CLIENTS; c++) {
		const name = `${FIRST[c % FIRST.length]} ${LAST[Math.floor(c / FIRST.length) % LAST.length]} ${c + 1}`;
		const { client, plan } = await store.createClientWithPlan(
			{ name, contact: c % 2 ? `${name.split(' ')[0].toLowerCase()}@example.org` : '' },
			{ title: 'Neck and shoulders', date: '2026-10-01', status: 'done' }
		);
		const second = await store.createPlan(client.id, { title: 'Low back', date: '2026-11-02', status: 'planned' });
		for (let m = 0; m < 4; m++) {
			await store.addMark(plan.id, mark(c + m));
			await store.addMark(second.id, mark(c + m + 4));
		}
	}
	const { parts } = await exportBackup(store);
	store.db.close();
	return parts.join('');
}
