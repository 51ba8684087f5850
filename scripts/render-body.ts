/**
 * Renders the body figures with three.js in headless Chromium (SwiftShader WebGL) and saves PNGs
 * to docs/img/, for every sex and build: body-{sex}-{build}-sheet.png (front, back, both sides,
 * three-quarter), -close-front.png (face, chest, shoulder, front of the hips) and
 * -close-back.png (back, hips and buttocks, back of the hand, the hand from the front), each
 * also as -regions with the 80 regions coloured.
 * Usage: npx tsx scripts/render-body.ts [--fresh] [--only=female-slim] [--out=dir] [--debug] [--wire] [--coarse]
 *   default  the committed assets (static/body), built as the browser builds them.
 *   --fresh  the Node recipe from assets/makehuman instead (the same mesh, unquantised).
 *   --coarse the figures without the painting subdivision (implies --fresh; regions per vertex).
 *   --debug  also save every single view, full size (for inspection).
 */
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import type { BodyMesh } from '../src/lib/body/types';
import { REGIONS } from '../src/lib/domain/regions';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const fresh = args.includes('--fresh');
const only = args.find((a) => a.startsWith('--only='))?.slice(7);
const outDir = args.find((a) => a.startsWith('--out='))?.slice(6) ?? join(root, 'docs/img');
const debug = args.includes('--debug');

/** Distinct colour per region: hue by base region, left lighter than right. */
function palette(): number[] {
	const bases = [...new Set(REGIONS.map((r) => r.base))];
	const out = [0.5, 0.5, 0.5];
	for (const r of REGIONS) {
		const i = bases.indexOf(r.base);
		const hue = (i * 0.618034) % 1;
		const light = [0.42, 0.58, 0.7][i % 3] + (r.side === 'right' ? -0.08 : r.side === 'left' ? 0.05 : 0);
		const sat = [0.85, 0.7, 0.95][(i >> 1) % 3];
		const c = (n: number): number => {
			const k = (n + hue * 12) % 12;
			const a = sat * Math.min(light, 1 - light);
			return light - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
		};
		out.push(c(0), c(8), c(4));
	}
	return out;
}

const page = `<!doctype html><html><body style="margin:0;background:#eee">
<script type="importmap">{"imports":{"three":"/three/three.module.js"}}</script>
<script type="module">
import * as THREE from 'three';
const W = 700, H = 1000;
const renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
renderer.setSize(W, H);
document.body.appendChild(renderer.domElement);
window.renderViews = async (figure, views, pal) => {
  const buf = await (await fetch('/mesh/' + figure)).arrayBuffer();
  const h = new Uint32Array(buf, 0, 2);
  const nv = h[0], ni = h[1];
  let o = 8;
  const pos = new Float32Array(buf, o, nv * 3); o += nv * 12;
  const nor = new Float32Array(buf, o, nv * 3); o += nv * 12;
  const idx = new Uint32Array(buf, o, ni); o += ni * 4;
  const reg = new Uint8Array(buf, o, nv);
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.BufferAttribute(pos, 3));
  g.setAttribute('normal', new THREE.BufferAttribute(nor, 3));
  const col = new Float32Array(nv * 3);
  for (let i = 0; i < nv; i++) { col[i*3] = pal[reg[i]*3]; col[i*3+1] = pal[reg[i]*3+1]; col[i*3+2] = pal[reg[i]*3+2]; }
  g.setAttribute('color', new THREE.BufferAttribute(col, 3));
  g.setIndex(new THREE.BufferAttribute(idx, 1));
  const out = {};
  const sheets = {};
  const per = {};
  for (const v of views) if (v.sheet) per[v.sheet] = (per[v.sheet] || 0) + 1;
  for (const v of views) {
    const scene = new THREE.Scene();
    scene.background = new THREE.Color(0xe8e8e8);
    scene.add(new THREE.HemisphereLight(0xffffff, 0x8a7a70, 1.6));
    const d = new THREE.DirectionalLight(0xffffff, 1.6); d.position.set(v.cam[0] + 1, v.cam[1] + 2, v.cam[2] + 1.5); scene.add(d);
    const mat = v.regions
      ? new THREE.MeshStandardMaterial({ vertexColors: true, roughness: 0.8 })
      : new THREE.MeshStandardMaterial({ color: 0xe0b8a0, roughness: 0.65 });
    if (v.wire) { mat.wireframe = true; mat.color = new THREE.Color(0x333333); }
    scene.add(new THREE.Mesh(g, mat));
    const cam = new THREE.PerspectiveCamera(v.fov, W / H, 0.01, 20);
    cam.position.set(...v.cam); cam.lookAt(...v.at);
    renderer.render(scene, cam);
    if (v.save) {
      // Close-ups are saved at 70 % size: plenty for a document, a third of the bytes.
      const c = document.createElement('canvas'); c.width = W * 0.7; c.height = H * 0.7;
      c.getContext('2d').drawImage(renderer.domElement, 0, 0, c.width, c.height);
      out[v.name] = v.full ? renderer.domElement.toDataURL('image/png') : c.toDataURL('image/png');
    }
    if (v.sheet) {
      const key = v.sheet;
      if (!sheets[key]) { const c = document.createElement('canvas'); c.width = (W / 2) * per[key]; c.height = H / 2; sheets[key] = { c, n: 0 }; }
      const s = sheets[key];
      s.c.getContext('2d').drawImage(renderer.domElement, s.n * W / 2, 0, W / 2, H / 2);
      s.n++;
    }
  }
  for (const [k, s] of Object.entries(sheets)) out[k] = s.c.toDataURL('image/png');
  return out;
};
window.ready = true;
</script></body></html>`;

