import { describe, expect, it, vi } from 'vitest';
import { followUpTitle } from '$lib/domain/follow-up';
import { codeOf } from '$lib/domain/regions';
import type { Plan } from '$lib/domain/records';
import { DEFAULT_CONSENT_TEXT } from '$lib/domain/record/consent';
import { CONSENT_TEXT_SETTING } from '$lib/domain/record/consent-status';
import { drawn } from '../record/helpers';
import { freshStore, tickingClock } from './helpers';
import { markInput } from '../fixtures';

const mark = markInput;

/** The last session's settings a follow-up starts with. */
const CARRIED = {
	scope: 'full',
	durationMin: 60,
	pressure: 4,
	goals: ['Less stress'],
	complaints: ['Whiplash'],
	techniques: ['Deep tissue'],
	health: { pregnancy: true },
	avoid: [codeOf('sternum')],
	oil: { preference: 'almond', allergies: 'nuts' }
} satisfies Partial<Plan>;

async function lastSession() {
	const store = freshStore(tickingClock(Date.UTC(2026, 10, 23, 9)));
	const { client, plan } = await store.createClientWithPlan({ name: 'Kim' }, { title: 'Neck', date: '2026-11-02' });
	await store.updatePlan(plan.id, {
		status: 'done',
		...CARRIED,
		consent: { [codeOf('pectoralis-l')]: true },
		clientWords: 'It burns',
		notes: 'Worked the traps',
		planning: { fixed: { r16: 12 }, order: [], craniosacralShare: 0.25 },
		outcome: { done: 'Trigger points', response: 'Eased', advice: 'Heat', after: {} }
	});
	const a = await store.addMark(plan.id, mark({ note: 'desk' }));
	const b = await store.addMark(plan.id, mark({ region: codeOf('lumbar-erector-l'), sensation: 'aching', intensity: 5, author: 'therapist' }));
	return { store, client, plan, a, b };
}

describe('follow-up', () => {
	it('starts a new plan with the last one’s settings and copies of its marks, flagged as carried', async () => {
		const { store, client, plan, a, b } = await lastSession();
		const { plan: next, marks } = await store.createFollowUp(plan.id);
		expect(next.id).not.toBe(plan.id);
		expect(next).toMatchObject({
			clientId: client.id,
			date: '2026-11-23',
			title: 'Follow-up: Neck',
			status: 'draft',
			...CARRIED,
			// What belongs to one visit starts empty.
			consent: {},
			clientWords: '',
			notes: '',
			outcome: null,
			planning: { fixed: {}, order: [] }
		});
		// It names the plan it follows (the progress chart reads a cleared area there as a real 0), kept as stored.
		expect((await store.getPlan(next.id))?.followsFrom).toBe(plan.id);
		const stored = await store.listMarks(next.id);
		expect(stored).toEqual(marks);
		expect(stored.map((m) => [m.region, m.sensation, m.intensity, m.author, m.note, m.carried])).toEqual([
			[a.region, 'knot', 7, 'client', 'desk', true],
			[b.region, 'aching', 5, 'therapist', '', true]
		]);
		expect(stored.every((m) => m.planId === next.id && m.id !== a.id && m.id !== b.id)).toBe(true);
		// The last session is untouched.
		expect((await store.listMarks(plan.id)).map((m) => [m.id, m.carried])).toEqual([
			[a.id, false],
			[b.id, false]
		]);
		expect((await store.listPlansForClient(client.id)).map((p) => p.id)).toEqual([next.id, plan.id]);
	});

	it('is all or nothing: a failure copying the marks leaves no new plan', async () => {
		const { store, client, plan } = await lastSession();
		vi.spyOn(store.db.marks, 'bulkAdd').mockImplementationOnce(() => {
			throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
		});
		await expect(store.createFollowUp(plan.id)).rejects.toMatchObject({ kind: 'quota' });
		expect(await store.listPlansForClient(client.id)).toHaveLength(1);
		expect(await store.db.marks.count()).toBe(2);
	});

	it('refuses a plan that is gone', async () => {
		const { store } = await lastSession();
		await expect(store.createFollowUp('nope')).rejects.toMatchObject({ kind: 'not-found' });
	});

	it('confirms or clears carried marks one by one or all at once, and moves the plan’s updatedAt', async () => {
		const { store, plan } = await lastSession();
		const { plan: next, marks } = await store.createFollowUp(plan.id);
		const kept = await store.updateMark(marks[0].id, { carried: false });
		expect(kept.carried).toBe(false);
		expect(await store.settleCarried(next.id, 'clear')).toEqual([marks[1]]);
		expect((await store.listMarks(next.id)).map((m) => [m.id, m.carried])).toEqual([[marks[0].id, false]]);
		expect(await store.settleCarried(next.id, 'clear')).toEqual([]);

		const again = await store.createFollowUp(next.id);
		const before = (await store.getPlan(again.plan.id))!.updatedAt;
		expect(await store.settleCarried(again.plan.id, 'keep')).toHaveLength(1);
		expect((await store.listMarks(again.plan.id)).map((m) => m.carried)).toEqual([false]);
		expect((await store.getPlan(again.plan.id))!.updatedAt).toBeGreaterThan(before);
	});

	it('refuses a carried flag that is not yes or no', async () => {
		const { store, plan } = await lastSession();
		const { marks } = await store.createFollowUp(plan.id);
		await expect(store.updateMark(marks[0].id, { carried: 'maybe' as unknown as boolean })).rejects.toThrow(/Carried over is yes or no/);
	});

	it('titles a follow-up of a follow-up without stacking the prefix', () => {
		expect(followUpTitle('Follow-up: Neck')).toBe('Follow-up: Neck');
		expect(followUpTitle('  ')).toBe('Follow-up: Session');
		expect(followUpTitle('x'.repeat(200)).length).toBe(120);
	});
});

