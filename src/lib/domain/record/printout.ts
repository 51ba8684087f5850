/**
 * The printed treatment record's words, pure: what a health fund, a regulator or a court reads on
 * paper, block by block in reading order — who treated (as signed, for a locked record), the
 * client and the details the record relies on, the consent in force at the session, the times,
 * SOAP, what was done, the signatures, the hash chain's head and whether it verified, and every
 * addendum below the original. A draft says so at the top. ./print-pages places the blocks on
 * pages; the screen only lays them out.
 */
import { formatDate, formatDateTime } from '../dates';
import { CHUNK_CHARS, paragraphs } from '../paragraphs';
import type { Client, Plan } from '../records';
import { regionByCode, regionLabel, shortLabel } from '../regions';
import { ageWords, personWords } from './details';
import { minutesBetween } from './form';
import type { ChainCheck } from './chain';
import type { ConsentCheck } from './consent-seal';
import type { Addendum, ClientDetails, Consent, HistoryEntry, IsoDay, LockedRecord, PractitionerSnapshot, Signature, TreatmentRecord } from './types';
import { isLocked } from './locked';
import { healthRows, historyRows } from './print-session';
import { consentAt, consentRows, consentStanding, sealWords, shortHash } from './print-consent';
import { doubtWords, sensitiveAreasNamed, unreadableBearing, type UnreadableConsent } from './consent-status';

export { consentAt, consentRows, consentStanding, sealWords, shortHash, type ConsentStanding } from './print-consent';

/** Longest piece of a paragraph on paper (about four lines), so a page's end can take part of one. */
export const PIECE_CHARS = CHUNK_CHARS;

export interface Row {
	label: string;
	value: string;
}

export interface SignatureItem {
	/** "Client's consent signature", "Practitioner's signature". */
	label: string;
	/** Null when there is none (a draft; no consent): `missing` says so instead. */
	signature: Signature | null;
	/** "Jo Bloggs, signed 3 Dec 2026, 9:30 AM". */
	caption: string;
	missing: string;
}

/** One piece of the printed record. `section` groups pieces under one heading; `first` is a section's first piece. */
export type PrintBlock = { key: string; section: string; first: boolean; newPage?: boolean; onFirstPage?: boolean } & (
	| { kind: 'title'; title: string; subtitle: string; draft: boolean; note: string }
	/** Side by side, each column a list of headed groups of rows. */
	| { kind: 'columns'; lead: { heading: string; rows: Row[] } | null; columns: { heading: string; rows: Row[] }[][] }
	| { kind: 'rows'; rows: Row[] }
	| { kind: 'text'; label: string | null; text: string }
	/** What was done, the signatures and the chain side by side: the record's end, kept whole (small enough to end page one). */
	| { kind: 'closing'; planId: string; rows: Row[]; items: SignatureItem[]; chain: { ok: boolean | null; words: string; head: string } }
	/** Both body views with the marks, at a readable size, after the closing: a page's end may send them on. */
	| { kind: 'bodies'; planId: string }
	| { kind: 'signatures'; items: SignatureItem[] }
);

/** Headings of the sections (an addendum's section is `addendum:<n>`). */
export function sectionTitle(section: string): string {
	const n = /^addendum:(\d+)$/.exec(section);
	if (n) return `Addendum ${n[1]}`;
	return SECTION_TITLES[section] ?? '';
}

const SECTION_TITLES: Record<string, string> = {
	title: '',
	people: '',
	consent: 'Consent in force at this session',
	session: 'The session',
	s: 'S · Subjective',
	o: 'O · Objective',
	a: 'A · Assessment',
	p: 'P · Plan',
	closing: '',
	bodies: 'The body as marked',
	client: 'The client',
	consents: 'Consents'
};

export const DRAFT_MARK = 'Draft — not signed';

/** A text's paragraphs (one per line break, empty ones dropped), each cut at sentence ends, else between words, into pieces of at most `max` characters. */
export const pieces = (text: string, max = PIECE_CHARS): string[][] => paragraphs(text, max);

