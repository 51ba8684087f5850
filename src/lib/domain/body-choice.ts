/**
 * Which body a client is shown on: the sex (figure) and build chosen on the client's page, or the
 * defaults from settings where the client chose none. Pure; the pages read and follow the records
 * through ui/body/body-choice.svelte.ts.
 */
import { BODY_BUILDS, type BodyBuild, type BodyFigure } from '$lib/body/types';

export interface BodyChoice {
	figure: BodyFigure;
	build: BodyBuild;
}

export const BODY_FIGURES: readonly BodyFigure[] = ['female', 'male'];

/** The settings rows holding the defaults. */
export const BODY_SETTINGS = { figure: 'defaultFigure', build: 'defaultBuild' } as const;

/** What the app shows when settings hold no default (or one it does not know). */
export const DEFAULT_BODY: Readonly<BodyChoice> = { figure: 'female', build: 'average' };

export const FIGURE_WORDS: Record<BodyFigure, string> = { female: 'Female', male: 'Male' };
export const BUILD_WORDS: Record<BodyBuild, string> = { slim: 'Slim', average: 'Average', broad: 'Broad' };

export const isBodyFigure = (v: unknown): v is BodyFigure => BODY_FIGURES.includes(v as BodyFigure);
export const isBodyBuild = (v: unknown): v is BodyBuild => BODY_BUILDS.includes(v as BodyBuild);

/** The defaults from the settings' stored values, each checked on its own. */
export function defaultBody(figure: unknown, build: unknown): BodyChoice {
	return {
		figure: isBodyFigure(figure) ? figure : DEFAULT_BODY.figure,
		build: isBodyBuild(build) ? build : DEFAULT_BODY.build
	};
}

/** A client's own choices where made (each on its own), else the defaults. */
export function bodyFor(
	client: { figure: BodyFigure | null; build: BodyBuild | null } | null | undefined,
	defaults: BodyChoice
): BodyChoice {
	return {
		figure: client?.figure ?? defaults.figure,
		build: client?.build ?? defaults.build
	};
}

/** The body in words, as the viewer describes it: "Female figure, average build". */
export function describeBody({ figure, build }: BodyChoice): string {
	return `${FIGURE_WORDS[figure]} figure, ${BUILD_WORDS[build].toLowerCase()} build`;
}
