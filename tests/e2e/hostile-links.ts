/**
 * Hostile hand-off links for the e2e tests, made in Node: a decompression bomb (a huge run of
 * spaces inside valid-looking backup JSON, deflated in streaming slices so the test itself stays
 * small) and links holding whatever backup text a test needs.
 */
import { createDeflateRaw, deflateRawSync } from 'node:zlib';
import { defaultPlanFields } from '../../src/lib/domain/records';

/** `/import#h=…` for backup text. */
export function linkFor(text: string): string {
	return `/import#h=${deflateRawSync(Buffer.from(text, 'utf8')).toString('base64url')}`;
}

/** A link whose data inflates to about `megabytes` MB: the client's name is that many spaces. */
export async function bombLink(megabytes: number): Promise<string> {
	const deflate = createDeflateRaw({ level: 9 });
	const out: Buffer[] = [];
	deflate.on('data', (c: Buffer) => out.push(c));
	const done = new Promise((ok) => deflate.on('end', ok));
	deflate.write('{"format":"somamap-backup","version":2,"exportedAt":"2026-01-01T00:00:00.000Z","clients":[{"id":"c1","name":"');
	const block = Buffer.alloc(1 << 20, 0x20);
	for (let i = 0; i < megabytes; i++) {
		if (!deflate.write(block)) await new Promise((ok) => deflate.once('drain', ok));
	}
	deflate.end('","contact":"","notes":"","figure":null,"createdAt":0,"updatedAt":0}],"plans":[],"marks":[]}');
	await done;
	return `/import#h=${Buffer.concat(out).toString('base64url')}`;
}

const T = Date.UTC(2026, 0, 5, 9);

/** A valid one-plan backup document (what a hand-off carries), with the given changes. */
export function handOffDoc(
	over: { client?: Record<string, unknown>; plan?: Record<string, unknown>; marks?: number; mark?: Record<string, unknown> } = {}
) {
	const client = { id: 'hc1', name: 'Hostile Hal', contact: '', notes: '', figure: null, createdAt: T, updatedAt: T, ...over.client };
	const plan = {
		...defaultPlanFields(),
		id: 'hp1',
		clientId: 'hc1',
		date: '2026-01-05',
		title: 'From home',
		createdAt: T,
		updatedAt: T,
		...over.plan
	};
	const marks = Array.from({ length: over.marks ?? 1 }, (_, i) => ({
		id: `hm${i}`,
		planId: 'hp1',
		region: 1 + (i % 80),
		patch: null,
		sensation: 'knot',
		intensity: 5,
		depth: 'surface',
		structure: null,
		pressure: null,
		note: '',
		author: 'client',
		carried: false,
		createdAt: T + i,
		updatedAt: T + i,
		...over.mark
	}));
	return { format: 'somamap-backup', version: 2, exportedAt: new Date(T).toISOString(), clients: [client], plans: [plan], marks };
}
