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
