/**
 * The planner's painting state: tap or paint mode, brush size, eraser, the painting in progress
 * (its regions, for the editor) and the mark being repainted. Strokes from the scene dab into the
 * Painter; each finished stroke is an undo step tagged 'draft', dropped once the painting is saved.
 * The painting is kept in the tab after each change, and taken back when the body shows again.
 * Each change the person makes (a stroke, a clear, an undo or redo of one) counts in `changes`: a
 * repaint is saved to its mark at each one (PlanMarks, save-painting).
 */
import { BRUSH_SIZES, type BrushSize, type StrokeChange } from '$lib/body/brush';
import type { Mark, Patch, RegionShare } from '$lib/domain/records';
import type { BodyScene } from '$lib/scene/BodyScene';
import type { History } from '$lib/ui/history';
import { bestView } from '$lib/scene/region-view';
import { Painter, markDrawing } from './painter';
import type { PaintingDraft, UnsavedPainting } from './unsaved-painting';

export type MarkMode = 'tap' | 'paint';
export const DRAFT = 'draft';

export class PaintSession {
	mode = $state<MarkMode>('tap');
	size = $state<BrushSize['id']>('medium');
	erase = $state(false);
	/** Regions the painting in progress covers, largest first (empty: nothing painted). */
	regions = $state.raw<RegionShare[]>([]);
	/** The painted mark whose area is being repainted (as last saved), or null for a new painting. */
	repainting = $state.raw<Mark | null>(null);
	/** The mark as it was when this repaint began (not after a reload): "Done" leaves one undo step back to it. */
	repaintFrom: Mark | null = null;
	/** How many changes the person made to the painting (strokes, clears, their undos): each one saves a repaint. */
	changes = $state(0);
	painter = $state.raw<Painter | null>(null);
	/** A stroke is under way (undo waits until it ends, or it would undo under the finger). */
	stroking = false;
	readonly #history: History;
	readonly #kept: UnsavedPainting | null;
	/** A kept painting is being read in: strokes wait for it. */
	#restoring = false;

	constructor(history: History, kept: UnsavedPainting | null = null) {
		this.#history = history;
		this.#kept = kept;
	}

	/** A painting is under way (something painted, or a mark being repainted). */
	get active(): boolean {
		return this.regions.length > 0 || this.repainting !== null;
	}

	/** Listens to a scene: a painter per body shown, strokes while in paint mode. */
	attach(scene: BodyScene): () => void {
		const stops = [
			scene.onBody((mesh) => {
				// Another model: strokes of the old one mean nothing on it.
				this.#history.drop(DRAFT);
				const painter = new Painter(scene, mesh);
				this.painter = painter;
				// The painting kept before a reload, if any (its checks load first; strokes wait).
				if (!this.#kept?.has()) return this.#begin(painter, null);
				this.#restoring = true;
				void this.#kept.read().then((kept) => {
					this.#restoring = false;
					if (this.painter !== painter) return;
					this.#begin(painter, kept);
					// Back after a reload: the body turns to the side the painting is on.
					const code = this.regions[0]?.region ?? this.repainting?.region;
					if (code) scene.view(bestView(mesh, code));
				});
			}),
			scene.onStroke((e) => {
				const painter = this.painter;
				const closing = e.phase === 'end' || e.phase === 'cancel';
				// A stroke that began in paint mode is always closed, even if the mode changed meanwhile.
				if (!painter || this.#restoring || (this.mode !== 'paint' && !(closing && this.stroking))) return;
				this.stroking = !closing;
				const radius = BRUSH_SIZES.find((b) => b.id === this.size)!.radius;
				const erasing = this.erase || e.eraser;
				const change = painter.stroke(e, radius, erasing);
				if (change) this.#record(painter, change, erasing ? 'erasing' : 'painting');
				if (closing) this.#refresh();
			})
		];
		return () => {
			stops.forEach((stop) => stop());
			this.painter = null;
		};
	}

	/** Paint mode is on: build the surface graph while the hand is on its way, not on the first touch. */
	prepare(): void {
		if (this.painter) this.#prepare();
	}

