/** Practitioners for the record specs, put straight into the database. */
import type { Page } from '@playwright/test';

/** A practitioner put straight into the database (their profile screen is another part of issue 12). */
export async function seedPractitioner(page: Page, fullName: string): Promise<void> {
	await page.evaluate(
		(name) =>
			new Promise<void>((ok, ko) => {
				const open = indexedDB.open('somamap');
				open.onerror = () => ko(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction('practitioners', 'readwrite');
					const now = Date.now();
					tx.objectStore('practitioners').put({
						id: `prac-${crypto.randomUUID()}`, fullName: name, qualification: 'Diploma of Remedial Massage', association: 'AMT', membershipNumber: '12345',
						providerNumbers: [], businessName: 'Eastside Massage', taxNumber: '', address: '', phone: '', createdAt: now, updatedAt: now
					});
					tx.oncomplete = () => {
						open.result.close();
						ok();
					};
					tx.onerror = () => ko(tx.error);
				};
			}),
		fullName
	);
}
