import { describe, expect, it } from 'vitest';
import { compareNames, prepareListFormats } from '$lib/domain/collate';
import { formatDate } from '$lib/domain/dates';

describe('collate', () => {
	it('names sort as a person reads them: case and accents aside', () => {
		const names = ['zoe Park', 'Åsa Berg', 'adam Lee', 'Ben Ode', 'anna Kim'];
		expect([...names].sort(compareNames)).toEqual(['adam Lee', 'anna Kim', 'Åsa Berg', 'Ben Ode', 'zoe Park']);
		expect(compareNames('Anna', 'anna')).toBe(0);
		expect(compareNames('Ana', 'Ána')).toBe(0);
	});

	it('making the formats ahead changes nothing shown', () => {
		const before = formatDate('2026-11-02');
		prepareListFormats();
		expect(formatDate('2026-11-02')).toBe(before);
		expect(formatDate('2026-11-02', 'en-US')).toBe('Nov 2, 2026');
		expect(formatDate('2026-11-02', 'de-DE')).toBe('2. Nov. 2026');
	});
});
