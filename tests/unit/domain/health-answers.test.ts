import { describe, expect, it } from 'vitest';
import { HEALTH_QUESTIONS } from '$lib/domain/cautions';
import { answerRest, healthWords, tallyHealth } from '$lib/domain/health-answers';

const ids = HEALTH_QUESTIONS.map((q) => q.id);
const allNo = Object.fromEntries(ids.map((id) => [id, false]));

describe('the health check in words', () => {
	it('says the answers given: yes by name, then how many no and how many not answered', () => {
		expect(healthWords(allNo)).toBe('No to all 11 questions');
		expect(healthWords({ ...allNo, fever: true })).toBe('Yes: fever or infection; no to the 10 others');
		expect(healthWords({ ...allNo, fever: true, clot: true })).toBe('Yes: fever or infection, blood clot; no to the 9 others');
		expect(healthWords(Object.fromEntries(ids.slice(0, 6).map((id) => [id, false])))).toBe('6 no, 5 not answered');
		expect(healthWords({ fever: true })).toBe('Yes: fever or infection; 10 not answered');
		expect(healthWords({ fever: true, clot: false })).toBe('Yes: fever or infection; 1 no, 9 not answered');
		expect(healthWords(Object.fromEntries(ids.map((id) => [id, true])))).toMatch(/^Yes: recent accident or possible broken bone, .*unexplained numbness or tingling$/);
	});

	it('never reads "not answered" as "no": nothing answered says so', () => {
		expect(healthWords({})).toBe('None of the 11 questions answered');
		expect(healthWords(undefined)).toBe('None of the 11 questions answered');
		expect(tallyHealth({})).toEqual({ yes: [], no: 0, open: 11 });
	});

	it('counts only the questions asked: an old or foreign key is not an answer', () => {
		expect(tallyHealth({ pregnant: true, fever: false })).toEqual({ yes: [], no: 1, open: 10 });
	});

	it('answers every open question no, and leaves the answers given as they were', () => {
		expect(answerRest({ fever: true, clot: false })).toEqual({ ...allNo, fever: true });
		expect(answerRest({})).toEqual(allNo);
		const kept = { ...allNo, nerve: true };
		expect(answerRest(kept)).toEqual(kept);
	});
});
