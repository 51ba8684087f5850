/**
 * The painting in progress (not yet added as a mark, or a mark's area being repainted), kept for
 * the tab's life like the editor's unsaved text (./unsaved.ts), so a reload or the tablet
 * dropping the app in the background returns the strokes. A repaint is saved stroke by stroke;
 * a stroke not yet written is also journalled in localStorage (removed once written), so a tab
 * closed at that moment loses nothing: the plan's next page takes it up and saves it. Stored with
 * the backup format's encoding and read back through its checks: a damaged or stale entry is
 * dropped, never trusted. Those checks (the backup reader, 7 KB gzip) load only when there is an
 * entry to read.
 */
import type { Mark, Patch } from '$lib/domain/records';
import { encodeMark, encodePatch } from '$lib/domain/backup/format';
import { sameValue } from '$lib/domain/merge';
import { JOURNAL_PREFIX } from '$lib/ui/edits/journal';
import { UNSAVED_PREFIX, isDeletedPlan } from './unsaved';

/** The journal's record for a plan's repaint not yet written (forgotten with the plan, erased with everything). */
export const repaintRecord = (planId: string) => `repaint:${planId}`;

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface PaintingDraft {
	/** What is painted now (null: all of it erased, while repainting). */
	patch: Patch | null;
	/** The painted mark whose area this becomes, or null for a new painting. */
	repainting: Mark | null;
}

/** localStorage, or null where it is disabled (reading it then throws). */
function localArea(): Storage | null {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		return null;
	}
}

export class UnsavedPainting {
	readonly #planId: string;
	readonly #key: string;
	readonly #storage: Storage | null;
	readonly #clock: () => number;
	readonly #pendingKey: string;
	readonly #pending: Storage | null;

	constructor(
		planId: string,
		storage: Storage | null = globalThis.sessionStorage ?? null,
		clock: () => number = Date.now,
		pending: Storage | null = localArea()
	) {
		this.#planId = planId;
		this.#key = `${UNSAVED_PREFIX}${planId}:painting`;
		this.#storage = storage;
		this.#clock = clock;
		this.#pendingKey = `${JOURNAL_PREFIX}${repaintRecord(planId)}:area`;
		this.#pending = pending;
	}

	/** This tab's painting, else a repaint stroke a closed tab did not get to write. */
	#raw(): string | null {
		try {
			return this.#storage?.getItem(this.#key) || this.#pending?.getItem(this.#pendingKey) || null;
		} catch {
			return null;
		}
	}

	/** Whether a painting is kept (read it then). */
	has(): boolean {
		return !!this.#raw();
	}

	async read(): Promise<PaintingDraft | null> {
		try {
			const raw = this.#raw();
			if (!raw) return null;
			const { parseMarkJson, parsePatchJson } = await import('$lib/domain/backup/parse');
			const o: unknown = JSON.parse(raw);
			if (!o || typeof o !== 'object') return null;
			const { patch, repainting } = o as Record<string, unknown>;
			const draft = {
				patch: patch === null ? null : parsePatchJson(patch),
				repainting: repainting === null ? null : parseMarkJson(repainting, this.#clock())
			};
			if ((patch !== null && !draft.patch) || (repainting !== null && !draft.repainting)) return null;
			return draft.patch || draft.repainting ? draft : null;
		} catch {
			return null; // unreadable (or its checks could not load): start clean rather than fail the page
		}
	}

	/** Keeps the painting, or forgets it (null, or nothing painted and nothing being repainted). */
	keep(draft: PaintingDraft | null): void {
		if (isDeletedPlan(this.#planId)) return;
		try {
			const unwritten = !!draft?.repainting && !!draft.patch && !sameValue(draft.patch, draft.repainting.patch);
			if (!unwritten) this.#pending?.removeItem(this.#pendingKey);
			if (!draft || (!draft.patch && !draft.repainting)) return this.#storage?.removeItem(this.#key);
			const json = JSON.stringify({ patch: draft.patch && encodePatch(draft.patch), repainting: draft.repainting && encodeMark(draft.repainting) });
			this.#storage?.setItem(this.#key, json);
			if (unwritten) this.#pending?.setItem(this.#pendingKey, json);
		} catch {
			// Storage full or disabled: the painting still lives on this page.
		}
	}
}
