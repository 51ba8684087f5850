/**
 * The recovery code: the therapist's way back when the PIN is forgotten, shown once when the PIN
 * is set and stored only as a salted hash (pin-hash). Pure: the random bytes are passed in.
 *
 * 16 characters from 29 that are hard to mistake for one another when written by hand (no 0/O,
 * 1/I/L, U/V), in four groups of four: about 78 bits, far beyond guessing even
 * with the database copied. Typing is forgiving: lower case, spaces and dashes are fine.
 */

export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';
export const CODE_LENGTH = 16;
const GROUP = 4;

/** A new code from `random(n)` (n random bytes); bytes that would bias the choice are skipped. */
export function makeRecoveryCode(random: (n: number) => Uint8Array): string {
	const n = CODE_ALPHABET.length;
	const limit = 256 - (256 % n); // bytes at or above this would make some characters likelier
	let out = '';
	while (out.length < CODE_LENGTH) {
		for (const b of random(CODE_LENGTH * 2)) {
			if (b < limit && out.length < CODE_LENGTH) out += CODE_ALPHABET[b % n];
		}
	}
	return out;
}

/** The code as it is stored and compared: upper case, no spaces or dashes. */
export function normaliseRecoveryCode(typed: string): string {
	return typed.toUpperCase().replace(/[\s\-–—_.]/g, '');
}

/** The code as shown and printed: ABCD-EFGH-JKMN-PQRS. */
export function formatRecoveryCode(code: string): string {
	const plain = normaliseRecoveryCode(code);
	const groups: string[] = [];
	for (let i = 0; i < plain.length; i += GROUP) groups.push(plain.slice(i, i + GROUP));
	return groups.join('-');
}

/** Why a typed code cannot be one, in words for the field; null when it may be. */
export function recoveryCodeProblem(typed: string): string | null {
	const plain = normaliseRecoveryCode(typed);
	if (!plain) return 'Please enter the recovery code.';
	if ([...plain].some((c) => !CODE_ALPHABET.includes(c)) || plain.length !== CODE_LENGTH) {
		return `A recovery code has ${CODE_LENGTH} letters and digits in four groups, like 7KQM-3XPA-9DTW-4HNE.`;
	}
	return null;
}
