/**
 * Canonical JSON: one text for one value, on every device and in every version, so a record's
 * hash is the same when it is read back from IndexedDB, a backup or another browser. Keys in
 * code-unit order, no whitespace, `undefined` fields left out (as JSON.stringify would, but said),
 * −0 as 0, text in Unicode NFC (the same letters typed composed or decomposed hash alike).
 * Anything JSON cannot carry exactly (NaN, Infinity, a Date, a Map, a typed array, a cycle, an
 * `undefined` inside a list) is refused rather than silently turned into something else.
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
			return JSON.stringify(v.normalize('NFC'));
		case 'object':
			break;
		default:
			throw new CanonicalError(`${path || 'The value'} cannot be written as JSON (${typeof v}).`);
	}
	if (Array.isArray(v)) {
		const items = v.map((item, i) => {
			if (item === undefined) throw new CanonicalError(`${path}[${i}] is undefined.`);
			return write(item, `${path}[${i}]`, depth + 1);
		});
		return `[${items.join(',')}]`;
	}
	const proto = Object.getPrototypeOf(v);
	if (proto !== Object.prototype && proto !== null) {
		throw new CanonicalError(`${path || 'The value'} is not a plain object.`);
	}
	const o = v as Record<string, unknown>;
	const keys = Object.keys(o)
		.filter((k) => o[k] !== undefined)
		// NFC keys, sorted by code unit: the order does not depend on the device's language.
		.map((k) => [k.normalize('NFC'), k] as const)
		.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
	for (let i = 1; i < keys.length; i++) {
		if (keys[i][0] === keys[i - 1][0]) throw new CanonicalError(`${path || 'The value'} has two keys that read the same.`);
	}
	const fields = keys.map(([nfc, k]) => `${JSON.stringify(nfc)}:${write(o[k], path ? `${path}.${k}` : k, depth + 1)}`);
	return `{${fields.join(',')}}`;
}
