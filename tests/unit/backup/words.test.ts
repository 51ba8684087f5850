import { describe, expect, it } from 'vitest';
import { problemInWords, restoreResultWords, unreadableWords } from '$lib/domain/backup/words';
import { parseBackup } from '$lib/domain/backup/parse';

const none = { added: 0, updated: 0, older: 0, same: 0 };
const file = {
	clients: [{ id: 'c1', name: 'Kim' }],
	plans: [
		{ id: 'p1', title: 'Neck', clientId: 'c1' },
		{ id: 'p2', title: 'Shoulder', clientId: 'c1' }
	],
	marks: [{ planId: 'p1' }, { planId: 'p1' }, { planId: 'p2' }, { planId: 'p2' }]
};

describe('backup problems in words', () => {
	it('names the record and the field as a person does, never the path', () => {
		expect(problemInWords('marks[3].intensity must be a whole number from 0 to 10.', file)).toBe(
			'Mark 4 on plan “Shoulder”: intensity must be a whole number from 0 to 10.'
		);
		expect(problemInWords('plans[0].oil.allergies is missing.', file)).toBe('Plan 1 “Neck”: allergies is missing.');
		expect(problemInWords('plans[1].consent["33"] must be true or false.', file)).toBe('Plan 2 “Shoulder”: consent for Right chest (pecs) must be true or false.');
		expect(problemInWords('clients[0].updatedAt must be a time in milliseconds.', file)).toBe('Client 1 “Kim”: the time it was last changed must be a time in milliseconds.');
		expect(problemInWords('exportedAt must be a date and time.', null)).toBe('The date the backup was made must be a date and time.');
	});

	it('a file that is no JSON says so without the browser’s parser text', () => {
		const cut = parseBackup('{"format":"somamap-backup","version":2,"clients":[{"id"', { now: Date.now() });
		expect(cut).toEqual({ ok: false, problem: expect.stringMatching(/^The file is cut short/) });
		const other = parseBackup('<html>hello</html>', { now: Date.now() });
		expect(other.ok || other.problem).toBe('The file is not a Somamap backup. Choose a file that Somamap saved with “Back up”.');
		for (const text of ['{"a":1,,}', 'nul', '{"x": tru}']) expect(unreadableWords(text)).not.toMatch(/JSON|token|position|Unexpected/);
	});

	it('an older copy over newer local changes says the newer local versions were kept, not "Nothing changed"', () => {
		const words = restoreResultWords({ clients: { ...none, same: 1 }, plans: { ...none, older: 1 }, marks: { ...none, older: 2 } });
		expect(words).toBe('Restore finished: nothing was added or replaced. This device had newer versions of 1 plan and 2 marks than the file: the newer versions on this device were kept.');
		expect(words).not.toMatch(/Nothing changed/);
		expect(restoreResultWords({ clients: { ...none, same: 1 }, plans: none, marks: none })).toMatch(/Nothing changed\.$/);
		expect(restoreResultWords({ clients: { ...none, added: 1 }, plans: { ...none, older: 1 }, marks: none })).toMatch(/Clients: 1 added, 0 updated.*the newer versions on this device were kept\.$/);
	});
});
