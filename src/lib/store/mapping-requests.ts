/**
 * The therapist's side of mapping links (domain/mapping-link): the practice's name shown in them,
 * and which client each link's request id was made for, in settings rows:
 *   'practiceName'     string          one field for now (a later practitioner profile takes it in)
 *   'mappingRequests'  RequestMade[]   the requests this device made, newest last
 * A mapping sent back names its request as its client's id; only an id this device made, for a
 * client still here, points at a client. Names are never matched here.
 */
import type { Client } from '$lib/domain/records';
import { cleanLine, clientOfRequest, newRequestId, PRACTICE_MAX, rememberRequest, requestExpires } from '$lib/domain/mapping-link';
import type { Store } from './store';

const PRACTICE = 'practiceName';
const REQUESTS = 'mappingRequests';

export async function practiceName(store: Store): Promise<string> {
	const v = await store.getSetting<unknown>(PRACTICE, '');
	return typeof v === 'string' ? cleanLine(v, PRACTICE_MAX) : '';
}

export async function setPracticeName(store: Store, name: string): Promise<string> {
	const clean = cleanLine(name, PRACTICE_MAX);
	await store.setSetting(PRACTICE, clean);
	return clean;
}

/**
 * `clientId`'s mapping link request (its id, and when its link stops working): a recent one made
 * before, or a new one, in one transaction.
 */
export async function requestFor(store: Store, clientId: string, now = Date.now()): Promise<{ id: string; expires: number }> {
	return store.updateSettings([REQUESTS], ([stored]) => {
		const { list, request } = rememberRequest(stored, clientId, now, newRequestId);
		return { set: { [REQUESTS]: list }, result: { id: request.id, expires: requestExpires(request) } };
	});
}

/** The client a mapping link with request `id` was made for, when this device made it, its link has not expired, and the client is still here. */
export async function clientOfMapping(store: Store, id: string, now = Date.now()): Promise<Client | null> {
	const clientId = clientOfRequest(await store.getSetting<unknown>(REQUESTS, []), id, now);
	return clientId ? ((await store.getClient(clientId)) ?? null) : null;
}
