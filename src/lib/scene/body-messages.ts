/** Messages between loadBody and the body worker. */
import type { BodyBuild, BodyFigure, BodyMesh } from '$lib/body/types';

/** A request for a figure; with `warm` only the shared topology is fetched and prepared. */
export interface BodyRequest {
	warm?: boolean;
	id: number;
	figure: BodyFigure;
	build: BodyBuild;
	topologyUrl: string;
	figureUrl: string;
}

export interface BodyReply {
	id: number;
	mesh?: BodyMesh;
	error?: 'download' | 'damaged';
	message?: string;
}
