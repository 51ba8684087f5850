/**
 * A comparison body's scene: a Painter for each body shown (marks are drawn per vertex), and the
 * quick view asked for, once the body is on show and whenever it changes (the user may turn it
 * after). Construct while a component initialises: it owns two effects.
 */
import { untrack } from 'svelte';
import type { BodyScene } from '$lib/scene/BodyScene';
import { Painter } from '$lib/ui/marks/painter';

export class ComparedScene {
	scene = $state.raw<BodyScene | null>(null);
	painter = $state.raw<Painter | null>(null);

	constructor(view: () => 'front' | 'back', setup?: (scene: BodyScene) => void) {
		$effect(() => {
			const s = this.scene;
			if (!s) return;
			setup?.(s);
			const stop = s.onBody((mesh) => (this.painter = new Painter(s, mesh)));
			return () => {
				stop();
				this.painter = null;
			};
		});
		$effect(() => {
			const [s, v] = [this.scene, view()];
			// Untracked: what the scene tells its listeners must not become a dependency.
			if (s && this.painter) untrack(() => s.view(v));
		});
	}
}
