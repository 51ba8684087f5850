/**
 * The client's fuller details as a form holds them (issue 12): every field present, a person
 * (emergency contact, guardian) always an object so its inputs have somewhere to go, and the
 * conversion to what the store keeps (a blank person is none, an empty date is none). Also the
 * age in words and the short summaries the client page shows for a filled group. Pure.
 */
import { formatDate } from '../dates';
import { ageOn } from './retention';
import type { ClientDetails, IsoDay, Person } from './types';

export const DETAIL_FIELDS = [
	'dateOfBirth', 'gender', 'address', 'emergencyContact', 'referrer', 'occupation', 'medicalHistory', 'medications', 'allergies',
	'pregnancy', 'pregnancyNote', 'guardian'
] as const;

export const emptyPerson = (): Person => ({ name: '', relationship: '', phone: '' });

export function emptyClientDetails(): ClientDetails {
	return {
		dateOfBirth: null, gender: '', address: '', emergencyContact: null, referrer: '', occupation: '', medicalHistory: '', medications: '',
		allergies: '', pregnancy: 'not-asked', pregnancyNote: '', guardian: null
	};
}

const blankPerson = (p: Person | null | undefined) => !p || (!p.name.trim() && !p.relationship.trim() && !p.phone.trim());

/** Some details as the store keeps them: a person with nothing typed is none; an empty date is none. */
export function detailsAsStored<T extends Partial<Record<keyof ClientDetails, unknown>>>(fields: T): T {
	const out: Record<string, unknown> = { ...fields };
	for (const k of ['emergencyContact', 'guardian'] as const) if (k in out && blankPerson(out[k] as Person | null)) out[k] = null;
	if ('dateOfBirth' in out && !out.dateOfBirth) out.dateOfBirth = null;
	return out as T;
}

/** The details as a form edits them: each person an object. */
export function detailsForForm(d: ClientDetails): ClientDetails {
	return { ...d, emergencyContact: { ...(d.emergencyContact ?? emptyPerson()) }, guardian: { ...(d.guardian ?? emptyPerson()) } };
}

/** "Born 3 Apr 2010, age 16 (under 18)"; '' without a date of birth. */
export function ageWords(dateOfBirth: IsoDay | null, today: IsoDay, locale?: string): string {
	const age = ageOn(dateOfBirth, today);
	if (!dateOfBirth || age === null) return '';
	return `Born ${formatDate(dateOfBirth, locale)}, age ${age}${age < 18 ? ' (under 18)' : ''}`;
}

export const isMinor = (dateOfBirth: IsoDay | null, today: IsoDay): boolean => {
	const age = ageOn(dateOfBirth, today);
	return age !== null && age < 18;
};

/** What still needs filling in, in words: a minor needs a guardian (who signs for them). */
export function detailsNeeds(d: ClientDetails, today: IsoDay): string[] {
	const needs: string[] = [];
	if (isMinor(d.dateOfBirth, today) && blankPerson(d.guardian)) needs.push('A client under 18 needs a parent or guardian: they sign the consent for them. Please enter the guardian’s name.');
	return needs;
}

const join = (parts: (string | false | null | undefined)[]) => parts.filter((p): p is string => !!p && !!p.trim()).join(' · ');

export function personWords(p: Person | null): string {
	return p && !blankPerson(p) ? join([p.name, p.relationship, p.phone]) : '';
}

/** One line per group for the collapsed view; '' when the group is empty. */
export function detailsSummary(d: ClientDetails) {
	const pregnancy = d.pregnancy === 'yes' ? `Pregnant${d.pregnancyNote ? `: ${d.pregnancyNote}` : ''}` : d.pregnancy === 'no' ? 'Not pregnant' : '';
	return {
		// The age has its own line above the groups.
		personal: join([d.gender, d.occupation, d.address]),
		contacts: join([d.emergencyContact && personWords(d.emergencyContact) && `Emergency: ${personWords(d.emergencyContact)}`, d.referrer && `GP / referrer: ${d.referrer}`]),
		health: join([
			d.medicalHistory && 'History noted',
			d.medications && `Medications: ${d.medications.split('\n')[0]}`,
			d.allergies && `Allergies: ${d.allergies.split('\n')[0]}`,
			pregnancy
		]),
		guardian: personWords(d.guardian)
	};
}
