/** Helpers shared by the session sheet's specs (print.spec, print-long.spec) and the printed record's. */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** A region's name inside a pattern: its brackets ("(upper trapezius)") are meant literally. */
export const esc = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const sheet = (page: Page) => page.getByRole('article', { name: /^Session sheet for / });

/** Adds a mark on a region chosen in the region list. */
export async function addMark(page: Page, query: string, region: string, sensation: string, intensity: number, note = '') {
	await page.getByRole('searchbox', { name: 'Find a region' }).fill(query);
	await page.getByRole('region', { name: 'Regions', exact: true }).getByRole('button', { name: new RegExp(`^${esc(region)}`) }).click();
	const form = page.getByRole('form', { name: new RegExp(`mark on ${esc(region)}`) });
	await form.getByRole('slider', { name: 'Intensity' }).fill(String(intensity));
	if (note) await form.getByLabel('Note').fill(note);
	// The first choice of what it feels like adds the mark, with all of the above.
	await form.getByRole('radio', { name: sensation, exact: true }).check();
	await expect(page.getByRole('list', { name: /^Marks/ }).getByRole('button', { name: new RegExp(`Edit mark: ${esc(region)}: ${sensation}, ${intensity} of 10`) })).toBeVisible();
}

/**
 * What an image on the sheet shows, read back through a canvas: the share of drawn (not
 * transparent) pixels, and of strongly orange-red ones (aching and sharp pain; skin is never
 * that saturated).
 */
export function imagePixels(page: Page, view: 'front' | 'back') {
	return page.locator(`.print-sheet img[data-view="${view}"]`).evaluate((img: HTMLImageElement) => {
		const c = document.createElement('canvas');
		c.width = img.naturalWidth;
		c.height = img.naturalHeight;
		const g = c.getContext('2d')!;
		g.drawImage(img, 0, 0);
		const d = g.getImageData(0, 0, c.width, c.height).data;
		let drawn = 0;
		let pain = 0;
		for (let i = 0; i < d.length; i += 4) {
			if (d[i + 3] < 128) continue;
			drawn++;
			if (d[i] > 120 && d[i + 2] < 0.4 * d[i] && d[i + 1] < 0.8 * d[i]) pain++;
		}
		const n = d.length / 4;
		return { width: c.width, drawn: drawn / n, pain: pain / n };
	});
}

/** `count` numbered sentences of about `size` characters each, for finding every one again on paper. */
export const sentences = (what: string, count: number, size: number) =>
	Array.from({ length: count }, (_, i) => `${what} ${i + 1}: ${'slow work, warm room and time to talk first; '.repeat(20)}`.slice(0, size - 1).trim() + '.');
