import { describe, expect, it } from 'vitest';
import type { SummaryStep } from '$lib/domain/summary';
import { CHUNK_CHARS, flowBlocks, pageParts, paginate, paragraphs, stepBlocks, stepsOnFirstPage, type FlowBlock } from '$lib/ui/print/pages';

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
		expect(blocks.map((b) => (b.kind === 'step' ? [b.n, b.run?.position ?? null, b.run?.minutes ?? null] : null))).toEqual([
			[1, 'prone', 4],
			[2, null, null],
			[3, 'supine', 2]
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
