/** The old procedural figures' model versions, and the figure each is the old version of. */
import type { BodyFigure } from '../types';

export const OLD_VERSIONS: Readonly<Record<string, BodyFigure>> = {
	ae13cce0886b083a: 'female',
	'3eda5c6e79132f50': 'male'
};
