/** Settings: key/value rows (default figure and build, the PIN's hash, the practice's name, ...). */
import type { Setting } from '$lib/domain/records';
import { CARRIED_SETTINGS } from '$lib/domain/backup/record-tables';
import { read, write, type StoreContext } from './core';

/** A setting a backup carries keeps when it was chosen, so a restore can tell the newer one. */
const STAMPED: readonly string[] = CARRIED_SETTINGS;

export class Settings {
	readonly #ctx: StoreContext;

	constructor(ctx: StoreContext) {
		this.#ctx = ctx;
	}

	async get<T>(key: string, fallback: T): Promise<T> {
		const row = await read(() => this.#ctx.db.settings.get(key));
		return row === undefined ? fallback : (row.value as T);
	}

	async set<T>(key: string, value: T): Promise<void> {
		const { db } = this.#ctx;
		const row: Setting<T> & { changedAt?: number } = { key, value };
		if (STAMPED.includes(key)) row.changedAt = this.#ctx.clock();
		await write(db, [db.settings], () => db.settings.put(row));
	}

	/** See Store.updateSettings. */
	async update<R>(keys: string[], change: (values: unknown[]) => { set?: Record<string, unknown>; result: R }): Promise<R> {
		const { db } = this.#ctx;
		const { settings } = db;
		return write(db, [settings], async () => {
			const rows = keys.length ? await settings.bulkGet(keys) : [];
			const { set, result } = change(rows.map((row) => row?.value));
			if (set) await settings.bulkPut(Object.entries(set).map(([key, value]): Setting => ({ key, value })));
			return result;
		});
	}
}
