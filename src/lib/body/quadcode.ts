/**
 * The topology's quad list, coded losslessly in its given order (the order and every corner's
 * place are part of the model version: the subdivision numbers vertices by them). Pure, no DOM;
 * the decoder runs in the body worker at page load.
 *
 * Quads are read one by one, and most share an edge with an earlier quad: that edge is named
 * among the earlier quads' unmatched ("open") edges, relative to the last edge named (a strip of
 * quads consumes the previous strip's edges in order, so the step is mostly the same small
 * number). The other corners are mostly a neighbour of a corner already known (a small index
 * into that corner's neighbours, most recent first) or a vertex never seen before (coded as the
 * step from a guess). What remains is coded against a known corner. Each kind
 * of number goes to its own byte stream, so the server's gzip finds its repeats.
 *
 * Coded quads: u32 x4 stream lengths, then the streams:
 *   ops    one byte per quad (0–3 an open edge ends at this corner, 4–7 the same with the two
 *          other corners read backwards, 8 no shared edge), then one byte per corner read
 *          (0–5 a neighbour of the corner before, 6–11 of the corner after, 12 new, 13 other)
 *   edges  varint zigzag: how many open edges (in the order they opened) lie between the first
 *          one after the last edge named and this one; negative when this one opened earlier.
 *          Both sides walk a linked list of the open edges, so decoding costs only the steps.
 *   fresh  varint zigzag: each new vertex minus its guess (freshGuess)
 *   other  varint zigzag: an "other" corner minus the first known corner of its quad (or minus
 *          the previous quad's first corner)
 */

const NEIGHBOURS = 6;
/** Open half-edges out of one vertex at a time, at most (a vertex of the base mesh has under 10 edges). */
const OUT = 12;
const OP_NEW = 12;
const OP_OTHER = 13;
const OP_LONE = 8;

const zigzag = (d: number): number => (d << 1) ^ (d >> 31);
const unzigzag = (z: number): number => (z >>> 1) ^ -(z & 1);

/**
 * What both sides know after each quad: the open edges, each vertex's most recent neighbours,
 * the vertices seen. Typed arrays throughout: the worker decodes once per page, before the JIT warms.
 */
class Front {
	/** Each vertex's open outgoing half-edges a→b: up to OUT pairs [b, number], and how many. */
	private readonly out: Int32Array;
	private readonly outCount: Uint8Array;
	/** Each numbered half-edge's ends, a at 2n and b at 2n + 1; −1 once matched. */
	readonly ends: Int32Array;
	edges = 0;
	/** Up to NEIGHBOURS neighbours per vertex, most recent first, and how many. */
	readonly near: Int32Array;
	readonly nearCount: Uint8Array;
	readonly seen: Uint8Array;
	/** The open edges in the order they opened: a doubly linked list by number (−1 ends it). */
	readonly next: Int32Array;
	readonly prev: Int32Array;
	tail = -1;
	/** The first open edge that opened after the last edge named, or −1: where the next step counts from. */
	cursor = -1;
	lastNew = -1;
	lastFirst = 0;

	constructor(nv: number, nq: number) {
		this.ends = new Int32Array(8 * nq);
		this.next = new Int32Array(4 * nq);
		this.prev = new Int32Array(4 * nq);
		this.out = new Int32Array(nv * OUT * 2);
		this.outCount = new Uint8Array(nv);
		this.near = new Int32Array(nv * NEIGHBOURS);
		this.nearCount = new Uint8Array(nv);
		this.seen = new Uint8Array(nv);
	}

	/** An open edge named by a quad: the count starts again after it. */
	named(n: number): void {
		this.cursor = this.next[n];
	}

	/** How many steps along the open edges from the cursor to edge n (negative: before it). */
	stepsTo(n: number): number {
		let steps = 0;
		for (let x = this.cursor; x >= 0; x = this.next[x], steps++) if (x === n) return steps;
		steps = -1;
		for (let x = this.cursor >= 0 ? this.prev[this.cursor] : this.tail; x >= 0; x = this.prev[x], steps--) if (x === n) return steps;
		throw new Error('body topology: edge not open');
	}

