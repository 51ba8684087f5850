/** Filling the practitioner dialog, shared by the people specs. */
import type { Locator } from '@playwright/test';

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
