import { describe, expect, it } from 'vitest';
import { validateMark, NOTE_MAX, type MarkInput } from '$lib/domain/marks';
import { codeOf } from '$lib/domain/regions';
import {
	SENSATION_INFO,
	intensityWords,
	markStrength,
	regionTints,
	strongestOn,
	markRegions,
	byAuthor,
	sensationInfo
} from '$lib/domain/sensations';
import { SENSATIONS, type Mark } from '$lib/domain/records';
import { markInput } from '../fixtures';

const input = (over: Partial<MarkInput> = {}): MarkInput => markInput({ region: codeOf('upper-trapezius-l'), ...over });

describe('validateMark', () => {
	it('accepts a complete mark, surface or deep with one of the region’s deep structures', () => {
		expect(validateMark(input())).toEqual({});
		expect(validateMark(input({ depth: 'deep', structure: 'supraspinatus', pressure: 2 }))).toEqual({});
		expect(validateMark(input({ depth: 'deep', structure: null, intensity: 0, author: 'therapist' }))).toEqual({});
	});

	it('refuses an unknown region or sensation', () => {
		expect(validateMark(input({ region: 0 }))).toHaveProperty('region');
		expect(validateMark(input({ region: 81 }))).toHaveProperty('region');
		expect(validateMark(input({ sensation: 'itchy' as never }))).toHaveProperty('sensation');
	});

	it('wants a whole intensity from 0 to 10', () => {
		for (const bad of [-1, 11, 3.5, NaN]) expect(validateMark(input({ intensity: bad }))).toHaveProperty('intensity');
		for (const ok of [0, 10]) expect(validateMark(input({ intensity: ok }))).toEqual({});
	});

	it('names a deep structure only when deep, and only one of this region’s', () => {
		expect(validateMark(input({ structure: 'supraspinatus' }))).toHaveProperty('structure');
		expect(validateMark(input({ depth: 'deep', structure: 'soleus' }))).toHaveProperty('structure');
		expect(validateMark(input({ region: codeOf('knee-l'), depth: 'deep', structure: 'soleus' }))).toHaveProperty('structure');
		expect(validateMark(input({ depth: 'middle' as never }))).toHaveProperty('depth');
	});

	it('checks pressure, note length and author', () => {
		expect(validateMark(input({ pressure: 0 as never }))).toHaveProperty('pressure');
		expect(validateMark(input({ pressure: 6 as never }))).toHaveProperty('pressure');
		expect(validateMark(input({ pressure: 5 }))).toEqual({});
		expect(validateMark(input({ note: 'x'.repeat(NOTE_MAX) }))).toEqual({});
		expect(validateMark(input({ note: 'x'.repeat(NOTE_MAX + 1) }))).toHaveProperty('note');
		expect(validateMark(input({ author: 'friend' as never }))).toHaveProperty('author');
	});
});

describe('sensations', () => {
	it('gives every sensation plain words and its own colour and symbol', () => {
		expect(SENSATION_INFO.map((s) => s.id)).toEqual([...SENSATIONS]);
		expect(new Set(SENSATION_INFO.map((s) => s.colour.toLowerCase())).size).toBe(SENSATIONS.length);
		expect(new Set(SENSATION_INFO.map((s) => s.symbol)).size).toBe(SENSATIONS.length);
		expect(sensationInfo('knot').label).toBe('Knot or trigger point');
		expect(sensationInfo('avoid').label).toBe('Do not touch');
	});

	it('words the rating scale and draws stronger for higher intensity', () => {
		expect([0, 2, 5, 8, 10].map(intensityWords)).toEqual(['none', 'mild', 'moderate', 'severe', 'worst imaginable']);
		const s = (intensity: number) => markStrength({ sensation: 'aching', intensity });
		expect(s(0)).toBeGreaterThan(0);
		expect(s(7)).toBeGreaterThan(s(3));
		expect(s(10)).toBeLessThanOrEqual(1);
		expect(markStrength({ sensation: 'avoid', intensity: 0 })).toBeGreaterThanOrEqual(s(10));
	});
});

describe('regionTints', () => {
	const mark = (id: string, over: Partial<Mark>): Mark => ({
		id,
		planId: 'p',
		region: 1,
		patch: null,
		sensation: 'tension',
		intensity: 3,
		depth: 'surface',
		structure: null,
		pressure: null,
		note: '',
		author: 'client',
		createdAt: 0,
		updatedAt: 0,
		...over
	});

	it('keeps the strongest mark per region, with "do not touch" first', () => {
		const tints = regionTints([
			mark('a', { intensity: 3 }),
			mark('b', { intensity: 8, sensation: 'sharp' }),
			mark('c', { region: 2, intensity: 9 }),
			mark('d', { region: 2, intensity: 0, sensation: 'avoid' }),
			mark('e', { region: null, intensity: 10 })
		]);
		expect(tints.map((t) => [t.region, t.markId])).toEqual([
			[1, 'b'],
			[2, 'd']
		]);
		expect(tints[0].colour).toBe(sensationInfo('sharp').colour);
	});

	it('a painted mark tints every region it covers, unless it is drawn as paint on this model', () => {
		const patch = { modelVersion: 'old', vertices: Uint32Array.from([1]), weights: Uint8Array.from([255]), regions: [{ region: 5, area: 40 }, { region: 6, area: 10 }] };
		const painted = mark('p', { region: 5, patch, intensity: 9 });
		const tapped = mark('t', { region: 6, intensity: 2 });
		expect(regionTints([painted, tapped]).map((t) => [t.region, t.markId])).toEqual([
			[5, 'p'],
			[6, 'p']
		]);
		expect(regionTints([painted, tapped], (m) => m.patch?.modelVersion === 'old').map((t) => [t.region, t.markId])).toEqual([[6, 't']]);
	});

	it('finds the strongest mark on a region, painted or tapped', () => {
		const patch = { modelVersion: 'v', vertices: Uint32Array.from([1]), weights: Uint8Array.from([255]), regions: [{ region: 7, area: 40 }, { region: 8, area: 10 }] };
		const marks = [mark('t', { region: 8, intensity: 4 }), mark('p', { region: 7, patch, intensity: 6 })];
		expect(strongestOn(8, marks)?.id).toBe('p');
		expect(strongestOn(7, marks)?.id).toBe('p');
		expect(strongestOn(9, marks)).toBeUndefined();
		expect(markRegions(marks[1])).toEqual([7, 8]);
	});

	it('filters by author', () => {
		const marks = [mark('a', { author: 'client' }), mark('b', { author: 'therapist' })];
		expect(marks.filter(byAuthor('both')).length).toBe(2);
		expect(marks.filter(byAuthor('therapist')).map((m) => m.id)).toEqual(['b']);
	});
});
