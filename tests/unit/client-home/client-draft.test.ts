import { describe, expect, it } from 'vitest';
import { draftHandOff, markSent, newDraft, nextStep, openDraft, previousStep, readDraft, unsent, type ClientDraft } from '$lib/domain/client-draft';
import { handOffText, readHandOffText } from '$lib/domain/handoff';
import { isRequestId, newRequestId } from '$lib/domain/mapping-link';
import { codeOf } from '$lib/domain/regions';

const NOW = Date.UTC(2026, 10, 29, 12);
let n = 0;
const ids = () => `id-${n++}`;

function mapped(): ClientDraft {
	const d = newDraft(NOW, ids, { firstName: 'Sam', practice: 'Bodywise', id: newRequestId() });
	const calf = codeOf('gastrocnemius-l');
	const neck = codeOf('upper-trapezius-r');
	return { ...d, areas: [calf, neck], answers: { [calf]: { sensation: 'aching', intensity: 6 }, [neck]: { sensation: 'knot', intensity: null } }, health: { thinners: true } };
}

describe('the client’s draft', () => {
	it('becomes a hand-off the therapist’s app reads back, carrying the request id as its client', () => {
		const d = mapped();
		const h = draftHandOff(d, NOW + 1000);
		expect(h.client.id).toBe(d.request!.id);
		expect(h.client.name).toBe('Sam');
		expect(h.plan.title).toBe("Sam's map");
		// Only the place with both answers is a mark.
		expect(h.marks.map((m) => [m.region, m.sensation, m.intensity, m.author])).toEqual([[codeOf('gastrocnemius-l'), 'aching', 6, 'client']]);
		const read = readHandOffText(handOffText(h, NOW + 1000), NOW + 2000);
		expect(read.ok).toBe(true);
		if (read.ok) {
			expect(read.handOff.plan.health).toEqual({ thinners: true });
			expect(read.handOff.marks).toHaveLength(1);
		}
	});

	it('with no place chosen says no pain', () => {
		const h = draftHandOff(newDraft(NOW, ids), NOW);
		expect(h.plan.noPain).toBe(true);
		expect(h.client.name).toBe('A client');
		expect(readHandOffText(handOffText(h, NOW), NOW).ok).toBe(true);
	});

	it('survives a round trip through storage', () => {
		const d = mapped();
		expect(readDraft(JSON.parse(JSON.stringify(d)))).toEqual(d);
	});

	it('drops what is malformed in storage instead of showing it', () => {
		expect(readDraft(null)).toBeNull();
		expect(readDraft({ clientId: '../x', planId: 'p', startedAt: 1 })).toBeNull();
		const d = readDraft({
			clientId: 'c',
			planId: 'p',
			startedAt: NOW,
			areas: [999, codeOf('gastrocnemius-l'), 'x', codeOf('gastrocnemius-l')],
			answers: { [codeOf('gastrocnemius-l')]: { sensation: '<script>', intensity: 11 } },
			health: { thinners: 'yes', fever: true, __proto__x: true },
			name: 'Sam\u202E'.repeat(40),
			request: { firstName: 7, practice: 'P\u0000', id: 'Sam' },
			step: 'erase',
			index: 40,
			sentAt: -5
		})!;
		expect(d.areas).toEqual([codeOf('gastrocnemius-l')]);
		expect(d.answers).toEqual({ [codeOf('gastrocnemius-l')]: { sensation: null, intensity: null } });
		expect(d.health).toEqual({ fever: true });
		expect(d.name).toHaveLength(80);
		expect(d.request).toEqual({ firstName: '', practice: 'P', id: null });
		expect(d.step).toBe('where');
		expect(d.index).toBe(0);
		expect(d.sentAt).toBeNull();
	});

	it('walks the steps, asking for both answers of each place', () => {
		let d: ClientDraft = { ...mapped(), step: 'where' };
		const move = (m: ReturnType<typeof nextStep>) => {
			if (!m.ok) throw new Error(m.problem);
			d = { ...d, step: m.step, index: m.index };
		};
		move(nextStep(d));
		expect([d.step, d.index]).toEqual(['feel', 0]);
		move(nextStep(d));
		expect([d.step, d.index]).toEqual(['feel', 1]);
		expect(nextStep(d)).toEqual({ ok: false, problem: 'Please choose how it feels and how strong it is.' });
		d.answers[d.areas[1]] = { sensation: 'knot', intensity: 3 };
		move(nextStep(d));
		expect(d.step).toBe('health');
		move(nextStep(d));
		expect(d.step).toBe('send');
		expect(previousStep(d)).toEqual({ step: 'health', index: 0 });
		expect(previousStep({ ...d, step: 'health' })).toEqual({ step: 'feel', index: 1 });
		expect(nextStep({ ...newDraft(NOW, ids), step: 'where' })).toEqual({ ok: true, step: 'health', index: 0 });
	});

	it('knows when it changed since it was sent, and is not "changed since" right after sending', () => {
		const d = mapped();
		expect(unsent(d)).toBe(true);
		expect(unsent({ ...d, sentAt: d.changedAt })).toBe(false);
		expect(unsent({ ...d, sentAt: d.changedAt, changedAt: d.changedAt + 1 })).toBe(true);
		// A change stamped past the clock (changedAt + 1 on quick edits) is still covered by the send.
		const ahead = { ...d, changedAt: NOW + 5000 };
		expect(unsent(markSent(ahead, NOW + 10))).toBe(false);
		expect(markSent(ahead, NOW + 10).sentAt).toBe(NOW + 5000);
		expect(markSent(d, NOW + 10).sentAt).toBe(NOW + 10);
	});

	it('always has a client id the therapist’s import knows as a client’s map', () => {
		expect(isRequestId(newDraft(NOW, ids).clientId)).toBe(true);
		const id = newRequestId();
		expect(newDraft(NOW, ids, { firstName: 'Kim', practice: '', id }).clientId).toBe(id);
	});
});

