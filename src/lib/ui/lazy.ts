/**
 * Parts of a page loaded when first asked for (a dialog the page does not show on opening). The
 * service worker keeps every part on the device, so this fails only when that copy is missing
 * (a first visit cut off, storage cleared): then the person is told, in words they can act on.
 */
import { notices } from './notices.svelte';

export async function loadPart<T>(what: string, load: () => Promise<T>): Promise<T | null> {
	try {
		return await load();
	} catch {
		notices.problem(`${what} could not be opened: this part of Somamap is not on this device yet. Connect to the internet and reload the page, then try again.`);
		return null;
	}
}
