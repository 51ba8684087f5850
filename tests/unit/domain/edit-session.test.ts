import { describe, expect, it } from 'vitest';
import { EditSession, type Fields, type Stored } from '$lib/domain/edit-session';
import { copyValue } from '$lib/domain/merge';
import { asStoredPlan } from '$lib/domain/clean-text';

const FIELDS = ['title', 'notes', 'health', 'durationMin'] as const;
const stored = (over: Fields = {}, updatedAt = 1): Stored => ({ id: 'p1', title: 'Visit', notes: '', health: { pregnant: false }, durationMin: 60, ...over, updatedAt });
const open = (s = stored()) => ({ session: new EditSession(FIELDS, s), mine: copyValue(s) as Fields });

describe('EditSession: writing only what changed', () => {
	it('has nothing to write until a field changes, then only that field with its base value', () => {
		const { session, mine } = open();
		expect(session.outgoing(mine)).toBeNull();
		expect(session.pending(mine)).toBe(false);
		mine.notes = 'Tight left shoulder';
		expect(session.outgoing(mine)).toEqual({ patch: { notes: 'Tight left shoulder' }, expected: { notes: '' } });
		session.written({ notes: 'Tight left shoulder' });
		expect(session.outgoing(mine)).toBeNull();
	});
});

describe('EditSession: another tab’s changes', () => {
	it('merges another field into the form and keeps this tab’s pending change', () => {
		const { session, mine } = open();
		mine.notes = 'Typed here';
		expect(session.observe(mine, stored({ title: 'Renamed elsewhere' }, 2))).toBe(true);
		expect(mine).toMatchObject({ title: 'Renamed elsewhere', notes: 'Typed here' });
		expect(session.outgoing(mine)).toEqual({ patch: { notes: 'Typed here' }, expected: { notes: '' } });
		expect(session.conflicts).toEqual([]);
	});

	it('ignores an older version than one already seen', () => {
		const { session, mine } = open(stored({}, 5));
		expect(session.observe(mine, stored({ title: 'Stale' }, 4))).toBe(false);
		expect(mine.title).toBe('Visit');
	});

	it('merges a health answer given elsewhere with one given here', () => {
		const { session, mine } = open();
		mine.health = { pregnant: true };
		session.observe(mine, stored({ health: { pregnant: false, fever: true } }, 2));
		expect(mine.health).toEqual({ pregnant: true, fever: true });
		expect(session.outgoing(mine)?.patch).toEqual({ health: { pregnant: true, fever: true } });
	});

	it('the same text changed in both: a conflict, this tab’s text kept on screen but not written', () => {
		const { session, mine } = open();
		mine.notes = 'Mine';
		mine.title = 'My title';
		session.observe(mine, stored({ notes: 'Theirs' }, 2));
		expect(mine.notes).toBe('Mine');
		expect(session.conflicts).toEqual([{ key: 'notes', path: ['notes'], base: '', theirs: 'Theirs' }]);
		expect(session.outgoing(mine)).toEqual({ patch: { title: 'My title' }, expected: { title: 'Visit' } });
		expect(session.pending(mine)).toBe(true);
	});

	it('keep theirs puts their text in the form; keep yours writes mine over theirs', () => {
		const a = open();
		a.mine.notes = 'Mine';
		a.session.observe(a.mine, stored({ notes: 'Theirs' }, 2));
		a.session.resolve(a.mine, 'notes', 'theirs');
		expect(a.mine.notes).toBe('Theirs');
		expect(a.session.pending(a.mine)).toBe(false);

		const b = open();
		b.mine.notes = 'Mine';
		b.session.observe(b.mine, stored({ notes: 'Theirs' }, 2));
		b.session.resolve(b.mine, 'notes', 'mine');
		expect(b.session.outgoing(b.mine)).toEqual({ patch: { notes: 'Mine' }, expected: { notes: 'Theirs' } });
	});

	it('a conflict settles by itself when the other tab comes to the same text', () => {
		const { session, mine } = open();
		mine.notes = 'Mine';
		session.observe(mine, stored({ notes: 'Theirs' }, 2));
		session.observe(mine, stored({ notes: 'Mine' }, 3));
		expect(session.conflicts).toEqual([]);
		expect(session.pending(mine)).toBe(false);
	});

	it('a number both changed: this tab’s later choice is written, with no question', () => {
		const { session, mine } = open();
		mine.durationMin = 90;
		session.observe(mine, stored({ durationMin: 45 }, 2));
		expect(session.conflicts).toEqual([]);
		expect(session.outgoing(mine)).toEqual({ patch: { durationMin: 90 }, expected: { durationMin: 45 } });
	});
});

