/**
 * Small readers for untrusted JSON: each takes a value and its path in the file ("plans[3].pressure")
 * and returns it typed, or throws a BackupProblem whose message names the path and what is wrong.
 * Objects must have exactly the expected keys, so nothing unknown rides along into the database.
 */
import { cleanText } from '$lib/domain/clean-text';
import { formatDate, isoDayOf } from '$lib/domain/dates';
import { regionByCode, REGION_COUNT } from '$lib/domain/regions';

/** What is wrong with a file, in words for the person restoring it. */
export class BackupProblem extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'BackupProblem';
	}
}

export function problem(message: string): never {
	throw new BackupProblem(message);
}

/** Keys that could reach an object's prototype if anything ever copied them naively. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** A key as it appears in a message: quoted, and short, whatever the file put there. */
export function quoteKey(key: string): string {
	return JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);
}

export function childPath(path: string, key: string | number): string {
	if (typeof key === 'number') return `${path}[${key}]`;
	const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `[${quoteKey(key)}]`;
	return !path ? key : name.startsWith('[') ? path + name : `${path}.${name}`;
}

function where(path: string): string {
	return path || 'The file';
}

/**
 * Walks the parsed file once before anything else: refuses forbidden keys anywhere and nesting
 * deeper than the format could ever need.
 */
export function scanKeys(value: unknown, path: string, maxDepth: number, depth = 0): void {
	if (typeof value !== 'object' || value === null) return;
	if (depth >= maxDepth) problem(`${where(path)} is nested too deeply to be a Somamap backup.`);
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) scanKeys(value[i], childPath(path, i), maxDepth, depth + 1);
		return;
	}
	for (const key of Object.keys(value)) {
		if (FORBIDDEN.has(key)) problem(`${where(path)} has a forbidden key ${quoteKey(key)}.`);
		scanKeys((value as Record<string, unknown>)[key], childPath(path, key), maxDepth, depth + 1);
	}
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An object with exactly `keys` (those in `optional` may be absent). */
export function object(
	v: unknown,
	path: string,
	keys: readonly string[],
	optional: readonly string[] = []
): Record<string, unknown> {
	if (!isPlainObject(v)) problem(`${where(path)} must be an object.`);
	for (const key of Object.keys(v)) {
		if (!keys.includes(key)) problem(`${where(path)} has an unexpected key ${quoteKey(key)}.`);
	}
	for (const key of keys) {
		if (!Object.hasOwn(v, key) && !optional.includes(key)) problem(`${childPath(path, key)} is missing.`);
	}
	return v;
}

export function list(v: unknown, path: string, max: number, what = 'items'): unknown[] {
	if (!Array.isArray(v)) problem(`${path} must be a list.`);
	if (v.length > max) problem(`${path} has ${v.length} ${what}; at most ${max} are allowed.`);
	return v;
}

/**
 * Text, without hidden control and bidi characters (domain/clean-text; line breaks stay here, and
 * the record's own cleaning turns them into spaces in one-line fields).
 */
export function text(v: unknown, path: string, max: number, required = false): string {
	if (typeof v !== 'string') problem(`${path} must be text.`);
	if (v.length > max) problem(`${path} is too long (${v.length} characters; at most ${max}).`);
	const clean = cleanText(v, true);
	if (required && !clean.trim()) problem(`${path} must not be empty.`);
	return clean;
}

export function bool(v: unknown, path: string): boolean {
	if (typeof v !== 'boolean') problem(`${path} must be true or false.`);
	return v;
}

export function integer(v: unknown, path: string, min: number, max: number): number {
	if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
		problem(`${path} must be a whole number from ${min} to ${max}.`);
	}
	return v;
}

export function number(v: unknown, path: string, min: number, max: number): number {
	if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
		problem(`${path} must be a number from ${min} to ${max}.`);
	}
	return v;
}

export function oneOf<T extends string | number | null>(v: unknown, path: string, options: readonly T[]): T {
	if (!options.includes(v as T)) {
		const words = options.map((o) => (typeof o === 'string' ? `"${o}"` : String(o))).join(', ');
		problem(`${path} must be one of ${words}.`);
	}
	return v as T;
}

export function regionCode(v: unknown, path: string): number {
	if (typeof v !== 'number' || !regionByCode(v)) problem(`${path} must be a region code from 1 to ${REGION_COUNT}.`);
	return v;
}

/** Record ids: the app makes UUIDs; any short run of letters, digits and dashes is accepted. */
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function id(v: unknown, path: string): string {
	if (typeof v !== 'string' || !ID.test(v)) problem(`${path} must be an id (letters, digits and dashes, at most 64).`);
	return v;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * A time in ms since the epoch, not after `now` (with a day's slack for clocks that differ):
 * dates decide which copy wins a merge, so a date in the far future would win forever.
 */
export function timestamp(v: unknown, path: string, now: number): number {
	if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) problem(`${path} must be a time in milliseconds.`);
	if (v > now + DAY) {
		const day = v < 8.64e15 ? formatDate(isoDayOf(v)) : 'far future';
		problem(`${path} is in the future (${day}); check the clock of the device that made the backup.`);
	}
	return v;
}

/**
 * A record keyed by text (`health`, `consent`, …): each key must match `key`, each value is read
 * by `value`. Built with defineProperty semantics (Object.fromEntries), never by assignment.
 */
export function record<T>(
	v: unknown,
	path: string,
	max: number,
	key: (k: string, path: string) => void,
	value: (v: unknown, path: string) => T
): Record<string, T> {
	if (!isPlainObject(v)) problem(`${path} must be an object.`);
	const keys = Object.keys(v);
	if (keys.length > max) problem(`${path} has ${keys.length} entries; at most ${max} are allowed.`);
	return Object.fromEntries(
		keys.map((k) => {
			const p = childPath(path, k);
			key(k, p);
			return [k, value(v[k], p)];
		})
	);
}

/** A key that must match a pattern. */
export function keyMatching(pattern: RegExp, what: string): (k: string, path: string) => void {
	return (k, path) => {
		if (!pattern.test(k)) problem(`${path}: ${quoteKey(k)} is not ${what}.`);
	};
}

/** A key that must be a region code. */
export function regionKey(k: string, path: string): void {
	if (!/^[1-9]\d{0,2}$/.test(k) || !regionByCode(Number(k))) problem(`${path}: ${quoteKey(k)} is not a region code.`);
}
