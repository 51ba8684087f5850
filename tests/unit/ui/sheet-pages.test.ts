import { describe, expect, it } from 'vitest';
import type { SummaryStep } from '$lib/domain/summary';
import type { Caution } from '$lib/domain/cautions';
import type { AvoidItem } from '$lib/domain/summary';
import { REGIONS, shortLabel } from '$lib/domain/regions';
import { regionsInWords } from '$lib/domain/region-groups';
import {
	careAfter,
	careBlocks,
	careLines,
	careOnFirstPage,
	CHUNK_CHARS,
	flowBlocks,
	pageParts,
	paginate,
	paragraphs,
	stepBlocks,
	stepsOnFirstPage,
	type FlowBlock
} from '$lib/ui/print/pages';

const sentence = 'Prefers slow work on the shoulders and a warm room today. ';

describe('paragraphs', () => {
	it('splits on line breaks, drops empty lines and keeps short paragraphs whole', () => {
		expect(paragraphs('First line.\n\n  Second   line. \n')).toEqual([['First line.'], ['Second line.']]);
	});
	it('cuts a long paragraph at sentence ends into pieces that give it back when joined', () => {
		const long = sentence.repeat(40).trim();
		const [pieces] = paragraphs(long);
		expect(pieces.length).toBeGreaterThan(3);
		for (const p of pieces) expect(p.length).toBeLessThanOrEqual(CHUNK_CHARS);
		for (const p of pieces.slice(0, -1)) expect(p.endsWith('today.')).toBe(true);
		expect(pieces.join(' ')).toBe(long);
	});
	it('cuts between words, or anywhere, when there is no sentence end', () => {
		const words = 'word '.repeat(400).trim();
		expect(paragraphs(words)[0].join(' ')).toBe(words);
		const one = 'x'.repeat(1500);
		expect(paragraphs(one)[0].join('')).toBe(one);
	});
});

describe('flowBlocks', () => {
	it('puts notes on the marks, the client’s words, the notes and the outcome in order, each headed once', () => {
		const blocks = flowBlocks({
			markNotes: [{ id: 'm1', place: 'Left calf', what: 'Knot 5/10, by the client', note: 'Cramps at night' }],
			clientWords: 'It hurts.\nMostly at night.',
			notes: '',
			outcome: { done: 'Slow work on the calf.', response: '', advice: 'Stretch daily.' }
		});
		expect(blocks.map((b) => [b.section, b.first, b.kind])).toEqual([
			['about', true, 'mark'],
			['words', true, 'text'],
			['words', false, 'text'],
			['notes', true, 'lines'],
			['after', true, 'text'],
			['after', false, 'text']
		]);
		const words = blocks.filter((b) => b.kind === 'text' && b.section === 'words') as Extract<FlowBlock, { kind: 'text' }>[];
		expect(words.map((b) => [b.open, b.close])).toEqual([[true, false], [false, true]]);
		expect(blocks.filter((b) => b.kind === 'text' && b.label).map((b) => (b as { label: string }).label)).toEqual(['What was done', 'Advice']);
	});
});

describe('paginate', () => {
	const blocks = (n: number, section: FlowBlock['section'] = 'notes') => Array.from({ length: n }, (_, i) => ({ section, first: i === 0 }));

	it('keeps everything on page one when it fits', () => {
		expect(paginate(blocks(3), [10, 10, 10], { first: 30, next: 100, heading: 5 })).toEqual([[0, 1, 2]]);
	});
	it('moves what does not fit to further pages, adding the heading a continued section repeats', () => {
		// Page two holds 100: block 2 (40 + 5 heading) and block 3 (40), not block 4 (40 more).
		expect(paginate(blocks(5), [20, 40, 40, 40, 40], { first: 50, next: 100, heading: 5 })).toEqual([[0], [1, 2], [3, 4]]);
		expect(paginate(blocks(4), [20, 40, 40, 55], { first: 50, next: 85, heading: 5 })).toEqual([[0], [1, 2], [3]]);
	});
	it('may leave page one without any of the flow, and gives a block taller than a page one of its own', () => {
		expect(paginate(blocks(2), [30, 500], { first: 10, next: 100, heading: 5 })).toEqual([[], [0], [1]]);
	});
});