	/** The open edge that many steps from the cursor, or −1. */
	stepFrom(steps: number): number {
		let x = this.cursor;
		if (steps >= 0) for (let i = 0; i < steps && x >= 0; i++) x = this.next[x];
		else {
			x = x >= 0 ? this.prev[x] : this.tail;
			for (let i = -1; i > steps && x >= 0; i--) x = this.prev[x];
		}
		return x;
	}

	/** The number of the open half-edge a→b, or −1. */
	openEdge(a: number, b: number): number {
		const o = a * OUT * 2, n = this.outCount[a];
		for (let i = 0; i < n; i++) if (this.out[o + 2 * i] === b) return this.out[o + 2 * i + 1];
		return -1;
	}

	private close(a: number, b: number): void {
		const o = a * OUT * 2, n = --this.outCount[a];
		for (let i = 0; i < n; i++) {
			if (this.out[o + 2 * i] === b) {
				this.out[o + 2 * i] = this.out[o + 2 * n];
				this.out[o + 2 * i + 1] = this.out[o + 2 * n + 1];
				return;
			}
		}
	}

	/** Where v is among u's recent neighbours, or −1. */
	nearIndex(u: number, v: number): number {
		const o = u * NEIGHBOURS, n = this.nearCount[u];
		for (let i = 0; i < n; i++) if (this.near[o + i] === v) return i;
		return -1;
	}

	private touch(u: number, v: number): void {
		const o = u * NEIGHBOURS;
		let i = this.nearIndex(u, v);
		if (i < 0) {
			i = Math.min(this.nearCount[u], NEIGHBOURS - 1);
			if (this.nearCount[u] < NEIGHBOURS) this.nearCount[u]++;
		}
		for (; i > 0; i--) this.near[o + i] = this.near[o + i - 1];
		this.near[o] = v;
	}

	/** After a quad: its edges open or close, its corners become neighbours (most recent first). */
	add(c: ArrayLike<number>): void {
		for (let k = 0; k < 4; k++) {
			const a = c[k], b = c[(k + 1) & 3];
			const n = this.openEdge(b, a);
			if (n >= 0) {
				this.close(b, a);
				this.ends[n * 2] = this.ends[n * 2 + 1] = -1;
				if (this.cursor === n) this.cursor = this.next[n];
				if (this.prev[n] >= 0) this.next[this.prev[n]] = this.next[n];
				if (this.next[n] >= 0) this.prev[this.next[n]] = this.prev[n];
				else this.tail = this.prev[n];
			} else {
				if (this.edges * 2 >= this.ends.length || this.outCount[a] >= OUT) throw new Error('body topology: too many edges');
				const o = a * OUT * 2 + 2 * this.outCount[a]++;
				this.out[o] = b;
				this.out[o + 1] = this.edges;
				this.ends[this.edges * 2] = a;
				this.ends[this.edges * 2 + 1] = b;
				const e = this.edges++;
				this.prev[e] = this.tail;
				this.next[e] = -1;
				if (this.tail >= 0) this.next[this.tail] = e;
				this.tail = e;
				if (this.cursor < 0) this.cursor = e;
			}
			this.touch(a, b);
			this.touch(b, a);
			this.seen[a] = 1;
		}
		this.lastFirst = c[0];
	}
}

class Writer {
	readonly bytes: number[] = [];
	varint(x: number): void {
		while (x >= 128) {
			this.bytes.push((x & 127) | 128);
			x >>>= 7;
		}
		this.bytes.push(x);
	}
}

class Reader {
	at = 0;
	constructor(private readonly bytes: Uint8Array) {}
	byte(): number {
		if (this.at >= this.bytes.length) throw new Error('body topology: quad stream too short');
		return this.bytes[this.at++];
	}
	varint(): number {
		let x = 0;
		for (let shift = 0; ; shift += 7) {
			const b = this.byte();
			x |= (b & 127) << shift;
			if (b < 128) return x >>> 0;
			if (shift >= 21) throw new Error('body topology: bad number');
		}
	}
	get done(): boolean {
		return this.at === this.bytes.length;
	}
}

/**
 * The corners read after the shared edge ending at corner k (or all four, with none): 2 bits
 * each from the lowest, and how many above bit 8.
 */
function cornerOrder(k: number, backwards: boolean): number {
	if (k < 0) return 0b11100100 | (4 << 8);
	const p = (k + 2) & 3, q = (k + 3) & 3;
	return (backwards ? q | (p << 2) : p | (q << 2)) | (2 << 8);
}

