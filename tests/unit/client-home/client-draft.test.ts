import { describe, expect, it } from 'vitest';
import { draftHandOff, newDraft, nextStep, previousStep, readDraft, unsent, withRequest, type ClientDraft } from '$lib/domain/client-draft';
import { handOffText, readHandOffText } from '$lib/domain/handoff';
import { newRequestId } from '$lib/domain/mapping-link';
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

	it('knows when it changed since it was sent, and takes a later link’s request', () => {
		const d = mapped();
		expect(unsent(d)).toBe(true);
		expect(unsent({ ...d, sentAt: d.changedAt })).toBe(false);
		expect(unsent({ ...d, sentAt: d.changedAt, changedAt: d.changedAt + 1 })).toBe(true);
		const plain = newDraft(NOW, ids);
		const id = newRequestId();
		const linked = withRequest(plain, { firstName: 'Kim', practice: 'P', id });
		expect([linked.clientId, linked.name]).toEqual([id, 'Kim']);
	});
});
