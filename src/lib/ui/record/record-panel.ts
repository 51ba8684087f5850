/** The planner's Record tab, loaded when first chosen: a plan's first visit carries none of it. */
export { default as RecordTab } from './RecordTab.svelte';
