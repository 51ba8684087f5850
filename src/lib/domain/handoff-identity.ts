/**
 * Which map a hand-off is, whichever way it came (a link or a file) and whichever Send made it.
 * Each Send writes the time into the text (the file's exportedAt, each row's updatedAt and, for a
 * client's map, the plan's date: the day it was sent), so two Sends of an unchanged map never had
 * the same text. The content key leaves out exactly those stamps: the same answers give the same
 * key; any change a person made gives another. The origin (the client and plan ids of the device
 * that sent it) stays the same across Sends, so a changed map is known as another version of one
 * already brought in. Pure; the digest uses the standard crypto.subtle.
 */
import { handOffDigest, handOffText, type HandOff } from './handoff';
import { isClientMap } from './client-handoff';

/** How this device knows a hand-off again (see store/handoff findHandOff). */
export interface HandOffKeys {
	/** SHA-256 of handOffContent: the same map whatever the Send. */
	content: string;
	/** SHA-256 of the text as it came: what devices before the content key remembered. */
	text: string;
	/** The sending device's client and plan ids: the same map, changed or not. */
	origin: string;
}

/** The hand-off's content as canonical text: without what a Send stamps, marks in id order. */
export function handOffContent(h: HandOff): string {
	const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
	return handOffText(
		{
			client: { ...h.client, updatedAt: 0 },
			// A client's map is dated the day it was sent; a therapist's plan carries the session's own date.
			plan: { ...h.plan, updatedAt: 0, date: isClientMap(h) ? '' : h.plan.date },
			marks: [...h.marks].sort(byId).map((m) => ({ ...m, updatedAt: 0 }))
		},
		0
	);
}

/** Where the map was made: the same on every Send of it, changed or not. */
export function handOffOrigin(h: HandOff): string {
	return JSON.stringify([h.client.id, h.plan.id]);
}

export async function handOffKeys(h: HandOff, textDigest: string): Promise<HandOffKeys> {
	return { content: await handOffDigest(handOffContent(h)), text: textDigest, origin: handOffOrigin(h) };
}