/** The practitioner's lines, as signed (a locked record) or as the profile stands (a draft): a letterhead in five lines. */
export function practitionerRows(p: PractitionerSnapshot | null): Row[] {
	if (!p) return [{ label: 'Practitioner', value: 'Not chosen yet' }];
	const join = (...parts: string[]) => parts.filter((x) => x.trim()).join(' · ');
	const rows: Row[] = [
		{ label: 'Name', value: [p.fullName, p.qualification].filter(Boolean).join(', ') },
		{ label: 'Association', value: [p.association, p.membershipNumber && `membership no. ${p.membershipNumber}`].filter(Boolean).join(', ') },
		{ label: p.providerNumbers.length > 1 ? 'Provider numbers' : 'Provider number', value: p.providerNumbers.map((n) => [n.fund, n.number].filter(Boolean).join(' ')).join('; ') },
		{ label: 'Business', value: join(p.businessName, p.taxNumber && `ABN / tax no. ${p.taxNumber}`) },
		{ label: 'Address', value: join(p.address, p.phone && `phone ${p.phone}`) }
	];
	return filled(rows);
}

const PREGNANCY_WORDS = { 'not-asked': '', no: 'No', yes: 'Yes' } as const;

/** The client's lines the record relies on: who, born when (age on `day`), contact, GP or referrer, health, a guardian. */
export function clientRows(client: Pick<Client, 'name' | 'contact'>, d: ClientDetails | null, day: IsoDay, locale?: string): Row[] {
	const rows: Row[] = [
		{ label: 'Name', value: client.name || 'Unnamed client' },
		{ label: 'Date of birth', value: d?.dateOfBirth ? ageWords(d.dateOfBirth, day, locale).replace(/^Born /, '') : 'Not recorded' },
		{ label: 'Contact', value: client.contact }
	];
	if (d) {
		rows.push(
			{ label: 'Gender', value: d.gender },
			{ label: 'Address', value: d.address },
			{ label: 'Emergency contact', value: personWords(d.emergencyContact) },
			{ label: 'GP / referrer', value: d.referrer },
			{ label: 'Occupation', value: d.occupation },
			{ label: 'Medical history', value: d.medicalHistory || 'None recorded' },
			{ label: 'Medications', value: d.medications || 'None recorded' },
			{ label: 'Allergies', value: d.allergies || 'None recorded' },
			{ label: 'Pregnant', value: [PREGNANCY_WORDS[d.pregnancy], d.pregnancy === 'yes' ? d.pregnancyNote : ''].filter(Boolean).join(': ') },
			{ label: 'Parent or guardian', value: personWords(d.guardian) }
		);
	}
	return filled(rows);
}

const filled = (rows: Row[]) => rows.map((r) => ({ ...r, value: r.value.trim() })).filter((r) => r.value);

const time = (ms: number | null) => (ms === null ? 'not recorded' : formatDateTime(ms));

/** "Planned 60 min · started … · ended … (took 55 min)". */
export function sessionRows(r: Pick<TreatmentRecord, 'plannedMin' | 'startedAt' | 'endedAt'>): Row[] {
	const took = minutesBetween(r.startedAt, r.endedAt);
	return [
		{ label: 'Planned length', value: `${r.plannedMin} min` },
		{ label: 'Started', value: time(r.startedAt) },
		{ label: 'Ended', value: `${time(r.endedAt)}${took !== null ? ` (took ${took} min)` : ''}` }
	];
}

/** The chain's state in words: verified, the failure, or a draft. */
export function chainWords(record: TreatmentRecord, check: ChainCheck | null, addenda: number): { ok: boolean | null; words: string } {
	if (!isLocked(record)) return { ok: null, words: `${DRAFT_MARK}: this record can still be changed, and has no signed history yet.` };
	if (!check) return { ok: false, words: 'Not verified: the record could not be checked when this was printed.' };
	if (check.ok) return { ok: true, words: `Verified: unchanged since signed${addenda ? ` (with ${addenda === 1 ? 'its addendum' : `its ${addenda} addenda`})` : ''}.` };
	return { ok: false, words: `NOT VERIFIED: ${check.problem}` };
}

export interface SessionPrint {
	record: TreatmentRecord | LockedRecord;
	/** `health`: the session's health check answers, printed beside its times. */
	plan: Pick<Plan, 'id' | 'title' | 'date'> & { health?: Plan['health'] };
	client: Pick<Client, 'name' | 'contact'>;
	details: ClientDetails | null;
	/** For a draft, the chosen practitioner's profile as it stands (a locked record carries its own snapshot). */
	practitioner: PractitionerSnapshot | null;
	consents: readonly Consent[];
	/** Each consent's seal checked now, by id (absent: not printed). */
	consentChecks?: ReadonlyMap<string, ConsentCheck>;
	/** The client's consent rows that could not be read (not in `consents`), with their dates when readable. */
	unreadableConsents?: readonly UnreadableConsent[];
	/** The record's changes before signing (none for a draft not stored yet); absent: not printed. */
	history?: readonly Pick<HistoryEntry, 'at'>[];
	/** Why the history could not be read, when it could not (printed in its place). */
	historyProblem?: string;
	/** The addenda in chain order (empty for a draft). */
	addenda: readonly Addendum[];
	/** The chain verified now; null for a draft or when it could not be read. */
	check: ChainCheck | null;
	/** The kept head's hash (the last link's), '' for a draft. */
	head: string;
	/** Printed on (for the age when no session day is known). */
	today: IsoDay;
}

