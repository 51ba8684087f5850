/**
 * What every repository of the store shares: the one database, the clock, and the transaction and
 * error helpers. Each write is one Dexie transaction (all or nothing); a write that spans
 * aggregates lists every table it touches, and helpers marked "inside the caller's transaction"
 * join it instead of opening their own.
 */
import type { Table } from 'dexie';
import type { Id } from '$lib/domain/records';
import { sameValue } from '$lib/domain/merge';
import { hasErrors } from '$lib/domain/validation';
import { StoreError, toStoreError } from './errors';
import type { SomamapDB } from './schema';

export interface StoreContext {
	readonly db: SomamapDB;
	/** Now, in ms (a test's ticking clock, or Date.now). */
	readonly clock: () => number;
}

/** Runs a read-write transaction; any failure rolls it back and becomes a StoreError. */
export async function write<T>(db: SomamapDB, tables: Table[], fn: () => Promise<T>): Promise<T> {
	try {
		return await db.transaction('rw', tables, fn);
	} catch (e) {
		throw toStoreError(e);
	}
}

/** Runs a read; a failure becomes a StoreError. */
export async function read<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (e) {
		throw toStoreError(e);
	}
}

export function newId(): Id {
	return crypto.randomUUID();
}

/** Refuses a write with a message for the person ('validation'). */
export function fail(message: string): never {
	throw new StoreError('validation', message);
}

/** Fails with the first message of a validation result, if any. */
export function failOnFirst(errors: object): void {
	if (hasErrors(errors)) fail(Object.values(errors)[0] as string);
}

/**
 * A record's next version: now, or just after the stored one when the clock reads earlier (set
 * back, or another device's time), so every write makes a newer version that open forms follow.
 */
export function later(now: number, stored: number): number {
	return Math.max(now, (Number.isFinite(stored) ? stored : 0) + 1);
}

/**
 * The version check of a partial update, inside its transaction: each expected field must still
 * hold the value the writer based its change on (or already hold the new one), else another tab
 * changed it since and the write is refused whole ('conflict'), for the writer to merge and retry.
 */
export function unchanged(current: object, patch: object, expected: object | undefined): void {
	if (!expected) return;
	const cur = current as Record<string, unknown>;
	const next = patch as Record<string, unknown>;
	for (const [k, v] of Object.entries(expected)) {
		if (!sameValue(cur[k], v) && !sameValue(cur[k], next[k])) throw new StoreError('conflict', 'This record was changed in another tab since this one read it.');
	}
}

/**
 * The `now` for reading rows already on this device: they were checked when they were written, so
 * a clock set back must not make them "in the future" (that check is for files from elsewhere).
 */
export const ON_DEVICE = Number.POSITIVE_INFINITY;
