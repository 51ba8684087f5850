/**
 * Reading a printed PDF back in the e2e tests (pdfjs-dist in Node): each page's text with the
 * smallest type on it, and each text item's box, to check what a printout holds and that nothing
 * is clipped or overlapping.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of each page of a PDF, whitespace collapsed, and the smallest type on it (points). */
export async function pdfPages(pdf: Buffer): Promise<string[] & { minPt: number }> {
	const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise;
	const pages = Object.assign([] as string[], { minPt: Infinity });
	for (let i = 1; i <= doc.numPages; i++) {
		const content = await (await doc.getPage(i)).getTextContent();
		const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : '')).join('');
		pages.push(text.replace(/\s+/g, ' '));
		for (const item of content.items) {
			// The text matrix's vertical scale is the type size in PDF points (1/72 in), kept in
			// single precision: 9 pt may read 8.9999996, so it is rounded to a hundredth.
			const size = 'str' in item && item.str.trim() ? Math.round(Math.hypot(item.transform[2], item.transform[3]) * 100) / 100 : Infinity;
			pages.minPt = Math.min(pages.minPt, size);
		}
	}
	await doc.destroy();
	return pages;
}

/** Every text item of a PDF page as a box (PDF points, origin bottom left), and the page's size. */
export async function pdfBoxes(pdf: Buffer) {
	const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise;
	const out: { width: number; height: number; items: { str: string; x: number; y: number; w: number; h: number }[] }[] = [];
	for (let i = 1; i <= doc.numPages; i++) {
		const p = await doc.getPage(i);
		const [, , width, height] = p.view;
		const content = await p.getTextContent();
		const items = content.items.flatMap((item) => {
			if (!('str' in item) || !item.str.trim()) return [];
			const h = Math.hypot(item.transform[2], item.transform[3]);
			return [{ str: item.str, x: item.transform[4], y: item.transform[5], w: item.width, h }];
		});
		out.push({ width, height, items });
	}
	await doc.destroy();
	return out;
}
