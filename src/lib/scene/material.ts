/**
 * The body's material: a small shader so the look is the same on every GPU and every side of the
 * body reads well (lights follow the camera; a hemisphere term keeps "up" legible).
 *
 * Everything region-related happens per fragment from the per-vertex `region` code:
 *   1. base skin tone,
 *   2. optional per-region palette ("region colours" review mode),
 *   3. per-region overlay (RGBA, alpha = strength) — for the planner's marks per region,
 *   4. optional per-vertex `paint` attribute (RGBA, alpha = strength), compiled in only when
 *      enabled (USE_PAINT) so the base viewer pays nothing for it,
 *   5. hover tint, then selection colour (the strongest signal wins last).
 * Layers 3 and 4 exist so the planner can add marks without rewriting this file.
 */
import {
	Color,
	DataTexture,
	RGBAFormat,
	SRGBColorSpace,
	ShaderMaterial,
	UnsignedByteType,
	type ColorRepresentation
} from 'three';

/** Codes are 1..80; 256 entries so any Uint8 code indexes safely. */
const SLOTS = 256;

/** What the vertex shader hands on to the fragment shader, declared the same in both. */
const varyings = /* glsl */ `
#ifdef USE_PAINT
varying vec4 vPaint;
#endif
varying float vRegion;
varying vec3 vNormalV;
varying vec3 vNormalW;
varying vec3 vViewPos;
`;

const vertexShader = /* glsl */ `
attribute float region;
#ifdef USE_PAINT
attribute vec4 paint;
#endif
${varyings}
void main() {
	vRegion = region;
#ifdef USE_PAINT
	vPaint = paint;
#endif
	vNormalW = normalize(mat3(modelMatrix) * normal);
	vNormalV = normalize(normalMatrix * normal);
	vec4 mv = modelViewMatrix * vec4(position, 1.0);
	vViewPos = mv.xyz;
	gl_Position = projectionMatrix * mv;
}
`;

const fragmentShader = /* glsl */ `
uniform vec3 uBase;
uniform vec3 uSky;
uniform vec3 uGround;
uniform vec3 uRim;
uniform float uHover;
uniform float uSelected;
uniform vec3 uHoverColour;
uniform vec3 uSelectColour;
uniform float uHighlightFill;
uniform float uRegionMix;
uniform sampler2D uPalette;
uniform sampler2D uOverlay;
${varyings}
// Wrapped diffuse: light bleeds past the terminator, as it does through skin.
float wrapDiffuse(vec3 n, vec3 l, float w) {
	return max(0.0, (dot(n, l) + w) / (1.0 + w));
}

void main() {
	float code = floor(vRegion + 0.5);
	int slot = int(code);
	vec3 n = normalize(vNormalV);
	vec3 nw = normalize(vNormalW);
	if (!gl_FrontFacing) { n = -n; nw = -nw; }
	vec3 v = normalize(-vViewPos);

	vec3 albedo = uBase;
	vec4 pal = texelFetch(uPalette, ivec2(slot, 0), 0);
	albedo = mix(albedo, pal.rgb, uRegionMix * pal.a);
	vec4 over = texelFetch(uOverlay, ivec2(slot, 0), 0);
	albedo = mix(albedo, over.rgb, over.a);
#ifdef USE_PAINT
	albedo = mix(albedo, vPaint.rgb, clamp(vPaint.a, 0.0, 1.0));
#endif
	bool hovered = code > 0.5 && abs(code - uHover) < 0.5;
	bool selected = code > 0.5 && abs(code - uSelected) < 0.5;
	if (hovered) albedo = mix(albedo, uHoverColour, 0.55 * uHighlightFill);
	if (selected) albedo = mix(albedo, uSelectColour, (hovered ? 0.7 : 0.82) * uHighlightFill);

	// Lights in view space: key from upper left of the viewer, a weak fill from the right,
	// so front, back and side views are lit alike.
	vec3 keyDir = normalize(vec3(-0.45, 0.55, 0.7));
	vec3 fillDir = normalize(vec3(0.6, -0.1, 0.6));
	float key = wrapDiffuse(n, keyDir, 0.35);
	float fill = wrapDiffuse(n, fillDir, 0.5);
	vec3 hemi = mix(uGround, uSky, 0.5 + 0.5 * nw.y);
	vec3 h = normalize(keyDir + v);
	float spec = pow(max(dot(n, h), 0.0), 28.0) * 0.05;
	float rim = pow(1.0 - max(dot(n, v), 0.0), 3.0);

	vec3 colour = albedo * (hemi * 0.55 + key * 0.72 + fill * 0.22) + vec3(spec) + uRim * rim * 0.28;
	if (selected) colour += uSelectColour * rim * 0.35;
	gl_FragColor = linearToOutputTexel(vec4(colour, 1.0));
}
`;

