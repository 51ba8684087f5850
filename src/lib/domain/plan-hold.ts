/**
 * A timed plan on hold: with a red flag the session should not go ahead as planned (postponed
 * for a fever, a medical professional first for the others), so the minutes are a draft, kept
 * for a therapist who goes ahead after medical advice. Words for the therapist's pages; the
 * client is never shown a timed plan. Says why, never what the client has.
 */
import type { CautionResult } from './cautions';
import { healthShort } from './health-answers';

export interface PlanHold {
	/** The red flags in a few words, in the order found: 'fever or infection', 'numbness or tingling marked'. */
	reasons: string[];
	/** A fever: the massage waits until the client has recovered. */
	postpone: boolean;
	/** Any other red flag: a medical professional first. */
	professional: boolean;
}

const MARKED: Readonly<Record<string, string>> = { 'numbness-marks': 'numbness or tingling marked' };

export function planHold(c: Pick<CautionResult, 'cautions'>): PlanHold | null {
	const flags = c.cautions.filter((x) => x.redFlag);
	if (!flags.length) return null;
	return {
		reasons: flags.map((x) => MARKED[x.id] ?? healthShort(x.id)),
		postpone: flags.some((x) => x.id === 'fever'),
		professional: flags.some((x) => x.id !== 'fever')
	};
}

export interface HoldWords {
	title: string;
	/** Why and what to do: 'Red flag: fever or infection. Postpone the massage until the client has recovered.' */
	why: string;
	/** The heading over the draft minutes. */
	draft: string;
}

/** The hold as the therapist reads it on the planner and the session sheet. */
export function holdWords(h: PlanHold): HoldWords {
	const act = h.postpone
		? `Postpone the massage until the client has recovered${h.professional ? ', and ask them to see a medical professional before treatment' : ''}.`
		: 'Ask the client to see a medical professional before treatment.';
	return {
		title: 'Timed plan on hold',
		why: `Red flag${h.reasons.length > 1 ? 's' : ''}: ${h.reasons.join(', ')}. ${act}`,
		draft: h.professional ? 'Draft plan, only if you go ahead after medical advice' : 'Draft plan, for when the client has recovered'
	};
}
