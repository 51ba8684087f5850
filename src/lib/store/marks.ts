/**
 * Marks on the body, owned by a plan. Every change to a mark also moves its plan's updatedAt, in
 * the same transaction (touchPlan), so the plan lists and open forms see it. Once the plan's
 * treatment record is signed its marks are part of it (they draw the record's body views), so
 * every change is refused in that same transaction (touch); restores and hand-offs write
 * rows as stored elsewhere and are not changes made here.
 */
import type { Id, Mark } from '$lib/domain/records';
import { isLocked, MARKS_SEALED } from '$lib/domain/record/locked';
import type { LockedRecord, TreatmentRecord } from '$lib/domain/record/types';
import { validateMark, type MarkInput } from '$lib/domain/marks';
import { asStoredMark, cleanMark } from '$lib/domain/clean-text';
import { MAX_MARKS_PER_PLAN, planFullMessage } from '$lib/domain/limits';
import { StoreError } from './errors';
import { normaliseMark } from './normalise';
import { fail, failOnFirst, later, newId, read, unchanged, write, type StoreContext } from './core';
import type { SomamapDB } from './schema';
import { touchPlan } from './plans';
import { recordSigned } from './sealing';

export type MarkPatch = Partial<Omit<MarkInput, 'region'>> & { region?: number };

/** Validates a mark's fields (the first message becomes the StoreError). */
function checkMark(input: MarkInput): void {
	failOnFirst(validateMark(input));
}

const sealed = recordSigned;

/** Refuses a change to the plan's marks once its record is signed, else moves its updatedAt: inside the caller's transaction, which may have written already (a refusal rolls it back). */
async function touch(db: SomamapDB, planId: Id, now: number): Promise<void> {
	if (await sealed(db, planId)) fail(MARKS_SEALED);
	await touchPlan(db, planId, now);
}

/** The tables a change to marks writes or checks. */
const tables = (db: SomamapDB) => [db.plans, db.marks, db.records];

export class Marks {
	readonly #ctx: StoreContext;

	constructor(ctx: StoreContext) {
		this.#ctx = ctx;
	}

	async add(planId: Id, raw: MarkInput): Promise<Mark> {
		const { db, clock } = this.#ctx;
		const input = cleanMark(raw);
		checkMark(input);
		const now = clock();
		const mark: Mark = {
			id: newId(),
			planId,
			region: input.region,
			patch: input.patch ?? null,
			sensation: input.sensation,
			intensity: input.intensity,
			depth: input.depth,
			structure: input.depth === 'deep' ? input.structure : null,
			pressure: input.pressure,
			note: input.note.trim(),
			author: input.author,
			carried: false,
			createdAt: now,
			updatedAt: now
		};
		await write(db, tables(db), async () => {
			await touch(db, planId, now);
			if ((await db.marks.where('planId').equals(planId).count()) >= MAX_MARKS_PER_PLAN) fail(planFullMessage());
			await db.marks.add(mark);
		});
		return mark;
	}

	async update(id: Id, patch: MarkPatch, expected?: MarkPatch): Promise<Mark> {
		const { db, clock } = this.#ctx;
		return write(db, tables(db), async () => {
			const current = await db.marks.get(id);
			if (!current) throw new StoreError('not-found', 'This mark no longer exists.');
			unchanged(normaliseMark(current), asStoredMark(patch), expected);
			// A clock set back must still make a newer version: undo and merges compare updatedAt.
			const now = later(clock(), current.updatedAt);
			const next: Mark = cleanMark({ ...current, ...patch, id, planId: current.planId, updatedAt: now });
			if (next.depth !== 'deep') next.structure = null;
			if (next.region === null) fail('Please choose a region on the body or in the list.');
			checkMark({ ...next, region: next.region });
			next.note = next.note.trim();
			await db.marks.put(next);
			await touch(db, current.planId, now);
			return next;
		});
	}

