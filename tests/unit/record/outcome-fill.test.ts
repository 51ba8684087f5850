import { describe, expect, it } from 'vitest';
import { outcomeFill } from '$lib/domain/record/outcome-fill';

const outcome = { advice: '  Heat at home, doorway stretch ', response: 'Less guarding; neck turns further left.' };

describe("the Outcome's words carried into the record's draft", () => {
	it('advice into an empty P (home care), the response into an empty A, trimmed', () => {
		expect(outcomeFill({ a: '', homeCare: '' }, outcome)).toEqual({ homeCare: 'Heat at home, doorway stretch', a: 'Less guarding; neck turns further left.' });
	});

	it('never over what the therapist typed in the record (blank space counts as empty)', () => {
		expect(outcomeFill({ a: 'Settled by the end.', homeCare: 'Chin tucks' }, outcome)).toEqual({});
		expect(outcomeFill({ a: 'Settled by the end.', homeCare: ' \n' }, outcome)).toEqual({ homeCare: 'Heat at home, doorway stretch' });
	});

	it('nothing from an outcome not written yet, or written blank', () => {
		expect(outcomeFill({ a: '', homeCare: '' }, null)).toEqual({});
		expect(outcomeFill({ a: '', homeCare: '' }, { advice: '  ', response: '' })).toEqual({});
	});

	it('cut to what a SOAP section holds', () => {
		expect(outcomeFill({ a: '', homeCare: '' }, { advice: 'x'.repeat(6000), response: '' }).homeCare).toHaveLength(5000);
	});
});
