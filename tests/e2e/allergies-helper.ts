/** The client's allergies, kept in their health details (the planner shows them from there). */
import type { Page } from '@playwright/test';

/** Puts `allergies` into the health details of the client of plan `planOrUrl`, straight into the database; reload the planner to see them. */
export function setClientAllergies(page: Page, planOrUrl: string, allergies: string): Promise<void> {
	const planId = planOrUrl.includes('id=') ? new URL(planOrUrl, 'http://x').searchParams.get('id')! : planOrUrl;
	return page.evaluate(
		({ planId, allergies }) =>
			new Promise<void>((ok, fail) => {
				const open = indexedDB.open('somamap');
				open.onerror = () => fail(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction(['plans', 'clientDetails'], 'readwrite');
					const plan = tx.objectStore('plans').get(planId);
					plan.onsuccess = () => {
						const clientId = plan.result.clientId;
						const details = tx.objectStore('clientDetails');
						const row = details.get(clientId);
						row.onsuccess = () =>
							details.put({
								dateOfBirth: null, gender: '', address: '', emergencyContact: null, referrer: '', occupation: '', medicalHistory: '',
								medications: '', pregnancy: 'not-asked', pregnancyNote: '', guardian: null, ...row.result, clientId, allergies
							});
					};
					tx.oncomplete = () => (open.result.close(), ok());
					tx.onerror = () => fail(tx.error);
				};
			}),
		{ planId, allergies }
	);
}
