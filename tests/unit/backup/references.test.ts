import { describe, expect, it } from 'vitest';
import { referenceProblem, type Existing } from '$lib/domain/backup/merge';
import type { BackupData } from '$lib/domain/backup/format';

/** Only what referenceProblem reads: who owns what, in the file and on the device. */
const file = (plans: [string, string][], marks: [string, string][]) =>
	({
		clients: [{ id: 'c-file' }],
		plans: plans.map(([id, clientId]) => ({ id, clientId })),
		marks: marks.map(([id, planId]) => ({ id, planId }))
	}) as unknown as BackupData;
const device: Existing = {
	clients: new Map([['c-dev', { id: 'c-dev', updatedAt: 0 }]]),
	plans: new Map([['p-dev', { id: 'p-dev', clientId: 'c-dev', updatedAt: 0 }]]),
	marks: new Map([['m-dev', { id: 'm-dev', planId: 'p-dev', updatedAt: 0 }]])
};

describe('references in a backup file', () => {
	it('holds when every plan and mark has its owner in the file or on the device, and stays with it', () => {
		expect(referenceProblem(file([['p1', 'c-file'], ['p-dev', 'c-dev']], [['m1', 'p1'], ['m2', 'p-dev'], ['m-dev', 'p-dev']]), device)).toBeNull();
	});
	it('names the first plan or mark whose owner is nowhere, or that would move to another owner', () => {
		expect(referenceProblem(file([['p1', 'c-file'], ['p2', 'ghost']], []), device)).toBe('plans[1].clientId names a client that is neither in the file nor on this device.');
		expect(referenceProblem(file([['p-dev', 'c-file']], []), device)).toBe('plans[0] has the id of a plan that belongs to another client on this device.');
		expect(referenceProblem(file([['p1', 'c-file']], [['m1', 'p1'], ['m2', 'ghost']]), device)).toBe('marks[1].planId names a plan that is neither in the file nor on this device.');
		expect(referenceProblem(file([['p1', 'c-file']], [['m-dev', 'p1']]), device)).toBe('marks[0] has the id of a mark that belongs to another plan on this device.');
		// Plans are checked before marks.
		expect(referenceProblem(file([['p2', 'ghost']], [['m2', 'ghost']]), device)).toMatch(/^plans\[0\]/);
	});
});
