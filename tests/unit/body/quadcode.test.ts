import { describe, expect, it } from 'vitest';
import { decodeQuads, encodeQuads } from '../../../src/lib/body/quadcode';

/** A w × h grid of quads, vertices numbered in rows, quads in the given order. */
function grid(w: number, h: number, order: 'rows' | 'columns' | 'shuffled'): Uint32Array {
	const quads: number[][] = [];
	for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
		const v = y * (w + 1) + x;
		quads.push([v, v + 1, v + w + 2, v + w + 1]);
	}
	if (order === 'columns') quads.sort((a, b) => (a[0] % (w + 1)) - (b[0] % (w + 1)) || a[0] - b[0]);
	// A fixed shuffle, and each quad starting at a different corner: nothing in the coding may rely on order.
	if (order === 'shuffled') for (let i = quads.length - 1; i > 0; i--) {
		const j = (i * 7919) % (i + 1);
		[quads[i], quads[j]] = [quads[j], quads[i]];
		const r = i & 3;
		quads[i] = [...quads[i].slice(r), ...quads[i].slice(0, r)];
	}
	return Uint32Array.from(quads.flat());
}

/** A closed box of quads: every edge shared by two quads. */
const CUBE = Uint32Array.from([0, 3, 2, 1, 4, 5, 6, 7, 0, 1, 5, 4, 1, 2, 6, 5, 2, 3, 7, 6, 3, 0, 4, 7]);

describe('quad coding', () => {
	for (const [name, quads, nv] of [
		['a grid by rows', grid(12, 9, 'rows'), 13 * 10],
		['a grid by columns', grid(12, 9, 'columns'), 13 * 10],
		['a shuffled grid', grid(12, 9, 'shuffled'), 13 * 10],
		['a closed box', CUBE, 8]
	] as const) {
		it(`gives back ${name} exactly`, () => {
			expect(decodeQuads(encodeQuads(quads, nv), quads.length / 4, nv)).toEqual(quads);
		});
	}

	it('codes a grid in far fewer bytes than its indices', () => {
		const quads = grid(40, 40, 'rows');
		expect(encodeQuads(quads, 41 * 41).length).toBeLessThan(quads.length * 1.5);
	});

	it('rejects damaged bytes', () => {
		const quads = grid(6, 5, 'rows');
		const bytes = encodeQuads(quads, 7 * 6);
		expect(() => decodeQuads(bytes.subarray(0, bytes.length - 1), 30, 42)).toThrow(/body topology/);
		expect(() => decodeQuads(bytes, 31, 42)).toThrow(/body topology/);
		const bad = bytes.slice();
		bad[16] = 200; // the first quad's opening code
		expect(() => decodeQuads(bad, 30, 42)).toThrow(/bad quad stream/);
		// A vertex number past the end of the vertex list.
		expect(() => decodeQuads(bytes, 30, 20)).toThrow(/body topology/);
	});

	it('refuses counts past the caps or the stream before sizing anything from them', () => {
		const bytes = encodeQuads(grid(6, 5, 'rows'), 7 * 6);
		// Measured in memory, not time (a loaded machine makes any time limit flaky): 2^22 quads
		// would be 64 MB of indices had the count been believed.
		const heap = process.memoryUsage().arrayBuffers;
		expect(() => decodeQuads(bytes, 30 + 2 ** 31, 42)).toThrow(/damaged/);
		expect(() => decodeQuads(bytes, 30, 42 + 2 ** 31)).toThrow(/damaged/);
		expect(() => decodeQuads(bytes, 30 + 2 ** 22, 42)).toThrow(/damaged/); // under the cap, over what the stream holds
		expect(process.memoryUsage().arrayBuffers - heap).toBeLessThan(16 * 2 ** 20);
	});

	it('refuses a quad whose corners are not four different vertices, coding and decoding', () => {
		const repeated = Uint32Array.from([0, 1, 0, 3]);
		expect(() => encodeQuads(repeated, 4)).toThrow(/repeats a corner/);
		// The same quad coded by hand: lone quad (8), then corners new, new, "other" (back to the first), new.
		const streams = [[8, 12, 12, 13, 12], [], [0, 0, 8], [0]].map((s) => Uint8Array.from(s));
		const bytes = new Uint8Array(16 + streams.reduce((n, s) => n + s.length, 0));
		let o = 16;
		streams.forEach((s, i) => {
			new DataView(bytes.buffer).setUint32(i * 4, s.length, true);
			bytes.set(s, o);
			o += s.length;
		});
		expect(() => decodeQuads(bytes, 1, 4)).toThrow(/bad quad stream/);
	});
});