/** The most vertices and quads a topology may have: far above the model's, far below what would exhaust memory. */
export const MAX_VERTICES = 1_000_000;
export const MAX_QUADS = 1_000_000;
/** Bytes of the ops stream per quad, at least: a head and two corners (a shared edge gives the other two). */
const MIN_OPS_PER_QUAD = 3;

/** A quad's four corners are four different vertices. */
const distinct = (a: number, b: number, c: number, d: number): boolean => a !== b && a !== c && a !== d && b !== c && b !== d && c !== d;

export function encodeQuads(quads: Uint32Array, nv: number): Uint8Array {
	const nq = quads.length / 4;
	if (!Number.isInteger(nq) || nq > MAX_QUADS || nv > MAX_VERTICES) throw new Error('body topology: too many quads or vertices');
	for (let i = 0; i < quads.length; i += 4) {
		if (!distinct(quads[i], quads[i + 1], quads[i + 2], quads[i + 3])) throw new Error(`body topology: quad ${i / 4} repeats a corner`);
		if (Math.max(quads[i], quads[i + 1], quads[i + 2], quads[i + 3]) >= nv) throw new Error(`body topology: quad ${i / 4} names a vertex past the end`);
	}
	const f = new Front(nv, nq);
	const ops = new Writer(), edges = new Writer(), fresh = new Writer(), other = new Writer();
	for (let i = 0; i < nq; i++) {
		const c = quads.subarray(i * 4, i * 4 + 4);
		// The shared edge fewest open edges away from the cursor.
		let k = -1, number = -1;
		for (let j = 0; j < 4; j++) {
			const n = f.openEdge(c[(j + 1) & 3], c[j]);
			if (n >= 0 && (number < 0 || zigzag(f.stepsTo(n)) < zigzag(f.stepsTo(number)))) {
				number = n;
				k = j;
			}
		}
		// Backwards when the corner after the edge is no neighbour but the one before it is.
		let backwards = false;
		let known = 0, first = -1;
		if (k >= 0) {
			const p = (k + 2) & 3, q = (k + 3) & 3;
			backwards = f.seen[c[p]] === 1 && f.nearIndex(c[(k + 1) & 3], c[p]) < 0 && f.nearIndex(c[k], c[q]) >= 0;
			ops.bytes.push(k + (backwards ? 4 : 0));
			edges.varint(zigzag(f.stepsTo(number)));
			f.named(number);
			known = (1 << k) | (1 << ((k + 1) & 3));
			first = k;
		} else ops.bytes.push(OP_LONE);
		const order = cornerOrder(k, backwards);
		for (let r = 0; r < order >> 8; r++) {
			const j = (order >> (2 * r)) & 3;
			const v = c[j];
			const op = neighbourOp(f, c, known, j, v);
			if (op >= 0) ops.bytes.push(op);
			else if (!f.seen[v]) {
				ops.bytes.push(OP_NEW);
				fresh.varint(zigzag(v - freshGuess(f, c, known, j)));
				f.lastNew = v;
				f.seen[v] = 1;
			} else {
				ops.bytes.push(OP_OTHER);
				other.varint(zigzag(v - (first >= 0 ? c[first] : f.lastFirst)));
			}
			known |= 1 << j;
			if (first < 0) first = j;
		}
		f.add(c);
	}
	const streams = [ops, edges, fresh, other].map((w) => Uint8Array.from(w.bytes));
	const out = new Uint8Array(16 + streams.reduce((s, b) => s + b.length, 0));
	const dv = new DataView(out.buffer);
	let o = 16;
	streams.forEach((s, i) => {
		dv.setUint32(i * 4, s.length, true);
		out.set(s, o);
		o += s.length;
	});
	const back = decodeQuads(out, nq, nv);
	if (back.length !== quads.length || back.some((v, i) => v !== quads[i])) throw new Error('body topology: quad coding does not round-trip');
	return out;
}

