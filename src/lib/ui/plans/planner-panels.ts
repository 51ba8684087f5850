/**
 * The planner's Plan, Notes and Outcome tabs and the summary they show: loaded when one of them is
 * first opened (the page opens on Marks), so a plan's first visit carries none of it.
 */
export { default as PlanSummary } from './PlanSummary.svelte';
export { default as PlanSettings } from './PlanSettings.svelte';
export { default as SessionOutcome } from './SessionOutcome.svelte';
export { default as PlanNotes } from './PlanNotes.svelte';
export { sessionFor, summarisePlan } from '$lib/domain/summary';