/** What the practitioner declared when signing without the client's signed consent (sign step). */
export const CONSENT_OTHERWISE = "The practitioner declared they have the client's consent another way (e.g. on paper) or will record why in the notes.";

/**
 * The health check a record prints: a signed record's own sealed answers; a draft's, the plan's.
 * A record signed before the answers were sealed with it prints the plan's, and says so.
 */
function sessionHealth(locked: LockedRecord | null, planHealth: Plan['health'] | undefined): Row[] {
	if (!locked || locked.health) return healthRows(locked ? locked.health : planHealth);
	return healthRows(planHealth).map((r) => ({ ...r, value: `${r.value}\n(From the session's plan as it is now: this record was signed before the health check was sealed with it.)` }));
}

/** The record of one session, block by block. `newPage` starts it on a page of its own (in a whole record). */
export function sessionBlocks(input: SessionPrint, newPage = false): PrintBlock[] {
	const { record, plan, client, details, consents, addenda } = input;
	const locked = isLocked(record) ? (record as LockedRecord) : null;
	const k = (key: string) => `${record.id}:${key}`;
	const blocks: PrintBlock[] = [];
	const day = plan.date || input.today;
	blocks.push({
		key: k('title'),
		section: 'title',
		first: true,
		newPage,
		kind: 'title',
		title: 'Treatment record',
		subtitle: `${client.name || 'Unnamed client'} · ${formatDate(plan.date)}${plan.title ? ` · ${plan.title}` : ''}`,
		draft: !locked,
		note: locked ? '' : `${DRAFT_MARK}. This record can still be changed; it is not a signed treatment record.`
	});
	// At the session's start; a draft not started yet takes the consent in force now (signed at the session, after the draft was made).
	const at = record.startedAt ?? Number.MAX_SAFE_INTEGER;
	const consent = consentAt(consents, at);
	// An unreadable row that may be a later consent or a withdrawal is said beside the consent shown, whatever the record's state.
	const doubts = doubtWords(unreadableBearing(input.unreadableConsents ?? [], consent, at), !!consent).map((value) => ({ label: consent ? 'Another consent' : 'A consent', value }));
	// Sensitive areas in "Areas treated" this consent does not agree to: the sign step asked the
	// therapist to acknowledge them; both the record and the consent are sealed, so this stays true.
	const unagreed = sensitiveAreasNamed(record.areas).filter((code) => !consent?.sensitiveAreas.includes(code));
	if (unagreed.length) {
		const names = unagreed.map((code) => shortLabel(regionByCode(code)!)).join('; ');
		doubts.push({ label: 'Sensitive areas treated', value: `${names}: ${consent ? 'not among the areas this consent agrees to' : 'with no signed consent'}.` });
	}
	// Sealed at signing when the consent was missing: the practitioner's word, printed beside it.
	if (locked?.consentOtherwise) doubts.push({ label: 'At signing', value: CONSENT_OTHERWISE });
	blocks.push({
		key: k('people'),
		section: 'people',
		first: true,
		kind: 'columns',
		lead: { heading: locked ? 'Practitioner (as signed)' : 'Practitioner', rows: practitionerRows(locked ? locked.practitioner : input.practitioner) },
		columns: [
			[
				{ heading: 'Consent in force at this session', rows: [...(consent ? consentRows(consent, false, input.consentChecks?.get(consent.id)) : [{ label: 'Consent', value: 'No signed consent before this session.' }]), ...doubts] },
				{ heading: 'The session', rows: [...sessionRows(record), ...sessionHealth(locked, plan.health), ...historyRows(input.history, !!locked, input.historyProblem)] }
			],
			[{ heading: 'Client', rows: clientRows(client, details, day) }]
		]
	});
	const text = (section: string, field: string, label: string | null, value: string, empty = 'Nothing recorded.') => {
		const paras = pieces(value);
		const firstOf = !blocks.some((b) => b.section === section);
		if (!paras.length) {
			blocks.push({ key: k(`${section}:${field}`), section, first: firstOf, kind: 'text', label, text: empty });
			return;
		}
		paras.forEach((ps, p) =>
			ps.forEach((t, c) =>
				blocks.push({ key: k(`${section}:${field}:${p}:${c}`), section, first: firstOf && p === 0 && c === 0, kind: 'text', label: p === 0 && c === 0 ? label : null, text: t })
			)
		);
	};
	text('s', 's', null, record.soap.s);
	text('o', 'general', null, record.soap.o.general, Object.keys(record.soap.o.regions).length ? 'No general findings recorded.' : 'Nothing recorded.');
	for (const [code, finding] of Object.entries(record.soap.o.regions).sort(([a], [b]) => Number(a) - Number(b))) {
		const r = regionByCode(Number(code));
		if (finding.trim()) text('o', `region-${code}`, r ? regionLabel(r) : `Region ${code}`, finding);
	}
	text('a', 'a', null, record.soap.a);
	text('p', 'homeCare', 'Home care and advice', record.soap.p.homeCare, 'None recorded.');
	text('p', 'nextSession', 'Next session', record.soap.p.nextSession, 'None recorded.');
	text('p', 'referral', 'Referral', record.soap.p.referral, 'None.');
	const signer = consent && (consent.signer === 'guardian' && consent.guardian ? consent.guardian.name : consent.signerName);
	const chain = chainWords(record, input.check, addenda.length);
	blocks.push({
		key: k('closing'),
		section: 'closing',
		first: true,
		onFirstPage: true,
		kind: 'closing',
		planId: plan.id,
		rows: [
			{ label: 'Areas treated', value: record.areas.join('\n') || 'None recorded' },
			{ label: 'Techniques', value: record.techniques.join('; ') || 'None recorded' },
			{ label: 'Pressure', value: record.pressure || 'Not recorded' }
		],
		items: [
			{
				label: consent?.signer === 'guardian' ? 'Consent signature (guardian)' : 'Client’s consent signature',
				signature: consent?.signature ?? null,
				caption: consent ? `${signer}, signed ${formatDateTime(consent.signedAt)}` : '',
				missing: 'No signed consent before this session.'
			},
			{
				label: 'Practitioner’s signature',
				signature: locked?.signature ?? null,
				caption: locked ? `${locked.practitioner.fullName}, signed ${formatDateTime(locked.signedAt)}` : '',
				missing: `${DRAFT_MARK}.`
			}
		],
		chain: { ok: chain.ok, words: chain.words, head: locked ? input.head || locked.hash : '' }
	});
	blocks.push({ key: k('bodies'), section: 'bodies', first: true, kind: 'bodies', planId: plan.id });
	addenda.forEach((a, i) => {
		const section = `addendum:${i + 1}`;
		blocks.push({
			key: k(`add:${a.id}:head`),
			section,
			first: true,
			kind: 'rows',
			rows: [
				{ label: 'Dated', value: formatDateTime(a.signedAt) },
				{ label: 'By', value: [a.practitioner.fullName, a.practitioner.qualification].filter(Boolean).join(', ') }
			]
		});
		pieces(a.text).forEach((ps, p) => ps.forEach((t, c) => blocks.push({ key: k(`add:${a.id}:${p}:${c}`), section, first: false, kind: 'text', label: null, text: t })));
		blocks.push({
			key: k(`add:${a.id}:sig`),
			section,
			first: false,
			kind: 'signatures',
			items: [{ label: 'Signature', signature: a.signature, caption: `${a.practitioner.fullName}, signed ${formatDateTime(a.signedAt)}`, missing: '' }]
		});
	});
	return blocks;
}

