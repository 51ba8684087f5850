import { describe, expect, it } from 'vitest';
import { copyValue, getPath, merge3, sameValue, setPath, mergeSet } from '$lib/domain/merge';

describe('sameValue', () => {
	it('compares plain data deeply, objects by key and arrays in order', () => {
		expect(sameValue({ a: [1, { b: 'x' }], c: null }, { c: null, a: [1, { b: 'x' }] })).toBe(true);
		expect(sameValue([1, 2], [2, 1])).toBe(false);
		expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
		expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true); // a missing key is no different
		expect(sameValue(null, {})).toBe(false);
		expect(sameValue('1', 1)).toBe(false);
	});

	it('compares typed arrays by their numbers (a painted area read back from storage is a copy)', () => {
		const patch = () => ({ vertices: Uint32Array.from([3, 9]), weights: Uint8Array.from([255, 7]) });
		expect(sameValue(patch(), patch())).toBe(true);
		expect(sameValue({ ...patch(), weights: Uint8Array.from([255, 8]) }, patch())).toBe(false);
		expect(sameValue(Uint8Array.from([1]), Uint32Array.from([1]))).toBe(false);
		expect(sameValue(Uint8Array.from([1]), [1])).toBe(false);
	});
});

describe('merge3 (base, mine, theirs)', () => {
	it('takes the side that changed', () => {
		expect(merge3('a', 'a', 'b')).toEqual({ value: 'b', conflicts: [] });
		expect(merge3('a', 'b', 'a')).toEqual({ value: 'b', conflicts: [] });
		expect(merge3('a', 'b', 'b')).toEqual({ value: 'b', conflicts: [] });
	});

	it('reports a conflict with its path when both changed a text differently, keeping mine', () => {
		expect(merge3('a', 'mine', 'theirs', ['notes'])).toEqual({
			value: 'mine',
			conflicts: [{ path: ['notes'], base: 'a', mine: 'mine', theirs: 'theirs' }]
		});
	});

	it('merges objects key by key: the outcome’s advice and response changed in different tabs', () => {
		const base = { done: '', response: '', advice: '', after: { 12: 3 } };
		const mine = { ...base, advice: 'Stretch daily', after: { 12: 2 } };
		const theirs = { ...base, response: 'Felt lighter', after: { 12: 3, 14: 5 } };
		expect(merge3(base, mine, theirs, ['outcome'])).toEqual({
			value: { done: '', response: 'Felt lighter', advice: 'Stretch daily', after: { 12: 2, 14: 5 } },
			conflicts: []
		});
	});

	it('merges two outcomes made from nothing as if from empty', () => {
		const m = merge3(null, { done: 'Neck work', advice: '' }, { done: 'Back work', advice: 'Rest' }, ['outcome']);
		expect(m.value).toEqual({ done: 'Neck work', advice: 'Rest' });
		expect(m.conflicts).toEqual([{ path: ['outcome', 'done'], base: '', mine: 'Neck work', theirs: 'Back work' }]);
	});

	it('treats arrays as one value: both changed differently is a conflict', () => {
		expect(merge3(['a'], ['a', 'b'], ['c'], ['goals']).conflicts).toHaveLength(1);
		expect(merge3(['a'], ['a', 'b'], ['a'], ['goals']).value).toEqual(['a', 'b']);
	});
});

describe('paths', () => {
	it('reads and sets nested values, making objects on the way', () => {
		const o: Record<string, unknown> = { outcome: null };
		expect(setPath(o, ['outcome', 'done'], 'x')).toBe(true);
		expect(getPath(o, ['outcome', 'done'])).toBe('x');
		expect(getPath(o, ['outcome', 'done', 'deeper'])).toBeUndefined();
		expect(setPath({ a: 'text' }, ['a', 'b'], 1)).toBe(false);
	});

	it('copies deeply', () => {
		const a = { x: [{ y: 1 }] };
		const b = copyValue(a);
		b.x[0].y = 2;
		expect(a.x[0].y).toBe(1);
	});
});

describe('lists whose order means nothing', () => {
	const isSet = (path: readonly string[]) => path.join('.') === 'goals';

	it('keeps what either side added and drops what either removed', () => {
		expect(mergeSet(['a', 'b', 'c'], ['a', 'c', 'x'], ['b', 'c', 'y'])).toEqual(['c', 'x', 'y']);
		expect(mergeSet([], ['x'], ['y'])).toEqual(['x', 'y']);
		expect(mergeSet(['a'], ['a', 'x'], ['a', 'x'])).toEqual(['a', 'x']);
	});

	it('merge3 merges such a list instead of writing over the other tab’s goal', () => {
		expect(merge3(['relax'], ['relax', 'mobility'], ['relax', 'posture'], ['goals'], isSet)).toEqual({ value: ['relax', 'mobility', 'posture'], conflicts: [] });
		// Any other list (an order of steps) stays this tab's choice, as before.
		expect(merge3(['a', 'b'], ['b', 'a'], ['a', 'b', 'c'], ['order'], isSet).value).toEqual(['b', 'a']);
	});
});
