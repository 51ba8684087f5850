/** encodeTable: RemapTable -> file (format in table.ts). Node only (build script and tests). */
import { deflateRawSync } from 'node:zlib';
import type { RemapTable } from './remap';
import { predictors, TABLE_FORMAT, TABLE_HEADER, TABLE_MAGIC } from './table';

export function encodeTable(t: RemapTable, indices: ArrayLike<number>): Uint8Array {
	const n = t.sources.length;
	const pred = predictors(indices, n);
	const bytes: number[] = [];
	for (let v = 0; v < n; v++) {
		const delta = t.sources[v] + 1 - (pred[v] >= 0 ? t.sources[pred[v]] + 1 : 0);
		let z = ((delta << 1) ^ (delta >> 31)) >>> 0;
		while (z >= 0x80) {
			bytes.push((z & 0x7f) | 0x80);
			z >>>= 7;
		}
		bytes.push(z);
	}
	const body = deflateRawSync(Uint8Array.from(bytes), { level: 9 });
	const out = new Uint8Array(TABLE_HEADER + body.length);
	const dv = new DataView(out.buffer);
	dv.setUint32(0, TABLE_MAGIC, true);
	dv.setUint16(4, TABLE_FORMAT, true);
	const put = (hex: string, at: number) => {
		for (let i = 0; i < 8; i++) out[at + i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
	};
	put(t.oldVersion, 8);
	put(t.newVersion, 16);
	dv.setUint32(24, t.oldVertexCount, true);
	dv.setUint32(28, n, true);
	out.set(body, TABLE_HEADER);
	return out;
}
