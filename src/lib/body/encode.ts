/**
 * encodeBody: BodyMesh -> compact binary asset (format in codec.ts). Build time / Node only;
 * await `MeshoptEncoder.ready` (or `bodyReady` from generate.ts) first.
 */
import { MeshoptEncoder } from 'meshoptimizer/encoder';
import type { BodyMesh } from './types';
import { FORMAT_VERSION, HEADER_BYTES, MAGIC } from './codec';
import { octEncode, quantPos } from './quantize';

export const encoderReady: Promise<void> = MeshoptEncoder.ready;

export function encodeBody(mesh: BodyMesh): Uint8Array {
	const n = mesh.regions.length;
	const a = new Int16Array(n * 4);
	const b = new Int16Array(n * 2);
	for (let i = 0; i < n; i++) {
		a[i * 4] = quantPos(mesh.positions[i * 3]);
		a[i * 4 + 1] = quantPos(mesh.positions[i * 3 + 1]);
		a[i * 4 + 2] = quantPos(mesh.positions[i * 3 + 2]);
		a[i * 4 + 3] = mesh.regions[i];
		octEncode(mesh.normals[i * 3], mesh.normals[i * 3 + 1], mesh.normals[i * 3 + 2], b, i * 2);
	}
	const sa = MeshoptEncoder.encodeVertexBufferLevel(new Uint8Array(a.buffer), n, 8, 3, 1);
	const sb = MeshoptEncoder.encodeVertexBufferLevel(new Uint8Array(b.buffer), n, 4, 3, 1);
	const idx = new Uint32Array(mesh.indices);
	const sc = MeshoptEncoder.encodeIndexBuffer(new Uint8Array(idx.buffer), idx.length, 4);
	const out = new Uint8Array(HEADER_BYTES + sa.length + sb.length + sc.length);
	const dv = new DataView(out.buffer);
	dv.setUint32(0, MAGIC, true);
	dv.setUint16(4, FORMAT_VERSION, true);
	dv.setUint8(6, mesh.figure === 'female' ? 1 : 2);
	if (!/^[0-9a-f]{16}$/.test(mesh.version)) throw new Error('encodeBody: version must be 16 hex chars');
	for (let i = 0; i < 8; i++) out[8 + i] = parseInt(mesh.version.slice(i * 2, i * 2 + 2), 16);
	dv.setUint32(16, n, true);
	dv.setUint32(20, idx.length, true);
	dv.setUint32(24, sa.length, true);
	dv.setUint32(28, sb.length, true);
	dv.setUint32(32, sc.length, true);
	let o = HEADER_BYTES;
	out.set(sa, o);
	o += sa.length;
	out.set(sb, o);
	o += sb.length;
	out.set(sc, o);
	return out;
}
