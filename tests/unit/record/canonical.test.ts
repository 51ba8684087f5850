import { describe, expect, it } from 'vitest';
import { canonicalJson, CanonicalError, nfcText } from '$lib/domain/record/canonical';

describe('canonicalJson', () => {
	it('writes the same text whatever order the keys were set in, at every depth', () => {
		const a = { b: 1, a: { y: [1, { q: 1, p: 2 }], x: 'é' } };
		const b = { a: { x: 'é', y: [1, { p: 2, q: 1 }] }, b: 1 };
		expect(canonicalJson(a)).toBe(canonicalJson(b));
		expect(canonicalJson(a)).toBe('{"a":{"x":"é","y":[1,{"p":2,"q":1}]},"b":1}');
	});

	it('keeps list order (a reordered list is a different value)', () => {
		expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
	});

	it('leaves undefined fields out, writes −0 as 0, and text exactly as given (normalised when written, not when hashed)', () => {
		expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
		expect(canonicalJson({ n: -0 })).toBe('{"n":0}');
		expect(canonicalJson('Jose\u0301')).not.toBe(canonicalJson('José'));
		expect(canonicalJson('Jose\u0301')).toBe('"Jose\u0301"');
		// nfcText is what the record keeps: composed and decomposed are then the same text.
		expect(canonicalJson(nfcText({ 'Jose\u0301': ['Jose\u0301'] }))).toBe(canonicalJson({ José: ['José'] }));
		expect(() => nfcText({ 'Jose\u0301': 1, José: 2 })).toThrow(/two keys/);
		expect(canonicalJson(1.5e-7)).toBe('1.5e-7');
		expect(canonicalJson(null)).toBe('null');
	});

	it('sorts keys by code unit, not by the device language', () => {
		expect(canonicalJson({ b: 1, B: 2, a: 3, 'ä': 4 })).toBe('{"B":2,"a":3,"b":1,"ä":4}');
	});

	it('refuses what JSON cannot carry exactly instead of changing it', () => {
		for (const bad of [NaN, Infinity, -Infinity, [undefined], new Date(0), new Map(), new Uint8Array(2), () => 1, 1n, Symbol('x')]) {
			expect(() => canonicalJson(bad), String(bad)).toThrow(CanonicalError);
		}
		const cycle: Record<string, unknown> = {};
		cycle.self = cycle;
		expect(() => canonicalJson(cycle)).toThrow(/nested too deeply/);
	});

	it('refuses a hole in a list rather than writing `[,1]` (not JSON)', () => {
		// eslint-disable-next-line no-sparse-arrays
		const holes = [{ a: [, 1] }, [1, , 2], new Array(2)];
		for (const bad of holes) expect(() => canonicalJson(bad)).toThrow(/hole/);
		expect(() => nfcText({ a: [, 1] })).toThrow(/hole/);
	});

	it('reads a __proto__ key from parsed JSON as plain data', () => {
		expect(canonicalJson(JSON.parse('{"__proto__":{"x":1},"a":2}'))).toBe('{"__proto__":{"x":1},"a":2}');
		expect(canonicalJson(Object.create(null))).toBe('{}');
	});
});
