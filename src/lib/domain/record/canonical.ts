/**
 * Canonical JSON: one text for one value, on every device and in every version, so a record's
 * hash is the same when it is read back from IndexedDB, a backup or another browser. Keys in
 * code-unit order, no whitespace, `undefined` fields left out (as JSON.stringify would, but said),
 * −0 as 0. Text is written exactly as given: a record's text is put in Unicode NFC once, when it
 * is written (`nfcText`, by the sealing steps), and what is stored is what is hashed, so a stored
 * text rewritten composed↔decomposed shows as a change, and a browser's newer Unicode tables can
 * never change a hash. Anything JSON cannot carry exactly (NaN, Infinity, a Date, a Map, a typed
 * array, a cycle, an `undefined` or a hole inside a list) is refused rather than silently turned
 * into something else.
 */

export class CanonicalError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CanonicalError';
	}
}

/** Far deeper than any record; stops a cycle or a hostile nesting before the stack does. */
const MAX_DEPTH = 32;

export function canonicalJson(value: unknown): string {
	return write(value, '', 0);
}

function write(v: unknown, path: string, depth: number): string {
	if (depth > MAX_DEPTH) throw new CanonicalError(`${path || 'The value'} is nested too deeply.`);
	if (v === null) return 'null';
	switch (typeof v) {
		case 'boolean':
			return v ? 'true' : 'false';
		case 'number':
			if (!Number.isFinite(v)) throw new CanonicalError(`${path || 'The value'} is not a finite number.`);
			return Object.is(v, -0) ? '0' : JSON.stringify(v);
		case 'string':
			return JSON.stringify(v);
		case 'object':
			break;
		default:
			throw new CanonicalError(`${path || 'The value'} cannot be written as JSON (${typeof v}).`);
	}
	if (Array.isArray(v)) {
		// By index, not `map`: map skips a hole, which would give `[,1]` (not JSON).
		const items: string[] = [];
		for (let i = 0; i < v.length; i++) {
			if (!(i in v)) throw new CanonicalError(`${path}[${i}] is missing (a hole in the list).`);
			if (v[i] === undefined) throw new CanonicalError(`${path}[${i}] is undefined.`);
			items.push(write(v[i], `${path}[${i}]`, depth + 1));
		}
		return `[${items.join(',')}]`;
	}
	const proto = Object.getPrototypeOf(v);
	if (proto !== Object.prototype && proto !== null) {
		throw new CanonicalError(`${path || 'The value'} is not a plain object.`);
	}
	const o = v as Record<string, unknown>;
	const keys = Object.keys(o)
		.filter((k) => o[k] !== undefined)
		// Sorted by code unit: the order does not depend on the device's language.
		.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
	const fields = keys.map((k) => `${JSON.stringify(k)}:${write(o[k], path ? `${path}.${k}` : k, depth + 1)}`);
	return `{${fields.join(',')}}`;
}

/**
 * A copy of plain data with every text (and key) in Unicode NFC: what a record stores, done once
 * when it is written, so the same letters typed composed or decomposed are kept (and hashed) alike.
 * Anything else is copied as it is (canonicalJson refuses what JSON cannot carry). Two keys that
 * read the same once normalised are refused.
 */
export function nfcText<T>(value: T): T {
	return nfc(value, '', 0) as T;
}

function nfc(v: unknown, path: string, depth: number): unknown {
	if (depth > MAX_DEPTH) throw new CanonicalError(`${path || 'The value'} is nested too deeply.`);
	if (typeof v === 'string') return v.normalize('NFC');
	if (Array.isArray(v)) {
		const out: unknown[] = [];
		for (let i = 0; i < v.length; i++) {
			if (!(i in v)) throw new CanonicalError(`${path}[${i}] is missing (a hole in the list).`);
			out.push(nfc(v[i], `${path}[${i}]`, depth + 1));
		}
		return out;
	}
	if (v === null || typeof v !== 'object') return v;
	const proto = Object.getPrototypeOf(v);
	if (proto !== Object.prototype && proto !== null) return v;
	const out: Record<string, unknown> = {};
	for (const [k, x] of Object.entries(v)) {
		const key = k.normalize('NFC');
		if (Object.hasOwn(out, key)) throw new CanonicalError(`${path || 'The value'} has two keys that read the same.`);
		// defineProperty: a "__proto__" key from parsed JSON stays plain data.
		Object.defineProperty(out, key, { value: nfc(x, path ? `${path}.${k}` : k, depth + 1), enumerable: true, writable: true, configurable: true });
	}
	return out;
}