describe('pageParts', () => {
	it('groups a page by section, heads a section that goes on as continued and joins one paragraph’s pieces', () => {
		const all = flowBlocks({ markNotes: [], clientWords: sentence.repeat(30), notes: 'Short note.', outcome: null });
		const pieces = all.filter((b) => b.section === 'words').length;
		expect(pieces).toBeGreaterThan(2);
		const second = pageParts(all, all.map((_, i) => i).slice(1));
		expect(second.map((p) => [p.section, p.heading, p.blocks.length])).toEqual([
			['words', 'continued', 1],
			['notes', 'first', 1]
		]);
		const joined = second[0].blocks[0] as Extract<FlowBlock, { kind: 'text' }>;
		expect(joined.open).toBe(false);
		expect(joined.close).toBe(true);
		expect(pageParts(all, [0])[0].heading).toBe('first');
	});
});

describe('a plan longer than page one', () => {
	const step = (i: number, position: 'prone' | 'supine'): SummaryStep => ({
		key: `s${i}`, kind: 'focus', region: null, label: `Step ${i}`, minutes: 2, pressure: 2, pressureLabel: '2 · Light', position, before: null, feels: []
	});
	it('numbers every step through the session and heads each position once', () => {
		const blocks = stepBlocks([step(1, 'prone'), step(2, 'prone'), step(3, 'supine')]);
		expect(blocks.map((b) => (b.kind === 'step' ? [b.n, b.run, b.position, b.minutes] : null))).toEqual([
			[1, 'start', 'prone', 4],
			[2, null, 'prone', 4],
			[3, 'start', 'supine', 2]
		]);
		expect(blocks.every((b) => b.section === 'steps' && !b.first)).toBe(true);
	});
	it('keeps on page one the steps that fit with what follows them, at least one', () => {
		const m = { stepBottoms: [100, 150, 200, 250, 300], tail: 60, side: 220 };
		expect(stepsOnFirstPage(m, 1000)).toBe(5);
		expect(stepsOnFirstPage(m, 270)).toBe(3); // 200 + 60 ≤ 270 < 250 + 60, and the side (220) fits
		expect(stepsOnFirstPage(m, 210)).toBe(1); // nothing fits beside a side column taller than the room
		expect(stepsOnFirstPage({ ...m, stepBottoms: [] }, 100)).toBe(0);
	});
});

describe('a run of steps that goes on over the page', () => {
	const step = (i: number): SummaryStep => ({
		key: `s${i}`, kind: 'focus', region: null, label: `Step ${i}`, minutes: 5, pressure: 2, pressureLabel: '2 · Light', position: 'prone', before: null, feels: []
	});
	const blocks = stepBlocks([1, 2, 3, 4].map(step));

	it('heads the run again, continued, on the page where it goes on, and only there', () => {
		const parts = pageParts(blocks, [2, 3]);
		const runs = parts[0].blocks.map((b) => (b.kind === 'step' ? [b.n, b.run, b.position, b.minutes] : null));
		expect(runs).toEqual([
			[3, 'continued', 'prone', 20],
			[4, null, 'prone', 20]
		]);
		expect(parts[0].heading).toBe('continued');
		// The page the run began on heads it once, as it began.
		expect(pageParts(blocks, [0, 1])[0].blocks.map((b) => b.kind === 'step' && b.run)).toEqual(['start', null]);
	});
	it('counts the repeated run line where the run goes on, so the page still holds what it is given', () => {
		// Steps 10 high, a section heading 5, a run line 3: page two (30) takes step 2 with both headings (18) and step 3 (10); step 4 goes on.
		expect(paginate(blocks.slice(1), [10, 10, 10], { first: 0, next: 30, heading: 5, runHeading: 3 })).toEqual([[], [0, 1], [2]]);
		// Without the run line it would have held all three.
		expect(paginate(blocks.slice(1), [10, 10, 10], { first: 0, next: 35, heading: 5 })).toEqual([[], [0, 1, 2]]);
	});
});

