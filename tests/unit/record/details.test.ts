import { describe, expect, it } from 'vitest';
import { ageWords, detailsAsStored, detailsForForm, detailsNeeds, detailsSummary, emptyClientDetails, isMinor } from '$lib/domain/record/details';
import { keptSessions, readReason } from '$lib/domain/record/deletion';

describe('client details for the form', () => {
	it('shows the age, and under 18 for a minor, on the day asked', () => {
		expect(ageWords('2010-04-03', '2026-04-02', 'en-AU')).toBe('Born 3 Apr 2010, age 15 (under 18)');
		expect(ageWords('2008-04-03', '2026-04-03', 'en-AU')).toBe('Born 3 Apr 2008, age 18');
		expect(ageWords(null, '2026-04-03')).toBe('');
		expect(ageWords('2030-01-01', '2026-04-03')).toBe('');
		expect(isMinor('2008-04-04', '2026-04-03')).toBe(true);
		expect(isMinor(null, '2026-04-03')).toBe(false);
	});

	it('keeps a blank person and an empty date as none, and gives the form an object to type into', () => {
		expect(detailsAsStored({ guardian: { name: '', relationship: ' ', phone: '' }, dateOfBirth: '' })).toEqual({ guardian: null, dateOfBirth: null });
		expect(detailsAsStored({ emergencyContact: { name: 'Jo', relationship: '', phone: '' } })).toEqual({ emergencyContact: { name: 'Jo', relationship: '', phone: '' } });
		expect(detailsAsStored({ occupation: 'Nurse' })).toEqual({ occupation: 'Nurse' });
		const form = detailsForForm(emptyClientDetails());
		expect(form.guardian).toEqual({ name: '', relationship: '', phone: '' });
		expect(detailsAsStored(form)).toEqual(emptyClientDetails());
	});

	it('asks for a guardian only for a minor without one', () => {
		const d = { ...emptyClientDetails(), dateOfBirth: '2012-01-01' };
		expect(detailsNeeds(d, '2026-01-01')).toEqual([expect.stringMatching(/under 18 needs a parent or guardian/)]);
		expect(detailsNeeds({ ...d, guardian: { name: 'Sam', relationship: '', phone: '' } }, '2026-01-01')).toEqual([]);
		expect(detailsNeeds(d, '2030-01-01')).toEqual([]);
	});

	it('sums up each group in a line, empty groups as nothing', () => {
		const s = detailsSummary({ ...emptyClientDetails(), dateOfBirth: '1980-04-23', occupation: 'Nurse', allergies: 'Nut oils\nLatex', pregnancy: 'yes', pregnancyNote: '20 weeks', emergencyContact: { name: 'Jo', relationship: 'Partner', phone: '0400' } });
		expect(s).toEqual({ personal: 'Nurse', contacts: 'Emergency: Jo · Partner · 0400', health: 'Allergies: Nut oils · Pregnant: 20 weeks', guardian: '' });
	});
});

describe('deletion: what counts and the reason', () => {
	it('counts recorded sessions and sessions that took place, not plans never carried out', () => {
		const plans = [
			{ id: 'a', date: '2026-01-05', status: 'draft' as const, outcome: null },
			{ id: 'b', date: '2026-01-06', status: 'done' as const, outcome: null },
			{ id: 'c', date: '2026-01-07', status: 'planned' as const, outcome: { done: '', response: '', advice: '', after: {} } },
			{ id: 'd', date: '2026-01-08', status: 'draft' as const, outcome: null }
		];
		const records = [{ planId: 'd', status: 'draft' as const, startedAt: null, endedAt: 5, createdAt: 1 }, { planId: 'zz', status: 'locked' as const, startedAt: null, endedAt: null, createdAt: 1 }];
		const kept = keptSessions(plans, records);
		expect(kept).toHaveLength(3);
		expect(kept[0]).toMatchObject({ status: 'draft', endedAt: null });
		expect(new Date(kept[0].createdAt).getDate()).toBe(6);
		expect(kept[2]).toMatchObject({ status: 'draft', endedAt: 5 });
		// A row carrying a hash counts as signed whatever its status says.
		expect(keptSessions([plans[3]], [{ ...records[0], hash: 'x' } as never])[0].status).toBe('locked');
	});

	it('wants a real reason, cleaned and capped', () => {
		expect(readReason('  Client moved\u202e to another clinic ')).toEqual({ ok: true, value: "Client moved to another clinic" });
		expect(readReason('ok')).toMatchObject({ ok: false, problem: expect.stringMatching(/Please give a reason/) });
		expect(readReason(undefined)).toMatchObject({ ok: false });
		expect(readReason('a'.repeat(1001))).toMatchObject({ ok: false, problem: expect.stringMatching(/too long/) });
	});
});
