/**
 * The planner's Plan, Notes and Outcome tabs and the summary they show: loaded when one of them is
 * first opened (the page opens on Marks), so a plan's first visit carries none of it.
 */
export { default as PlanSummary } from './PlanSummary.svelte';
export { default as PlanSettings } from './PlanSettings.svelte';
export { default as SessionOutcome } from './SessionOutcome.svelte';
export { default as PlanNotes } from './PlanNotes.svelte';
export { sessionFor, summarisePlan } from '$lib/domain/summary';

/** Scrolls the field labelled `label` on tab `tab` into view; false when it is not there yet. */
export function showField(tab: string, label: string): boolean {
	const field = [...document.querySelectorAll<HTMLLabelElement>(`#panel-${tab} label`)].find((l) => l.textContent === label);
	field?.control?.scrollIntoView({ block: 'center' });
	return !!field;
}