describe('"Take care" longer than page one', () => {
	const caution = (id: string, redFlag = false): Caution => ({ id, text: `Caution ${id}: ${'take it slowly and check in often; '.repeat(3).trim()}`, redFlag });
	// Every third region chosen to avoid: few whole body parts, so most are named on their own.
	const scattered: AvoidItem[] = REGIONS.filter((_, i) => i % 3 === 0).map((r) => ({ region: r.code, label: shortLabel(r), reason: 'chosen' }));
	const summary = {
		cautions: [caution('fever', true), caution('thinners')],
		avoid: [...scattered, { region: REGIONS[1].code, label: shortLabel(REGIONS[1]), reason: 'marked' as const }],
		needsConsent: ['Left buttock (glutes)'],
		allergies: 'Nut oils',
		oil: 'Unscented'
	};

	it('makes one line per caution, per reason to avoid, consent, allergies and oil, red flags stressed', () => {
		const lines = careLines(careBlocks(summary));
		expect(lines.map((l) => [l.label, l.flag, l.why])).toEqual([
			[null, true, null],
			[null, false, null],
			['Avoid:', false, '— chosen by the therapist'],
			['Avoid:', false, '— marked “do not touch”'],
			['Ask consent first:', false, null],
			['Allergies:', false, null],
			['Oil or lotion:', false, null]
		]);
		expect(lines[2].text).toBe(regionsInWords(scattered.map((a) => a.region)));
		expect(lines[2].text.length).toBeGreaterThan(400);
	});
	it('cuts a long list of places between places into pieces that give it back, labelled at the start and reasoned at the end', () => {
		const pieces = careBlocks(summary, 200).filter((b): b is Extract<FlowBlock, { kind: 'care' }> => b.kind === 'care' && b.para === 'care:avoid-chosen');
		expect(pieces.length).toBeGreaterThan(2);
		for (const p of pieces) expect(p.item.text.length).toBeLessThanOrEqual(201); // the comma it ends with
		expect(pieces.map((p) => p.item.label)).toEqual(['Avoid:', ...pieces.slice(1).map(() => null)]);
		expect(pieces.map((p) => p.item.why)).toEqual([...pieces.slice(1).map(() => null), '— chosen by the therapist']);
		expect(pieces.map((p) => p.item.text).join(' ')).toBe(regionsInWords(scattered.map((a) => a.region)));
		expect(pieces.every((p) => p.section === 'care' && !p.first)).toBe(true);
	});
	it('keeps on page one the lines that end, with the "goes on" line, within the room; all when all fit', () => {
		const bottoms = [120, 140, 180, 230, 260];
		expect(careOnFirstPage(bottoms, 10, 300)).toBe(5); // all fit: no "goes on" line needed
		expect(careOnFirstPage(bottoms, 10, 259)).toBe(4); // 230 + 10 ≤ 259
		expect(careOnFirstPage(bottoms, 10, 235)).toBe(3); // 180 + 10 ≤ 235 < 230 + 10
		expect(careOnFirstPage(bottoms, 10, 100)).toBe(0); // not even one: the heading says it goes on
		expect(careOnFirstPage([], 10, 100)).toBe(0);
		// Under the focus areas, the plan's facts follow the list and need their room too.
		expect(careOnFirstPage(bottoms, 10, 300, 30)).toBe(5); // 260 + 30 ≤ 300
		expect(careOnFirstPage(bottoms, 10, 280, 30)).toBe(4); // 260 + 30 > 280 ≥ 230 + 10 + 30
		expect(careOnFirstPage(bottoms, 10, 265, 30)).toBe(3); // 230 + 40 > 265 ≥ 180 + 40
	});
	it('goes on over the page with the lines page one had no room for, whole and in order, headed "continued"', () => {
		const blocks = careBlocks(summary, 200);
		const rest = careAfter(blocks, 2);
		expect(rest[0].kind === 'care' && rest[0].item.label).toBe('Avoid:');
		expect(careLines(rest)).toEqual(careLines(blocks).slice(2));
		// Page two: "Take care (continued)" and then the focus areas, whose own heading counts too.
		const steps = stepBlocks([{ key: 's1', kind: 'focus', region: null, label: 'Step 1', minutes: 5, pressure: 2, pressureLabel: '2 · Light', position: 'prone', before: null, feels: [] }]);
		const flow = [...rest, ...steps];
		const heights = flow.map(() => 10);
		const pages = paginate(flow, heights, { first: 0, next: flow.length * 10 + 5 + 5, heading: 5 });
		expect(pages).toEqual([[], flow.map((_, i) => i)]);
		expect(paginate(flow, heights, { first: 0, next: flow.length * 10 + 5 + 4, heading: 5 })).toHaveLength(3);
		const parts = pageParts(flow, pages[1]);
		expect(parts.map((p) => [p.section, p.heading])).toEqual([
			['care', 'continued'],
			['steps', 'continued']
		]);
	});
});
