import { describe, expect, it } from 'vitest';
import { OVERLAY_COLOURS } from '$lib/domain/overlay-colours';
import { SENSATIONS } from '$lib/domain/records';
import { sensationInfo } from '$lib/domain/sensations';

// sRGB → linear → CIELAB (D65), and Machado et al. (2009) full-severity deutan and protan simulation.
const linear = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
const SIM: Record<string, number[][]> = {
	normal: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
	deutan: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
	protan: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
};
function lab(rgb: number[]): number[] {
	const [r, g, b] = rgb.map((c) => Math.min(1, Math.max(0, c)));
	const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
	const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
	const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
	const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
	return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
const seen = (hex: string, vision: string) => lab(SIM[vision].map((row) => row.reduce((s, m, j) => s + m * linear(hex)[j], 0)));
const deltaE = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

describe('compare overlay colours', () => {
	const parts = Object.values(OVERLAY_COLOURS);

	it('reuse no sensation colour, and stay far from every one (pink is "knot", never "both")', () => {
		for (const s of SENSATIONS) {
			const colour = sensationInfo(s).colour;
			for (const part of parts) {
				expect(part.toLowerCase()).not.toBe(colour.toLowerCase());
				expect(deltaE(seen(part, 'normal'), seen(colour, 'normal')), `${part} vs ${s}`).toBeGreaterThan(30);
			}
		}
	});

	it('before, after and both are told apart with normal, deutan and protan vision', () => {
		for (const vision of Object.keys(SIM)) {
			for (let i = 0; i < parts.length; i++)
				for (let j = i + 1; j < parts.length; j++) expect(deltaE(seen(parts[i], vision), seen(parts[j], vision)), `${vision}: ${parts[i]} vs ${parts[j]}`).toBeGreaterThan(35);
		}
	});
});
