/**
 * The planner's selection kept over a reload: the selected mark (or region) goes into the address
 * as it changes (selection-address), and when the page opens again it is chosen again and the
 * body turns to the side that shows it (scene/region-view; `turn` does the same for a mark or
 * region chosen from a list); with nothing selected, to the side showing most of the marks. Construct during component
 * initialisation (it sets up effects).
 */
import { untrack } from 'svelte';
import { page } from '$app/state';
import { replaceState } from '$app/navigation';
import type { Mark } from '$lib/domain/records';
import type { BodyScene } from '$lib/scene/BodyScene';
import { bestView, viewShowingMost } from '$lib/scene/region-view';
import { addressWith, selectionFrom, type Selection } from './selection-address';

export interface KeptSelectionOptions {
	/** The plan's marks have been read (until then an empty list is not "no marks"). */
	loaded: () => boolean;
	marks: () => readonly Mark[];
	scene: () => BodyScene | null;
	/** What is selected now. */
	current: () => Selection;
	/** Chooses the region again, and the mark on it when there was one. */
	restore: (region: number, mark: Mark | null) => void;
	/** Once, when the marks are first known. */
	onloaded?: (marks: readonly Mark[]) => void;
}

export class KeptSelection {
	#restored = $state(false);
	/** The region whose side the body turns to once it shows; a list: the side showing most of them. */
	#turnTo = $state<number | readonly number[] | null>(null);

	/** Turns the body to the side that shows region `code` (now, or once the body shows). */
	turn(code: number): void {
		this.#turnTo = code;
	}

	constructor(o: KeptSelectionOptions) {
		const start = untrack(() => selectionFrom(page.url));
		$effect(() => {
			if (this.#restored || !o.loaded()) return;
			untrack(() => {
				this.#restored = true;
				const marks = o.marks();
				o.onloaded?.(marks);
				const m = start.mark ? (marks.find((x) => x.id === start.mark) ?? null) : null;
				const code = m ? m.region : start.mark ? null : start.region; // a mark gone since: nothing
				if (code === null) {
					// Nothing to come back to: the side showing the plan's marks (a back-only plan opens on the back).
					const codes = marks.flatMap((x) => (x.region === null ? [] : [x.region]));
					if (codes.length) this.#turnTo = codes;
					return;
				}
				o.restore(code, m);
				this.#turnTo = code;
			});
		});
		$effect(() => {
			const [s, code] = [o.scene(), this.#turnTo];
			if (!s || code === null) return;
			const turn = () => {
				const body = s.body;
				if (!body) return;
				s.view(typeof code === 'number' ? bestView(body, code) : viewShowingMost(body, code));
				this.#turnTo = null;
			};
			untrack(turn);
			return s.onBody(() => untrack(turn));
		});
		$effect(() => {
			const selection = o.current();
			if (!this.#restored) return;
			const href = addressWith(new URL(location.href), selection);
			if (href) untrack(() => replaceState(href, page.state));
		});
	}
}