describe('opening the map over what this device kept', () => {
	const kim = { firstName: 'Kim', practice: 'Bodywise', id: newRequestId() };

	it('shows a kept, unsent map with no link, and takes the same link’s greeting', () => {
		const d = mapped();
		expect(openDraft(d, null, NOW, ids)).toEqual({ ask: null, draft: d });
		const same = openDraft(d, { ...d.request!, practice: 'Bodywise Massage' }, NOW, ids);
		expect(same.ask).toBeNull();
		if (!same.ask) expect([same.draft.areas, same.draft.request?.practice, same.draft.clientId]).toEqual([d.areas, 'Bodywise Massage', d.request!.id]);
	});

	it('asks before showing a map that was already sent', () => {
		const sent = markSent(mapped(), NOW);
		const o = openDraft(sent, null, NOW + 1, ids);
		expect(o.ask).toBe('sent');
		if (o.ask) {
			expect(o.keep.areas).toEqual(sent.areas);
			expect([o.fresh.areas, o.fresh.health, o.fresh.name, o.fresh.request]).toEqual([[], {}, '', null]);
		}
		expect(openDraft(sent, sent.request, NOW + 1, ids).ask).toBe('sent');
	});

	it('gives another person’s link a fresh map: never their answers, name or request', () => {
		const sent = markSent(mapped(), NOW);
		const o = openDraft(sent, kim, NOW + 1, ids);
		expect(o.ask).toBeNull();
		if (!o.ask) {
			expect([o.draft.clientId, o.draft.name, o.draft.areas, o.draft.health]).toEqual([kim.id, 'Kim', [], {}]);
			expect(o.draft.planId).not.toBe(sent.planId);
		}
	});

	it('asks first when another link opens over unsent answers; keeping them keeps their own request', () => {
		const d = mapped();
		const o = openDraft(d, kim, NOW, ids);
		expect(o.ask).toBe('unsent');
		if (o.ask) {
			expect(o.keep).toEqual(d);
			expect([o.fresh.clientId, o.fresh.name, o.fresh.areas]).toEqual([kim.id, 'Kim', []]);
		}
		// A link without a request id over answers is someone else's too.
		expect(openDraft(d, { firstName: 'Kim', practice: '', id: null }, NOW, ids).ask).toBe('unsent');
	});

	it('takes a link’s greeting over a map with nothing said yet', () => {
		const typedOnly = { ...newDraft(NOW, ids), name: 'Sam' };
		const o = openDraft(typedOnly, kim, NOW, ids);
		expect(o.ask).toBeNull();
		if (!o.ask) expect([o.draft.name, o.draft.clientId]).toEqual(['Kim', kim.id]);
	});
});
