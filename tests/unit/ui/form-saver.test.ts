import { describe, expect, it } from 'vitest';
import { FormSaver } from '../../../src/lib/ui/form-saver.svelte';

const storage = (value: string | null) => ({ getItem: () => value, setItem() {}, removeItem() {} });

describe('FormSaver.kept (a form copy left by a reload)', () => {
	it('gives back the copy with the time it was made', () => {
		const copy = { at: 1700, data: { notes: 'Prefers mornings' } };
		expect(FormSaver.kept('k', storage(JSON.stringify(copy)))).toEqual(copy);
	});

	it('ignores a missing, damaged or odd copy, so the stored record stands', () => {
		for (const raw of [null, '{oops', 'null', '"text"', '{"at":"soon","data":{}}', '{"at":5,"data":null}', '{"at":5}']) {
			expect(FormSaver.kept('k', storage(raw))).toBeNull();
		}
		const throwing = { getItem: () => { throw new Error('SecurityError'); }, setItem() {}, removeItem() {} };
		expect(FormSaver.kept('k', throwing)).toBeNull();
	});
});
