/**
 * The backup screens' state: an export with its progress, and a restore that goes file →
 * checked preview → confirmed write. Components stay thin; everything that can fail reports
 * through `notices` with the store's own message. Nothing here touches the network: the file is
 * made into a Blob URL and read back with File.text().
 */
import { version } from '$app/environment';
import { BACKUP_LIMITS } from '$lib/domain/backup/format';
import type { MergeCounts } from '$lib/domain/backup/merge';
import type { RecordCounts } from '$lib/domain/backup/record-merge';
import { flushAll, store, StoreError, toStoreError } from '$lib/store';
import { applyImport, exportBackup, previewImport, type ExportResult, type ImportPreview, type ImportSummary } from '$lib/store/backup';
import { plural } from '$lib/ui/format';
import { notices } from '$lib/ui/notices.svelte';
import { download } from '$lib/ui/download';
import { movePaintingsToCurrentFigures } from '$lib/ui/body/paintings-migration';
import { restoreSummaryWords } from './words';

export class BackupExport {
	#running = $state(false);
	#done = $state(0);
	#total = $state(0);
	#message = $state('');
	#waiting = $state.raw<ExportResult | null>(null);

	get running(): boolean {
		return this.#running;
	}
	/** A written file held back until the person confirms saving it with its failing records. */
	get waiting(): ExportResult | null {
		return this.#waiting;
	}
	/** Records written so far, of `total`. */
	get done(): number {
		return this.#done;
	}
	get total(): number {
		return this.#total;
	}
	/** What the last export did, for a status line. */
	get message(): string {
		return this.#message;
	}

	/** Exports all data, or one client with their plans and marks, and downloads the file. */
	async run(clientId?: string): Promise<void> {
		if (this.#running) return;
		this.#running = true;
		this.#done = 0;
		this.#total = 0;
		this.#message = '';
		try {
			// The last keystrokes in an open form belong in the backup.
			await flushAll();
			const out = await exportBackup(store, {
				clientId,
				appVersion: version,
				onProgress: (done, total) => {
					this.#done = done;
					this.#total = total;
				}
			});
			// A record that fails its check never stops the backup, but the person decides knowingly.
			if (out.integrity.length) this.#waiting = out;
			else this.#save(out);
		} catch (e) {
			notices.error(e);
		} finally {
			this.#running = false;
		}
	}

	/** Saves the file held back (its failing records in it exactly as they are). */
	saveAnyway(): void {
		const out = this.#waiting;
		this.#waiting = null;
		if (out) this.#save(out);
	}

	/** Drops the held-back file: nothing is saved. */
	cancel(): void {
		if (this.#waiting) this.#message = 'The backup was not saved.';
		this.#waiting = null;
	}

	#save(out: ExportResult): void {
		download(out.parts, out.fileName);
		const { clients, plans, marks, records } = out.counts;
		const signed = records ? `, ${plural(records, 'treatment record')}` : '';
		const failing = out.integrity.length ? ` ${plural(out.integrity.length, 'signed record')} in it marked as failing its check.` : '';
		this.#message = `Saved ${out.fileName}: ${plural(clients, 'client')}, ${plural(plans, 'plan')}, ${plural(marks, 'mark')}${signed}.${failing}`;
	}
}

/** "2 new, 1 newer than this device's copy (will replace it), 3 already on this device (kept)" */
export function describeCounts(c: MergeCounts): string {
	const parts: string[] = [];
	if (c.added) parts.push(`${c.added} new`);
	if (c.updated) parts.push(`${c.updated} newer than this device’s copy (will replace it)`);
	if (c.older) parts.push(`${c.older} older than this device’s copy (kept as it is)`);
	if (c.same) parts.push(`${c.same} already on this device (kept as it is)`);
	return parts.join(', ') || 'none';
}

const describeResult = (r: ImportSummary): string => restoreSummaryWords(r);

/** The treatment records a restore brings, or '' when the file holds none. */
export function describeRecords(c: RecordCounts): string {
	const parts: string[] = [];
	if (c.added) parts.push(`${plural(c.added, 'record')} new`);
	if (c.updated) parts.push(`${plural(c.updated, 'record')} newer than this device’s copy (will replace it)`);
	if (c.older + c.same) parts.push(`${plural(c.older + c.same, 'record')} already here or older (kept as it is)`);
	if (c.keptSigned) parts.push(`${plural(c.keptSigned, 'record')} signed on this device (kept as signed)`);
	if (c.addenda) parts.push(`${plural(c.addenda, 'new addendum', 'new addenda')}`);
	if (c.consents) parts.push(`${plural(c.consents, 'signed consent')} new or withdrawn`);
	if (c.practitioners) parts.push(`${plural(c.practitioners, 'practitioner')} new or newer`);
	if (c.details) parts.push(`${plural(c.details, 'client’s details', 'clients’ details')} new or newer`);
	return parts.join(', ');
}

/** "2 signed records arrive marked as changed after signing": the failing rows a file declares. */
export function describeFailing(failing: readonly { kind: string }[]): string {
	const consents = failing.filter((f) => f.kind === 'consent').length;
	const records = failing.length - consents;
	const parts: string[] = [];
	if (records) parts.push(plural(records, 'signed record'));
	if (consents) parts.push(plural(consents, 'signed consent'));
	return parts.length ? `${parts.join(' and ')} arrive${failing.length === 1 ? 's' : ''} marked as changed after signing` : '';
}

export class BackupRestore {
	#preview = $state.raw<ImportPreview | null>(null);
	#busy = $state(false);
	#message = $state('');
	#problem = $state('');
	#fileName = $state('');

	/** The checked file waiting for confirmation, or null. */
	get preview(): ImportPreview | null {
		return this.#preview;
	}
	get busy(): boolean {
		return this.#busy;
	}
	get fileName(): string {
		return this.#fileName;
	}
	/** Why the chosen file cannot be restored, shown beside the button (not in the notices at the top). */
	get problem(): string {
		return this.#problem;
	}
	/** What the last restore did, for a status line. */
	get message(): string {
		return this.#message;
	}

	/** Reads and checks a chosen file; a bad one gets a notice naming what is wrong. */
	async choose(file: File): Promise<void> {
		if (this.#busy) return;
		this.#busy = true;
		this.#message = '';
		this.#problem = '';
		this.#preview = null;
		try {
			if (file.size > BACKUP_LIMITS.fileBytes) {
				const mb = (n: number) => Math.round(n / 1048576);
				throw new StoreError(
					'validation',
					`This file cannot be restored: it is too large (${mb(file.size)} MB; a backup is at most ${mb(BACKUP_LIMITS.fileBytes)} MB). Nothing on this device was changed.`
				);
			}
			const text = await file.text();
			this.#fileName = file.name;
			this.#preview = await previewImport(store, text);
		} catch (e) {
			this.#problem = toStoreError(e).message;
		} finally {
			this.#busy = false;
		}
	}

	cancel(): void {
		this.#preview = null;
	}

	/** Writes the previewed file (one transaction) and reports what it did. */
	async confirm(): Promise<void> {
		const preview = this.#preview;
		if (!preview || this.#busy) return;
		this.#busy = true;
		try {
			this.#message = describeResult(await applyImport(store, preview.backup));
			movePaintingsToCurrentFigures(true); // the file may bring paintings made on the old figures
		} catch (e) {
			this.#problem = toStoreError(e).message;
		} finally {
			this.#busy = false;
		}
	}
}
