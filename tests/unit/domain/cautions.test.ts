import { describe, expect, it } from 'vitest';
import { capWords, evaluateCautions, HEALTH_QUESTIONS, SEE_PROFESSIONAL, SEE_PROFESSIONAL_CLIENT } from '$lib/domain/cautions';
import { pressureName } from '$lib/domain/pressure';
import { codeOf, REGIONS } from '$lib/domain/regions';

describe('evaluateCautions', () => {
	it('no answers and no marks: no cautions, caps or avoid-zones', () => {
		const r = evaluateCautions({});
		expect(r).toMatchObject({ cautions: [], seeProfessional: false });
		expect(r.caps.size).toBe(0);
		expect(r.avoid.size).toBe(0);
	});

	it('blood thinners and osteoporosis cap every region at light pressure, no red flag', () => {
		for (const id of ['thinners', 'osteoporosis']) {
			const r = evaluateCautions({ [id]: true });
			expect(r.seeProfessional).toBe(false);
			expect(REGIONS.every((reg) => r.caps.get(reg.code) === 2)).toBe(true);
		}
	});

	it('recent whiplash: gentle only on the neck and upper shoulders, and see a professional', () => {
		const r = evaluateCautions({ accident: true });
		expect(r.seeProfessional).toBe(true);
		expect(r.caps.get(codeOf('back-of-neck-l'))).toBe(1);
		expect(r.caps.get(codeOf('upper-trapezius-r'))).toBe(1);
		expect(r.caps.get(codeOf('hamstrings-l'))).toBeUndefined();
	});

	it('a caution that caps every region says the same pressure as its cap (one rule, one wording)', () => {
		for (const q of HEALTH_QUESTIONS) {
			const r = evaluateCautions({ [q.id]: true });
			const caps = new Set(REGIONS.map((reg) => r.caps.get(reg.code)));
			if (caps.size !== 1 || caps.has(undefined)) continue;
			const level = [...caps][0]!;
			const text = r.cautions.map((c) => c.text).join(' ').toLowerCase();
			expect(text, q.id).toContain(pressureName(level).toLowerCase());
			for (const other of [1, 2, 3, 4, 5] as const) if (other !== level) expect(text, q.id).not.toContain(pressureName(other).toLowerCase() + ' pressure');
		}
		const clot = evaluateCautions({ clot: true });
		expect(clot.caps.get(codeOf('back-of-neck-l'))).toBe(2);
		expect(clot.cautions[0].text).toContain(capWords(2));
		expect(capWords(2)).toBe('light pressure at most (2 · Light)');
	});

	it('the red-flag line speaks to its reader: the therapist of the client, the client to "you"', () => {
		expect(SEE_PROFESSIONAL).toMatch(/^Ask the client to see a medical professional/);
		expect(SEE_PROFESSIONAL).not.toMatch(/\byou\b/i);
		expect(SEE_PROFESSIONAL_CLIENT).toMatch(/^Please see a medical professional.*right for you now/);
	});

	it('pregnancy avoids the abdomen and caps at moderate', () => {
		const r = evaluateCautions({ pregnancy: true });
		expect(r.avoid.has(codeOf('abdominals-l'))).toBe(true);
		expect(r.caps.get(codeOf('hamstrings-l'))).toBe(3);
	});

	it('the strictest cap wins when several apply', () => {
		const r = evaluateCautions({ pregnancy: true, thinners: true, accident: true });
		expect(r.caps.get(codeOf('back-of-neck-l'))).toBe(1);
		expect(r.caps.get(codeOf('quadriceps-r'))).toBe(2);
	});

	it('red flags ask for a medical professional; the texts never name a diagnosis', () => {
		for (const id of ['fever', 'clot', 'surgery', 'cancer', 'nerve', 'accident']) {
			expect(evaluateCautions({ [id]: true }).seeProfessional, id).toBe(true);
		}
		const all = evaluateCautions(Object.fromEntries(HEALTH_QUESTIONS.map((q) => [q.id, true])));
		const text = all.cautions.map((c) => c.text).join(' ') + SEE_PROFESSIONAL;
		expect(text).not.toMatch(/\byou have\b|\bdiagnos(is|ed)\b(?! a)/i);
		expect(SEE_PROFESSIONAL).toMatch(/does not diagnose/);
	});

	it('marks: "do not touch" becomes an avoid-zone, injuries are gentle only, numbness is flagged', () => {
		const neck = codeOf('side-of-neck-r');
		const knee = codeOf('knee-l');
		const hand = codeOf('hand-r');
		const r = evaluateCautions({}, [
			{ region: neck, sensation: 'avoid', intensity: 0 },
			{ region: knee, sensation: 'injury', intensity: 5 },
			{ region: hand, sensation: 'numbness', intensity: 4 }
		]);
		expect(r.avoid.has(neck)).toBe(true);
		expect(r.caps.get(knee)).toBe(1);
		expect(r.seeProfessional).toBe(true);
		expect(r.cautions.map((c) => c.id)).toEqual(['injury-marks', 'numbness-marks']);
	});

	it('an acute injury answer keeps marked injuries off limits', () => {
		const knee = codeOf('knee-l');
		const r = evaluateCautions({ acute: true }, [{ region: knee, sensation: 'injury', intensity: 5 }]);
		expect(r.avoid.has(knee)).toBe(true);
	});
});
