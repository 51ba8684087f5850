/**
 * How a long session sheet runs over pages, pure: the plan itself (client, red flag, body views,
 * focus areas, cautions) is page one's top; what follows it — notes on the marks, the
 * client's words, the therapist's notes, the outcome — is cut into blocks (a mark's line, a
 * paragraph or a piece of one) that fill page one below the plan and then as many further
 * pages as they need. A plan too long for page one even at 9 pt keeps its first focus areas
 * there (`stepsOnFirstPage`) and the rest go on first, as blocks of their own (`stepBlocks`);
 * likewise a "Take care" list too long for page one keeps the lines that fit there
 * (`careOnFirstPage`) and the rest go on before anything else (`careBlocks`).
 * The sheet measures each block as laid out and `paginate` places them.
 */
import { CHUNK_CHARS, paragraphs } from '$lib/domain/paragraphs';
import type { Outcome } from '$lib/domain/records';
import { AVOID_REASON, avoidLines, positionRuns, type SessionSummary, type SummaryStep } from '$lib/domain/summary';
import type { MarkLine } from './sheet';

export type SectionId = 'care' | 'steps' | 'about' | 'words' | 'notes' | 'after';

export const SECTION_TITLES: Record<SectionId, string> = {
	care: 'Take care',
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
	/**
	 * A focus area, numbered through the session, in its run of one position ("Face down · 20 min"):
	 * `run` heads the run's first step (`'start'`), and the first step of a page when the run began
	 * on an earlier one (`'continued'`, set by `pageParts`).
	 */
	| { kind: 'step'; n: number; step: SummaryStep; position: SummaryStep['position']; minutes: number; run: 'start' | 'continued' | null }
	/** One item of "Take care", or a piece of one (pieces of one item share `para`). */
	| { kind: 'care'; para: string; item: CareItem }
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
			position: run.position,
			minutes: run.minutes,
			run: i === 0 ? 'start' : null
		}))
	);
}

/**
 * One line of "Take care" on the sheet: a caution (`flag` for a red flag), areas to avoid for one
 * reason, consent still to ask, allergies, the oil. `label` starts it in bold ("Avoid:"), `why`
 * ends it in small type ("— from the health check"); a piece of a cut line has only its own ends.
 */
export interface CareItem {
	flag: boolean;
	label: string | null;
	text: string;
	why: string | null;
}

/**
 * "Take care" as the sheet prints it, one block per line (the planner's CareList words, with
 * each reason to avoid on a line of its own): a long list of places is cut between places into
 * pieces of at most `max` characters, so a page's end can take part of it.
 */
export function careBlocks(s: Pick<SessionSummary, 'cautions' | 'avoid' | 'needsConsent' | 'allergies' | 'oil'>, max = CHUNK_CHARS): FlowBlock[] {
	const blocks: FlowBlock[] = [];
	const add = (id: string, item: CareItem, pieces: string[] = [item.text]) =>
		pieces.forEach((text, i) =>
			blocks.push({
				key: `care:${id}:${i}`,
				section: 'care',
				first: false, // the section always begins on page one
				kind: 'care',
				para: `care:${id}`,
				item: { flag: item.flag, label: i === 0 ? item.label : null, text, why: i === pieces.length - 1 ? item.why : null }
			})
		);
	for (const c of s.cautions) add(c.id, { flag: c.redFlag, label: null, text: c.text, why: null });
	for (const a of avoidLines(s.avoid)) add(`avoid-${a.reason}`, { flag: false, label: 'Avoid:', text: a.places, why: `— ${AVOID_REASON[a.reason]}` }, cutList(a.places, max));
	if (s.needsConsent.length) add('consent', { flag: false, label: 'Ask consent first:', text: s.needsConsent.join(', '), why: null }, cutList(s.needsConsent.join(', '), max));
	if (s.allergies) add('allergies', { flag: false, label: 'Allergies:', text: s.allergies, why: null });
	if (s.oil) add('oil', { flag: false, label: 'Oil or lotion:', text: s.oil, why: null });
	return blocks;
}

/** The lines of "Take care" whole: the pieces of each joined again (for page one). */
export function careLines(blocks: readonly FlowBlock[]): CareItem[] {
	return (pageParts(blocks, blocks.map((_, i) => i))[0]?.blocks ?? []).flatMap((b) => (b.kind === 'care' ? [b.item] : []));
}

/** The care blocks after the first `shown` lines (those page one has room for), to go on over the page. */
export function careAfter(blocks: readonly FlowBlock[], shown: number): FlowBlock[] {
	const paras = [...new Set(blocks.flatMap((b) => (b.kind === 'care' ? [b.para] : [])))];
	const rest = new Set(paras.slice(shown));
	return blocks.filter((b) => b.kind === 'care' && rest.has(b.para));
}

