import { describe, expect, it } from 'vitest';
import { cleanClient, cleanMark, cleanPlan, cleanText, hasHiddenCharacters } from '$lib/domain/clean-text';
import { defaultPlanFields } from '$lib/domain/records';

const RLO = '\u202E';

describe('cleanText', () => {
	it('removes NUL, BEL, ESC, DEL and C1 controls', () => {
		expect(cleanText('A\u0000l\u0007i\u001B[31mce\u007F\u0085')).toBe('Ali[31mce');
	});

	it('removes bidi overrides, embeddings, isolates and direction marks, so "evil" cannot show as "live"', () => {
		expect(cleanText(`${RLO}live`)).toBe('live');
		expect(cleanText('a\u202Ab\u202Bc\u202Cd\u202De\u2066f\u2067g\u2068h\u2069i\u200Ej\u200Fk\u061Cl')).toBe('abcdefghijkl');
	});

	it('keeps tabs and line breaks in a multi-line field, as \\n', () => {
		expect(cleanText('one\r\ntwo\rthree\u2028four\tfive', true)).toBe('one\ntwo\nthree\nfour\tfive');
	});

	it('turns tabs and line breaks into spaces in a one-line field', () => {
		expect(cleanText('Jo\tAnn\r\nLee')).toBe('Jo Ann Lee');
	});

	it('leaves every script, emoji and joiner alone', () => {
		const text = 'Zoë Łukasz 李小龍 שלום مرحبا 👩🏽‍⚕️ <b>&amp;</b>';
		expect(cleanText(text, true)).toBe(text);
		expect(hasHiddenCharacters(text)).toBe(false);
		expect(hasHiddenCharacters(`${RLO}x`)).toBe(true);
	});
});

describe('cleaning records', () => {
	it('cleans every text field of a client, a plan and a mark and leaves the rest', () => {
		expect(cleanClient({ name: `Eve${RLO}\n`, contact: 'a\u0000b', notes: 'x\ny\u0007', figure: null })).toEqual({
			name: 'Eve ',
			contact: 'ab',
			notes: 'x\ny',
			figure: null
		});
		const plan = cleanPlan({
			...defaultPlanFields(),
			title: `T\u0000itle${RLO}`,
			clientWords: 'a\nb\u001B',
			notes: '\u2066n\u2069',
			goals: [`g${RLO}`],
			complaints: ['c\u0007'],
			techniques: ['t\u0000'],
			oil: { preference: 'o\u200F', allergies: 'nuts\u202A' },
			outcome: { done: 'd\u0000', response: 'r\r\ns', advice: 'a\u202E', after: { 16: 3 } }
		});
		expect(plan).toMatchObject({
			title: 'Title',
			clientWords: 'a\nb',
			notes: 'n',
			goals: ['g'],
			complaints: ['c'],
			techniques: ['t'],
			oil: { preference: 'o', allergies: 'nuts' },
			outcome: { done: 'd', response: 'r\ns', advice: 'a', after: { 16: 3 } }
		});
		expect(cleanMark({ note: `knot${RLO}\n\tleft`, intensity: 4 })).toEqual({ note: 'knot\n\tleft', intensity: 4 });
	});

	it('leaves a field that is not text for the validators to refuse', () => {
		expect(cleanClient({ name: 42 as unknown as string })).toEqual({ name: 42 });
		expect(cleanPlan({ outcome: null })).toEqual({ outcome: null });
	});
});
