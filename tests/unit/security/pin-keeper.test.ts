import { describe, expect, it } from 'vitest';
import { PinKeeper, PIN_KEY, ATTEMPTS_KEY, RECOVERY_KEY } from '$lib/security/pin-keeper';
import { isPinHash } from '$lib/security/pin-hash';
import { readAttempts } from '$lib/security/pin-rules';
import { formatRecoveryCode } from '$lib/security/recovery-code';
import { createDatabase } from '$lib/store/schema';
import { Store } from '$lib/store/store';
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

/** `n` stores on one database, each with its own connection: `n` tabs of the app. */
async function tabs(n: number): Promise<Store[]> {
	const name = `tabs-${process.pid}-${Math.random()}`;
	const stores = Array.from({ length: n }, () => new Store(createDatabase(name)));
	for (const s of stores) await s.db.open();
	return stores;
}

const outcome = (r: { ok: boolean; reason?: string }) => (r.ok ? 'ok' : r.reason);

describe('PinKeeper across tabs', () => {
	it('twenty tabs trying at once: only three tries are checked, and the right PIN in the wait is refused', async () => {
		const clock = manualClock();
		const stores = await tabs(20);
		const keepers = stores.map((s) => new PinKeeper(s, clock.fn, 1000));
		await keepers[0].set('2468');

		const round = await Promise.all(keepers.map((k, i) => k.check(String(1000 + i))));
		expect(round.filter((r) => outcome(r) === 'wrong')).toHaveLength(3);
		expect(round.filter((r) => outcome(r) === 'wait')).toHaveLength(17);
		expect(readAttempts(await stores[5].getSetting(ATTEMPTS_KEY, null))).toEqual({ failures: 3, lockedUntil: clock.now + 30_000 });

		// The right PIN, from every tab, while the wait runs: not one is checked.
		clock.now += 29_000;
		const during = await Promise.all(keepers.map((k) => k.check('2468')));
		expect(during.map(outcome)).toEqual(Array(20).fill('wait'));

		// After the wait, one try per wait, whichever tabs send what.
		clock.now += 1_000;
		const next = await Promise.all(keepers.map((k, i) => k.check(i === 19 ? '2468' : '0000')));
		expect(next.filter((r) => outcome(r) !== 'wait')).toHaveLength(1);
		await Promise.all(stores.map((s) => s.db.close()));
	});

	it('a right PIN clears the count for every tab', async () => {
		const clock = manualClock();
		const [a, b] = await tabs(2);
		const ka = new PinKeeper(a, clock.fn, 1000);
		const kb = new PinKeeper(b, clock.fn, 1000);
		await ka.set('2468');
		await Promise.all([ka.check('0000'), kb.check('1111')]);
		expect(await kb.check('2468')).toEqual({ ok: true });
		expect(await ka.check('0000')).toMatchObject({ reason: 'wrong', triesLeft: 2 });
	});

	it('a try whose tab closes before its answer still counts', async () => {
		const clock = manualClock();
		const store = freshStore();
		const keeper = new PinKeeper(store, clock.fn, 1000);
		await keeper.set('2468');
		void keeper.check('0000'); // not awaited: the tab went away while PBKDF2 ran
		await new Promise((ok) => setTimeout(ok, 0));
		expect(readAttempts(await store.getSetting(ATTEMPTS_KEY, null)).failures).toBe(1);
	});
});

describe('The recovery code', () => {
	it('is made with the PIN, shown once, stored only as a salted hash', async () => {
		const store = freshStore();
		const keeper = new PinKeeper(store, Date.now, 1000);
		const code = await keeper.set('2468');
		expect(code).toMatch(/^[2-9A-HJKMNP-TW-Z]{16}$/);
		expect(await keeper.hasRecoveryCode()).toBe(true);
		const row = await store.getSetting<unknown>(RECOVERY_KEY, null);
		expect(isPinHash(row)).toBe(true);
		expect(JSON.stringify(row)).not.toContain(code!);
		// Changing the PIN keeps the code; a new code replaces it.
		expect(await keeper.set('1357', false)).toBeNull();
		expect(await store.getSetting<unknown>(RECOVERY_KEY, null)).toEqual(row);
	});

	it('resets the PIN and makes a new code, touching nothing else', async () => {
		const store = freshStore();
		const client = await store.createClient({ name: 'Kim Keep' });
		const keeper = new PinKeeper(store, Date.now, 1000);
		const code = (await keeper.set('2468'))!;
		const typed = formatRecoveryCode(code).toLowerCase().replace(/-/g, ' ');
		const result = await keeper.recover(typed, '9753');
		expect(result.ok).toBe(true);
		const fresh = (result as { code: string }).code;
		expect(fresh).not.toBe(code);
		expect(await keeper.check('9753')).toEqual({ ok: true });
		expect(await keeper.check('2468')).toMatchObject({ reason: 'wrong' });
		// The used code is spent; the new one works.
		expect(await keeper.recover(code, '1111')).toMatchObject({ reason: 'wrong' });
		expect((await keeper.recover(fresh, '1111')).ok).toBe(true);
		expect(await store.getClient(client.id)).toMatchObject({ name: 'Kim Keep' });
	});

	it('shares the count and the wait with the PIN; a malformed code or PIN is not a try', async () => {
		const clock = manualClock();
		const store = freshStore();
		const keeper = new PinKeeper(store, clock.fn, 1000);
		const code = (await keeper.set('2468'))!;
		await expect(keeper.recover('ABC', '9753')).rejects.toThrow(/16 letters and digits/);
		await expect(keeper.recover(code, '12')).rejects.toThrow(/4 to 8 digits/);
		expect(await keeper.waitMs()).toBe(0);
		await keeper.check('0000');
		await keeper.check('1111');
		const wrongCode = code.startsWith('2') ? '3' + code.slice(1) : '2' + code.slice(1);
		expect(await keeper.recover(wrongCode, '9753')).toMatchObject({ reason: 'wrong', waitMs: 30_000 });
		expect(await keeper.recover(code, '9753')).toMatchObject({ reason: 'wait' });
		expect(await keeper.check('2468')).toMatchObject({ reason: 'wait' });
		clock.now += 30_000;
		expect((await keeper.recover(code, '9753')).ok).toBe(true);
		expect(await keeper.waitMs()).toBe(0);
	});

	it('a new code invalidates the old one; a PIN from before recovery codes has none; removing the PIN removes the code', async () => {
		const store = freshStore();
		const keeper = new PinKeeper(store, Date.now, 1000);
		const old = (await keeper.set('2468'))!;
		const fresh = await keeper.newRecoveryCode();
		expect(await keeper.recover(old, '1111')).toMatchObject({ reason: 'wrong' });
		expect((await keeper.recover(fresh, '1111')).ok).toBe(true);

		await store.setSetting(RECOVERY_KEY, undefined); // as a PIN set before this version
		expect(await keeper.hasRecoveryCode()).toBe(false);
		expect(await keeper.recover(fresh, '1111')).toEqual({ ok: false, reason: 'no-pin' });
		await keeper.newRecoveryCode();
		expect(await keeper.hasRecoveryCode()).toBe(true);
		await keeper.remove();
		expect(await keeper.hasRecoveryCode()).toBe(false);
		expect(await keeper.isSet()).toBe(false);
	});
});