function makeSlotTexture(): DataTexture {
	const tex = new DataTexture(new Uint8Array(SLOTS * 4), SLOTS, 1, RGBAFormat, UnsignedByteType);
	tex.colorSpace = SRGBColorSpace;
	tex.needsUpdate = true;
	return tex;
}

/**
 * A distinct, calm colour per region code for review: hues step by the golden angle so
 * neighbouring codes differ; paired left/right codes differ in lightness as well.
 */
export function regionColour(code: number, target = new Color()): Color {
	const hue = ((code * 137.508) % 360) / 360;
	return target.setHSL(hue, 0.5, code % 2 ? 0.62 : 0.5, SRGBColorSpace);
}

/** Owns the shader material and its two small lookup textures. */
export class BodyMaterial {
	readonly material: ShaderMaterial;
	/** Per-region review colours (alpha 255 where a region exists). */
	readonly palette = makeSlotTexture();
	/** Per-region overlay colours, alpha = strength; all transparent until set. */
	readonly overlay = makeSlotTexture();

	constructor() {
		const data = this.palette.image.data as Uint8Array;
		const c = new Color();
		for (let code = 1; code < SLOTS; code++) {
			regionColour(code, c).getRGB(c, SRGBColorSpace);
			data.set([c.r * 255, c.g * 255, c.b * 255, 255], code * 4);
		}
		this.palette.needsUpdate = true;
		this.material = new ShaderMaterial({
			vertexShader,
			fragmentShader,
			uniforms: {
				uBase: { value: new Color('#d9b8a0') },
				uSky: { value: new Color('#fff6ee') },
				uGround: { value: new Color('#6f6a78') },
				uRim: { value: new Color('#cfe3ff') },
				uHover: { value: 0 },
				uSelected: { value: 0 },
				uHoverColour: { value: new Color('#ffcf66') },
				uSelectColour: { value: new Color('#1f8a80') },
				uHighlightFill: { value: 1 },
				uRegionMix: { value: 0 },
				uPalette: { value: this.palette },
				uOverlay: { value: this.overlay }
			}
		});
		this.material.name = 'body';
	}

	/** Hovered region code (0 = none). */
	setHover(code: number | null): void {
		this.material.uniforms.uHover.value = code ?? 0;
	}

	/** Selected region code (0 = none). */
	setSelected(code: number | null): void {
		this.material.uniforms.uSelected.value = code ?? 0;
	}

	/**
	 * How much the hover and selection colours cover a region (1: fully, as on the planner). Lower
	 * where the region's own colours carry the meaning (the overlaid comparison): the selection
	 * still shows by its glowing rim.
	 */
	setHighlightFill(fill: number): void {
		this.material.uniforms.uHighlightFill.value = fill;
	}

	/** Show each region in its review colour (true) or the plain skin tone (false). */
	setRegionColours(on: boolean): void {
		this.material.uniforms.uRegionMix.value = on ? 1 : 0;
	}

	/** Tint one region (planner marks); `strength` 0 removes the tint. */
	setOverlay(code: number, colour: ColorRepresentation, strength = 0.6): void {
		const c = new Color(colour).getRGB(new Color(), SRGBColorSpace);
		const data = this.overlay.image.data as Uint8Array;
		data.set([c.r * 255, c.g * 255, c.b * 255, Math.round(strength * 255)], code * 4);
		this.overlay.needsUpdate = true;
	}

	/** Remove every overlay tint. */
	clearOverlay(): void {
		(this.overlay.image.data as Uint8Array).fill(0);
		this.overlay.needsUpdate = true;
	}

	/** Compile in the per-vertex `paint` attribute (geometry must then carry one). */
	setPaintEnabled(on: boolean): void {
		if (on === 'USE_PAINT' in this.material.defines) return;
		if (on) this.material.defines.USE_PAINT = '';
		else delete this.material.defines.USE_PAINT;
		this.material.needsUpdate = true;
	}

	/** After a lost WebGL context: re-upload the lookup textures. */
	markDirty(): void {
		this.palette.needsUpdate = true;
		this.overlay.needsUpdate = true;
	}

	/** Free the material and both textures (safe to call twice). */
	dispose(): void {
		this.palette.dispose();
		this.overlay.dispose();
		this.material.dispose();
	}
}
