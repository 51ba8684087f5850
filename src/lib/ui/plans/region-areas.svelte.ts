/**
 * Surface area per region (m², by region code) of the figure shown, for weighting focus areas
 * and for the marked share of the body. Null until the body model has loaded (the viewer loads
 * the same cached model, so this costs one pass over its triangles). Construct during component
 * initialisation.
 */
import type { BodyFigure } from '$lib/body/types';
import { regionAreas } from '$lib/body/areas';
import { loadBody } from '$lib/scene/loadBody';

export class RegionAreas {
	#areas = $state.raw<Float64Array | null>(null);

	/** `figure` is read reactively: a change of figure loads that figure's areas. */
	constructor(figure: () => BodyFigure) {
		$effect(() => {
			const f = figure();
			let current = true;
			loadBody(f).then(
				(mesh) => current && (this.#areas = regionAreas(mesh)),
				() => current && (this.#areas = null)
			);
			return () => (current = false);
		});
	}

	/** Area per region code (index 0: unlabelled), or null while unknown. */
	get current(): Float64Array | null {
		return this.#areas;
	}
}
