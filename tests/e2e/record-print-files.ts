/**
 * A client's whole treatment record as a version 4 backup, made in Node with the app's own domain
 * functions, with every item a printed record shows filled in: Mia Lowe (adult), her details, three
 * consents (one for an earlier statement, one withdrawn, the one in force with a sensitive area),
 * a session 10 days ago with two marks, signed after it with SOAP notes in full (findings for two
 * regions), and two addenda (one typed, one drawn).
 */
import { writeBackup } from '../../src/lib/domain/backup/format';
import type { RecordTables } from '../../src/lib/domain/backup/record-tables';
import { consentTextHash, DEFAULT_CONSENT_TEXT } from '../../src/lib/domain/record/consent';
import { sealConsent, sealWithdrawal } from '../../src/lib/domain/record/consent-seal';
import { addAddendum, editDraft, finalise, newDraft } from '../../src/lib/domain/record/lifecycle';
import type { Addendum, ChainEntry, ClientDetails, Consent, DrawnSignature, LockedRecord, Practitioner } from '../../src/lib/domain/record/types';
import { defaultPlanFields, type Client, type Mark, type Plan } from '../../src/lib/domain/records';
import { HEALTH_QUESTIONS } from '../../src/lib/domain/cautions';
import { REGIONS, regionLabel } from '../../src/lib/domain/regions';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A region's code by its full label. */
export const code = (label: string) => REGIONS.find((r) => regionLabel(r) === label)!.code;

/** A signature-like wave with a dot, different for each `seed`. */
function drawn(seed: number): DrawnSignature {
	const wave = Array.from({ length: 40 }, (_, i) => ({ x: 40 + i * 12, y: Math.round(1000 + (250 + seed * 30) * Math.sin(i / (2 + seed))) / 10, t: i * 16 }));
	return { kind: 'drawn', width: 600, height: 200, strokes: [wave, [{ x: 120 + seed * 40, y: 150, t: 900 }, { x: 420, y: 60, t: 1100 }]] };
}

