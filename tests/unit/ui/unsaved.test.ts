import { describe, expect, it } from 'vitest';
import { UnsavedEdits } from '../../../src/lib/ui/marks/unsaved';
import { Journal, STALE_MS } from '../../../src/lib/ui/edits/journal';

class MemoryStorage {
	items = new Map<string, string>();
	getItem = (k: string) => this.items.get(k) ?? null;
	setItem = (k: string, v: string) => void this.items.set(k, v);
	removeItem = (k: string) => void this.items.delete(k);
}

const state = (note: string) => ({ sensation: 'knot' as const, intensity: 6, depth: 'surface' as const, structure: null, pressure: null, note, author: 'client' as const });

describe('UnsavedEdits', () => {
	it('keeps edits per plan across a reload of the page (a new instance), and forgets saved ones', () => {
		const storage = new MemoryStorage();
		const a = new UnsavedEdits('plan-1', storage);
		a.keep('16:new', state('tight after work'));
		a.keep('29:m1', state('eased'));
		const reloaded = new UnsavedEdits('plan-1', storage);
		expect(reloaded.get('16:new')?.note).toBe('tight after work');
		expect(new UnsavedEdits('plan-2', storage).get('16:new')).toBeUndefined();
		reloaded.forget('16:new');
		reloaded.keep('29:m1', null);
		expect(storage.items.size).toBe(0);
	});

	it('starts clean from unreadable storage, and works without storage at all', () => {
		const storage = new MemoryStorage();
		storage.setItem('somamap:unsaved:p', '{not json');
		expect(new UnsavedEdits('p', storage).get('x')).toBeUndefined();
		storage.setItem('somamap:unsaved:p', JSON.stringify([[1, 2], 'x', ['ok', state('n')]]));
		expect(new UnsavedEdits('p', storage).get('ok')?.note).toBe('n');
		const none = new UnsavedEdits('p', null);
		none.keep('k', state('still here'));
		expect(none.get('k')?.note).toBe('still here');
	});

	it('a full storage does not lose the edit for this page', () => {
		const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => {} };
		const edits = new UnsavedEdits('p', full);
		edits.keep('k', state('kept'));
		expect(edits.get('k')?.note).toBe('kept');
	});
});

describe('UnsavedEdits journal (a closed tab or a crash)', () => {
	const journalStorage = () => {
		const m = new Map<string, string>();
		return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), key: (i: number) => [...m.keys()][i] ?? null, get length() { return m.size; } };
	};

	it('a new tab takes back what a crashed tab typed, once that tab has stopped beating', () => {
		const shared = journalStorage();
		let now = 1000;
		const crashed = new UnsavedEdits('plan-1', new MemoryStorage(), new Journal('marks:plan-1', shared, () => now, 'crashed'));
		crashed.keep('16:new', state('typed just before the crash'));

		now += STALE_MS;
		const reopened = new UnsavedEdits('plan-1', new MemoryStorage(), new Journal('marks:plan-1', shared, () => now, 'new-tab'));
		expect(reopened.get('16:new')?.note).toBe('typed just before the crash');
		// It is the new tab's now; the crashed tab's entry is gone.
		expect(shared.length).toBe(1);
		reopened.forget('16:new');
		expect(shared.length).toBe(0);
	});

	it('this tab’s own copy wins over an older one in the journal', () => {
		const shared = journalStorage();
		const tab = new MemoryStorage();
		const old = new UnsavedEdits('p', new MemoryStorage(), new Journal('marks:p', shared, () => 0, 'old'));
		old.keep('16:new', state('older'));
		tab.setItem('somamap:unsaved:p', JSON.stringify([['16:new', state('newer')]]));
		const edits = new UnsavedEdits('p', tab, new Journal('marks:p', shared, () => STALE_MS * 2, 'me'));
		expect(edits.get('16:new')?.note).toBe('newer');
	});
});
