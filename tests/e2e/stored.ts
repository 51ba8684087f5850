/**
 * What the app has written to its IndexedDB, read with the plain IndexedDB API (not through the
 * page): tests check that a change reached the database, not only the screen.
 */
import type { Page } from '@playwright/test';

/** Every row of one object store, or only those whose `planId` is given. */
function rowsOf(page: Page, table: string, planId: string | null): Promise<Record<string, unknown>[]> {
	return page.evaluate(
		([table, planId]) =>
			new Promise<Record<string, unknown>[]>((ok, ko) => {
				const open = indexedDB.open('somamap');
				open.onerror = () => ko(open.error);
				open.onsuccess = () => {
					const all = open.result.transaction(table).objectStore(table).getAll();
					all.onsuccess = () => {
						open.result.close();
						ok(all.result.filter((row: { planId?: string }) => planId === null || row.planId === planId));
					};
					all.onerror = () => ko(all.error);
				};
			}),
		[table, planId] as const
	);
}

/** Every row of one object store as stored. */
export function storedRows<T = Record<string, unknown>>(page: Page, table: string): Promise<T[]> {
	return rowsOf(page, table, null) as Promise<T[]>;
}

/** A plan's id from its address (/plan?id=…), or the id itself. */
const idOf = (planOrUrl: string) => (planOrUrl.includes('id=') ? new URL(planOrUrl).searchParams.get('id')! : planOrUrl);

/** The plan as stored (undefined when there is none), by id or by its page's address. */
export async function storedPlan(page: Page, planOrUrl: string): Promise<Record<string, unknown> | undefined> {
	const id = idOf(planOrUrl);
	return (await rowsOf(page, 'plans', null)).find((p) => p.id === id);
}

/**
 * Writes one field of a stored plan straight into IndexedDB, behind the app's back (as a plan made
 * by an older version, or an edited backup file, would hold it). `path`: 'health' or 'oil.allergies'.
 */
export function setStoredPlanField(page: Page, planOrUrl: string, path: string, value: unknown): Promise<void> {
	return page.evaluate(
		([id, path, value]) =>
			new Promise<void>((ok, ko) => {
				const open = indexedDB.open('somamap');
				open.onerror = () => ko(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction('plans', 'readwrite');
					const plans = tx.objectStore('plans');
					const get = plans.get(id);
					get.onsuccess = () => {
						const [head, ...rest] = path.split('.');
						const row = get.result;
						plans.put({ ...row, [head]: rest.length ? { ...row[head], [rest.join('.')]: value } : value });
					};
					tx.oncomplete = () => (open.result.close(), ok());
					tx.onerror = () => ko(tx.error);
				};
			}),
		[idOf(planOrUrl), path, value] as const
	);
}

/** The plan's marks as stored, by plan id or by its page's address. */
export function storedMarksOf(page: Page, planOrUrl: string): Promise<Record<string, unknown>[]> {
	return rowsOf(page, 'marks', idOf(planOrUrl));
}

/**
 * Every row of each of `tables`, read in one go. `plain`: typed arrays as plain lists (to compare
 * with a file); `withoutSeq`: the history's sequence numbers left out.
 */
export function storedTables(page: Page, tables: readonly string[], opts: { plain?: boolean; withoutSeq?: boolean } = {}): Promise<Record<string, unknown[]>> {
	return page.evaluate(
		async ([tables, { plain, withoutSeq }]) => {
			const db = await new Promise<IDBDatabase>((ok, no) => {
				const r = indexedDB.open('somamap');
				r.onsuccess = () => ok(r.result);
				r.onerror = () => no(r.error);
			});
			const out: Record<string, unknown[]> = {};
			for (const name of tables) {
				out[name] = await new Promise((ok, no) => {
					const req = db.transaction(name).objectStore(name).getAll();
					req.onsuccess = () => ok(withoutSeq ? req.result.map(({ seq: _seq, ...row }: { seq?: number }) => row) : req.result);
					req.onerror = () => no(req.error);
				});
			}
			db.close();
			return plain ? JSON.parse(JSON.stringify(out, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Uint8Array) : v))) : out;
		},
		[tables, opts] as const
	);
}
