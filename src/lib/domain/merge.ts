/**
 * Three-way merge of plain record data (what two tabs did to one record). Pure: no DOM, no
 * storage. `base` is a value as this tab last saw it stored, `mine` what this tab has now,
 * `theirs` what is stored now. A side that left a value as it was takes the other side's change;
 * plain objects (health answers, the outcome's texts, oil) merge key by key; lists whose order
 * means nothing (goals, areas to avoid: `isSet`) keep what either side added and lose what either
 * removed; anything else that both sides changed differently is a conflict, reported with its path.
 */

export type Path = readonly string[];

export interface Conflict {
	path: Path;
	base: unknown;
	mine: unknown;
	theirs: unknown;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
	if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
	const proto = Object.getPrototypeOf(v);
	return proto === Object.prototype || proto === null;
}

/** Deep equality of JSON-like data (objects by own keys, arrays in order). */
export function sameValue(a: unknown, b: unknown): boolean {
	if (Object.is(a, b)) return true;
	// A painted mark's vertices and weights: equal when their numbers are (a copy read back from
	// storage is another object).
	if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) return sameView(a, b);
	if (Array.isArray(a) || Array.isArray(b)) {
		if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
		return a.every((x, i) => sameValue(x, b[i]));
	}
	if (isPlainObject(a) && isPlainObject(b)) {
		const ka = Object.keys(a).filter((k) => a[k] !== undefined);
		const kb = Object.keys(b).filter((k) => b[k] !== undefined);
		return ka.length === kb.length && ka.every((k) => sameValue(a[k], b[k]));
	}
	return false;
}

function sameView(a: unknown, b: unknown): boolean {
	if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b) || a.constructor !== b.constructor || a instanceof DataView || b instanceof DataView) return false;
	const x = a as unknown as ArrayLike<number>;
	const y = b as unknown as ArrayLike<number>;
	if (x.length !== y.length) return false;
	for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return false;
	return true;
}

/** A deep copy of JSON-like data. */
export function copyValue<T>(v: T): T {
	if (Array.isArray(v)) return v.map(copyValue) as T;
	if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copyValue(x)])) as T;
	return v;
}

export function getPath(v: unknown, path: Path): unknown {
	let cur = v;
	for (const k of path) {
		if (!isPlainObject(cur)) return undefined;
		cur = cur[k];
	}
	return cur;
}

/** Sets `path` inside `target` (objects on the way are created); returns false when it cannot. */
export function setPath(target: Record<string, unknown>, path: Path, value: unknown): boolean {
	if (!path.length) return false;
	let cur: Record<string, unknown> = target;
	for (const k of path.slice(0, -1)) {
		if (!isPlainObject(cur[k])) {
			if (cur[k] !== undefined && cur[k] !== null) return false;
			cur[k] = {};
		}
		cur = cur[k] as Record<string, unknown>;
	}
	cur[path[path.length - 1]] = copyValue(value);
	return true;
}

export interface Merged {
	value: unknown;
	conflicts: Conflict[];
}

/**
 * Merges one value. A conflict keeps `mine` in the result (what the person is looking at); the
 * caller decides what to do with it.
 */
export function merge3(base: unknown, mine: unknown, theirs: unknown, path: Path = [], isSet: (path: Path) => boolean = () => false): Merged {
	if (sameValue(mine, theirs)) return { value: mine, conflicts: [] };
	if (sameValue(mine, base)) return { value: theirs, conflicts: [] };
	if (sameValue(theirs, base)) return { value: mine, conflicts: [] };
	if (Array.isArray(mine) && Array.isArray(theirs) && isSet(path)) {
		return { value: mergeSet(Array.isArray(base) ? base : [], mine, theirs), conflicts: [] };
	}
	if (isPlainObject(mine) && isPlainObject(theirs)) {
		// Both made an object (an outcome where there was none): merge it as if from empty, where
		// an empty text is a text nobody wrote.
		const fresh = !isPlainObject(base);
		const b = isPlainObject(base) ? base : {};
		const out: Record<string, unknown> = {};
		const conflicts: Conflict[] = [];
		for (const k of new Set([...Object.keys(mine), ...Object.keys(theirs)])) {
			const from = fresh && (typeof mine[k] === 'string' || typeof theirs[k] === 'string') ? '' : b[k];
			const m = merge3(from, mine[k], theirs[k], [...path, k], isSet);
			if (m.value !== undefined) out[k] = m.value;
			conflicts.push(...m.conflicts);
		}
		return { value: out, conflicts };
	}
	return { value: mine, conflicts: [{ path, base, mine, theirs }] };
}

export const pathKey = (path: Path): string => path.join('.');

/**
 * Two changes to a list whose order means nothing: what either side added is in, what either
 * removed is out; this tab's order first, then what the other added.
 */
export function mergeSet(base: readonly unknown[], mine: readonly unknown[], theirs: readonly unknown[]): unknown[] {
	const has = (list: readonly unknown[], x: unknown) => list.some((y) => sameValue(x, y));
	const removed = base.filter((x) => !has(mine, x) || !has(theirs, x));
	const out = mine.filter((x) => !has(removed, x)).map(copyValue);
	for (const x of theirs) if (!has(out, x) && !has(removed, x)) out.push(copyValue(x));
	return out;
}
