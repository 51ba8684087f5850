/**
 * Undo and redo as a list of reversible steps. Steps may be async (a store write); they run one
 * at a time in order, so a quick double Ctrl+Z never interleaves two writes. A step that fails
 * stays where it was, and the error goes to the caller to show.
 */

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

	get redoLabel(): string | null {
		return this.#undone.at(-1)?.label ?? null;
	}

	/** Records a step that has just been done; anything undone can no longer be redone. */
	push(step: Step): void {
		this.#done.push(step);
		if (this.#done.length > this.limit) this.#done.shift();
		this.#undone = [];
		this.#onchange();
	}

	/** Takes back the last step; resolves to its label, or null when there was nothing to undo. */
	undo(): Promise<string | null> {
		return this.#run(this.#done, this.#undone, 'undo');
	}

	redo(): Promise<string | null> {
		return this.#run(this.#undone, this.#done, 'redo');
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

	#run(from: Step[], to: Step[], action: 'undo' | 'redo'): Promise<string | null> {
		const next = this.#queue.then(async () => {
			const step = from.at(-1);
			if (!step) return null;
			await step[action](); // throws → the step stays where it was
			from.pop();
			to.push(step);
			this.#onchange();
			return step.label;
		});
		this.#queue = next.catch(() => {});
		return next;
	}
}
