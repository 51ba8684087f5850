/**
 * The body asset format (decoding side; encoding is in encode.ts so the browser bundle does
 * not carry the encoder's wasm). Little-endian:
 *   0  magic 'SMBD'          4  format version u16   6  figure u8 (1 female, 2 male)   7  0
 *   8  model version hash (8 bytes)   16 vertex count u32   20 index count u32
 *   24 byte lengths of the three meshopt streams u32 x3   36 streams:
 *   A positions int16 x,y,z (0.2 mm) + region code int16 (8 bytes/vertex, vertex codec)
 *   B normals octahedral int16 u,v (4 bytes/vertex, vertex codec)
 *   C triangle indices (index codec)
 * Quantisation is exactly the generator's, so a decoded mesh equals the generated one.
 */
import { MeshoptDecoder } from 'meshoptimizer/decoder';
import type { BodyFigure, BodyMesh } from './types';
import { fromQuantised } from './assemble';

export const MAGIC = 0x44424d53; // 'SMBD'
export const FORMAT_VERSION = 1;
export const HEADER_BYTES = 36;

export interface BodyHeader {
	formatVersion: number;
	figure: BodyFigure;
	version: string;
	vertices: number;
	indices: number;
	streams: [number, number, number];
}

export function readHeader(bytes: Uint8Array): BodyHeader {
	if (bytes.byteLength < HEADER_BYTES) throw new Error('body asset: too short');
	const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (dv.getUint32(0, true) !== MAGIC) throw new Error('body asset: bad magic');
	const formatVersion = dv.getUint16(4, true);
	if (formatVersion !== FORMAT_VERSION) throw new Error(`body asset: unsupported format ${formatVersion}`);
	const fig = dv.getUint8(6);
	if (fig !== 1 && fig !== 2) throw new Error('body asset: bad figure');
	let version = '';
	for (let i = 8; i < 16; i++) version += bytes[i].toString(16).padStart(2, '0');
	return {
		formatVersion,
		figure: fig === 1 ? 'female' : 'male',
		version,
		vertices: dv.getUint32(16, true),
		indices: dv.getUint32(20, true),
		streams: [dv.getUint32(24, true), dv.getUint32(28, true), dv.getUint32(32, true)]
	};
}

/** Decode a body asset (browser or Node). Rejects on a corrupt or foreign file. */
export async function decodeBody(bytes: Uint8Array): Promise<BodyMesh> {
	await MeshoptDecoder.ready;
	const h = readHeader(bytes);
	const [la, lb, lc] = h.streams;
	if (HEADER_BYTES + la + lb + lc !== bytes.byteLength) throw new Error('body asset: length mismatch');
	let o = HEADER_BYTES;
	const a = new Uint8Array(h.vertices * 8);
	MeshoptDecoder.decodeVertexBuffer(a, h.vertices, 8, bytes.subarray(o, o + la));
	o += la;
	const b = new Uint8Array(h.vertices * 4);
	MeshoptDecoder.decodeVertexBuffer(b, h.vertices, 4, bytes.subarray(o, o + lb));
	o += lb;
	const c = new Uint8Array(h.indices * 4);
	MeshoptDecoder.decodeIndexBuffer(c, h.indices, 4, bytes.subarray(o, o + lc));
	const pa = new Int16Array(a.buffer);
	const qpos = new Int16Array(h.vertices * 3);
	const regions = new Uint8Array(h.vertices);
	for (let i = 0; i < h.vertices; i++) {
		qpos[i * 3] = pa[i * 4];
		qpos[i * 3 + 1] = pa[i * 4 + 1];
		qpos[i * 3 + 2] = pa[i * 4 + 2];
		regions[i] = pa[i * 4 + 3];
	}
	const mesh = fromQuantised(h.figure, qpos, new Int16Array(b.buffer), regions, new Uint32Array(c.buffer));
	if (mesh.version !== h.version) throw new Error('body asset: content does not match its version hash');
	return mesh;
}
