/**
 * The signatures of a backup's treatment records, checked on the rows exactly as the file holds
 * them (./records.ts made sure reading changed nothing): each signed record's chain with the
 * file's own head, and each consent's seal (its statement, its signing, its withdrawal; a consent
 * signed before sealing: its statement). The first failure is said in
 * words naming the client's session. Which failures a file may carry is ./integrity.ts's rule.
 * Pure (Web Crypto only).
 */
import { entryName, verifyChain } from '$lib/domain/record/chain';
import { verifyConsent } from '$lib/domain/record/consent-seal';
import { isLocked } from '$lib/domain/record/locked';
import type { Addendum, ChainEntry, LockedRecord } from '$lib/domain/record/types';
import { sessionName, type Names, type SignedProblem } from './records';
import type { RecordTables } from './record-tables';

/**
 * A record's addenda in chain order: each after the link it names; any left over (a broken
 * chain) at the end, so verifying says what is wrong. Used to write a file in that order.
 */
export function chainOrder(record: { hash: string }, addenda: readonly Addendum[]): Addendum[] {
	const left = [...addenda].sort((a, b) => a.signedAt - b.signedAt || (a.id < b.id ? -1 : 1));
	const out: Addendum[] = [];
	let prev = record.hash;
	for (;;) {
		const i = left.findIndex((a) => a.prevHash === prev);
		if (i < 0) break;
		prev = left[i].hash;
		out.push(...left.splice(i, 1));
	}
	return [...out, ...left];
}

/** A chain's problem with the session named: "The record of Jo Bloggs’s session of Dec 3, 2026 was changed after it was signed." */
function named(problem: string, record: LockedRecord, session: string): string {
	const plain = entryName({ kind: 'record', entry: record });
	if (problem.startsWith(plain)) return `The record of ${session}${problem.slice(plain.length)}`;
	if (problem.includes('this record')) return problem.replace('this record', `the record of ${session}`);
	return `${problem.replace(/\.$/, '')} (in the record of ${session}).`;
}

/**
 * Every signed thing in the file that fails its check: each signed record's chain (named by the
 * entry where it breaks, with its record) and each consent's seal. The file's addenda are
 * taken in the order the file lists them (Somamap writes them in chain order), so moving one is
 * noticed too.
 */
export async function recordSignatureFailures(t: RecordTables, names: Names): Promise<SignedProblem[]> {
	const out: SignedProblem[] = [];
	const addenda = new Map<string, Addendum[]>();
	for (const a of t.addenda) addenda.set(a.recordId, [...(addenda.get(a.recordId) ?? []), a]);
	const heads = new Map(t.chainHeads.map((h) => [h.recordId, h]));
	for (const r of t.records) {
		if (!isLocked(r)) continue;
		const record = r as LockedRecord;
		const entries: ChainEntry[] = [{ kind: 'record', entry: record }, ...(addenda.get(record.id) ?? []).map((entry) => ({ kind: 'addendum' as const, entry }))];
		const head = heads.get(record.id);
		const check = await verifyChain(entries, { head: head && { hash: head.hash, count: head.count } });
		if (check.ok) continue;
		const at = entries[Math.max(0, Math.min(check.index, entries.length - 1))];
		out.push({ kind: at.kind, id: at.entry.id, recordId: record.id, problem: named(check.problem, record, sessionName(record, names)) });
	}
	for (const c of t.consents) {
		const check = await verifyConsent(c, names.get(c.clientId));
		if (check.state === 'broken') out.push({ kind: 'consent', id: c.id, problem: check.problem });
	}
	return out;
}
