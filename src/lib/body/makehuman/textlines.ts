/** MakeHuman's text formats (.obj, .target) alike: one record a line, `#` comments, blank lines. Pure. */

/** The words of each line that holds data (not blank, not a `#` comment), with its 1-based number for messages. */
export function* dataLines(text: string): Generator<{ words: string[]; lineNo: number }> {
	let lineNo = 0;
	for (const raw of text.split('\n')) {
		lineNo++;
		const line = raw.trim();
		if (line !== '' && line[0] !== '#') yield { words: line.split(/\s+/), lineNo };
	}
}