describe('EditSession: the journal and its replay', () => {
	it('journals changed fields with their base; nothing when all is stored', () => {
		const { session, mine } = open();
		expect(session.entry(mine)).toBeNull();
		mine.notes = 'Half typed';
		expect(session.entry(mine)).toEqual({ base: { notes: '' }, mine: { notes: 'Half typed' } });
	});

	it('a conflict journals the base from before both changes, so a replay finds it again', () => {
		const { session, mine } = open();
		mine.notes = 'Mine';
		session.observe(mine, stored({ notes: 'Theirs' }, 2));
		const entry = session.entry(mine)!;
		expect(entry).toEqual({ base: { notes: '' }, mine: { notes: 'Mine' } });

		const next = open(stored({ notes: 'Theirs' }, 2));
		next.session.replay(next.mine, entry);
		expect(next.mine.notes).toBe('Mine');
		expect(next.session.conflicts).toMatchObject([{ key: 'notes', theirs: 'Theirs' }]);
	});

	it('replays an edit that never reached the database, and drops one that did', () => {
		const entry = { base: { notes: '' }, mine: { notes: 'Typed before the crash' } };
		const lost = open();
		expect(lost.session.replay(lost.mine, entry)).toBe(true);
		expect(lost.session.outgoing(lost.mine)?.patch).toEqual({ notes: 'Typed before the crash' });

		const landed = open(stored({ notes: 'Typed before the crash' }, 2));
		expect(landed.session.replay(landed.mine, entry)).toBe(false);
		expect(landed.session.pending(landed.mine)).toBe(false);
	});

	it('a replay merges with another field changed since, and skips what `accept` refuses', () => {
		const entry = { base: { notes: '', title: 'Visit' }, mine: { notes: 'Mine', title: '' } };
		const { session, mine } = open(stored({ durationMin: 30 }, 2));
		session.replay(mine, entry, (k, v) => k !== 'title' || v !== '');
		expect(mine).toMatchObject({ notes: 'Mine', title: 'Visit', durationMin: 30 });
	});
});

describe('EditSession: what the store makes of this tab’s own text', () => {
	// The store trims a title and strips hidden characters (asStoredPlan); the form must not take
	// that for another tab's change, nor write the same text again and again.
	const openAsStored = (s = stored()) => ({ session: new EditSession(FIELDS, s, { asStored: (f) => asStoredPlan(f) }), mine: copyValue(s) as Fields });

	it('a space typed at the end of the title stays in the form while the stored title is trimmed', () => {
		const { session, mine } = openAsStored();
		mine.title = 'Neck ';
		const out = session.outgoing(mine)!;
		session.written(out.patch);
		expect(session.observe(mine, stored({ title: 'Neck' }, 2))).toBe(false);
		expect(mine.title).toBe('Neck ');
		expect(session.outgoing(mine)).toBeNull();
		expect(session.entry(mine)).toBeNull();
		mine.title = 'Neck pain';
		expect(session.outgoing(mine)).toEqual({ patch: { title: 'Neck pain' }, expected: { title: 'Neck' } });
		expect(session.conflicts).toEqual([]);
	});

	it('a hidden character typed into the notes is written once, then the notes are in step', () => {
		const { session, mine } = openAsStored();
		mine.notes = 'sore\u202E here';
		session.written(session.outgoing(mine)!.patch);
		session.observe(mine, stored({ notes: 'sore here' }, 2));
		expect(session.outgoing(mine)).toBeNull();
		expect(session.pending(mine)).toBe(false);
		expect(session.conflicts).toEqual([]);
	});

	it('another tab’s change still comes in, and a real clash is still a conflict', () => {
		const { session, mine } = openAsStored();
		mine.title = 'Neck ';
		session.written(session.outgoing(mine)!.patch);
		session.observe(mine, stored({ title: 'Neck' }, 2));
		session.observe(mine, stored({ title: 'Back', notes: 'From B' }, 3));
		expect(mine).toMatchObject({ title: 'Back', notes: 'From B' });
		mine.notes = 'From A';
		session.observe(mine, stored({ title: 'Back', notes: 'From B, again' }, 4));
		expect(session.conflicts.map((c) => c.key)).toEqual(['notes']);
	});
});

describe('EditSession: goals and areas to avoid, changed in two tabs', () => {
	it('a goal added in another tab joins the one added here; neither is lost', () => {
		const FIELDS_WITH_GOALS = ['goals', 'notes'] as const;
		const s = stored({ goals: ['relax'] });
		const session = new EditSession(FIELDS_WITH_GOALS, s, { sets: ['goals'] });
		const mine = copyValue(s) as Fields;
		mine.goals = ['relax', 'mobility'];
		session.observe(mine, stored({ goals: ['relax', 'posture'] }, 2));
		expect(mine.goals).toEqual(['relax', 'mobility', 'posture']);
		expect(session.outgoing(mine)).toEqual({ patch: { goals: ['relax', 'mobility', 'posture'] }, expected: { goals: ['relax', 'posture'] } });
		expect(session.conflicts).toEqual([]);
	});
});
