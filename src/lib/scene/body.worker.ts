/**
 * Builds bodies off the main thread: fetches the shared topology once (kept for the worker's
 * life) and each figure, decodes, subdivides and cuts them (bodymesh.ts), and sends the mesh
 * back with its arrays transferred. On a page that is also parsing three.js and starting WebGL,
 * this runs on the other core instead of after them.
 */
import { decodeFigure, decodeTopology } from '$lib/body/codec';
import { assembleBody, prepareTopology, type PreparedTopology } from '$lib/body/bodymesh';
import type { BodyRequest, BodyReply } from './body-messages';

let topology: Promise<PreparedTopology> | null = null;

async function download(url: string): Promise<Uint8Array> {
	const res = await fetch(url);
	if (!res.ok) throw new Error(`HTTP ${res.status} for ${url}`);
	return new Uint8Array(await res.arrayBuffer());
}

class Damaged extends Error {}

function sharedTopology(url: string): Promise<PreparedTopology> {
	let topo: Promise<PreparedTopology> | null = topology;
	if (!topo) {
		const p = download(url).then(async (bytes) => {
			try {
				return prepareTopology(await decodeTopology(bytes));
			} catch (e) {
				throw new Damaged(String(e));
			}
		});
		p.catch(() => {
			if (topology === p) topology = null;
		});
		topology = topo = p;
	}
	return topo;
}

async function build(req: BodyRequest): Promise<BodyReply> {
	const [prepared, bytes] = await Promise.all([sharedTopology(req.topologyUrl), download(req.figureUrl)]);
	try {
		const f = await decodeFigure(bytes, prepared);
		if (f.figure !== req.figure || f.build !== req.build) throw new Error(`body figure: got ${f.figure}-${f.build}`);
		const m = assembleBody(prepared, f);
		// The shared arrays are copied: transferring them would take them from the next figure.
		return { id: req.id, mesh: { ...m, regions: m.regions.slice(), indices: m.indices.slice() } };
	} catch (e) {
		throw new Damaged(String(e));
	}
}

self.onmessage = (event: MessageEvent<BodyRequest>) => {
	const req = event.data;
	if (req.warm) {
		// A failure here is reported with the first figure asked for (it fetches again).
		sharedTopology(req.topologyUrl).catch(() => {});
		return;
	}
	build(req).then(
		(reply) => {
			const m = reply.mesh!;
			(self as unknown as Worker).postMessage(reply, [m.positions.buffer, m.normals.buffer, m.regions.buffer, m.indices.buffer]);
		},
		(e: unknown) => (self as unknown as Worker).postMessage({ id: req.id, error: e instanceof Damaged ? 'damaged' : 'download', message: String(e) } satisfies BodyReply)
	);
};
