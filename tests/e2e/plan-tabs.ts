/** The planner's tabs beside the body: Marks, Plan, Notes, Outcome, Record. */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export type PlanTab = 'Marks' | 'Plan' | 'Notes' | 'Outcome' | 'Record';

/** Shows a tab of the planner (a no-op when it is already shown). */
export async function openTab(page: Page, name: PlanTab): Promise<void> {
	const tab = page.getByRole('tablist', { name: 'Planner' }).getByRole('tab', { name: new RegExp(`^${name}`) });
	await tab.click();
	await expect(tab).toHaveAttribute('aria-selected', 'true');
}