/** A list "A, B, C" cut after commas into pieces of at most `max` characters (a longer single place stays whole). */
function cutList(list: string, max: number): string[] {
	const pieces: string[] = [];
	for (const place of list.split(', ')) {
		const last = pieces.at(-1);
		if (last !== undefined && last.length + 2 + place.length <= max) pieces[pieces.length - 1] = `${last}, ${place}`;
		else pieces.push(place);
	}
	return pieces.map((p, i) => (i < pieces.length - 1 ? `${p},` : p));
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
 * How many lines of "Take care" page one shows when the list does not fit there whole: as many as
 * end, with `more` (the "goes on" line) and `after` (what follows the list in its column) under
 * them, within `room`; all when all end with `after` within it. `itemBottoms` are where the lines
 * end, from the page's top, in order.
 */
export function careOnFirstPage(itemBottoms: readonly number[], more: number, room: number, after = 0): number {
	const n = itemBottoms.length;
	if (n === 0 || itemBottoms[n - 1] + after <= room) return n;
	let k = n - 1;
	while (k > 0 && itemBottoms[k - 1] + more + after > room) k--;
	return k;
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


export { CHUNK_CHARS, paragraphs };

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
	/** Height a section's "(continued)" heading adds where the section goes on. */
	heading: number;
	/** Height a run's "Face down · 20 min (continued)" line adds where a run of steps goes on. */
	runHeading?: number;
}

/**
 * Places the blocks (heights as measured, a section's first block with its heading, a run's first
 * step with its position line) on pages in order: each goes on the current page if it fits, else
 * starts the next page. A section that goes on from an earlier page repeats its heading,
 * "(continued)", and so does a run of steps its position line. Returns the blocks' indices per
 * page; page one may hold none. A block taller than a whole page still gets a page of its own.
 */
export function paginate(blocks: readonly PageBlock[], heights: readonly number[], room: PageRoom): number[][] {
	const pages: number[][] = [[]];
	let left = room.first;
	blocks.forEach((block, i) => {
		let page = pages.at(-1)!;
		const need = (page: number[]) => {
			const prev = page.length ? blocks[page[page.length - 1]] : null;
			const heading = !block.first && prev?.section !== block.section ? room.heading : 0;
			const run = isRunGoingOn(block) && !page.some((j) => blocks[j].kind === 'step') ? (room.runHeading ?? 0) : 0;
			return heights[i] + heading + run;
		};
		if (need(page) > left && !(pages.length > 1 && page.length === 0)) {
			pages.push((page = []));
			left = room.next;
		}
		left -= need(page);
		page.push(i);
	});
	return pages;
}

/** What `paginate` needs of a block. */
export type PageBlock = Pick<FlowBlock, 'section' | 'first'> & { kind?: FlowBlock['kind']; run?: 'start' | 'continued' | null };

/** A step that does not begin its run. */
const isRunGoingOn = (block: PageBlock) => block.kind === 'step' && block.run !== 'start';

/**
 * One section's part on one page, for drawing: its heading ('continued' when it began on an
 * earlier page; none only for a block measured on its own) and its blocks.
 */
export interface PagePart {
	section: SectionId;
	heading: 'first' | 'continued' | null;
	blocks: FlowBlock[];
}

/**
 * A page's blocks grouped by section; pieces of one paragraph or care item on one page joined
 * again; the page's first step, when its run began on an earlier page, heads the run again.
 */
export function pageParts(blocks: readonly FlowBlock[], indices: readonly number[]): PagePart[] {
	const parts: PagePart[] = [];
	let stepSeen = false;
	for (const i of indices) {
		let block = blocks[i];
		if (block.kind === 'step') {
			if (!stepSeen && block.run !== 'start') block = { ...block, run: 'continued' };
			stepSeen = true;
		}
		let part = parts.at(-1);
		if (!part || part.section !== block.section) {
			part = { section: block.section, heading: block.first ? 'first' : 'continued', blocks: [] };
			parts.push(part);
		}
		const last = part.blocks.at(-1);
		if (last?.kind === 'text' && block.kind === 'text' && last.para === block.para) {
			part.blocks[part.blocks.length - 1] = { ...last, text: `${last.text} ${block.text}`, close: block.close };
		} else if (last?.kind === 'care' && block.kind === 'care' && last.para === block.para) {
			part.blocks[part.blocks.length - 1] = { ...last, item: { ...last.item, text: `${last.item.text} ${block.item.text}`, why: block.item.why } };
		} else part.blocks.push(block);
	}
	return parts;
}
