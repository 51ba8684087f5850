/**
 * Undo and redo as a list of reversible steps. Steps may be async (a store write); they run one
 * at a time in order, so a quick double Ctrl+Z never interleaves two writes. A step that fails
 * stays where it was (a full disk may clear), and the error goes to the caller to show; a step
 * that can never run again (another tab changed what it would put back) throws a `stale` error
 * and is dropped, so the steps before it can still be undone.
 */

/** Marks an error as meaning "this step can never run": History drops the step. */
export function stale<E extends Error>(error: E): E {
	return Object.assign(error, { staleStep: true });
}

function isStale(e: unknown): boolean {
	return typeof e === 'object' && e !== null && (e as { staleStep?: unknown }).staleStep === true;
}

export interface Step {
	/** What the step did, in words for "Undo <label>" and announcements. */
	label: string;
	undo(): void | Promise<void>;
	redo(): void | Promise<void>;
	/** Steps with a tag can be dropped together (e.g. the strokes of a painting once saved). */
	tag?: string;
}

export class History {
	#done: Step[] = [];
	#undone: Step[] = [];
	#queue: Promise<unknown> = Promise.resolve();
	/** Steps pushed so far: tells a slow undo or redo what was pushed while it was saving. */
	#pushes = 0;
	#onchange: () => void;
	readonly limit: number;

	constructor(onchange: () => void = () => {}, limit = 200) {
		this.#onchange = onchange;
		this.limit = limit;
	}

	get canUndo(): boolean {
		return this.#done.length > 0;
	}

	get canRedo(): boolean {
		return this.#undone.length > 0;
	}

	/** Label of the step an undo would take back. */
	get undoLabel(): string | null {
		return this.#done.at(-1)?.label ?? null;
	}

	/** The step an undo would take back (a step may grow while it is on top: see mark-steps' editStep). */
	get top(): Step | undefined {
		return this.#done.at(-1);
	}

	/** A step on the stack changed its label: tell the listener. */
	touched(): void {
		this.#onchange();
	}

	get redoLabel(): string | null {
		return this.#undone.at(-1)?.label ?? null;
	}

	/** Records a step that has just been done; anything undone can no longer be redone. */
	push(step: Step): void {
		this.#done.push(step);
		this.#pushes++;
		if (this.#done.length > this.limit) this.#done.shift();
		this.#undone = [];
		this.#onchange();
	}

	/** Takes back the last step; resolves to its label, or null when there was nothing to undo. */
	undo(): Promise<string | null> {
		return this.#run('undo');
	}

	redo(): Promise<string | null> {
		return this.#run('redo');
	}

	/** Forgets the steps with this tag (both stacks). */
	drop(tag: string): void {
		this.#done = this.#done.filter((s) => s.tag !== tag);
		this.#undone = this.#undone.filter((s) => s.tag !== tag);
		this.#onchange();
	}

	clear(): void {
		this.#done = [];
		this.#undone = [];
		this.#onchange();
	}

	#run(action: 'undo' | 'redo'): Promise<string | null> {
		const next = this.#queue.then(async () => {
			// The lists are read now, not when asked: a push or drop may have happened meanwhile.
			const from = () => (action === 'undo' ? this.#done : this.#undone);
			const step = from().at(-1);
			if (!step) return null;
			const pushes = this.#pushes;
			try {
				await step[action](); // throws → the step stays where it was, unless it is stale
			} catch (e) {
				if (isStale(e)) {
					const list = from();
					const at = list.lastIndexOf(step);
					if (at >= 0) list.splice(at, 1);
					this.#onchange();
				}
				throw e;
			}
			const pushedSince = this.#pushes - pushes;
			// Moved by identity: a step pushed or dropped while this one was saving is left alone.
			const list = from();
			const at = list.lastIndexOf(step);
			if (at >= 0) {
				list.splice(at, 1);
				// Undone before a newer change: nothing to redo, as if the undo had come first.
				// Redone: it goes under the steps pushed meanwhile, in the order things happened.
				if (action === 'redo') this.#done.splice(Math.max(0, this.#done.length - pushedSince), 0, step);
				else if (pushedSince === 0) this.#undone.push(step);
			}
			this.#onchange();
			return step.label;
		});
		this.#queue = next.catch(() => {});
		return next;
	}
}
