import { describe, expect, it } from 'vitest';
import {
	CODE_ALPHABET,
	CODE_LENGTH,
	formatRecoveryCode,
	makeRecoveryCode,
	normaliseRecoveryCode,
	recoveryCodeProblem
} from '$lib/security/recovery-code';

const realRandom = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));

describe('the recovery code', () => {
	it('has 16 characters with no look-alikes (0 O 1 I L U V), over 75 bits', () => {
		for (const c of '01OILUV') expect(CODE_ALPHABET).not.toContain(c);
		expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
		expect(CODE_LENGTH * Math.log2(CODE_ALPHABET.length)).toBeGreaterThan(75);
		const code = makeRecoveryCode(realRandom);
		expect(code).toHaveLength(16);
		expect([...code].every((c) => CODE_ALPHABET.includes(c))).toBe(true);
		expect(makeRecoveryCode(realRandom)).not.toBe(code);
	});

	it('skips bytes that would favour some characters', () => {
		// 255 is above the last whole multiple of the alphabet's size, so it is never used.
		let calls = 0;
		const code = makeRecoveryCode((n) => {
			calls++;
			return new Uint8Array(n).fill(calls === 1 ? 255 : 1);
		});
		expect(code).toBe(CODE_ALPHABET[1].repeat(16));
		expect(calls).toBe(2);
	});

	it('is shown in four groups and read back however it is typed', () => {
		expect(formatRecoveryCode('7KQM3XPA9DTW4HNE')).toBe('7KQM-3XPA-9DTW-4HNE');
		expect(normaliseRecoveryCode(' 7kqm 3xpa-9dtw – 4hne ')).toBe('7KQM3XPA9DTW4HNE');
		expect(recoveryCodeProblem('7kqm 3xpa 9dtw 4hne')).toBeNull();
	});

	it('says plainly when what was typed cannot be a code', () => {
		expect(recoveryCodeProblem('  ')).toBe('Please enter the recovery code.');
		expect(recoveryCodeProblem('7KQM-3XPA-9DTW')).toMatch(/16 letters and digits/);
		expect(recoveryCodeProblem('7KQM-3XPA-9DTW-4HN0')).toMatch(/16 letters and digits/);
	});
});
