/**
 * Signed rows that fail their check (docs/RECORD.md "Backup, restore and hand-off"). An export never
 * refuses because of one: every row is written exactly as stored and the failing ones are listed in
 * the file's `integrity` (informational, under no hash). A restore takes a failing row only when the
 * file declares it there, so the evidence is kept as it is; an undeclared failure refuses the whole
 * restore, as a tampered file must. Pure (Web Crypto only).
 */
import type { BackupData, IntegrityEntry } from './format';
import { recordSignatureFailures } from './record-verify';
import { namesOf, readRecordTables, type Lenient, type SignedProblem } from './records';
import type { RecordTables } from './record-tables';

/** Whether the file's list names this failure: the same row, or (a chain) the same signed record. */
export function declares(declared: readonly IntegrityEntry[], p: SignedProblem): boolean {
	return declared.some((d) => (d.kind === 'consent') === (p.kind === 'consent') && (d.id === p.id || (p.recordId !== undefined && (d.recordId ?? d.id) === p.recordId)));
}

/** One entry per failing row: a row kept as stored and its chain failing too are said once. */
function distinct(list: SignedProblem[]): SignedProblem[] {
	const seen = new Set<string>();
	return list.filter((p) => {
		const key = `${p.kind === 'consent' ? 'c' : 'r'}:${p.recordId ?? p.id}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/**
 * The device's signed rows (as the export writes them) that fail their check. Rows are read like a
 * restore reads the file, through JSON, so the list is what a restore will find. `readNow` is the
 * readers' "now" (Infinity for rows already on the device); `now` dates the check.
 */
export async function integrityOf(data: BackupData, now: number, readNow = now): Promise<IntegrityEntry[]> {
	if (!data.records) return [];
	const names = namesOf(data);
	const lenient: Lenient = { keeps: () => true, changed: [] };
	const tables = readRecordTables(JSON.parse(JSON.stringify(data.records)), readNow, names, lenient);
	const failing = distinct([...lenient.changed, ...(await recordSignatureFailures(tables, names))]);
	return failing.map((p) => ({ ...p, checkedAt: now }));
}

export type CheckedRecords =
	| { ok: true; tables: RecordTables; failing: SignedProblem[] }
	| { ok: false; problem: string };

/**
 * A file's record rows read and verified: failures it declares come back in `failing` (one per
 * signed record or consent); the first it does not declare refuses the file.
 */
export async function checkRecords(root: Partial<Record<string, unknown>>, now: number, data: BackupData, declared: readonly IntegrityEntry[]): Promise<CheckedRecords> {
	const names = namesOf(data);
	const lenient: Lenient = { keeps: (p) => declares(declared, p), changed: [] };
	const tables = readRecordTables(root, now, names, lenient);
	const failures = await recordSignatureFailures(tables, names);
	const hidden = failures.find((p) => !declares(declared, p));
	if (hidden) return { ok: false, problem: `${hidden.problem} A signed record must reach this device exactly as it was signed.` };
	return { ok: true, tables, failing: distinct([...lenient.changed, ...failures]) };
}
