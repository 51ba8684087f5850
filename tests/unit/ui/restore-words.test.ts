import { describe, expect, it } from 'vitest';
import { firstOf, restoreSummaryWords } from '$lib/ui/backup/words';

const none = { added: 0, updated: 0, older: 0, same: 0 };

describe('the restore preview’s long lists', () => {
	it('shows the first 50 and says how many more, in words', () => {
		const notes = Array.from({ length: 53 }, (_, i) => `note ${i + 1}`);
		const { shown, more } = firstOf(notes);
		expect(shown).toHaveLength(50);
		expect(shown.at(-1)).toBe('note 50');
		expect(more).toBe('…and 3 more');
		expect(firstOf(Array.from({ length: 2051 }, String)).more).toBe('…and 2,001 more');
	});

	it('says nothing more when all are shown', () => {
		expect(firstOf(['a', 'b'], 2)).toEqual({ shown: ['a', 'b'], more: '' });
		expect(firstOf([]).more).toBe('');
	});
});

describe('what a finished restore says', () => {
	it('adds what it kept back, and never says everything was already here when it kept a deleted client back', () => {
		const kept = '1 client deleted on Dec 3, 2026 (this device’s deletions log) was not brought back (Jo Bloggs).';
		expect(restoreSummaryWords({ clients: none, plans: none, marks: none, notes: [kept] })).toBe(`Restore finished: nothing was added or replaced. ${kept}`);
		expect(restoreSummaryWords({ clients: { ...none, added: 1 }, plans: none, marks: none, notes: [kept] })).toMatch(/^Restore finished\. Clients: 1 added, 0 updated;.* Nothing was deleted\. 1 client deleted on Dec 3, 2026/);
		expect(restoreSummaryWords({ clients: { ...none, same: 1 }, plans: none, marks: none, notes: [] })).toBe('Restore finished: everything in the file was already on this device. Nothing changed.');
	});
});
