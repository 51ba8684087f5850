import { describe, expect, it } from 'vitest';
import { addYears, ageOn, canDelete, DEFAULT_RETENTION, retentionRule, retentionUntil, RETENTION_RULES, treatmentDay } from '$lib/domain/record/retention';

const at = (y: number, m: number, d: number) => new Date(y, m - 1, d, 10).getTime();
const rec = (day: number, status: 'draft' | 'locked' = 'locked') => ({ status, startedAt: day, endedAt: day + 3_600_000, createdAt: day - 86_400_000 });
const adult = { dateOfBirth: '1980-04-23' };
const unknown = { dateOfBirth: null };

describe('dates for retention', () => {
	it('adds years by the calendar; 29 February goes to 1 March, never earlier', () => {
		expect(addYears('2026-12-03', 7)).toBe('2033-12-03');
		expect(addYears('2024-02-29', 7)).toBe('2031-03-01');
		expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
		expect(addYears('2026-02-30', 1)).toBeNull();
		expect(addYears('3 Dec 2026', 1)).toBeNull();
	});

	it('counts age in whole years, the birthday itself included', () => {
		expect(ageOn('2008-12-03', '2026-12-02')).toBe(17);
		expect(ageOn('2008-12-03', '2026-12-03')).toBe(18);
		expect(ageOn(null, '2026-12-03')).toBeNull();
		expect(ageOn('2030-01-01', '2026-12-03')).toBeNull();
		expect(ageOn('not a day', '2026-12-03')).toBeNull();
	});

	it('the treatment day is the end, else the start, else when the draft was made', () => {
		expect(treatmentDay({ startedAt: at(2026, 12, 3), endedAt: at(2026, 12, 4), createdAt: 0 })).toBe('2026-12-04');
		expect(treatmentDay({ startedAt: at(2026, 12, 3), endedAt: null, createdAt: 0 })).toBe('2026-12-03');
		expect(treatmentDay({ startedAt: null, endedAt: null, createdAt: at(2026, 1, 2) })).toBe('2026-01-02');
	});
});

describe('retentionUntil', () => {
	it('keeps an adult’s record 7 years from the treatment by default', () => {
		const r = retentionUntil(rec(at(2026, 12, 3)), adult, DEFAULT_RETENTION, 'en-US');
		expect(r).toEqual({ until: '2033-12-03', why: 'Kept until Dec 3, 2033: 7 years after the treatment on Dec 3, 2026.', birthUnknown: false });
	});

	it('keeps a minor’s record until they turn 25 when that is later', () => {
		const r = retentionUntil(rec(at(2026, 12, 3)), { dateOfBirth: '2015-06-01' }, DEFAULT_RETENTION, 'en-US');
		expect(r.until).toBe('2040-06-01');
		expect(r.why).toBe('Kept until Jun 1, 2040: the client was under 18 at the treatment, so the record is kept until they turn 25.');
	});

	it('uses 7 years for a 17-year-old whose 25th birthday comes sooner', () => {
		expect(retentionUntil(rec(at(2026, 12, 3)), { dateOfBirth: '2009-01-01' }).until).toBe('2034-01-01');
		expect(retentionUntil(rec(at(2026, 12, 3)), { dateOfBirth: '2009-12-04' }).until).toBe('2034-12-04');
		// 18 on the day: an adult.
		expect(retentionUntil(rec(at(2026, 12, 3)), { dateOfBirth: '2008-12-03' }).until).toBe('2033-12-03');
	});

	it('says when the date of birth is unknown that a minor’s record would be kept longer', () => {
		const r = retentionUntil(rec(at(2026, 12, 3)), unknown, DEFAULT_RETENTION, 'en-US');
		expect(r.birthUnknown).toBe(true);
		expect(r.why).toContain('The date of birth is not recorded: if the client was under 18, keep it until they turn 25.');
	});

	it('follows the clinic’s rule; an unknown rule falls back to the default', () => {
		expect(retentionUntil(rec(at(2026, 12, 3)), adult, retentionRule('ten-years')).until).toBe('2036-12-03');
		expect(retentionUntil(rec(at(2026, 12, 3)), { dateOfBirth: '2015-06-01' }, retentionRule('ten-years')).until).toBe('2043-06-01');
		expect(retentionRule('made-up')).toBe(DEFAULT_RETENTION);
		expect(retentionRule({ toString: () => 'seven-years' })).toBe(DEFAULT_RETENTION);
	});

	it('no rule keeps records for less than the default', () => {
		for (const r of RETENTION_RULES) {
			expect(r.years).toBeGreaterThanOrEqual(DEFAULT_RETENTION.years);
			expect(r.minorUntilAge).toBeGreaterThanOrEqual(DEFAULT_RETENTION.minorUntilAge);
			expect(r.explain).not.toMatch(/legal advice|you must by law/i);
		}
		expect(new Set(RETENTION_RULES.map((r) => r.id)).size).toBe(RETENTION_RULES.length);
	});
});

describe('canDelete', () => {
	const treated = at(2026, 12, 3);

	it('refuses a signed record before its period ends, and says until when', () => {
		const c = canDelete([rec(treated)], adult, DEFAULT_RETENTION, '2030-01-01', 'en-US');
		expect(c).toEqual({
			allowed: false,
			needsReason: false,
			reasons: ['A signed record cannot be deleted before its keeping period ends. Kept until Dec 3, 2033: 7 years after the treatment on Dec 3, 2026.']
		});
	});

	it('allows a draft inside its period only with a reason and a warning', () => {
		const c = canDelete([rec(treated, 'draft')], adult, DEFAULT_RETENTION, '2030-01-01', 'en-US');
		expect(c.allowed).toBe(true);
		expect(c.needsReason).toBe(true);
		expect(c.reasons[0]).toMatch(/^Treatment records must be kept\. Kept until Dec 3, 2033.*needs a reason/);
	});

	it('allows deleting freely from the first day after the period', () => {
		expect(canDelete([rec(treated)], adult, DEFAULT_RETENTION, '2033-12-03')).toEqual({ allowed: true, needsReason: false, reasons: [] });
		expect(canDelete([rec(treated)], adult, DEFAULT_RETENTION, '2033-12-02').allowed).toBe(false);
	});

	it('a client is held back by their latest signed record; a minor by age 25', () => {
		const records = [rec(at(2015, 1, 1)), rec(treated, 'draft'), rec(at(2020, 5, 5))];
		expect(canDelete(records, adult, DEFAULT_RETENTION, '2027-01-01', 'en-US')).toMatchObject({ allowed: false, reasons: [expect.stringContaining('Kept until May 5, 2027'), expect.stringContaining('Dec 3, 2033')] });
		expect(canDelete(records, adult, DEFAULT_RETENTION, '2028-01-01')).toMatchObject({ allowed: true, needsReason: true });
		const minor = { dateOfBirth: '2012-03-04' };
		expect(canDelete([rec(at(2020, 5, 5))], minor, DEFAULT_RETENTION, '2036-01-01').allowed).toBe(false);
		expect(canDelete([rec(at(2020, 5, 5))], minor, DEFAULT_RETENTION, '2037-03-04').allowed).toBe(true);
		expect(canDelete([], adult, DEFAULT_RETENTION, '2026-01-01')).toEqual({ allowed: true, needsReason: false, reasons: [] });
	});
});