describe('a follow-up and the client’s signed consent', () => {
	const chestL = codeOf('pectoralis-l');
	const glutesR = codeOf('gluteus-maximus-r');
	const signIt = async (store: Awaited<ReturnType<typeof lastSession>>['store'], clientId: string, sensitiveAreas: number[]) =>
		(await store.consents()).sign({ clientId, text: DEFAULT_CONSENT_TEXT, signer: 'client', signerName: 'Kim', guardian: null, signature: drawn(), sensitiveAreas }, []);

	it('is consented to the sensitive areas of the signed consent in force, not to what the last plan held for that visit', async () => {
		const { store, client, plan } = await lastSession();
		await signIt(store, client.id, [glutesR]);
		const { plan: next } = await store.createFollowUp(plan.id);
		expect(next.consent).toEqual({ [glutesR]: true });
		expect((await store.getPlan(next.id))!.consent).toEqual({ [glutesR]: true });
	});

	it('carries nothing over once the consent is withdrawn, even though the plan it follows still says so', async () => {
		const { store, client, plan } = await lastSession();
		const c = await signIt(store, client.id, [chestL]);
		await (await store.consents()).withdraw(c.id);
		expect((await store.getPlan(plan.id))!.consent).toEqual({ [chestL]: true }); // a done plan keeps its history
		expect((await store.createFollowUp(plan.id)).plan.consent).toEqual({});
	});

	it('carries nothing from a consent changed after it was signed, nor from one for an earlier statement', async () => {
		const { store, client, plan } = await lastSession();
		const c = await signIt(store, client.id, [chestL]);
		await store.db.consents.put({ ...c, sensitiveAreas: [chestL, glutesR] });
		expect((await store.createFollowUp(plan.id)).plan.consent).toEqual({});
		await store.db.consents.put(c);
		expect((await store.createFollowUp(plan.id)).plan.consent).toEqual({ [chestL]: true });
		await store.setSetting(CONSENT_TEXT_SETTING, 'A new statement from the clinic.');
		expect((await store.createFollowUp(plan.id)).plan.consent).toEqual({});
	});

	it('a consent withdrawn between the check and the writing is not carried', async () => {
		const { store, client, plan } = await lastSession();
		const c = await signIt(store, client.id, [chestL]);
		const kept = await store.consents();
		const agreed = await kept.agreed(client.id);
		expect(agreed).toEqual({ consentId: c.id, areas: [chestL] });
		vi.spyOn(kept, 'agreed').mockResolvedValueOnce(agreed);
		vi.spyOn(store, 'consents').mockResolvedValueOnce(kept);
		await kept.withdraw(c.id);
		expect((await store.createFollowUp(plan.id)).plan.consent).toEqual({});
	});
});
