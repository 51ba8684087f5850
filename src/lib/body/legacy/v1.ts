/**
 * Reader for the old procedural figures' asset format v1 (assets/legacy-body/), kept on its own
 * so old paintings can be moved onto the new figures after the old generator and codec are gone.
 * Self-contained on purpose: it imports nothing from the current codec. Little-endian:
 *   0 'SMBD'  4 format u16 (1)  6 figure u8 (1 female, 2 male)  7 0
 *   8 version hash (8 bytes)  16 vertex count u32  20 index count u32  24 three stream lengths u32
 *   36 streams (meshopt): A int16 x,y,z (0.2 mm) + region int16 per vertex; B octahedral normal
 *   int16 u,v per vertex; C triangle indices.
 * The version is FNV (hashBytes) over [figure byte, positions, normals, regions, indices] as
 * quantised integers, so a file whose content does not match its name is refused.
 */
import { MeshoptDecoder } from 'meshoptimizer/decoder';
import { hashBytes } from '../quantize';

export interface LegacyBody {
	figure: 'female' | 'male';
	version: string;
	/** Metres, y up, facing +z, the client's left at +x. */
	positions: Float32Array;
	regions: Uint8Array;
	indices: Uint32Array;
}

const MAGIC = 0x44424d53;
const HEADER = 36;
const POS_UNIT = 2e-4;

export async function readLegacyBody(bytes: Uint8Array): Promise<LegacyBody> {
	await MeshoptDecoder.ready;
	if (bytes.byteLength < HEADER) throw new Error('legacy body: too short');
	const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (dv.getUint32(0, true) !== MAGIC) throw new Error('legacy body: bad magic');
	if (dv.getUint16(4, true) !== 1) throw new Error('legacy body: not format 1');
	const fig = dv.getUint8(6);
	if (fig !== 1 && fig !== 2) throw new Error('legacy body: bad figure');
	let version = '';
	for (let i = 8; i < 16; i++) version += bytes[i].toString(16).padStart(2, '0');
	const nv = dv.getUint32(16, true);
	const ni = dv.getUint32(20, true);
	const la = dv.getUint32(24, true), lb = dv.getUint32(28, true), lc = dv.getUint32(32, true);
	if (HEADER + la + lb + lc !== bytes.byteLength) throw new Error('legacy body: length mismatch');
	let o = HEADER;
	const a = new Uint8Array(nv * 8);
	MeshoptDecoder.decodeVertexBuffer(a, nv, 8, bytes.subarray(o, (o += la)));
	const b = new Uint8Array(nv * 4);
	MeshoptDecoder.decodeVertexBuffer(b, nv, 4, bytes.subarray(o, (o += lb)));
	const c = new Uint8Array(ni * 4);
	MeshoptDecoder.decodeIndexBuffer(c, ni, 4, bytes.subarray(o, o + lc));
	const pa = new Int16Array(a.buffer);
	const qpos = new Int16Array(nv * 3);
	const regions = new Uint8Array(nv);
	const positions = new Float32Array(nv * 3);
	for (let v = 0; v < nv; v++) {
		for (let k = 0; k < 3; k++) {
			qpos[v * 3 + k] = pa[v * 4 + k];
			positions[v * 3 + k] = qpos[v * 3 + k] * POS_UNIT;
		}
		regions[v] = pa[v * 4 + 3];
	}
	const indices = new Uint32Array(c.buffer);
	const figure = fig === 1 ? 'female' : 'male';
	if (hashBytes([new Uint8Array([fig]), qpos, new Int16Array(b.buffer), regions, indices]) !== version) {
		throw new Error('legacy body: content does not match its version hash');
	}
	return { figure, version, positions, regions, indices };
}
