/**
 * How a long session sheet runs over pages, pure: the plan itself (client, red flag, body views,
 * focus areas, cautions) is page one's top; what follows it — notes on the marks, the
 * client's words, the therapist's notes, the outcome — is cut into blocks (a mark's line, a
 * paragraph or a piece of one) that fill page one below the plan and then as many further
 * pages as they need. A plan too long for page one even at 9 pt keeps its first focus areas
 * there (`stepsOnFirstPage`) and the rest go on first, as blocks of their own (`stepBlocks`).
 * The sheet measures each block as laid out and `paginate` places them.
 */
import type { Outcome } from '$lib/domain/records';
import { positionRuns, type SummaryStep } from '$lib/domain/summary';
import type { MarkLine } from './sheet';

export type SectionId = 'steps' | 'about' | 'words' | 'notes' | 'after';

export const SECTION_TITLES: Record<SectionId, string> = {
	steps: 'Focus areas, in order',
	about: 'About the marks',
	words: 'In the client’s words',
	notes: 'Therapist’s notes',
	after: 'After the session'
};

/** One piece of the flow. Text blocks of the same paragraph (`para`) print as one paragraph when on one page. */
export type FlowBlock = { key: string; section: SectionId; first: boolean } & (
	| { kind: 'mark'; line: MarkLine }
	| { kind: 'text'; para: string; text: string; label: string | null; open: boolean; close: boolean }
	| { kind: 'lines' }
	/** A focus area, numbered through the session; `run` heads the first step in a position. */
	| { kind: 'step'; n: number; step: SummaryStep; run: { position: SummaryStep['position']; minutes: number } | null }
);

/** Every step of the plan as a block of the flow, for those that page one has no room for. */
export function stepBlocks(steps: readonly SummaryStep[]): FlowBlock[] {
	return positionRuns(steps).flatMap((run) =>
		run.steps.map((step, i): FlowBlock => ({
			key: `steps:${step.key}`,
			section: 'steps',
			first: false, // the section always begins on page one
			kind: 'step',
			n: run.start + i,
			step,
			run: i === 0 ? { position: run.position, minutes: run.minutes } : null
		}))
	);
}

/** Page one's plan as measured with every step shown (px from its top). */
export interface PlanMeasure {
	/** Where each step ends, in order. */
	stepBottoms: readonly number[];
	/** Height of what follows the steps in their column (the plan's facts), with room for "continued". */
	tail: number;
	/** Where the other column (body views, legend, take care) ends. */
	side: number;
}

/**
 * How many steps page one shows when the plan does not fit it whole: as many as leave the plan's
 * column, with what follows the steps, within `room`; at least one. All of them when all fit.
 */
export function stepsOnFirstPage(m: PlanMeasure, room: number): number {
	const n = m.stepBottoms.length;
	let k = n;
	while (k > 1 && Math.max(m.side, m.stepBottoms[k - 1] + m.tail) > room) k--;
	return n === 0 ? 0 : k;
}

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

export interface FlowInput {
	markNotes: readonly MarkLine[];
	clientWords: string;
	notes: string;
	outcome: Pick<Outcome, 'done' | 'response' | 'advice'> | null;
}

/** The blocks after the plan, in reading order. The notes always appear: ruled lines when empty, to write on. */
export function flowBlocks({ markNotes, clientWords, notes, outcome }: FlowInput): FlowBlock[] {
	const blocks: FlowBlock[] = [];
	markNotes.forEach((line, i) => blocks.push({ key: `about:${line.id}`, section: 'about', first: i === 0, kind: 'mark', line }));
	const text = (section: SectionId, field: string, value: string, label: string | null, quoted: boolean) => {
		const paras = paragraphs(value);
		paras.forEach((pieces, p) =>
			pieces.forEach((piece, c) =>
				blocks.push({
					key: `${section}:${field}:${p}:${c}`,
					section,
					first: !blocks.some((b) => b.section === section),
					kind: 'text',
					para: `${section}:${field}:${p}`,
					text: piece,
					label: p === 0 && c === 0 ? label : null,
					open: quoted && p === 0 && c === 0,
					close: quoted && p === paras.length - 1 && c === pieces.length - 1
				})
			)
		);
	};
	text('words', 'words', clientWords, null, true);
	if (notes.trim()) text('notes', 'notes', notes, null, false);
	else blocks.push({ key: 'notes:lines', section: 'notes', first: true, kind: 'lines' });
	if (outcome) {
		text('after', 'done', outcome.done, 'What was done', false);
		text('after', 'response', outcome.response, 'The client’s response', false);
		text('after', 'advice', outcome.advice, 'Advice', false);
	}
	return blocks;
}

export interface PageRoom {
	/** Height left on page one under the plan (and above the footer). */
	first: number;
	/** Height of a further page's body, between its running head and footer. */
	next: number;
	/** Height a section's "(continued)" heading adds at the top of a page. */
	heading: number;
}

/**
 * Places the blocks (heights as measured, a section's first block with its heading) on pages in
 * order: each goes on the current page if it fits, else starts the next page. A section that
 * goes on from an earlier page repeats its heading, "(continued)". Returns the blocks' indices
 * per page; page one may hold none. A block taller than a whole page still gets a page of its own.
 */
export function paginate(blocks: readonly Pick<FlowBlock, 'section' | 'first'>[], heights: readonly number[], room: PageRoom): number[][] {
	const pages: number[][] = [[]];
	let left = room.first;
	blocks.forEach((block, i) => {
		let page = pages.at(-1)!;
		// A section goes on only from a page's top (sections follow one another), so only there does a heading repeat.
		const need = (top: boolean) => heights[i] + (!block.first && top ? room.heading : 0);
		if (need(page.length === 0) > left && !(pages.length > 1 && page.length === 0)) {
			pages.push((page = []));
			left = room.next;
		}
		left -= need(page.length === 0);
		page.push(i);
	});
	return pages;
}

/**
 * One section's part on one page, for drawing: its heading ('continued' when it began on an
 * earlier page; none only for a block measured on its own) and its blocks.
 */
export interface PagePart {
	section: SectionId;
	heading: 'first' | 'continued' | null;
	blocks: FlowBlock[];
}

/** A page's blocks grouped by section; pieces of one paragraph on one page joined again. */
export function pageParts(blocks: readonly FlowBlock[], indices: readonly number[]): PagePart[] {
	const parts: PagePart[] = [];
	for (const i of indices) {
		const block = blocks[i];
		let part = parts.at(-1);
		if (!part || part.section !== block.section) {
			part = { section: block.section, heading: block.first ? 'first' : 'continued', blocks: [] };
			parts.push(part);
		}
		const last = part.blocks.at(-1);
		if (last?.kind === 'text' && block.kind === 'text' && last.para === block.para) {
			part.blocks[part.blocks.length - 1] = { ...last, text: `${last.text} ${block.text}`, close: block.close };
		} else part.blocks.push(block);
	}
	return parts;
}