interface View {
	name: string;
	cam: number[];
	at: number[];
	fov: number;
	regions?: boolean;
	wire?: boolean;
	sheet?: string;
	save?: boolean;
	full?: boolean;
}

/** The five-view sheet and close-ups of face, palm, back and hips. */
function figureViews(m: BodyMesh, lm: Record<string, number[]>): View[] {
	let top = 0;
	for (let i = 1; i < m.positions.length; i += 3) top = Math.max(top, m.positions[i]);
	const cy = top / 2;
	const head = top - 0.12;
	const hand = lm['hand-l'];
	const back = lm['mid-back'];
	const hips = lm.pelvis;
	const neck = lm.neck;
	// Three sheets of four: the whole figure, the front close-ups, the back and hand close-ups.
	const all: View[] = [
		{ name: 'front', cam: [0, cy, 4.2], at: [0, cy, 0], fov: 26, sheet: 'sheet' },
		{ name: 'back', cam: [0, cy, -4.2], at: [0, cy, 0], fov: 26, sheet: 'sheet' },
		{ name: 'left-side', cam: [4.2, cy, 0], at: [0, cy, 0], fov: 26, sheet: 'sheet' },
		{ name: 'right-side', cam: [-4.2, cy, 0], at: [0, cy, 0], fov: 26, sheet: 'sheet' },
		{ name: 'three-quarter', cam: [2.6, cy + 0.4, 3.2], at: [0, cy, 0], fov: 26, sheet: 'sheet' },
		{ name: 'face', cam: [0.3, head, 0.75], at: [0, head, 0], fov: 30, sheet: 'close-front' },
		{ name: 'chest', cam: [0.3, neck[1] - 0.2, 0.9], at: [0, neck[1] - 0.22, 0], fov: 30, sheet: 'close-front' },
		{ name: 'shoulder', cam: [neck[0] + 0.75, neck[1] - 0.15, 0.55], at: [0.16, neck[1] - 0.17, 0], fov: 30, sheet: 'close-front' },
		{ name: 'hips-front', cam: [0.35, hips[1] + 0.05, 1.5], at: [0, hips[1] - 0.05, hips[2]], fov: 30, sheet: 'close-front' },
		{ name: 'back-close', cam: [0.3, back[1] + 0.05, -1.7], at: [0, back[1] - 0.02, back[2]], fov: 30, sheet: 'close-back' },
		{ name: 'hips', cam: [1.2, hips[1] + 0.1, -1.6], at: [0, hips[1] - 0.05, hips[2]], fov: 30, sheet: 'close-back' },
		{ name: 'hand', cam: [hand[0] + 0.45, hand[1] + 0.05, hand[2] + 0.25], at: hand, fov: 30, sheet: 'close-back' },
		{ name: 'hand-front', cam: [hand[0] - 0.3, hand[1] - 0.02, hand[2] + 0.3], at: hand, fov: 30, sheet: 'close-back' }
	];
	// --regions: the same views with the regions coloured, as sheets named *-regions.
	const regions = all.map((v) => ({ ...v, name: v.name + '-regions', regions: true, sheet: v.sheet + '-regions' }));
	const wire = args.includes('--wire') ? all.map((v) => ({ ...v, name: v.name + '-wire', wire: true, save: true, full: true })) : [];
	return [...all, ...regions].map((v) => ({ ...v, save: debug, full: debug })).concat(wire);
}

