/**
 * The treatment record's tables in a backup file (format version 4), in the order the file writes
 * them. On their own, without imports, so the format (which hand-offs load on the client's
 * pages) names them without carrying the record's readers.
 */
import type { Addendum, ClientDetails, Consent, HistoryEntry, LockedRecord, Practitioner, TreatmentRecord } from '$lib/domain/record/types';

export const RECORD_TABLES = ['practitioners', 'clientDetails', 'consents', 'records', 'recordHistory', 'addenda', 'chainHeads'] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];

export interface RecordTables {
	practitioners: Practitioner[];
	clientDetails: (ClientDetails & { clientId: string })[];
	consents: Consent[];
	records: (TreatmentRecord | LockedRecord)[];
	/** In the order the changes were made (the device's own order). */
	recordHistory: HistoryEntry[];
	addenda: Addendum[];
	chainHeads: { recordId: string; hash: string; count: number }[];
}

/**
 * The clinic's own tables (format version 5): the deletions log and the settings a new tablet
 * needs to carry on (the keeping period, the consent statement). A whole-device backup carries
 * both; a one-client backup only that client's deletions; a hand-off never either.
 */
export const CLINIC_TABLES = ['deletions', 'settings'] as const;
export type ClinicTable = (typeof CLINIC_TABLES)[number];

/** The settings rows a backup carries (the retention rule's and the consent statement's keys); never the PIN or the lock. */
export const CARRIED_SETTINGS = ['retentionRule', 'consentText'] as const;
export type CarriedSetting = (typeof CARRIED_SETTINGS)[number];

/** A carried setting in the file: its value and when it was last chosen on its device (null: before that was kept). */
export interface ClinicSetting {
	key: CarriedSetting;
	value: string;
	changedAt: number | null;
}
