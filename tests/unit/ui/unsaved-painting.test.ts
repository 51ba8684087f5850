import { describe, expect, it } from 'vitest';
import { UnsavedEdits, forgetPlans } from '../../../src/lib/ui/marks/unsaved';
import { UnsavedPainting } from '../../../src/lib/ui/marks/unsaved-painting';
import { Journal } from '../../../src/lib/ui/edits/journal';
import { codeOf } from '../../../src/lib/domain/regions';
import type { Mark, Patch } from '../../../src/lib/domain/records';

class MemoryStorage {
	items = new Map<string, string>();
	getItem = (k: string) => this.items.get(k) ?? null;
	setItem = (k: string, v: string) => void this.items.set(k, v);
	removeItem = (k: string) => void this.items.delete(k);
	key = (i: number) => [...this.items.keys()][i] ?? null;
	get length() {
		return this.items.size;
	}
}

const NOW = Date.UTC(2026, 10, 23, 12);
const patch = (vertices: number[]): Patch => ({
	modelVersion: 'female:abc',
	vertices: Uint32Array.from(vertices),
	weights: Uint8Array.from(vertices.map((_, i) => 255 - i)),
	regions: [{ region: codeOf('rhomboids-r'), area: 12.5 }]
});
const mark: Mark = {
	id: 'm1', planId: 'p1', region: codeOf('rhomboids-r'), patch: patch([3, 9]), sensation: 'knot', intensity: 7, depth: 'surface', structure: null,
	pressure: 2, note: 'under the blade', author: 'therapist', carried: false, createdAt: NOW - 1000, updatedAt: NOW - 500
};

