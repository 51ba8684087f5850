/** Filling the practitioner dialog and a client's contacts and health, shared by the people specs. */
import type { Locator } from '@playwright/test';
import { expect } from './fixtures';

/** Alex Moreno's profile in the open "Add a practitioner" dialog, all but the provider numbers. */
export async function fillAlexMoreno(dialog: Locator): Promise<void> {
	await dialog.getByLabel('Full name').fill('Alex Moreno');
	await dialog.getByLabel('Qualification').fill('Diploma of Remedial Massage');
	await dialog.getByLabel('Professional association').fill('Massage & Myotherapy Australia');
	await dialog.getByLabel('Membership number').fill('M12345');
	await dialog.getByLabel('Business name').fill('Moreno Remedial');
	await dialog.getByLabel('ABN or tax number').fill('51 824 753 556');
	await dialog.getByLabel('Address').fill('1 Main St, Newtown NSW 2042');
	await dialog.getByLabel('Phone').fill('0400 000 000');
}

/**
 * Mia Chen's contacts and health in the client page's "Personal and health information" (`info`),
 * each part opened first; waits until they are saved. `emergencyRelationship` when given.
 */
export async function fillContactsAndHealth(info: Locator, emergencyRelationship?: string): Promise<void> {
	await info.getByText('Contacts', { exact: true }).click();
	await info.getByLabel('Emergency contact’s name').fill('Wei Chen');
	await info.getByLabel('Emergency contact’s phone').fill('0400 333 444');
	if (emergencyRelationship) await info.getByLabel('Relationship to the client').last().fill(emergencyRelationship);
	await info.getByLabel('GP or referring practitioner').fill('Dr Patel, Marrickville Medical');
	await info.getByText('Health', { exact: true }).click();
	await info.getByLabel('Medical history').fill('Asthma. Broken left wrist 2022.');
	await info.getByLabel('Current medications').fill('Ventolin as needed');
	await info.getByLabel('Allergies').fill('Nut oils');
	await info.getByRole('radio', { name: 'No', exact: true }).check();
	await expect(info.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
}