/** Corner j's vertex v as a neighbour of the known corner before or after it, or −1. */
function neighbourOp(f: Front, c: ArrayLike<number>, known: number, j: number, v: number): number {
	const before = (j + 3) & 3, after = (j + 1) & 3;
	if (known & (1 << before)) {
		const i = f.nearIndex(c[before], v);
		if (i >= 0) return i;
	}
	if (known & (1 << after)) {
		const i = f.nearIndex(c[after], v);
		if (i >= 0) return NEIGHBOURS + i;
	}
	return -1;
}

/** Where a new vertex at corner j is expected. */
function freshGuess(f: Front, c: ArrayLike<number>, known: number, j: number): number {
	const a = (j + 1) & 3, b = (j + 2) & 3, d = (j + 3) & 3;
	// The quad's other three corners known: the "parallelogram" of their numbers (grids are numbered in rows).
	if (known & (1 << a) && known & (1 << b) && known & (1 << d)) return c[a] + c[d] - c[b];
	return f.lastNew + 1;
}

/**
 * Decodes `nq` quads on `nv` vertices. The counts come from a file: they are checked against the
 * caps and the ops stream's length before anything is sized from them, so a damaged count is
 * refused at once rather than allocating gigabytes.
 */
export function decodeQuads(bytes: Uint8Array, nq: number, nv: number): Uint32Array {
	if (bytes.length < 16) throw new Error('body topology: quad stream too short');
	if (!Number.isInteger(nq) || !Number.isInteger(nv) || nq < 0 || nv < 0 || nq > MAX_QUADS || nv > MAX_VERTICES) {
		throw new Error('body topology: damaged (quad or vertex count out of range)');
	}
	const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const readers: Reader[] = [];
	let o = 16;
	for (let i = 0; i < 4; i++) {
		const l = dv.getUint32(i * 4, true);
		if (o + l > bytes.length) throw new Error('body topology: quad stream too short');
		readers.push(new Reader(bytes.subarray(o, o + l)));
		o += l;
	}
	if (o !== bytes.length) throw new Error('body topology: quad stream length mismatch');
	if (dv.getUint32(0, true) < MIN_OPS_PER_QUAD * nq) throw new Error('body topology: damaged (more quads than the stream holds)');
	const [ops, edges, fresh, other] = readers;
	const f = new Front(nv, nq);
	const quads = new Uint32Array(nq * 4);
	const c = new Int32Array(4);
	const bad = (): never => {
		throw new Error('body topology: bad quad stream');
	};
	for (let i = 0; i < nq; i++) {
		const head = ops.byte();
		if (head > OP_LONE) bad();
		const k = head === OP_LONE ? -1 : head & 3;
		let known = 0, first = -1;
		if (k >= 0) {
			const n = f.stepFrom(unzigzag(edges.varint()));
			if (n < 0) bad();
			f.named(n);
			// The open edge a→b of an earlier quad is b→a here: b at corner k, a after it.
			c[k] = f.ends[n * 2 + 1];
			c[(k + 1) & 3] = f.ends[n * 2];
			known = (1 << k) | (1 << ((k + 1) & 3));
			first = k;
		}
		const order = cornerOrder(k, head >= 4 && head < OP_LONE);
		for (let r = 0; r < order >> 8; r++) {
			const j = (order >> (2 * r)) & 3;
			const op = ops.byte();
			let v: number;
			if (op < 2 * NEIGHBOURS) {
				const from = op < NEIGHBOURS ? (j + 3) & 3 : (j + 1) & 3;
				const at = op % NEIGHBOURS;
				if (!(known & (1 << from)) || at >= f.nearCount[c[from]]) bad();
				v = f.near[c[from] * NEIGHBOURS + at];
			} else if (op === OP_NEW) {
				v = freshGuess(f, c, known, j) + unzigzag(fresh.varint());
				if (v < 0 || v >= nv || f.seen[v]) bad();
				f.lastNew = v;
				f.seen[v] = 1;
			} else if (op === OP_OTHER) {
				v = (first >= 0 ? c[first] : f.lastFirst) + unzigzag(other.varint());
				if (v < 0 || v >= nv || !f.seen[v]) bad();
			} else v = bad();
			c[j] = v;
			known |= 1 << j;
			if (first < 0) first = j;
		}
		if (!distinct(c[0], c[1], c[2], c[3])) bad();
		quads.set(c, i * 4);
		f.add(c);
	}
	if (!readers.every((r) => r.done)) throw new Error('body topology: quad stream length mismatch');
	return quads;
}