export interface ClientPrint {
	client: Pick<Client, 'name' | 'contact'>;
	details: ClientDetails | null;
	consents: readonly Consent[];
	/** Each consent's seal checked now, by id; a row that could not be read is here and not in `consents`. */
	consentChecks?: ReadonlyMap<string, ConsentCheck>;
	currentTextHash: string;
	/** Dates of the sessions in the record, in order, for the contents line. */
	sessions: readonly { date: IsoDay; title: string; draft: boolean }[];
	today: IsoDay;
}

/** A whole record's first part: the client, the sessions it holds, and every consent with where it stands. */
export function clientBlocks(input: ClientPrint): PrintBlock[] {
	const { client, details, consents, sessions, today } = input;
	const blocks: PrintBlock[] = [
		{
			key: 'client:title',
			section: 'title',
			first: true,
			kind: 'title',
			title: 'Client record',
			subtitle: `${client.name || 'Unnamed client'} · ${sessions.length === 1 ? '1 session' : `${sessions.length} sessions`} · printed ${formatDate(today)}`,
			draft: false,
			note: 'The client’s details, every consent and every session’s treatment record with its addenda, in date order.'
		},
		{ key: 'client:rows', section: 'client', first: true, kind: 'rows', rows: clientRows(client, details, today) },
		{
			key: 'client:sessions',
			section: 'client',
			first: false,
			kind: 'rows',
			rows: [
				{
					label: 'Sessions',
					value: sessions.length ? sessions.map((s) => `${formatDate(s.date)}${s.title ? ` · ${s.title}` : ''}${s.draft ? ` (${DRAFT_MARK.toLowerCase()})` : ''}`).join('\n') : 'None'
				}
			]
		}
	];
	const sorted = [...consents].sort((a, b) => a.signedAt - b.signedAt);
	const unreadable = [...(input.consentChecks ?? [])].filter(([id, c]) => c.state === 'broken' && !sorted.some((s) => s.id === id));
	if (!sorted.length && !unreadable.length) blocks.push({ key: 'consents:none', section: 'consents', first: true, kind: 'text', label: null, text: 'No consent has been signed.' });
	unreadable.forEach(([id, c], i) => blocks.push({ key: `consent:${id}:unreadable`, section: 'consents', first: i === 0, kind: 'text', label: 'A consent that cannot be read', text: sealWords(c) }));
	sorted.forEach((c, i) => {
		const { words } = consentStanding(c, sorted, input.currentTextHash, { dateOfBirth: details?.dateOfBirth ?? null }, today, input.consentChecks?.get(c.id));
		blocks.push({ key: `consent:${c.id}`, section: 'consents', first: i === 0 && !unreadable.length, kind: 'rows', rows: [{ label: `Consent ${i + 1}`, value: words }, ...consentRows(c, true, input.consentChecks?.get(c.id))] });
		blocks.push({
			key: `consent:${c.id}:sig`,
			section: 'consents',
			first: false,
			kind: 'signatures',
			items: [{ label: 'Signature', signature: c.signature, caption: `${c.signer === 'guardian' && c.guardian ? c.guardian.name : c.signerName}, signed ${formatDateTime(c.signedAt)}`, missing: '' }]
		});
		// Each statement in full once, under the first consent that signed it; a later one names that
		// consent, only when both hold the same text and the earlier one passes its check (a changed
		// text must never stand for what a later client signed).
		const broken = (o: Consent) => input.consentChecks?.get(o.id)?.state === 'broken';
		const same = broken(c) ? -1 : sorted.findIndex((o) => o.textHash === c.textHash && o.text === c.text && !broken(o));
		if (same !== -1 && same < i) {
			blocks.push({ key: `consent:${c.id}:text`, section: 'consents', first: false, kind: 'text', label: 'The statement signed', text: `The same statement as Consent ${same + 1} (version ${shortHash(c.textHash)}), printed there in full.` });
			return;
		}
		pieces(c.text).forEach((ps, p) =>
			ps.forEach((t, j) => blocks.push({ key: `consent:${c.id}:text:${p}:${j}`, section: 'consents', first: false, kind: 'text', label: p === 0 && j === 0 ? 'The statement signed' : null, text: t }))
		);
	});
	return blocks;
}

/** A drawn signature's viewBox cropped to its ink, with `pad` pad pixels round it: the signature fills its box on paper. */
export function inkViewBox(sig: { width: number; height: number; strokes: { x: number; y: number }[][] }, pad = 8): string {
	const points = sig.strokes.flat();
	if (!points.length) return `0 0 ${sig.width} ${sig.height}`;
	const xs = points.map((p) => p.x);
	const ys = points.map((p) => p.y);
	const x0 = Math.max(0, Math.min(...xs) - pad);
	const y0 = Math.max(0, Math.min(...ys) - pad);
	const x1 = Math.min(sig.width, Math.max(...xs) + pad);
	const y1 = Math.min(sig.height, Math.max(...ys) + pad);
	return `${x0} ${y0} ${Math.max(1, x1 - x0)} ${Math.max(1, y1 - y0)}`;
}