describe('UnsavedPainting', () => {
	it('gives back the same painting after a reload (a new instance), per plan', async () => {
		expect(new UnsavedPainting('p1', new MemoryStorage()).has()).toBe(false);
		const storage = new MemoryStorage();
		new UnsavedPainting('p1', storage, () => NOW).keep({ patch: patch([4, 8, 15, 16]), repainting: null });
		expect(new UnsavedPainting('p1', storage).has()).toBe(true);
		const back = await new UnsavedPainting('p1', storage, () => NOW).read();
		expect(back?.repainting).toBeNull();
		expect([...back!.patch!.vertices]).toEqual([4, 8, 15, 16]);
		expect([...back!.patch!.weights]).toEqual([255, 254, 253, 252]);
		expect(back!.patch!.regions).toEqual([{ region: codeOf('rhomboids-r'), area: 12.5 }]);
		expect(await new UnsavedPainting('p2', storage, () => NOW).read()).toBeNull();
	});

	it('keeps a repaint with the mark it repaints, even with everything erased', async () => {
		const storage = new MemoryStorage();
		const kept = new UnsavedPainting('p1', storage, () => NOW);
		kept.keep({ patch: null, repainting: mark });
		expect(await kept.read()).toEqual({ patch: null, repainting: mark });
	});

	it('forgets the painting once nothing is painted, and with a hand-over or the lock', async () => {
		const storage = new MemoryStorage();
		const kept = new UnsavedPainting('p1', storage, () => NOW);
		kept.keep({ patch: patch([1]), repainting: null });
		kept.keep({ patch: null, repainting: null });
		expect(storage.items.size).toBe(0);

		kept.keep({ patch: patch([1]), repainting: null });
		UnsavedEdits.clearAll(storage); // handed to a client, or locked
		expect(await kept.read()).toBeNull();
	});

	it('a deleted plan keeps nothing, even when an editor still on screen writes afterwards', () => {
		const storage = new MemoryStorage();
		const painting = new UnsavedPainting('gone', storage, () => NOW);
		const edits = new UnsavedEdits('gone', storage);
		const other = new UnsavedPainting('other', storage, () => NOW);
		painting.keep({ patch: patch([1]), repainting: null });
		edits.keep('16:new', { sensation: 'knot', intensity: 6, depth: 'surface', structure: null, pressure: null, note: 'tight', author: 'client' });
		other.keep({ patch: patch([2]), repainting: null });

		forgetPlans(['gone'], storage);
		expect([...storage.items.keys()]).toEqual(['somamap:unsaved:other:painting']);
		// The page is still leaving: its editor and painting write once more, and nothing is kept.
		painting.keep({ patch: patch([1, 2]), repainting: null });
		edits.keep('16:new', { sensation: 'knot', intensity: 7, depth: 'surface', structure: null, pressure: null, note: 'tighter', author: 'client' });
		edits.keepOnly(new Set());
		expect([...storage.items.keys()]).toEqual(['somamap:unsaved:other:painting']);
	});

	it('drops a damaged or tampered entry instead of trusting it', async () => {
		const storage = new MemoryStorage();
		const kept = new UnsavedPainting('p1', storage, () => NOW);
		const key = 'somamap:unsaved:p1:painting';
		for (const bad of ['{oops', 'null', '{"patch":{"modelVersion":"x","vertices":"AAAA","weights":"","regions":[]},"repainting":null}', JSON.stringify({ patch: null, repainting: { ...mark, intensity: 40, patch: null } })]) {
			storage.setItem(key, bad);
			expect(await kept.read()).toBeNull();
		}
	});

	it('a repaint stroke not yet written outlives the tab (localStorage) until it is written; a new painting never does', async () => {
		const tab = new MemoryStorage();
		const local = new MemoryStorage();
		const kept = new UnsavedPainting('p1', tab, () => NOW, local);
		kept.keep({ patch: patch([1, 2]), repainting: null }); // a new painting: for this tab only
		expect(local.items.size).toBe(0);
		kept.keep({ patch: patch([3, 9, 12]), repainting: mark }); // a stroke more than the mark as saved
		expect([...local.items.keys()]).toEqual(['somamap:journal:repaint:p1:area']);
		// The tab closes before the write lands: the plan's next tab (its own session storage) takes it up.
		const next = new UnsavedPainting('p1', new MemoryStorage(), () => NOW, local);
		expect(next.has()).toBe(true);
		const back = await next.read();
		expect(back?.repainting).toEqual(mark);
		expect([...back!.patch!.vertices]).toEqual([3, 9, 12]);
		// Written: the mark now holds the painting, and the journal lets go of it.
		kept.keep({ patch: patch([3, 9, 12]), repainting: { ...mark, patch: patch([3, 9, 12]), updatedAt: NOW } });
		expect(local.items.size).toBe(0);
		expect(tab.items.size).toBe(1); // the repaint goes on in this tab
		// All of it erased: nothing to write (the mark keeps its area), nothing outlives the tab.
		kept.keep({ patch: patch([5]), repainting: mark });
		kept.keep({ patch: null, repainting: mark });
		expect(local.items.size).toBe(0);
	});

	it('an unwritten repaint is forgotten with its plan, and when everything is erased', () => {
		const local = new MemoryStorage();
		const g = globalThis as { localStorage?: unknown };
		const was = g.localStorage;
		g.localStorage = local; // where the journal lives in the browser
		try {
			new UnsavedPainting('gone', new MemoryStorage(), () => NOW, local).keep({ patch: patch([1, 4]), repainting: { ...mark, planId: 'gone' } });
			new UnsavedPainting('kept', new MemoryStorage(), () => NOW, local).keep({ patch: patch([1, 4]), repainting: { ...mark, planId: 'kept' } });
			forgetPlans(['gone'], new MemoryStorage());
			expect([...local.items.keys()]).toEqual(['somamap:journal:repaint:kept:area']);
			Journal.forget(null);
			expect(local.items.size).toBe(0);
		} finally {
			g.localStorage = was;
		}
	});

	it('a full storage does not break painting', () => {
		const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => {} };
		expect(() => new UnsavedPainting('p', full).keep({ patch: patch([1]), repainting: null })).not.toThrow();
	});
});
