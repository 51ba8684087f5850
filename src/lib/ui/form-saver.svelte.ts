/**
 * A form that saves itself: throttled writes through Autosave, plus what the user should see,
 * the save state ("Saving…", "Saved on this device", "Not saved") and a field message when the
 * store refused the input. Construct during component initialisation.
 */
import { Autosave, StoreError } from '$lib/store';
import { notices } from './notices.svelte';

export type SaveStateKind = 'idle' | 'pending' | 'saved' | 'failed';

export class FormSaver {
	#state = $state<SaveStateKind>('idle');
	#error = $state('');
	#autosave: Autosave;

	/** `write` saves the form; a validation StoreError becomes the field message. */
	constructor(write: () => Promise<unknown>) {
		this.#autosave = new Autosave(async () => {
			try {
				await write();
				this.#error = '';
				this.#state = 'saved';
			} catch (e) {
				this.#state = 'failed';
				if (e instanceof StoreError && e.kind === 'validation') this.#error = e.message;
				else notices.error(e);
			}
		});
		$effect(() => () => void this.#autosave.dispose());
	}

	get state(): SaveStateKind {
		return this.#state;
	}
	/** Why the last save was refused, in words for the field; '' when it was not. */
	get error(): string {
		return this.#error;
	}

	/** Call on every edit. */
	changed(): void {
		this.#state = 'pending';
		this.#autosave.schedule();
	}
}
