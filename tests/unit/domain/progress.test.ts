import { describe, expect, it } from 'vitest';
import { chronological, latestSession, progressChart, sessionRows } from '$lib/domain/progress';
import { defaultPlanFields, type Mark, type Plan } from '$lib/domain/records';
import { codeOf } from '$lib/domain/regions';
import { markRecord } from '../fixtures';

const TRAP = codeOf('upper-trapezius-r');
const LOW = codeOf('lumbar-erector-l');
const CALF = codeOf('gastrocnemius-l');
const area = () => 0.01;

function plan(id: string, date: string, over: Partial<Plan> = {}): Plan {
	return { ...defaultPlanFields(), id, clientId: 'c', date, title: id, createdAt: 1, updatedAt: 1, ...over };
}
let n = 0;
function mark(planId: string, region: number, intensity: number, over: Partial<Mark> = {}): Mark {
	n++;
	return markRecord(`m${n}`, planId, { region, sensation: 'aching', intensity, createdAt: n, updatedAt: n, ...over });
}

describe('sessions list', () => {
	it('lists sessions newest first with their felt areas strongest first and unconfirmed marks counted', () => {
		const plans = [plan('one', '2026-10-01'), plan('three', '2026-11-01'), plan('two', '2026-10-15')];
		const marks = [
			mark('one', TRAP, 3),
			mark('one', LOW, 8),
			mark('one', CALF, 0),
			mark('three', TRAP, 6, { carried: true }),
			mark('three', LOW, 2)
		];
		const rows = sessionRows(plans, marks, area);
		expect(rows.map((r) => r.plan.id)).toEqual(['three', 'two', 'one']);
		expect(rows[2].focus.map((f) => [f.label, f.intensity])).toEqual([
			['Left low back beside the spine', 8],
			['Right top of the shoulder (upper trapezius)', 3]
		]);
		// The carried mark waits for confirmation: not a focus yet, but counted as waiting.
		expect(rows[0].focus.map((f) => f.region)).toEqual([LOW]);
		expect(rows[0].carried).toBe(1);
		expect(rows[1]).toMatchObject({ focus: [], carried: 0 });
	});

	it('orders by date, then by when the plan was made; the latest is where a follow-up starts', () => {
		const a = plan('a', '2026-10-01', { createdAt: 5 });
		const b = plan('b', '2026-10-01', { createdAt: 2 });
		const c = plan('c', '2026-09-01', { createdAt: 9 });
		expect(chronological([a, b, c]).map((p) => p.id)).toEqual(['c', 'b', 'a']);
		expect(latestSession([a, b, c])?.id).toBe('a');
		expect(latestSession([])).toBeNull();
	});
});

describe('progress chart', () => {
	it('gives each felt area a value per session, oldest first: a gap where nobody marked it, 0 only on a "no pain today" session', () => {
		const plans = [
			plan('s3', '2026-11-01'),
			plan('s1', '2026-10-01'),
			plan('s2', '2026-10-15'), // nothing marked: not mapped
			plan('s4', '2026-11-15', { noPain: true }) // mapped: nothing felt
		];
		const marks = [mark('s1', TRAP, 7), mark('s1', LOW, 4), mark('s3', TRAP, 3), mark('s3', CALF, 5), mark('s4', TRAP, 9)];
		const chart = progressChart(plans, marks, area);
		expect(chart.sessions.map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4']);
		expect(chart.series.map((s) => [s.region, s.values, s.peak])).toEqual([
			[TRAP, [7, null, 3, 0], 7],
			[CALF, [null, null, 5, 0], 5],
			[LOW, [4, null, null, 0], 4]
		]);
		expect(chart.hidden).toBe(0);
	});

	it('keeps the chart readable: the highest peaks, and how many areas were left out', () => {
		const plans = [plan('s1', '2026-10-01'), plan('s2', '2026-10-08')];
		const marks = [mark('s1', TRAP, 2), mark('s2', TRAP, 2), mark('s1', LOW, 2), mark('s1', CALF, 9)];
		const chart = progressChart(plans, marks, area, 2);
		// TRAP and LOW tie on peak; TRAP was felt in more sessions.
		expect(chart.series.map((s) => s.region)).toEqual([CALF, TRAP]);
		expect(chart.hidden).toBe(1);
	});

	it('a session that mapped only the low back says nothing of the neck: not asked, not recovered; an area marked at 0 is a real 0', () => {
		const plans = [plan('neck', '2026-10-01'), plan('back', '2026-11-02'), plan('both', '2026-11-30')];
		const marks = [mark('neck', TRAP, 6), mark('back', LOW, 7), mark('both', TRAP, 0), mark('both', LOW, 3)];
		const chart = progressChart(plans, marks, area);
		expect(Object.fromEntries(chart.series.map((s) => [s.region, s.values]))).toEqual({ [TRAP]: [6, null, 0], [LOW]: [null, 7, 3] });
	});

	it('a follow-up: a mark carried over and kept (its intensity changed) is that session’s value', () => {
		const plans = [plan('s1', '2026-10-01'), plan('s2', '2026-10-08')];
		const chart = progressChart(plans, [mark('s1', TRAP, 6), mark('s1', LOW, 5), mark('s2', TRAP, 2, { carried: false }), mark('s2', LOW, 5, { carried: true })], area);
		expect(Object.fromEntries(chart.series.map((s) => [s.region, s.values]))).toEqual({ [TRAP]: [6, 2], [LOW]: [5, null] });
	});

	it('a follow-up: an area cleared from "still there?" is a real 0; one still waiting there is not asked yet; another session’s area stays a gap', () => {
		const plans = [plan('s1', '2026-10-01'), plan('s2', '2026-10-08', { followsFrom: 's1' }), plan('s3', '2026-10-15')];
		const marks = [mark('s1', TRAP, 6), mark('s1', LOW, 5), mark('s1', CALF, 4), mark('s2', TRAP, 3), mark('s2', LOW, 5, { carried: true }), mark('s3', TRAP, 2)];
		// The calf was cleared in s2 (its copy removed); s3 is no follow-up, so it says nothing of the calf.
		const chart = progressChart(plans, marks, area);
		expect(Object.fromEntries(chart.series.map((s) => [s.region, s.values]))).toEqual({ [TRAP]: [6, 3, 2], [LOW]: [5, null, null], [CALF]: [4, 0, null] });
		// The plan it followed since deleted: nothing to go by, so not asked.
		const orphan = progressChart([plan('s2', '2026-10-08', { followsFrom: 'gone' })], [mark('s2', TRAP, 3)], area);
		expect(orphan.series[0].values).toEqual([3]);
	});

	it('leaves out unconfirmed carried marks, so an untouched follow-up is not yet a data point', () => {
		const plans = [plan('s1', '2026-10-01'), plan('s2', '2026-10-08')];
		const chart = progressChart(plans, [mark('s1', TRAP, 6), mark('s2', TRAP, 6, { carried: true })], area);
		expect(chart.series[0].values).toEqual([6, null]);
	});
});
