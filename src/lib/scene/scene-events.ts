/**
 * What a page can listen to on a BodyScene: hover, picks, paint strokes, the body, the view's
 * orientation and the surface's status. BodyScene extends this and emits through `events`.
 */
import type { BodyMesh, RegionCode } from '$lib/body/types';
import type { StrokePhase } from './input';
import type { ViewOrientation } from './orientation';
import type { PickHit } from './picking';
import { Signal } from './signal';
import type { SceneStatus } from './surface';

type Listener<T> = (value: T) => void;

/** A step of a paint stroke, with the body points under the pointer since the last one. */
export interface StrokeEvent {
	phase: StrokePhase;
	hits: PickHit[];
	/** Made with a pen's eraser end: it erases whatever tool is chosen. */
	eraser: boolean;
}

export abstract class SceneEvents {
	protected readonly events = {
		hover: new Signal<RegionCode | null>(),
		pick: new Signal<PickHit>(),
		orientation: new Signal<ViewOrientation>(),
		status: new Signal<SceneStatus>(),
		stroke: new Signal<StrokeEvent>(),
		body: new Signal<BodyMesh>()
	};

	/** The body on show, or null before one is set. */
	abstract get body(): BodyMesh | null;
	/** Where the client's left/right and front are on screen for the current camera. */
	abstract orientation(): ViewOrientation;
	/** Current surface status. */
	abstract get status(): SceneStatus;

	/** Subscribe to hover changes (mouse hover; touch taps too). Returns an unsubscribe function. */
	onHover(fn: Listener<RegionCode | null>): () => void {
		return this.events.hover.add(fn);
	}

	/** Subscribe to picks (a tap or click on the body, not a drag). Returns an unsubscribe function. */
	onPick(fn: Listener<PickHit>): () => void {
		return this.events.pick.add(fn);
	}

	/**
	 * Subscribe to paint strokes: 'start' and 'move' bring the body points under the pointer
	 * (sampled densely along fast moves; empty where the pointer is off the body), 'end' closes
	 * the stroke, 'cancel' asks to take it back (a second finger made it a pinch).
	 */
	onStroke(fn: Listener<StrokeEvent>): () => void {
		return this.events.stroke.add(fn);
	}

	/** Subscribe to the body on show (called at once when one is set). Returns an unsubscribe function. */
	onBody(fn: Listener<BodyMesh>): () => void {
		const body = this.body;
		if (body) fn(body);
		return this.events.body.add(fn);
	}

	/** Subscribe to orientation changes (called with the current one at once). */
	onOrientation(fn: Listener<ViewOrientation>): () => void {
		fn(this.orientation());
		return this.events.orientation.add(fn);
	}

	/** Subscribe to surface status changes (called with the current one at once). */
	onStatus(fn: Listener<SceneStatus>): () => void {
		fn(this.status);
		return this.events.status.add(fn);
	}

	/** Drop every listener (on dispose). */
	protected clearListeners(): void {
		for (const signal of Object.values(this.events)) signal.clear();
	}
}
