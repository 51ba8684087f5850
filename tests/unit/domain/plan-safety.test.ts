import { describe, expect, it } from 'vitest';
import { evaluateCautions, type Answers } from '$lib/domain/cautions';
import { plannedPressure, pressureWords, wholeBodyCap } from '$lib/domain/plan-pressure';
import { positionFor, positionName } from '$lib/domain/positions';
import { prefillSoap } from '$lib/domain/record/soap';
import type { Pressure } from '$lib/domain/records';
import { codeOf } from '$lib/domain/regions';
import { positionRuns, summarisePlan } from '$lib/domain/summary';
import { ruleMark, rulePlan } from '../fixtures';

const mark = ruleMark;
const plan = rulePlan;
const areas = () => new Float64Array(81).fill(0.02);

describe('positions follow the cautions', () => {
	it('pregnant: every step of a full-body plan is side-lying or seated, never face down or face up', () => {
		const s = summarisePlan(plan({ scope: 'full', durationMin: 60, health: { pregnancy: true } }), [mark('a', { region: codeOf('lumbar-erector-l') })], areas());
		expect(s.steps.length).toBeGreaterThan(3);
		expect(new Set(s.steps.map((x) => x.position))).toEqual(new Set(['side']));
		const runs = positionRuns(s.steps);
		expect(runs.map((r) => `${positionName(r.position)} · ${r.minutes} min`)).toEqual([`Side-lying or seated · ${s.handsOn} min`]);
	});

	it('not pregnant (No or not answered): back work face down, front work face up, as before', () => {
		for (const health of [{}, { pregnancy: false }, { thinners: true }] as Answers[]) {
			const s = summarisePlan(plan({ scope: 'full', durationMin: 60, health }), [], areas());
			expect(positionRuns(s.steps).map((r) => positionName(r.position))).toEqual(['Face down', 'Face up']);
		}
	});

	it('positionFor reads the cautions, not the question', () => {
		expect(positionFor('prone', evaluateCautions({ pregnancy: true }))).toBe('side');
		expect(positionFor('supine', evaluateCautions({ pregnancy: true, thinners: true }))).toBe('side');
		expect(positionFor('prone', evaluateCautions({ osteoporosis: true }))).toBe('prone');
	});
});

describe('the session pressure as planned', () => {
	const at = (chosen: Pressure, health: Answers) => plannedPressure(chosen, evaluateCautions(health));

	it('blood thinners cap a Moderate session at Light, and say why', () => {
		const p = at(3, { thinners: true });
		expect(p).toMatchObject({ chosen: 3, level: 2, label: '2 · Light' });
		expect(pressureWords(p)).toBe('2 · Light (capped by the health check: blood thinners)');
	});

	it('pregnancy caps Deep at Moderate; the lowest cap wins and names every answer that alone sets it', () => {
		expect(pressureWords(at(5, { pregnancy: true }))).toBe('3 · Moderate (capped by the health check: pregnancy)');
		expect(pressureWords(at(5, { pregnancy: true, thinners: true, osteoporosis: true }))).toBe('2 · Light (capped by the health check: blood thinners, fragile bones)');
		expect(pressureWords(at(4, { cancer: true, thinners: true }))).toBe('1 · Gentle (capped by the health check: cancer treatment)');
	});

	it('no cap when the chosen pressure is already within it, or the cap is only on some areas', () => {
		expect(pressureWords(at(2, { thinners: true }))).toBe('2 · Light');
		expect(pressureWords(at(3, { pregnancy: true }))).toBe('3 · Moderate');
		// A recent accident caps the neck only: the session's pressure stays as chosen.
		expect(pressureWords(at(4, { accident: true }))).toBe('4 · Firm');
		expect(wholeBodyCap(evaluateCautions({ accident: true }).caps)).toBe(5);
	});

	it('At a glance, the sheet and the record prefill state the planned pressure, not the chosen one', () => {
		const p = plan({ pressure: 3, health: { thinners: true } });
		const marks = [mark('a', {}), mark('b', { region: codeOf('lumbar-erector-l') })];
		const s = summarisePlan(p, marks, areas());
		expect(s.pressureLabel).toBe('2 · Light');
		expect(s.pressureText).toBe('2 · Light (capped by the health check: blood thinners)');
		expect(s.steps.every((x) => x.pressureLabel === '2 · Light')).toBe(true);
		const soap = prefillSoap(p, marks, areas());
		expect(soap.pressure).toBe('2 · Light (capped by the health check: blood thinners)');
		// Every area at the planned pressure: none repeats it.
		expect(soap.areas.every((a) => !a.includes('pressure'))).toBe(true);
	});

	it('the prefill still says "lighter on some areas" when one area is below the planned pressure', () => {
		const p = plan({ pressure: 4 });
		const soap = prefillSoap(p, [mark('a', { pressure: 2 }), mark('b', { region: codeOf('lumbar-erector-l') })], areas());
		expect(soap.pressure).toBe('4 · Firm, lighter on some areas (see areas treated)');
	});
});

describe('numbness marked, and the client’s answer to the nerve question', () => {
	const hand = codeOf('hand-r');
	const marks = [{ region: hand, sensation: 'numbness' as const, intensity: 5 }];

	it('an explicit No: a caution (gently there), not a red flag', () => {
		const r = evaluateCautions({ nerve: false }, marks);
		expect(r.seeProfessional).toBe(false);
		const c = r.cautions.find((x) => x.id === 'numbness-marks')!;
		expect(c.redFlag).toBe(false);
		expect(c.text).toMatch(/reason the client knows/);
		expect(c.text).toContain('light pressure at most (2 · Light)');
		expect(r.caps.get(hand)).toBe(2);
		expect(r.avoid.has(hand)).toBe(false);
	});

	it('an explicit No: the place is not flagged nor left out (flagged holds it only for unanswered or Yes)', () => {
		expect(evaluateCautions({ nerve: false }, marks).flagged.size).toBe(0);
		expect([...evaluateCautions({}, marks).flagged]).toEqual([hand]);
		expect([...evaluateCautions({ nerve: true }, marks).flagged]).toEqual([hand]);
	});

	it('not answered: the red flag stays (the reason is unknown)', () => {
		const r = evaluateCautions({}, marks);
		expect(r.seeProfessional).toBe(true);
		expect(r.cautions.find((x) => x.id === 'numbness-marks')!.redFlag).toBe(true);
	});

	it('Yes: the nerve question’s own red flag, once', () => {
		const r = evaluateCautions({ nerve: true }, marks);
		expect(r.seeProfessional).toBe(true);
		expect(r.cautions.filter((x) => x.redFlag).map((x) => x.id)).toEqual(['nerve']);
	});

	it('an explicit No still plans the numb area, gently, in the timed plan', () => {
		const s = summarisePlan(plan({ health: { nerve: false } }), [mark('a', { region: hand, sensation: 'numbness', intensity: 5 })], areas());
		expect(s.seeProfessional).toBe(false);
		expect(s.hold).toBeNull();
		expect(s.steps.find((x) => x.region === hand)).toMatchObject({ pressureLabel: '2 · Light' });
	});
});
