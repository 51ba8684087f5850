/**
 * The planner's painting state: tap or paint mode, brush size, eraser, the painting in progress
 * (its regions, for the editor) and the mark being repainted. Strokes from the scene dab into the
 * Painter; each finished stroke is an undo step tagged 'draft', dropped once the painting is saved.
 */
import { BRUSH_SIZES, type BrushSize, type StrokeChange } from '$lib/body/brush';
import type { Mark, Patch, RegionShare } from '$lib/domain/records';
import type { BodyScene } from '$lib/scene/BodyScene';
import type { History } from '$lib/ui/history';
import { Painter, markDrawing } from './painter';

export type MarkMode = 'tap' | 'paint';
export const DRAFT = 'draft';

export class PaintSession {
	mode = $state<MarkMode>('tap');
	size = $state<BrushSize['id']>('medium');
	erase = $state(false);
	/** Regions the painting in progress covers, largest first (empty: nothing painted). */
	regions = $state.raw<RegionShare[]>([]);
	/** The painted mark whose area is being repainted, or null for a new painting. */
	repainting = $state.raw<Mark | null>(null);
	painter = $state.raw<Painter | null>(null);
	readonly #history: History;

	constructor(history: History) {
		this.#history = history;
	}

	/** A painting is under way (something painted, or a mark being repainted). */
	get active(): boolean {
		return this.regions.length > 0 || this.repainting !== null;
	}

	/** Listens to a scene: a painter per body shown, strokes while in paint mode. */
	attach(scene: BodyScene): () => void {
		const stops = [
			scene.onBody((mesh) => {
				this.painter = new Painter(scene, mesh);
				this.regions = [];
			}),
			scene.onStroke((e) => {
				const painter = this.painter;
				if (!painter || this.mode !== 'paint') return;
				const radius = BRUSH_SIZES.find((b) => b.id === this.size)!.radius;
				const change = painter.stroke(e, radius, this.erase);
				if (change) this.#record(painter, change, this.erase ? 'erasing' : 'painting');
				if (e.phase === 'end' || e.phase === 'cancel') this.#refresh();
			})
		];
		return () => {
			stops.forEach((stop) => stop());
			this.painter = null;
		};
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
		this.mode = 'paint';
		this.erase = false;
		this.painter?.load(mark.patch);
		this.#refresh();
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
			},
			redo: () => {
				painter.apply(change, 'after');
				this.#refresh();
			}
		});
	}

	#refresh(): void {
		this.regions = this.patch()?.regions ?? [];
	}
}
