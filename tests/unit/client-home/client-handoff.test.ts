import { describe, expect, it } from 'vitest';
import { beyondClient, clientAnswersOnly, isClientMap, listInWords } from '$lib/domain/client-handoff';
import { draftHandOff, newDraft } from '$lib/domain/client-draft';
import { handOffText, readHandOffText, type HandOff } from '$lib/domain/handoff';
import { newRequestId } from '$lib/domain/mapping-link';
import { defaultPlanFields } from '$lib/domain/records';
import { codeOf } from '$lib/domain/regions';

const NOW = Date.UTC(2026, 10, 29, 12);

/** A crafted file: a "client's map" (request id as client) that also sets everything a therapist sets. */
function hostile(): HandOff {
	const clientId = newRequestId();
	const calf = codeOf('gastrocnemius-l');
	const h: HandOff = {
		client: { id: clientId, name: 'Sam', contact: 'evil@example.org', notes: 'Pays cash', figure: 'male', build: 'slim', createdAt: NOW, updatedAt: NOW },
		plan: {
			...defaultPlanFields(),
			id: 'p1',
			clientId,
			date: '2026-11-29',
			title: "Sam's map",
			status: 'done',
			scope: 'full',
			durationMin: 90,
			pressure: 5,
			goals: ['Relax'],
			complaints: ['Back'],
			techniques: ['craniosacral'],
			health: { pregnant: true },
			focus: [{ region: calf, minutes: 10 }] as never,
			avoid: [calf],
			consent: { [codeOf('gluteus-maximus-l')]: true },
			oil: { preference: 'none', allergies: 'nuts' },
			noPain: false,
			clientWords: 'My calf hurts',
			notes: 'Therapist: cleared for deep work',
			planning: { fixed: { ['r' + calf]: 40 }, order: ['r' + calf], craniosacralShare: 0.5 },
			outcome: { summary: 'Treated' } as never,
			createdAt: NOW,
			updatedAt: NOW
		},
		marks: [
			{ id: 'm1', planId: 'p1', region: calf, patch: null, sensation: 'knot', intensity: 7, depth: 'deep', structure: 'soleus', pressure: 5, note: 'left calf', author: 'therapist', carried: true, createdAt: NOW, updatedAt: NOW }
		]
	};
	return h;
}

describe('a client’s map brought in', () => {
	it('is known by its client id: the /my-map flow’s, never a therapist’s planner UUID', () => {
		expect(isClientMap(draftHandOff(newDraft(NOW, () => crypto.randomUUID()), NOW))).toBe(true);
		expect(isClientMap({ ...hostile(), client: { ...hostile().client, id: crypto.randomUUID() } })).toBe(false);
	});

	it('keeps only what a client can give from a crafted file, everything else a new plan’s defaults', () => {
		const h = clientAnswersOnly(hostile());
		const d = defaultPlanFields();
		expect(h.plan).toEqual({
			...d,
			id: 'p1',
			clientId: h.client.id,
			date: '2026-11-29',
			title: "Sam's map",
			health: { pregnant: true },
			noPain: false,
			clientWords: 'My calf hurts',
			createdAt: NOW,
			updatedAt: NOW
		});
		expect([h.client.contact, h.client.notes, h.client.name, h.client.figure]).toEqual(['', '', 'Sam', 'male']);
		expect(h.marks).toHaveLength(1);
		expect(h.marks[0]).toMatchObject({ author: 'client', carried: false, pressure: null, structure: null, sensation: 'knot', intensity: 7, note: 'left calf' });
		expect(beyondClient(h)).toEqual([]);
	});

	it('names what a hand-off carries beyond the client’s answers', () => {
		const extra = beyondClient(hostile());
		expect(extra).toContain('therapist’s notes');
		expect(extra).toContain('an outcome');
		expect(extra).toContain('consent for sensitive regions');
		expect(extra).toContain('1 mark made by a therapist');
		expect(listInWords(extra.slice(0, 3))).toBe('therapist’s notes, an outcome and consent for sensitive regions');
		// What the client flow itself sends carries nothing more.
		const d = { ...newDraft(NOW, () => 'p9'), areas: [codeOf('gastrocnemius-l')], answers: { [codeOf('gastrocnemius-l')]: { sensation: 'aching' as const, intensity: 4 } } };
		const sent = readHandOffText(handOffText(draftHandOff(d, NOW), NOW), NOW);
		expect(sent.ok && beyondClient(sent.handOff)).toEqual([]);
	});
});
