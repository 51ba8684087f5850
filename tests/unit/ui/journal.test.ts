import { describe, expect, it } from 'vitest';
import { Journal, JOURNAL_PREFIX, STALE_MS } from '../../../src/lib/ui/edits/journal';

/** localStorage as it behaves: one map shared by every page of the origin. */
function memoryStorage() {
	const m = new Map<string, string>();
	return {
		getItem: (k: string) => m.get(k) ?? null,
		setItem: (k: string, v: string) => void m.set(k, v),
		removeItem: (k: string) => void m.delete(k),
		key: (i: number) => [...m.keys()][i] ?? null,
		get length() {
			return m.size;
		},
		map: m
	};
}

const entry = { base: { notes: '' }, mine: { notes: 'Half typed' } };

describe('Journal (unsaved form edits in localStorage)', () => {
	it('keeps one entry per record and page, and removes it once nothing is unsaved', () => {
		const storage = memoryStorage();
		const journal = new Journal('plan:p1', storage, () => 1000, 'pageA');
		journal.write(entry);
		expect(JSON.parse(storage.getItem(`${JOURNAL_PREFIX}plan:p1:pageA`)!)).toEqual({ v: 1, beat: 1000, ...entry });
		journal.write(null);
		expect(storage.length).toBe(0);
	});

	it('gives another page the entry of a page that is gone, never of one still beating', () => {
		const storage = memoryStorage();
		let now = 10_000;
		new Journal('plan:p1', storage, () => now, 'crashed').write(entry);
		new Journal('plan:p2', storage, () => now, 'crashed').write({ base: {}, mine: { notes: 'other plan' } });
		const opener = new Journal('plan:p1', storage, () => now, 'opener');

		// Just written: its page may be alive and about to save it; look again when it would be stale.
		const early = opener.orphans();
		expect(early.orphans).toEqual([]);
		expect(early.again).toBe(STALE_MS + 50);

		now += STALE_MS;
		const late = opener.orphans();
		expect(late.orphans).toEqual([{ key: `${JOURNAL_PREFIX}plan:p1:crashed`, entry }]);
		expect(late.again).toBeNull();
		opener.drop(late.orphans.map((o) => o.key));
		expect(storage.getItem(`${JOURNAL_PREFIX}plan:p1:crashed`)).toBeNull();
		expect(storage.getItem(`${JOURNAL_PREFIX}plan:p2:crashed`)).not.toBeNull(); // another record's stays
	});

	it('a page takes back its own entry from an earlier form of the page, which then leaves it for others', () => {
		const storage = memoryStorage();
		const first = new Journal('plan:p1', storage, () => 100, 'me');
		first.write(entry);
		first.leave();
		expect(JSON.parse(storage.getItem(`${JOURNAL_PREFIX}plan:p1:me`)!).beat).toBe(0);
		const again = new Journal('plan:p1', storage, () => 200, 'me');
		expect(again.orphans().orphans).toEqual([{ key: `${JOURNAL_PREFIX}plan:p1:me`, entry }]);
		again.drop([`${JOURNAL_PREFIX}plan:p1:me`]); // its own key is rewritten, never dropped
		expect(storage.length).toBe(1);
	});

	it('an entry marked as left (beat 0, the page went) is free at once', () => {
		const storage = memoryStorage();
		storage.setItem(`${JOURNAL_PREFIX}client:c1:gone`, JSON.stringify({ v: 1, beat: 0, ...entry }));
		expect(new Journal('client:c1', storage, () => 5000, 'me').orphans().orphans).toHaveLength(1);
	});

	it('drops an unreadable entry rather than failing the page', () => {
		const storage = memoryStorage();
		storage.setItem(`${JOURNAL_PREFIX}plan:p1:x`, '{oops');
		storage.setItem(`${JOURNAL_PREFIX}plan:p1:y`, JSON.stringify({ v: 1, beat: 0, base: 'no', mine: {} }));
		expect(new Journal('plan:p1', storage, () => 1e6, 'me').orphans().orphans).toEqual([]);
		expect(storage.length).toBe(0);
	});

	it('forgets a deleted record’s entries from every page, or everything on erase', () => {
		const storage = memoryStorage();
		new Journal('plan:p1', storage, () => 1, 'a').write(entry);
		new Journal('plan:p1', storage, () => 1, 'b').write(entry);
		new Journal('plan:p10', storage, () => 1, 'a').write(entry);
		storage.setItem('somamap:other', 'kept');
		Journal.forget(['plan:p1'], storage);
		expect([...storage.map.keys()].sort()).toEqual([`${JOURNAL_PREFIX}plan:p10:a`, 'somamap:other']);
		Journal.forget(null, storage);
		expect([...storage.map.keys()]).toEqual(['somamap:other']);
	});

	it('a full or disabled storage loses nothing on the page and throws nothing', () => {
		const full = { ...memoryStorage(), setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
		expect(() => new Journal('plan:p1', full, () => 1, 'a').write(entry)).not.toThrow();
		expect(() => new Journal('plan:p1', null).write(entry)).not.toThrow();
		expect(new Journal('plan:p1', null).orphans()).toEqual({ orphans: [], again: null });
	});
});
