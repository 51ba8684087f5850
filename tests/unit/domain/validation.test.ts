import { describe, expect, it } from 'vitest';
import { validateClient, validatePlan, LIMITS } from '$lib/domain/validation';
import { today } from '$lib/domain/records';

describe('validation', () => {
	it('requires a name and limits lengths', () => {
		expect(validateClient({ name: 'Kim' })).toEqual({});
		expect(validateClient({ name: ' ' }).name).toBe('Please enter a name.');
		expect(validateClient({ name: 'x'.repeat(LIMITS.name + 1) }).name).toMatch(/too long/);
		expect(validateClient({ name: 'Kim', notes: 'x'.repeat(LIMITS.notes + 1) }).notes).toMatch(/too long/);
	});

	it('accepts real calendar dates only', () => {
		expect(validatePlan({ title: 'T', date: '2026-02-28' })).toEqual({});
		expect(validatePlan({ title: 'T', date: '2026-13-01' }).date).toBeDefined();
		expect(validatePlan({ title: 'T', date: 'yesterday' }).date).toBeDefined();
		expect(validatePlan({ title: '', date: '2026-02-28' }).title).toBe('Please enter a title.');
	});

	it('formats today as a local calendar date', () => {
		expect(today(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
	});
});