	#prepare(): void {
		const painter = this.painter;
		const build = () => void painter?.layer;
		if ('requestIdleCallback' in globalThis) requestIdleCallback(build, { timeout: 500 });
		else setTimeout(build, 50);
	}

	/** Is this mark drawn per vertex (painted on the model on show)? */
	fits(m: Mark): boolean {
		return this.painter?.fits(m.patch) ?? false;
	}

	/** Draws the saved painted marks (except the one being repainted). */
	showSaved(marks: readonly Mark[]): void {
		const painter = this.painter;
		if (!painter) return;
		const skip = this.repainting?.id;
		painter.setSaved(
			marks
				.filter((m): m is Mark & { patch: Patch } => m.id !== skip && painter.fits(m.patch))
				.map(markDrawing)
		);
	}

	/** Repaint a painted mark: its area becomes the painting in progress. */
	repaint(mark: Mark): void {
		this.#history.drop(DRAFT);
		this.repainting = mark;
		this.repaintFrom = mark;
		this.mode = 'paint';
		this.erase = false;
		this.painter?.load(mark.patch);
		this.#refresh();
	}

	/**
	 * The mark being repainted as stored now (`live`), or undefined when it is gone: the repaint
	 * follows a mark changed since, and a vanished one leaves the strokes as a new painting.
	 */
	settleRepaint(live: Mark | undefined): void {
		const r = this.repainting;
		// A list that has not caught up with this tab's own save is older, not a change: it is not followed back.
		if (!r || (live && live.updatedAt <= r.updatedAt)) return;
		this.repainting = live ?? null;
		this.#refresh();
	}

	/** The repainted mark was saved (`m`, as written): the repaint goes on from it. */
	saved(m: Mark): void {
		if (this.repainting?.id !== m.id) return;
		this.repainting = m;
		this.#refresh();
	}

	/** Throw the painting (or the repaint) away, as one step that can be undone. */
	discard(): void {
		const painter = this.painter;
		const was = this.repainting;
		const change = painter?.clear() ?? null;
		this.repainting = null;
		this.#refresh();
		if (!painter || (!change && !was)) return;
		this.#history.push({
			label: was ? 'cancelling the repaint' : 'discarding the painting',
			tag: DRAFT,
			undo: () => {
				if (change) painter.apply(change, 'before');
				this.repainting = was;
				this.#refresh();
			},
			redo: () => {
				if (change) painter.apply(change, 'after');
				this.repainting = null;
				this.#refresh();
			}
		});
	}

	/** Clear the painting (undoable). */
	clear(): void {
		const painter = this.painter;
		const change = painter?.clear();
		if (painter && change) this.#record(painter, change, 'clearing the painting');
		this.#refresh();
	}

	/** The painting as a patch to save, or null when nothing is painted. */
	patch(): Patch | null {
		const painter = this.painter;
		return painter ? painter.layer.toPatch(painter.version) : null;
	}

	/** After saving or discarding: no painting, no repaint, its strokes gone from the history. */
	finish(): void {
		this.#history.drop(DRAFT);
		this.repainting = null;
		this.repaintFrom = null;
		this.painter?.load(null);
		this.#refresh();
	}

	#record(painter: Painter, change: StrokeChange, label: string): void {
		this.#history.push({
			label,
			tag: DRAFT,
			undo: () => {
				painter.apply(change, 'before');
				this.#refresh();
				this.changes++;
			},
			redo: () => {
				painter.apply(change, 'after');
				this.#refresh();
				this.changes++;
			}
		});
		this.changes++;
	}

	/** A new body's painter takes the kept painting if it was made on this model, else the repaint under way. */
	#begin(painter: Painter, kept: PaintingDraft | null): void {
		if (kept && (!kept.patch || painter.fits(kept.patch)) && (!kept.repainting || painter.fits(kept.repainting.patch))) {
			this.repainting = kept.repainting;
			this.mode = 'paint'; // carry on where the hand was
			painter.load(kept.patch);
			if (kept.repainting) this.changes++; // a repaint kept over a reload is saved, if it was not yet
		} else {
			if (this.repainting && !painter.fits(this.repainting.patch)) this.repainting = null;
			painter.load(this.repainting?.patch ?? null);
		}
		this.#refresh();
		if (this.mode === 'paint') this.#prepare();
	}

	/** After every change to the painting: its regions for the editor, and a copy kept in the tab. */
	#refresh(): void {
		const patch = this.patch();
		this.regions = patch?.regions ?? [];
		if (this.painter) this.#kept?.keep({ patch, repainting: this.repainting });
	}
}
