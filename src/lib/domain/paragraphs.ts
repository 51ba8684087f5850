/** Long text cut for paper: the session sheet and the printed record place it piece by piece. */

/** Longest piece of a paragraph, in characters (about four lines): small enough to fill a page's end. */
export const CHUNK_CHARS = 420;

/**
 * A text's paragraphs (one per line break, empty ones dropped), each cut into pieces of at most
 * `max` characters at sentence ends where it can, else between words, else anywhere. Joining a
 * paragraph's pieces with single spaces gives it back, whitespace collapsed.
 */
export function paragraphs(text: string, max = CHUNK_CHARS): string[][] {
	return text
		.split(/\n+/)
		.map((p) => p.replace(/\s+/g, ' ').trim())
		.filter(Boolean)
		.map((p) => cut(p, max));
}

function cut(text: string, max: number): string[] {
	const pieces: string[] = [];
	let rest = text;
	while (rest.length > max) {
		const head = rest.slice(0, max + 1);
		const sentence = Math.max(head.lastIndexOf('. '), head.lastIndexOf('! '), head.lastIndexOf('? '));
		const space = head.lastIndexOf(' ');
		const at = sentence > max / 3 ? sentence + 1 : space > max / 3 ? space : max;
		pieces.push(rest.slice(0, at).trim());
		rest = rest.slice(at).trim();
	}
	if (rest) pieces.push(rest);
	return pieces;
}
