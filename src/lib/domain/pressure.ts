/** The five pressure steps, from gentle and shallow to strong and deep. */
import type { Pressure } from './records';

export interface PressureStep {
	level: Pressure;
	name: string;
	description: string;
}

export const PRESSURES: readonly PressureStep[] = [
	{ level: 1, name: 'Gentle', description: 'soft, shallow strokes' },
	{ level: 2, name: 'Light', description: 'light, relaxing pressure' },
	{ level: 3, name: 'Moderate', description: 'firm enough to work the muscle' },
	{ level: 4, name: 'Firm', description: 'strong, working into tension' },
	{ level: 5, name: 'Deep', description: 'strong and deep, into deeper layers' }
];

export function pressureName(level: Pressure): string {
	return PRESSURES[level - 1].name;
}

/** The lower of a wanted pressure and a cap (no cap: the wanted pressure). */
export function capPressure(wanted: Pressure, cap: Pressure | undefined): Pressure {
	return cap === undefined ? wanted : (Math.min(wanted, cap) as Pressure);
}
