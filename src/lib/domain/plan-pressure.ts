/**
 * The session's pressure as actually planned. The therapist (or client) chooses a pressure, but
 * some health-check answers cap every area (blood thinners, fragile bones, pregnancy…); wherever
 * the plan states one pressure for the session it must be the capped one, and say why.
 */
import { evaluateCautions, type CautionResult } from './cautions';
import { pressureName } from './pressure';
import { REGIONS } from './regions';
import type { Pressure } from './records';

export interface PlannedPressure {
	chosen: Pressure;
	/** The pressure the session is planned at: the chosen one, or the health check's cap below it. */
	level: Pressure;
	/** '2 · Light'. */
	label: string;
	/** Why it is lower than chosen, in a few words: 'capped by the health check: blood thinners'; '' when not capped. */
	capped: string;
}

/** The cap every area has (5 when some area has none). */
export function wholeBodyCap(caps: CautionResult['caps']): Pressure {
	return Math.max(...REGIONS.map((r) => caps.get(r.code) ?? 5)) as Pressure;
}

/** The pressure a session chosen at `chosen` is planned at under these cautions. */
export function plannedPressure(chosen: Pressure, cautions: Pick<CautionResult, 'cautions' | 'caps'>): PlannedPressure {
	const level = Math.min(chosen, wholeBodyCap(cautions.caps)) as Pressure;
	// Each answer that alone caps the whole body at this level is a reason; named as its caution is.
	const why = level < chosen
		? cautions.cautions.filter((c) => wholeBodyCap(evaluateCautions({ [c.id]: true }).caps) <= level).map((c) => c.text.split(':')[0].toLowerCase())
		: [];
	return {
		chosen,
		level,
		label: `${level} · ${pressureName(level)}`,
		capped: why.length ? `capped by the health check: ${why.join(', ')}` : ''
	};
}

/** The planned pressure in one phrase: '2 · Light (capped by the health check: blood thinners)'. */
export const pressureWords = (p: Pick<PlannedPressure, 'label' | 'capped'>): string => (p.capped ? `${p.label} (${p.capped})` : p.label);
