/**
 * Fetch and decode a body asset (static/body/<figure>.bin, served under the app's base path).
 * Decoded meshes are kept per figure for the page's lifetime: switching figures back and forth
 * costs nothing, and the service worker already makes the fetch itself work offline.
 */
import { asset } from '$app/paths';
import type { BodyBuild, BodyFigure, BodyMesh } from '$lib/body/types';
import { decodeBody } from '$lib/body/codec';

/** A body model could not be loaded; `message` is written for the person using the app. */
export class BodyLoadError extends Error {
	constructor(
		message: string,
		readonly figure: BodyFigure,
		readonly cause?: unknown
	) {
		super(message);
		this.name = 'BodyLoadError';
	}
}

const URLS: Record<BodyFigure, string> = {
	female: asset('/body/female.bin'),
	male: asset('/body/male.bin')
};

const cache = new Map<BodyFigure, Promise<BodyMesh>>();

/**
 * Load one figure; rejects with a BodyLoadError (and forgets the failure so a retry refetches).
 * `build` is not drawn yet: the MakeHuman figures (issue 10, phase 2b) bring the builds.
 */
export function loadBody(figure: BodyFigure, build: BodyBuild = 'average', fetcher: typeof fetch = fetch): Promise<BodyMesh> {
	void build;
	let pending = cache.get(figure);
	if (!pending) {
		pending = fetchBody(figure, URLS[figure], fetcher);
		pending.catch(() => cache.delete(figure));
		cache.set(figure, pending);
	}
	return pending;
}

async function fetchBody(figure: BodyFigure, url: string, fetcher: typeof fetch): Promise<BodyMesh> {
	let bytes: Uint8Array;
	try {
		const res = await fetcher(url);
		if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
		bytes = new Uint8Array(await res.arrayBuffer());
	} catch (e) {
		const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
		throw new BodyLoadError(
			offline
				? `The ${figure} body model is not on this device yet. Connect once to download it.`
				: `The ${figure} body model could not be downloaded. Check the connection and try again.`,
			figure,
			e
		);
	}
	try {
		return await decodeBody(bytes);
	} catch (e) {
		throw new BodyLoadError(`The ${figure} body model is damaged and could not be read. Reload the app to fetch it again.`, figure, e);
	}
}
