/**
 * The planner's undo and redo of mark changes, and what it says about them: the history, its
 * labels as state, the live announcement, and whether the last thing done was a removal (offered
 * for a one-tap undo beside the announcement). Undo and redo come from the buttons or the keys.
 */
import { tick } from 'svelte';
import { flushAll } from '$lib/store';
import { History } from '$lib/ui/history';
import { notices } from '$lib/ui/notices.svelte';
import { forMarks, undoKey } from './keys';

export class MarkUndo {
	announcement = $state('');
	/** The last change was a removal. */
	removed = $state(false);
	// The history is plain TS; `#moves` is the signal that it moved.
	#moves = $state(0);
	readonly history = new History(() => this.#moves++);

	get undoLabel(): string | null {
		return this.#moves >= 0 ? this.history.undoLabel : null;
	}
	get redoLabel(): string | null {
		return this.#moves >= 0 ? this.history.redoLabel : null;
	}

	/** Says `text` in the live region, even when it is the same as last time (e.g. two undos). */
	say(text: string): void {
		this.announcement = '';
		void tick().then(() => (this.announcement = text));
	}

	async step(action: 'undo' | 'redo'): Promise<void> {
		try {
			await flushAll(); // a change still being typed is saved, and undone as a whole
			const what = await this.history[action]();
			if (what) this.say(`${action === 'undo' ? 'Undone' : 'Redone'}: ${what}.`);
			this.removed = false;
		} catch (e) {
			notices.error(e);
		}
	}

	/**
	 * Ctrl+Z and its kin, only for the body map (or nothing focused) in `area`: Ctrl+Z in the plan's
	 * settings must not undo a mark off-screen. Text fields keep the browser's own undo; an open
	 * dialog owns the keys; while `busy` (mid-stroke), an undo would happen under the finger.
	 */
	key(e: KeyboardEvent, area: HTMLElement | undefined, busy: boolean): void {
		const action = undoKey(e);
		if (!action || e.defaultPrevented || e.isComposing) return;
		if (!forMarks(e.target, area) || busy) return;
		e.preventDefault();
		void this.step(action);
	}
}