async function loadFigures(): Promise<{ name: string; mesh: BodyMesh; landmarks: Record<string, number[]> }[]> {
	const { loadMakeHuman } = await import('../src/lib/body/makehuman/load');
	const { BUILDS, buildFigure, bodySurface } = await import('../src/lib/body/makehuman/figure');
	const { toTriMesh } = await import('../src/lib/body/makehuman/mesh');
	const { ALL_FIGURES, recipe, recipeFigure } = await import('../src/lib/body/makehuman/recipe');
	const { readBody } = await import('../src/lib/body/makehuman/assetfiles');
	const data = loadMakeHuman();
	const coarse = args.includes('--coarse');
	const r = fresh || coarse ? recipe(data) : null;
	const surface = r?.surface ?? bodySurface(data.obj);
	const out = [];
	for (const { figure, build } of ALL_FIGURES) {
		const name = `${figure}-${build}`;
		if (only && !name.startsWith(only)) continue;
		// The landmarks (cameras for the close-ups) come from the skeleton, in the figure's space.
		const f = buildFigure(data, surface, figure, BUILDS[build]);
		let mesh: BodyMesh;
		if (coarse) mesh = { figure, build, version: r!.version, ...toTriMesh(f.positions, surface.triangles), regions: r!.map };
		else if (r) mesh = recipeFigure(data, r, figure, build).mesh;
		else mesh = await readBody(figure, build);
		out.push({ name, mesh, landmarks: f.landmarks });
	}
	return out;
}

async function main(): Promise<void> {
	const meshes = new Map<string, Buffer>();
	const meshObjs = new Map<string, BodyMesh>();
	const viewsOf = new Map<string, View[]>();
	const entries = await loadFigures();
	const figures = entries.map((e) => e.name);
	for (const { name: f, mesh: m, landmarks } of entries) {
		meshObjs.set(f, m);
		viewsOf.set(f, figureViews(m, landmarks));
		const nv = m.positions.length / 3;
		const h = Buffer.from(new Uint32Array([nv, m.indices.length]).buffer);
		meshes.set(f, Buffer.concat([h, Buffer.from(m.positions.buffer, m.positions.byteOffset, m.positions.byteLength), Buffer.from(m.normals.buffer, m.normals.byteOffset, m.normals.byteLength), Buffer.from(m.indices.buffer, m.indices.byteOffset, m.indices.byteLength), Buffer.from(m.regions)]));
	}
	const threeDir = join(root, 'node_modules/three/build');
	const server = createServer((req, res) => {
		const url = req.url ?? '/';
		if (url.startsWith('/three/')) {
			res.setHeader('content-type', 'text/javascript');
			res.end(readFileSync(join(threeDir, url.slice(7))));
		} else if (url.startsWith('/mesh/')) {
			res.end(meshes.get(url.slice(6)));
		} else {
			res.setHeader('content-type', 'text/html');
			res.end(page);
		}
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const port = (server.address() as { port: number }).port;
	const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
	try {
		const p = await browser.newPage({ viewport: { width: 700, height: 1000 } });
		p.on('pageerror', (e) => console.error('page error', e));
		await p.goto(`http://127.0.0.1:${port}/`);
		await p.waitForFunction('window.ready === true');
		mkdirSync(outDir, { recursive: true });
		for (const f of figures) {
			const vs = viewsOf.get(f)!;
			const out = (await p.evaluate(([fig, v, pal]) => (window as unknown as { renderViews: (a: unknown, b: unknown, c: unknown) => Promise<Record<string, string>> }).renderViews(fig, v, pal), [f, vs, palette()] as const)) as Record<string, string>;
			for (const [name, url] of Object.entries(out)) {
				const file = join(outDir, `body-${f}-${name}.png`);
				writeFileSync(file, Buffer.from(url.split(',')[1], 'base64'));
			}
			console.log(`${f}: ${Object.keys(out).length} images`);
		}
	} finally {
		await browser.close();
		server.close();
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
