/**
 * Surface area per region (m², by region code) of the body shown (figure and build), for weighting focus areas
 * and for the marked share of the body. Null until the body model has loaded (the viewer loads
 * the same cached model, so this costs one pass over its triangles). Construct during component
 * initialisation.
 */
import type { BodyChoice } from '$lib/domain/body-choice';
import { regionAreas } from '$lib/body/areas';
import { loadBody } from '$lib/scene/loadBody';

export class RegionAreas {
	#areas = $state.raw<Float64Array | null>(null);

	/** `body` is read reactively: a change of figure or build loads that body's areas. */
	constructor(body: () => BodyChoice) {
		$effect(() => {
			const { figure, build } = body();
			let current = true;
			loadBody(figure, build).then(
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
