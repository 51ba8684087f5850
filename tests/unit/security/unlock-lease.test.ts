import { describe, expect, it } from 'vitest';
import { RENEW_MS, UNLOCK_LEASE_MS, unlockedUnder, unlocking } from '$lib/security/unlock-lease';

describe('the unlocking lease', () => {
	const t = 1_700_000_000_000;

	it('holds across a reload: the lease was renewed moments ago', () => {
		expect(unlockedUnder(unlocking(42, t), t + 800)).toBe(42);
		expect(unlockedUnder(unlocking(0, t), t + UNLOCK_LEASE_MS)).toBe(0);
	});

	it('has lapsed for a tab reopened after closing, or restored with the browser', () => {
		expect(unlockedUnder(unlocking(42, t), t + UNLOCK_LEASE_MS + 1)).toBeNull();
		expect(unlockedUnder(unlocking(42, t), t + 8 * 3600_000)).toBeNull();
	});

	it('a living page renews it often enough never to lapse', () => {
		expect(RENEW_MS * 3).toBeLessThanOrEqual(UNLOCK_LEASE_MS);
	});

	it('nothing, an older bare number, damage or a lease from the future unlock nothing', () => {
		for (const stored of [null, '', '1', '1700000000000', '{', 'null', '{"at":1}', '{"at":"1","alive":1}', '{"at":null,"alive":1}']) {
			expect(unlockedUnder(stored, t), String(stored)).toBeNull();
		}
		expect(unlockedUnder(unlocking(42, t + 60_000), t)).toBeNull();
	});
});
