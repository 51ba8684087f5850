/** Consent helpers shared by consent.spec and consent-handover.spec: a finger's signature, the rows kept. */
import type { Locator, Page } from '@playwright/test';
import { storedRows } from './stored';

/** A signature drawn with a finger: touch events through the browser's own input (pointerType 'touch'). */
export async function drawWithFinger(page: Page, pad: Locator) {
	const box = (await pad.boundingBox())!;
	const cdp = await page.context().newCDPSession(page);
	const at = (i: number) => [{ x: box.x + box.width * (0.12 + i * 0.03), y: box.y + box.height * (0.55 - 0.25 * Math.sin(i / 2.5)) }];
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
	for (let i = 1; i <= 24; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(i) });
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
	await cdp.detach();
}

/** Every consent row in IndexedDB. */
export function consentsInDb(page: Page) {
	return storedRows<{ signer: string; signerName: string; signature: { kind: string; strokes?: unknown[]; name?: string }; text: string; sensitiveAreas: number[]; withdrawnAt: number | null; guardian: { name: string } | null; hash?: string; withdrawalHash?: string }>(page, 'consents');
}

/** The client's details as the details form (wt-people) would keep them: here only a date of birth and maybe a guardian. */
export function setDetails(page: Page, clientId: string, dateOfBirth: string, guardian: { name: string; relationship: string; phone: string } | null) {
	return page.evaluate(
		({ clientId, dateOfBirth, guardian }) =>
			new Promise<void>((ok, fail) => {
				const open = indexedDB.open('somamap');
				open.onerror = () => fail(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction('clientDetails', 'readwrite');
					tx.objectStore('clientDetails').put({
						clientId, dateOfBirth, gender: '', address: '', emergencyContact: null, referrer: '', occupation: '', medicalHistory: '',
						medications: '', allergies: '', pregnancy: 'not-asked', pregnancyNote: '', guardian
					});
					tx.oncomplete = () => (open.result.close(), ok());
					tx.onerror = () => fail(tx.error);
				};
			}),
		{ clientId, dateOfBirth, guardian }
	);
}
