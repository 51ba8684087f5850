import { describe, expect, it } from 'vitest';
import { PinKeeper, PIN_KEY, ATTEMPTS_KEY } from '$lib/security/pin-keeper';
import { freshStore } from '../store/helpers';

/** A clock the test moves by hand. */
function manualClock(start = 1_700_000_000_000) {
	const c = { now: start, fn: () => c.now };
	return c;
}

describe('PinKeeper over the settings table', () => {
	it('stores only a salted hash, and checks right and wrong PINs', async () => {
		const store = freshStore();
		const keeper = new PinKeeper(store, Date.now, 1000);
		expect(await keeper.isSet()).toBe(false);
		expect(await keeper.check('1234')).toEqual({ ok: false, reason: 'no-pin' });
		await keeper.set('1234');
		expect(await keeper.isSet()).toBe(true);
		const row = await store.getSetting<unknown>(PIN_KEY, null);
		expect(JSON.stringify(row)).not.toContain('1234');
		expect(await keeper.check('1234')).toEqual({ ok: true });
		expect(await keeper.check('4321')).toMatchObject({ ok: false, reason: 'wrong', triesLeft: 2, waitMs: 0 });
	});

	it('refuses a PIN that is not 4–8 digits', async () => {
		const keeper = new PinKeeper(freshStore(), Date.now, 1000);
		await expect(keeper.set('12')).rejects.toThrow(/4 to 8 digits/);
		await expect(keeper.set('12ab')).rejects.toThrow(/digits only/);
		expect(await keeper.isSet()).toBe(false);
	});

	it('waits after three wrong tries, refuses even the right PIN meanwhile, and keeps the wait across a reload', async () => {
		const store = freshStore();
		const clock = manualClock();
		const keeper = new PinKeeper(store, clock.fn, 1000);
		await keeper.set('2468');
		expect(await keeper.check('0000')).toMatchObject({ reason: 'wrong', triesLeft: 2, waitMs: 0 });
		expect(await keeper.check('0000')).toMatchObject({ reason: 'wrong', triesLeft: 1, waitMs: 0 });
		expect(await keeper.check('0000')).toMatchObject({ reason: 'wrong', triesLeft: 0, waitMs: 30_000 });
		clock.now += 10_000;
		expect(await keeper.check('2468')).toEqual({ ok: false, reason: 'wait', waitMs: 20_000 });

		// A new keeper over the same table (a reload) sees the same wait.
		const reloaded = new PinKeeper(store, clock.fn, 1000);
		expect(await reloaded.waitMs()).toBe(20_000);
		expect(await store.getSetting(ATTEMPTS_KEY, null)).toEqual({ failures: 3, lockedUntil: clock.now + 20_000 });

		clock.now += 20_000;
		expect(await reloaded.check('1111')).toMatchObject({ reason: 'wrong', waitMs: 60_000 });
		clock.now += 60_000;
		expect(await reloaded.check('2468')).toEqual({ ok: true });
		expect(await reloaded.waitMs()).toBe(0);
		expect(await reloaded.check('1111')).toMatchObject({ reason: 'wrong', triesLeft: 2 });
	});

	it('counts quick tries one at a time', async () => {
		const clock = manualClock();
		const keeper = new PinKeeper(freshStore(), clock.fn, 1000);
		await keeper.set('2468');
		const results = await Promise.all(['1', '2', '3', '4'].map((d) => keeper.check(d.repeat(4))));
		expect(results.map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['wrong', 'wrong', 'wrong', 'wait']);
	});

	it('a new PIN clears the count; removing it leaves no PIN', async () => {
		const keeper = new PinKeeper(freshStore(), Date.now, 1000);
		await keeper.set('2468');
		await keeper.check('0000');
		await keeper.set('13579');
		expect(await keeper.check('2468')).toMatchObject({ reason: 'wrong', triesLeft: 2 });
		expect(await keeper.check('13579')).toEqual({ ok: true });
		await keeper.remove();
		expect(await keeper.isSet()).toBe(false);
	});
});
