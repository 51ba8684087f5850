/**
 * The body a page shows for a client (figure and build), read from the client's record and the
 * settings' defaults. `LiveBody` follows both, so a build chosen on the client's page, or a new
 * default in settings, shows at once on a planner open in another tab.
 */
import { bodyFor, BODY_SETTINGS, defaultBody, type BodyChoice } from '$lib/domain/body-choice';
import type { Client, Id } from '$lib/domain/records';
import { store, Live } from '$lib/store';

/** The settings' defaults (a missing or unknown value is the app's own default). */
export async function readDefaultBody(): Promise<BodyChoice> {
	const figure = await store.getSetting<unknown>(BODY_SETTINGS.figure, undefined);
	const build = await store.getSetting<unknown>(BODY_SETTINGS.build, undefined);
	return defaultBody(figure, build);
}

/** The body for this client once (the printed sheet); the defaults when there is no client. */
export async function readBody(client: Pick<Client, 'figure' | 'build'> | null | undefined): Promise<BodyChoice> {
	if (client?.figure && client.build) return { figure: client.figure, build: client.build };
	return bodyFor(client, await readDefaultBody());
}

/** Follows the body for a client (by id; null: the defaults). Construct during component initialisation. */
export class LiveBody {
	readonly #clientId: () => Id | null;
	readonly #live: Live<{ for: Id | null; body: BodyChoice }>;

	constructor(clientId: () => Id | null) {
		this.#clientId = clientId;
		this.#live = new Live(() => {
			const id = clientId();
			return async () => {
				const client = id ? await store.getClient(id) : undefined;
				return { for: id, body: bodyFor(client, await readDefaultBody()) };
			};
		});
	}

	/** The body, or undefined until it is known for the client asked for now (never another's). */
	get current(): BodyChoice | undefined {
		const v = this.#live.current;
		return v && v.for === this.#clientId() ? v.body : undefined;
	}
}
