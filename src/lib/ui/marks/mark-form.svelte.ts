/**
 * The mark editor's form, saved as it is edited, like the plan's and client's forms. Construct
 * during component initialisation (it owns a RecordSaver).
 *
 * - A stored mark: every change goes through a RecordSaver (throttled, only the changed fields
 *   with their base values, refused when stale and merged field by field with another tab's
 *   change; the same text changed in both → a conflict showing both texts), journalled at once
 *   in localStorage so a closed tab loses nothing.
 * - A new mark (a region just chosen): nothing is stored until what it feels like is chosen, so a
 *   stray tap leaves no mark; then the mark is added with everything set so far and the form goes
 *   on saving it. Until then the draft is kept by the caller (`keepDraft`: UnsavedEdits).
 * - A painting: the draft is kept the same way; the editor stores it with the painting (a new one at
 *   the first choice of what it feels like, a repaint by its button).
 */
import { asStoredMark } from '$lib/domain/clean-text';
import type { MarkInput } from '$lib/domain/marks';
import { sameValue } from '$lib/domain/merge';
import type { Mark } from '$lib/domain/records';
import { store } from '$lib/store';
import type { MarkPatch } from '$lib/store/store';
import { RecordSaver } from '../edits/record-saver.svelte';
import { Journal, JOURNAL_PREFIX } from '../edits/journal';
import { EditSession, type Fields } from '$lib/domain/edit-session';
import { wrote } from './mark-steps';
import type { EditorState } from './editor-state';

export const MARK_FIELDS = ['sensation', 'intensity', 'depth', 'structure', 'pressure', 'note', 'author'] as const;

/** What the form holds: the editor's fields, with the mark's id and version once it is stored. */
export type FormRecord = EditorState & { id: string; updatedAt: number };

export const fieldsOf = (r: EditorState): EditorState => Object.fromEntries(MARK_FIELDS.map((k) => [k, r[k]])) as unknown as EditorState;
const recordOf = (m: Mark): FormRecord => ({ ...fieldsOf(m), id: m.id, updatedAt: m.updatedAt });

/** The journal's name for a mark's unsaved edits (forgotten with its plan: see unsaved.forgetPlans). */
export const markRecord = (planId: string, markId: string) => `mark:${planId}:${markId}`;

export interface MarkFormOptions {
	planId: string;
	/** The stored mark the form opens on, or null for a new mark or a painting. */
	mark: Mark | null;
	/** Where the form starts (a kept draft, or the mark's fields). */
	start: EditorState;
	/** The region a new mark goes on. */
	region: () => number;
	/** Adds the new mark once what it feels like is chosen. */
	create?: (input: MarkInput) => Promise<Mark>;
	/** Describing a painting: a draft only, stored with the painting by the editor. */
	painting?: boolean;
	/** A write of the form landed: `before` → `after`, the fields it changed (for undo). */
	written?: (before: Mark, after: Mark, fields: string[]) => void;
	/** The draft of a mark not stored yet changed (null: nothing to keep). */
	keepDraft?: (state: EditorState | null) => void;
}

export class MarkForm {
	/** The form's copy, bound to the inputs. */
	record = $state<FormRecord>() as FormRecord;
	/** Adding the new mark failed: why, in words. */
	failure = $state('');
	readonly saver: RecordSaver<FormRecord>;
	readonly #o: MarkFormOptions;
	readonly #blank: EditorState;
	#creating = false;
	/** Still confirms a mark carried over from last session when first changed. */
	#carried: boolean;

