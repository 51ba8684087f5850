import { describe, expect, it } from 'vitest';
import { UnsavedEdits } from '../../../src/lib/ui/marks/unsaved';

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
