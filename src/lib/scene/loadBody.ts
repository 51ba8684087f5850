/**
 * Fetch, decode and build a body (static/body/topology.bin, shared, and
 * static/body/<figure>-<build>.bin, served under the app's base path). The topology and the
 * work that depends on it alone (subdivision plan, region cut) are done once per page and shared
 * by every figure; each built mesh is kept per figure and build for the page's lifetime, so
 * switching back and forth costs nothing. The service worker makes the fetches work offline.
 * In the browser all of it runs in a worker (body.worker.ts), beside the main thread's own
 * start-up (three.js, WebGL); with a given fetcher (tests) or no Worker, on this thread.
 */
import { asset } from '$app/paths';
import type { BodyBuild, BodyFigure, BodyMesh } from '$lib/body/types';
import type { PreparedTopology } from '$lib/body/bodymesh';
import type { BodyReply, BodyRequest } from './body-messages';

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

export const TOPOLOGY_URL = asset('/body/topology.bin');
export const figureUrl = (figure: BodyFigure, build: BodyBuild): string => asset(`/body/${figure}-${build}.bin`);

let topology: Promise<PreparedTopology> | null = null;
const cache = new Map<string, Promise<BodyMesh>>();

/** Load one figure in one build; rejects with a BodyLoadError (and forgets the failure so a retry refetches). */
export function loadBody(figure: BodyFigure, build: BodyBuild = 'average', fetcher?: typeof fetch): Promise<BodyMesh> {
	const key = `${figure}-${build}`;
	let pending = cache.get(key);
	if (!pending) {
		pending = !fetcher && canUseWorker() ? inWorker(figure, build) : fetchBody(figure, build, fetcher ?? fetch);
		pending.catch(() => cache.delete(key));
		cache.set(key, pending);
	}
	return pending;
}

let worker: Worker | null = null;
/** The worker could not start or died: this page builds bodies on its own thread from now on. */
let workerBroken = false;
let nextId = 0;
interface Waiting {
	figure: BodyFigure;
	build: BodyBuild;
	resolve: (m: BodyMesh) => void;
	reject: (e: unknown) => void;
	start: number;
}
const waiting = new Map<number, Waiting>();

const canUseWorker = (): boolean => typeof Worker !== 'undefined' && !workerBroken;

/** The worker, started on first use; null when this browser cannot start it (no module workers). */
function bodyWorker(): Worker | null {
	if (!worker && !workerBroken) {
		try {
			worker = new Worker(new URL('./body.worker.ts', import.meta.url), { type: 'module' });
		} catch {
			workerBroken = true;
			return null;
		}
		worker.onmessage = (event: MessageEvent<BodyReply>) => {
			const r = event.data;
			const w = waiting.get(r.id);
			if (!w) return;
			waiting.delete(r.id);
			if (r.mesh) {
				performance.measure?.('somamap:body-worker', { start: w.start, end: performance.now() });
				w.resolve(r.mesh);
			} else if (r.error === 'damaged') w.reject(damaged(w.figure, new Error(r.message)));
			else w.reject(notDownloaded(w.figure, new Error(r.message)));
		};
		worker.onerror = () => {
			// The worker itself failed (its script missing, out of memory on a small tablet): what
			// it was asked for is built here instead, and so is everything after.
			workerBroken = true;
			worker?.terminate();
			worker = null;
			for (const [id, w] of waiting) {
				waiting.delete(id);
				fetchBody(w.figure, w.build, fetch).then(w.resolve, w.reject);
			}
		};
	}
	return worker;
}

/**
 * Start the worker and its shared topology now, ahead of the first figure asked for: pages
 * that import this module draw a body, and the topology is most of the work.
 */
if (typeof Worker !== 'undefined' && typeof window !== 'undefined') {
	bodyWorker()?.postMessage({ warm: true, id: -1, figure: 'female', build: 'average', topologyUrl: TOPOLOGY_URL, figureUrl: '' } satisfies BodyRequest);
}

function inWorker(figure: BodyFigure, build: BodyBuild): Promise<BodyMesh> {
	const id = nextId++;
	const req: BodyRequest = { id, figure, build, topologyUrl: TOPOLOGY_URL, figureUrl: figureUrl(figure, build) };
	const w = bodyWorker();
	if (!w) return fetchBody(figure, build, fetch);
	return new Promise((resolve, reject) => {
		waiting.set(id, { figure, build, resolve, reject, start: performance.now() });
		w.postMessage(req);
	});
}

function sharedTopology(figure: BodyFigure, fetcher: typeof fetch): Promise<PreparedTopology> {
	if (!topology) {
		const p = download(TOPOLOGY_URL, figure, fetcher).then(async (bytes) => {
			try {
				const { decodeTopology } = await import('$lib/body/codec');
				const { prepareTopology } = await import('$lib/body/bodymesh');
				const t = await decodeTopology(bytes);
				return timed('somamap:body-topology', () => prepareTopology(t));
			} catch (e) {
				throw damaged(figure, e);
			}
		});
		p.catch(() => {
			if (topology === p) topology = null;
		});
		topology = p;
	}
	return topology;
}

async function fetchBody(figure: BodyFigure, build: BodyBuild, fetcher: typeof fetch): Promise<BodyMesh> {
	// Both downloads at once; the topology's decoding overlaps the figure's download.
	const [prepared, bytes] = await Promise.all([sharedTopology(figure, fetcher), download(figureUrl(figure, build), figure, fetcher)]);
	try {
		const { decodeFigure } = await import('$lib/body/codec');
		const { assembleBody } = await import('$lib/body/bodymesh');
		const f = await decodeFigure(bytes, prepared);
		if (f.figure !== figure || f.build !== build) throw new Error(`body figure: got ${f.figure}-${f.build}`);
		return timed('somamap:body-figure', () => assembleBody(prepared, f));
	} catch (e) {
		throw damaged(figure, e);
	}
}

async function download(url: string, figure: BodyFigure, fetcher: typeof fetch): Promise<Uint8Array> {
	try {
		const res = await fetcher(url);
		if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
		return new Uint8Array(await res.arrayBuffer());
	} catch (e) {
		throw notDownloaded(figure, e);
	}
}

function notDownloaded(figure: BodyFigure, e: unknown): BodyLoadError {
	const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
	return new BodyLoadError(
		offline
			? `The ${figure} body model is not on this device yet. Connect once to download it.`
			: `The ${figure} body model could not be downloaded. Check the connection and try again.`,
		figure,
		e
	);
}

const damaged = (figure: BodyFigure, e: unknown): BodyLoadError =>
	e instanceof BodyLoadError ? e : new BodyLoadError(`The ${figure} body model is damaged and could not be read. Reload the app to fetch it again.`, figure, e);

/** Run `f` and leave its duration in the performance timeline (the bench reads it). */
function timed<T>(name: string, f: () => T): T {
	const start = performance.now();
	const out = f();
	performance.measure?.(name, { start, end: performance.now() });
	return out;
}