	/** See Store.restoreMarks. */
	async restore(marks: readonly Mark[], expected: Record<Id, number | null>): Promise<Mark[]> {
		const { db, clock } = this.#ctx;
		const now = clock();
		return write(db, tables(db), async () => {
			const written: Mark[] = [];
			const putBack = new Set<Id>();
			for (const mark of marks.map(cleanMark)) {
				const current = await db.marks.get(mark.id);
				if (!current) putBack.add(mark.planId);
				// A stored row of another plan would be taken from it: that plan is checked too.
				else if (current.planId !== mark.planId) await touch(db, current.planId, now);
				const want = expected[mark.id];
				if (want !== undefined && (current?.updatedAt ?? null) !== want) {
					fail('This mark was changed since (perhaps in another window), so that step cannot be undone.');
				}
				if (mark.region === null) fail('Please choose a region on the body or in the list.');
				// A painted area already stored is taken as it is, even if older than today's rules.
				const samePatch = current?.patch === mark.patch || (current?.patch && mark.patch && samePatches(current.patch, mark.patch));
				checkMark({ ...mark, region: mark.region, patch: samePatch ? null : mark.patch });
				const next = { ...mark, updatedAt: later(now, current?.updatedAt ?? 0) };
				await touch(db, mark.planId, now);
				await db.marks.put(next);
				written.push(next);
			}
			// Marks put back count against the plan's cap like new ones (another tab may have added since).
			for (const planId of putBack) {
				if ((await db.marks.where('planId').equals(planId).count()) > MAX_MARKS_PER_PLAN) fail(planFullMessage());
			}
			return written;
		});
	}

	/** Removes a mark; returns it (for an undo) or undefined when it was already gone. */
	async remove(id: Id): Promise<Mark | undefined> {
		const { db, clock } = this.#ctx;
		return write(db, tables(db), async () => {
			const current = await db.marks.get(id);
			if (!current) return undefined;
			await db.marks.delete(id);
			await touch(db, current.planId, clock());
			return current;
		});
	}

	/** Why the plan's marks cannot change (they are part of its signed record), or null: the planner says it and shows them read-only. */
	sealed(planId: Id): Promise<string | null> {
		return read(async () => ((await sealed(this.#ctx.db, planId)) ? MARKS_SEALED : null));
	}

	/** When the plan's record was signed (0: locked with no time on it), or null while it is not. */
	signedAt(planId: Id): Promise<number | null> {
		return read(async () => {
			const row = (await this.#ctx.db.records.where('planId').equals(planId).first()) as TreatmentRecord | undefined;
			return row && isLocked(row) ? ((row as Partial<LockedRecord>).signedAt ?? 0) : null;
		});
	}

	/** A plan's marks, oldest first. */
	async list(planId: Id): Promise<Mark[]> {
		const rows = await read(() => this.#ctx.db.marks.where('planId').equals(planId).toArray());
		return rows.map(normaliseMark).sort(byCreated);
	}

	/** The marks of several plans (a client's sessions), oldest first. */
	async listOfPlans(planIds: readonly Id[]): Promise<Mark[]> {
		const rows = await read(() => this.#ctx.db.marks.where('planId').anyOf([...planIds]).toArray());
		return rows.map(normaliseMark).sort(byCreated);
	}

	/** See Store.settleCarried. */
	async settleCarried(planId: Id, action: 'keep' | 'clear'): Promise<Mark[]> {
		const { db, clock } = this.#ctx;
		const { plans, marks } = db;
		return write(db, tables(db), async () => {
			const rows = (await marks.where('planId').equals(planId).toArray()).filter((m) => m.carried === true);
			if (!rows.length) return [];
			const now = clock();
			if (action === 'clear') await marks.bulkDelete(rows.map((m) => m.id));
			else await marks.bulkPut(rows.map((m) => ({ ...m, carried: false, updatedAt: later(now, m.updatedAt) })));
			await touch(db, planId, now);
			return rows.map(normaliseMark);
		});
	}
}

const byCreated = (a: Mark, b: Mark) => a.createdAt - b.createdAt;

/** Same painted area: same model, vertices and weights (an undo, a painting moved to a new model). */
export function samePatches(a: NonNullable<Mark['patch']>, b: NonNullable<Mark['patch']>): boolean {
	return (
		a.modelVersion === b.modelVersion &&
		a.vertices.length === b.vertices.length &&
		a.vertices.every((v, i) => v === b.vertices[i]) &&
		a.weights.every((w, i) => w === b.weights[i])
	);
}
