import { describe, expect, it } from 'vitest';
import { newDraft } from '$lib/domain/record/lifecycle';
import { asStoredForm, clockOf, linesText, minutesBetween, recordForm, staleFields, textLines, withClock } from '$lib/domain/record/form';
import { RECORD_FIELDS } from '$lib/domain/record/types';

const draft = () => {
	const r = newDraft({ id: 'r1', planId: 'p1', clientId: 'c1' }, 60, { s: 'Sore neck', areas: ['Neck, 10 min'], techniques: ['Effleurage'], pressure: 'Medium' }, 1000);
	return { ...r, soap: { ...r.soap, o: { general: 'Tight', regions: { 5: 'Tender' } }, p: { homeCare: 'Heat', nextSession: '', referral: '' } } };
};

describe('the record form', () => {
	it('holds every editable field flat, with the id and version', () => {
		const f = recordForm(draft());
		expect(Object.keys(f).sort()).toEqual(['id', 'updatedAt', ...RECORD_FIELDS].sort());
		expect(f).toMatchObject({ id: 'r1', updatedAt: 1000, s: 'Sore neck', oGeneral: 'Tight', oRegions: { 5: 'Tender' }, homeCare: 'Heat', areas: ['Neck, 10 min'], pressure: 'Medium', startedAt: null });
	});

	it('names the fields stored differently from what the form last saw, and none when they match', () => {
		const r = draft();
		expect(staleFields(r, { s: 'Sore neck', areas: ['Neck, 10 min'], oRegions: { 5: 'Tender' } })).toEqual([]);
		expect(staleFields(r, { s: 'Sore back', a: '' })).toEqual(['s']);
		expect(staleFields(r, { startedAt: 5 })).toEqual(['startedAt']);
	});

	it('cleans text as the store keeps it (hidden characters out)', () => {
		expect(asStoredForm({ s: 'a\u202eb', areas: ['x\u0000'] })).toEqual({ s: 'ab', areas: ['x'] });
	});
});

describe('times of day', () => {
	it('reads and sets a time on the session day, local time, whole minutes', () => {
		const base = new Date(2026, 11, 3, 9, 7, 42).getTime();
		expect(clockOf(base)).toBe('09:07');
		expect(clockOf(null)).toBe('');
		expect(withClock(base, '10:45', '')).toBe(new Date(2026, 11, 3, 10, 45).getTime());
		expect(withClock(null, '7:05', '2026-12-04')).toBe(new Date(2026, 11, 4, 7, 5).getTime());
	});
	it('gives null for an empty or impossible time', () => {
		expect(withClock(0, '', '2026-12-04')).toBeNull();
		expect(withClock(0, '24:00', '2026-12-04')).toBeNull();
		expect(withClock(0, '10:60', '2026-12-04')).toBeNull();
		expect(withClock(0, 'ten', '2026-12-04')).toBeNull();
	});
	it('counts the minutes of a session, none when the end comes first', () => {
		expect(minutesBetween(0, 55 * 60_000)).toBe(55);
		expect(minutesBetween(60_000, 0)).toBeNull();
		expect(minutesBetween(null, 0)).toBeNull();
	});
});

describe('lists as lines', () => {
	it('one item a line, blank lines and edge spaces left out', () => {
		expect(textLines(' Neck \n\n  Back\r\nShoulders ')).toEqual(['Neck', 'Back', 'Shoulders']);
		expect(linesText(['Neck', 'Back'])).toBe('Neck\nBack');
		expect(linesText(null)).toBe('');
	});
});