	constructor(o: MarkFormOptions) {
		this.#o = o;
		this.#carried = !!o.mark?.carried;
		this.#blank = { ...o.start };
		this.saver = new RecordSaver<FormRecord>({
			record: (id) => markRecord(o.planId, id),
			fields: MARK_FIELDS,
			mine: () => (this.record.id ? this.record : null),
			read: async (id) => {
				const m = (await store.listMarks(o.planId)).find((x) => x.id === id);
				return m && recordOf(m);
			},
			write: async (id, patch, expected) => {
				const carried = this.#carried;
				// A stored mark always has a sensation: the form's fields are a mark's fields.
				const change = patch as MarkPatch;
				const after = await store.updateMark(id, carried ? { ...change, carried: false } : change, expected as MarkPatch);
				this.#carried = false;
				// The mark before this write: the fields it changed as they were, the rest as now.
				this.#o.written?.({ ...after, ...(expected as Partial<Mark>), carried }, after, Object.keys(patch));
				return recordOf(after);
			},
			asStored: asStoredMark
		});
		this.record = o.mark && !o.painting ? this.saver.open(recordOf(o.mark)) : { ...o.start, id: '', updatedAt: 0 };
	}

	/** A stored mark is being edited (not a draft or a painting). */
	get live(): boolean {
		return this.record.id !== '';
	}

	/** Call on every edit. */
	changed(): void {
		const r = this.record;
		if (r.depth !== 'deep' && r.structure !== null) r.structure = null; // the store keeps a structure only for a deep mark
		if (this.live) return this.saver.changed();
		const fields = fieldsOf(r);
		this.#o.keepDraft?.(MARK_FIELDS.some((k) => fields[k] !== this.#blank[k]) ? fields : null);
		if (this.#o.create && !this.#o.painting && fields.sensation !== null && !this.#creating) void this.#create();
	}

	/** The mark as stored now (a live query): another tab's changes come into the form. */
	observe(mark: Mark | null): void {
		if (mark && this.live && mark.id === this.record.id) this.saver.observe(recordOf(mark));
	}

	/** The first real choice: the mark is added with everything set so far, then saved as it goes. */
	async #create(): Promise<void> {
		const create = this.#o.create;
		if (!create) return;
		this.#creating = true;
		this.failure = '';
		const sent = fieldsOf(this.record);
		try {
			const m = await create({ ...sent, sensation: sent.sensation!, region: this.#o.region() });
			const opened = this.saver.open(recordOf(m));
			// What changed while it was being added goes on as an edit.
			const now = fieldsOf(this.record);
			const later = MARK_FIELDS.filter((k) => !sameValue(now[k], sent[k]));
			for (const k of later) (opened as unknown as Record<string, unknown>)[k] = now[k];
			this.record = opened;
			this.#o.keepDraft?.(null);
			if (later.length) this.saver.changed();
		} catch (e) {
			this.failure = e instanceof Error ? e.message : String(e);
		} finally {
			this.#creating = false;
		}
	}
}

/**
 * Edits of this plan's marks that pages which are gone left in the journal (a tab closed or
 * crashed right after typing) are written when the plan opens, not only when that mark's editor
 * opens again. A text changed since by someone else stays in the journal: the mark's editor
 * takes it up and shows both texts. Returns how many marks were written.
 */
export async function adoptMarkEdits(planId: string, marks: readonly Mark[]): Promise<number> {
	const journal = new Journal(`mark:${planId}`);
	const prefix = `${JOURNAL_PREFIX}mark:${planId}:`;
	let written = 0;
	for (const o of journal.orphans().orphans) {
		const mark = marks.find((m) => m.id === o.key.slice(prefix.length).split(':')[0]);
		if (!mark) {
			journal.drop([o.key]); // the mark is gone: nothing to give back
			continue;
		}
		const mine = { ...recordOf(mark) } as Fields & { updatedAt: number };
		const session = new EditSession(MARK_FIELDS, mine, { asStored: (f) => asStoredMark(f) });
		session.replay(mine, o.entry);
		if (session.conflicts.length) continue;
		const out = session.outgoing(mine);
		try {
			if (out) wrote(store, await store.updateMark(mark.id, out.patch as MarkPatch, out.expected as MarkPatch));
			journal.drop([o.key]);
			written += out ? 1 : 0;
		} catch {
			// Refused (changed meanwhile) or a full disk: it stays for the mark's editor.
		}
	}
	return written;
}
