import { describe, expect, it } from 'vitest';
import { outcomeFill } from '$lib/domain/record/outcome-fill';

const outcome = { advice: '  Heat at home, doorway stretch ', response: 'Less guarding; neck turns further left.', done: '' };
const blank = { a: '', homeCare: '', techniques: [] as string[] };

describe("the Outcome's words carried into the record's draft", () => {
	it('advice into an empty P (home care), the response into an empty A, trimmed', () => {
		expect(outcomeFill(blank, outcome)).toEqual({ homeCare: 'Heat at home, doorway stretch', a: 'Less guarding; neck turns further left.' });
	});

	it('"What was done" into empty techniques, one item a line, blank lines left out', () => {
		const done = ' Trigger point release, right upper trapezius \n\n Heat pack, gentle neck stretches ';
		expect(outcomeFill(blank, { advice: '', response: '', done })).toEqual({ techniques: ['Trigger point release, right upper trapezius', 'Heat pack, gentle neck stretches'] });
		// Blank items only count as empty.
		expect(outcomeFill({ ...blank, techniques: ['  '] }, { advice: '', response: '', done: 'Swedish' })).toEqual({ techniques: ['Swedish'] });
	});

	it('never over what the therapist typed in the record (blank space counts as empty)', () => {
		expect(outcomeFill({ a: 'Settled by the end.', homeCare: 'Chin tucks', techniques: ['Remedial massage'] }, { ...outcome, done: 'Heat pack' })).toEqual({});
		expect(outcomeFill({ a: 'Settled by the end.', homeCare: ' \n', techniques: ['Remedial massage'] }, outcome)).toEqual({ homeCare: 'Heat at home, doorway stretch' });
	});

	it('nothing from an outcome not written yet, or written blank', () => {
		expect(outcomeFill(blank, null)).toEqual({});
		expect(outcomeFill(blank, { advice: '  ', response: '', done: ' \n ' })).toEqual({});
	});

	it('cut to what a SOAP section and a list item hold', () => {
		expect(outcomeFill(blank, { advice: 'x'.repeat(6000), response: '', done: '' }).homeCare).toHaveLength(5000);
		const long = outcomeFill(blank, { advice: '', response: '', done: 'y'.repeat(400) + '\n' + 'z\n'.repeat(150) }).techniques!;
		expect(long[0]).toHaveLength(300);
		expect(long).toHaveLength(100);
	});
});
