/**
 * What erasing everything would throw away that the law says to keep: the signed treatment records
 * still inside their keeping period (domain/record/retention, under the clinic's rule). Erasing
 * still works (a device handed on must be wiped); the erase screen says this plainly first.
 */
import { today } from '$lib/domain/records';
import { isLocked } from '$lib/domain/record/locked';
import { retentionRule, retentionUntil, type RetentionRule } from '$lib/domain/record/retention';
import type { IsoDay } from '$lib/domain/record/types';
import { read } from './core';
import { RETENTION_KEY } from './record-cascade';
import type { Store } from './store';

export interface Keeping {
	/** Signed records still inside their keeping period. */
	count: number;
	/** The last day any of them must be kept until (null when count is 0). */
	until: IsoDay | null;
	rule: RetentionRule;
}

export async function signedRecordsInKeeping(store: Store, now = Date.now()): Promise<Keeping> {
	const { db } = store;
	const [records, details, setting] = await read(() =>
		db.transaction('r', db.records, db.clientDetails, db.settings, () => Promise.all([db.records.toArray(), db.clientDetails.toArray(), db.settings.get(RETENTION_KEY)]))
	);
	const rule = retentionRule(setting?.value);
	const born = new Map(details.map((d) => [d.clientId, d.dateOfBirth]));
	const day = today(new Date(now));
	let count = 0;
	let until: IsoDay | null = null;
	for (const r of records) {
		if (!isLocked(r)) continue;
		const kept = retentionUntil(r, { dateOfBirth: born.get(r.clientId) ?? null }, rule).until;
		if (day >= kept) continue;
		count++;
		if (!until || kept > until) until = kept;
	}
	return { count, until, rule };
}