const iso = (ms: number) => {
	const d = new Date(ms);
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export interface WholeRecord {
	text: string;
	client: Client;
	plan: Plan;
	details: ClientDetails;
	practitioner: Practitioner;
	consents: Consent[];
	record: LockedRecord;
	/** How many changes the draft went through before signing (its history). */
	changes: number;
	addenda: Addendum[];
}

export async function wholeRecord(): Promise<WholeRecord> {
	const start = new Date(Date.now() - 10 * DAY).setHours(10, 0, 0, 0);
	const at = start - 40 * DAY;
	const client: Client = { id: 'c-mia', name: 'Mia Lowe', contact: 'mia@example.org', notes: '', figure: null, build: null, createdAt: at, updatedAt: at };
	const plan: Plan = { ...defaultPlanFields(), id: 'p-mia', clientId: client.id, date: iso(start), title: 'Hip and low back', durationMin: 60, health: Object.fromEntries(HEALTH_QUESTIONS.map((q) => [q.id, false])), createdAt: at, updatedAt: at };
	const practitioner: Practitioner = {
		id: 'pr-sam', fullName: 'Sam Okafor', qualification: 'Diploma of Remedial Massage (HLT52015)', association: 'Massage & Myotherapy Australia',
		membershipNumber: 'MMA-20417', providerNumbers: [{ fund: 'Bupa', number: 'BU77812' }, { fund: 'HCF', number: 'HC40921' }], businessName: 'Okafor Remedial Therapies',
		taxNumber: '51 824 753 556', address: '14 Station St, Newtown NSW 2042', phone: '02 9550 1234', createdAt: at, updatedAt: at
	};
	const details: ClientDetails = {
		dateOfBirth: '1986-07-14', gender: 'female', address: '9 Rose Lane, Enmore NSW 2042', emergencyContact: { name: 'Tom Lowe', relationship: 'partner', phone: '0411 222 333' },
		referrer: 'Dr Priya Ng, Enmore Family Practice', occupation: 'Primary teacher', medicalHistory: 'Right knee arthroscopy 2015; low back strain 2022',
		medications: 'Ibuprofen as needed', allergies: 'Almond oil', pregnancy: 'no', pregnancyNote: '', guardian: null
	};
	const hash = await consentTextHash(DEFAULT_CONSENT_TEXT);
	const earlierText = 'I agree to massage treatment. (An earlier statement of this clinic.)';
	const base = { clientId: client.id, signer: 'client' as const, signerName: 'Mia Lowe', guardian: null };
	// Sealed as the app seals them when they are signed (and the withdrawal as its own step).
	const consents: Consent[] = [
		await sealConsent({ ...base, id: 'k-mia-1', text: earlierText, textHash: await consentTextHash(earlierText), signature: drawn(1), signedAt: at + HOUR, sensitiveAreas: [] }),
		await sealWithdrawal(await sealConsent({ ...base, id: 'k-mia-2', text: DEFAULT_CONSENT_TEXT, textHash: hash, signature: drawn(2), signedAt: at + 2 * DAY, sensitiveAreas: [] }), at + 3 * DAY),
		await sealConsent({ ...base, id: 'k-mia-3', text: DEFAULT_CONSENT_TEXT, textHash: hash, signature: drawn(3), signedAt: start - HOUR / 2, sensitiveAreas: [code('Left buttock (glutes, gluteus maximus)')] })
	];
	const mark = (id: string, label: string, sensation: Mark['sensation'], intensity: number): Mark => ({
		id, planId: plan.id, region: code(label), patch: null, sensation, intensity, depth: 'surface', structure: null, pressure: null, note: '', author: 'client', createdAt: at, updatedAt: at
	});
	const marks = [mark('m-mia-1', 'Left buttock (glutes, gluteus maximus)', 'aching', 7), mark('m-mia-2', 'Right top of the shoulder (upper trapezius)', 'tension', 5)];
	const draft = newDraft({ id: 'r-mia', planId: plan.id, clientId: client.id }, 60, {
		s: 'Left buttock: aching, 7/10, worse sitting at school. Right top of the shoulder: tension, 5/10.',
		areas: ['Left buttock (glutes), 25 min', 'Right top of the shoulder (upper trapezius), 15 min'],
		techniques: ['Trigger point therapy', 'Myofascial release'],
		pressure: '4 · Firm'
	}, start - HOUR);
	const regions = { [code('Left buttock (glutes, gluteus maximus)')]: 'Trigger point in the upper outer glute, referring down the thigh.', [code('Right top of the shoulder (upper trapezius)')]: 'Hypertonic, tender on palpation.' };
	const edited = editDraft(draft, {
		practitionerId: practitioner.id, startedAt: start + 5 * 60_000, endedAt: start + 60 * 60_000, oGeneral: 'Pelvis level; lumbar flexion full but painful at end range.', oRegions: regions,
		a: 'Gluteal trigger points consistent with prolonged sitting; eased after treatment.', homeCare: 'Glute stretch twice a day; heat pack 10 minutes.', nextSession: 'In two weeks, 60 minutes.', referral: 'Back to Dr Ng if the pain runs below the knee.'
	}, { at: start + HOUR, practitionerId: practitioner.id });
	if (!edited.ok) throw new Error(edited.problem);
	// As the store signs: the plan's health check sealed with the record.
	const signed = await finalise(edited.record, { practitioner, signature: drawn(4), at: start + 70 * 60_000, health: plan.health });
	if (!signed.ok) throw new Error(signed.problems.join(' '));
	const chain: ChainEntry[] = [{ kind: 'record', entry: signed.record }];
	const more: [string, DrawnSignature | { kind: 'typed'; name: string }][] = [
		['Correction: the home care heat pack is 15 minutes, not 10.', { kind: 'typed', name: 'Sam Okafor' }],
		['Client emailed two days later: the buttock pain is down to 3/10.', drawn(5)]
	];
	for (const [i, [text, signature]] of more.entries()) {
		const a = await addAddendum(chain, { id: `a-mia-${i + 1}`, text, practitioner, signature, at: start + (i + 1) * DAY });
		if (!a.ok) throw new Error(a.problems.join(' '));
		chain.push({ kind: 'addendum', entry: a.addendum });
	}
	const addenda = chain.slice(1).map((e) => e.entry as Addendum);
	const tables: RecordTables = {
		practitioners: [practitioner],
		clientDetails: [{ clientId: client.id, ...details }],
		consents,
		records: [signed.record],
		recordHistory: edited.history,
		addenda,
		chainHeads: [{ recordId: signed.record.id, hash: chain.at(-1)!.entry.hash, count: chain.length }]
	};
	const text = writeBackup({ clients: [client], plans: [plan], marks, records: tables }, { exportedAt: start + 3 * DAY });
	return { text, client, plan, details, practitioner, consents, record: signed.record, changes: edited.history.length, addenda };
}
