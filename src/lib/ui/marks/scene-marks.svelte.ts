/**
 * The planner's marks on its body scene, for as long as the component that calls it lives: the
 * painting session attached to each new scene, paint mode passed on, and the marks shown (painted
 * ones per vertex, the rest as per-region tints). Call during component initialisation.
 */
import { untrack } from 'svelte';
import type { Mark } from '$lib/domain/records';
import type { RegionTint } from '$lib/domain/sensations';
import type { BodyScene } from '$lib/scene/BodyScene';
import type { PaintSession } from './paint-session.svelte';

export function showMarksOnScene(scene: () => BodyScene | null, paint: PaintSession, visible: () => readonly Mark[], tints: () => readonly RegionTint[]): void {
	$effect(() => {
		const s = scene();
		if (!s) return;
		// Untracked: attaching reads and sets the session's state (a new body arrives at once).
		return untrack(() => paint.attach(s));
	});
	$effect(() => {
		const [s, on] = [scene(), paint.mode === 'paint'];
		untrack(() => s?.setPaintMode(on)); // it may tell hover listeners, which must not become dependencies
	});
	$effect(() => {
		if (paint.mode === 'paint') paint.prepare();
	});
	$effect(() => {
		const s = scene();
		if (!s) return;
		void paint.painter;
		void paint.repainting;
		paint.showSaved(visible());
		const material = s.material;
		material.clearOverlay();
		for (const t of tints()) material.setOverlay(t.region, t.colour, t.strength);
		s.invalidate();
	});
}
