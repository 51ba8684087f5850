import { describe, expect, it } from 'vitest';
import { allergiesFor } from '../../../src/lib/domain/summary';

describe('allergiesFor', () => {
	it("takes the client's allergies from their health details", () => {
		expect(allergiesFor('Almond oil', '')).toBe('Almond oil');
		expect(allergiesFor('  ', '  ')).toBe('');
	});
	it("keeps an older plan's own note when it adds something, once when it repeats the client's", () => {
		expect(allergiesFor('', 'Lanolin')).toBe('Lanolin');
		expect(allergiesFor('Almond oil', 'Lanolin')).toBe('Almond oil; Lanolin');
		expect(allergiesFor('Almond oil, lanolin', 'Lanolin')).toBe('Almond oil, lanolin');
	});
});
