import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatDate, formatDateTime, formatShortDate, isoDayOf } from '$lib/domain/dates';

describe('dates', () => {
	it('a plan day reads the same way everywhere, in the given language', () => {
		expect(formatDate('2026-11-29', 'en-US')).toBe('Nov 29, 2026');
		expect(formatDate('2026-11-29', 'de-DE')).toBe('29. Nov. 2026');
		expect(formatShortDate('2026-11-29', 'en-US')).toBe('Nov 29');
		expect(formatDate('')).toBe('No date');
		expect(formatDate('not a day')).toBe('not a day');
	});

	it('a moment shows its day exactly as a plan day, then the time', () => {
		const ms = new Date(2026, 10, 29, 16, 5).getTime();
		expect(isoDayOf(ms)).toBe('2026-11-29');
		expect(formatDateTime(ms, 'en-US')).toBe('Nov 29, 2026, 4:05 PM');
		expect(formatDateTime(ms, 'en-US').startsWith(formatDate(isoDayOf(ms), 'en-US'))).toBe(true);
	});

	it('no page formats a date itself: every date goes through domain/dates', () => {
		const files: string[] = [];
		const walk = (dir: string) => {
			for (const f of readdirSync(dir)) {
				const p = join(dir, f);
				if (statSync(p).isDirectory()) walk(p);
				else if (/\.(ts|svelte)$/.test(f) && !p.endsWith(join('domain', 'dates.ts'))) files.push(p);
			}
		};
		walk('src');
		const offenders = files.filter((p) => /toLocaleDateString|toLocaleTimeString|\)\.toLocaleString\(undefined|Intl\.DateTimeFormat|toISOString\(\)\.slice/.test(readFileSync(p, 'utf8')));
		expect(offenders).toEqual([]);
	});
});
