/**
 * What the layout may show: the app, the lock screen, or client mode only. Read once from the
 * settings table before any page renders, so no record (and no client's name) is drawn while
 * Somamap is locked or handed to a client. Rows (key → value):
 *   'appLock'     boolean                    ask for the PIN when Somamap opens
 *   'clientMode'  ClientModeSession | null   the plan handed to the client, until the PIN is given
 *   'lockedAt'    number                     changes at each "Lock now" (a time, kept rising)
 * The PIN itself is in PinKeeper's rows.
 *
 * Unlocking lasts while the tab is in use: its sessionStorage keeps the 'lockedAt' it was
 * unlocked under, with a lease that a living page renews every few seconds and as it goes. A
 * reload or a move to another page of the tab finds the lease fresh; a tab reopened after
 * closing, or restored with the browser (both get their sessionStorage back), finds it lapsed
 * and is locked. "Lock now" in any tab writes a new 'lockedAt', so every tab is locked at once:
 * open tabs follow the settings, a page the back/forward cache brings back reads them again
 * before it shows (`recheck`, ./veil), and a copied tab is open only if no lock came since. A new
 * tab has nothing and is locked. Notices go with a lock or a hand-over: they may name a client.
 */
import { UnsavedEdits } from '$lib/ui/marks/unsaved';
import { Journal } from '$lib/ui/edits/journal';
import { clearDraft } from '$lib/ui/client-home/draft-key';
import { resolve } from '$app/paths';
import { store, flushAll } from '$lib/store';
import { notices } from '$lib/ui/notices.svelte';
import { PinKeeper } from '$lib/security/pin-keeper';
import { RENEW_MS, unlockedUnder, unlocking } from '$lib/security/unlock-lease';

/** The PIN, checked with the wait after wrong tries. */
export const pins = new PinKeeper(store);

export type ClientStep = 'where' | 'feel' | 'health' | 'consent' | 'thanks';

/** A plan handed to the client: survives a reload or a closed tab until the therapist's PIN. */
export interface ClientModeSession {
	/** The plan handed over ('' in a consent-only hand-over). */
	planId: string;
	/** A hand-over for the consent alone: the client who reads and signs; only its consent step shows. */
	consentFor?: string;
	/** When the hand-over began: the client's marks from then on are this hand-over's. */
	since: number;
	/** Region codes the client chose, in the order chosen. */
	areas: number[];
	step: ClientStep;
}

/** hasPin, appLock, clientMode, lockedAt as stored. */
type Settings = [boolean, unknown, ClientModeSession | null, unknown];

export type GuardView = 'loading' | 'locked' | 'client' | 'redirect' | 'app';

const UNLOCKED = 'somamap.unlocked';
const CLIENT_MODE_PATH = resolve('/client-mode');
/** A client's own map at home: shown alone, locked or not, since it reads nothing but its own draft. */
const MY_MAP_PATH = resolve('/my-map');

export const clientModeHref = (planId: string) => `${CLIENT_MODE_PATH}?plan=${encodeURIComponent(planId)}`;
export const consentModeHref = (clientId: string) => `${CLIENT_MODE_PATH}?client=${encodeURIComponent(clientId)}`;
const sessionHref = (s: ClientModeSession) => (s.consentFor ? consentModeHref(s.consentFor) : clientModeHref(s.planId));
/** Which hand-over a session is: two with the same key are one. */
const sessionKey = (s: ClientModeSession | null) => (s ? (s.consentFor ? `client:${s.consentFor}` : `plan:${s.planId}`) : null);
/** Only the consent step and "Thank you" belong to a consent-only hand-over, whatever was stored. */
const consentStep = (step: ClientStep): ClientStep => (step === 'thanks' ? 'thanks' : 'consent');

class Guard {
	#ready = $state(false);
	#hasPin = $state(false);
	#appLock = $state(false);
	/** The 'lockedAt' this tab was unlocked under, or null. */
	#unlockedAt = $state<number | null>(null);
	#lockedAt = $state(0);
	#clientMode = $state.raw<ClientModeSession | null>(null);

	/**
	 * Reads the settings once; the layout renders nothing before. When storage cannot be read,
	 * no record can be either: the pages show the storage error.
	 */
	async load(): Promise<void> {
		// A device with no database yet has no PIN nor hand-over: its first screen need not wait for
		// the database to be made (the watch below makes it).
		const none: Settings = [false, false, null, 0];
		let first: Settings = none;
		try {
			this.#apply((first = await store.beforeCreating(() => this.#read(), none)));
		} finally {
			this.#unlockedAt = readUnlocked();
			this.#ready = true;
		}
		// Then follow changes made in other tabs too: a PIN set or removed, a hand-over, everything
		// erased. Its failure was already told by the first read, unless that read needed no database.
		const untold = first === none;
		this.#watching ??= store.live(() => this.#read()).subscribe({ next: (values) => this.#follow(values), error: (e) => untold && notices.error(e) });
		if (!this.#renewing) {
			this.#renewing = setInterval(() => this.#renew(), RENEW_MS);
			addEventListener('pagehide', () => this.#renew());
		}
	}

	#renewing: ReturnType<typeof setInterval> | null = null;

	/** This page is alive: the unlocking's lease starts again (nothing to renew while locked). */
	#renew(): void {
		if (this.#unlockedAt !== null) writeUnlocked(this.#unlockedAt);
	}

	/**
	 * A change seen by the watch. This tab's own progress through client mode (places, step) is
	 * not taken back from it: an answer arriving late would undo a newer one. Only a hand-over
	 * begun or ended elsewhere is followed.
	 */
	#follow(values: Settings): void {
		const session = values[2];
		const same = sessionKey(session) === sessionKey(this.#clientMode);
		const wasLocked = this.locked;
		const wasHanded = this.#clientMode !== null;
		this.#apply([values[0], values[1], same ? this.#clientMode : session, values[3]]);
		if (this.locked && !wasLocked) this.#forget(); // locked from another tab
		if (this.#clientMode && !wasHanded) notices.clear(); // handed over in another tab
	}

	/**
	 * Reads everything again, this tab's unlocking too: a page brought back from the
	 * back/forward cache knows only how things were when it was left. Resolves to the step that
	 * applies it, for the moment the page may show again (./veil).
	 */
	async recheck(): Promise<() => void> {
		const values = await this.#read();
		return () => {
			this.#unlockedAt = readUnlocked();
			this.#apply(values);
		};
	}

	#watching: { unsubscribe(): void } | null = null;

	#read(): Promise<Settings> {
		return Promise.all([
			pins.isSet(),
			store.getSetting<boolean>('appLock', false),
			store.getSetting<ClientModeSession | null>('clientMode', null),
			store.getSetting<unknown>('lockedAt', 0)
		]);
	}

	#apply([hasPin, appLock, session, lockedAt]: Settings): void {
		const before = this.#lockedAt;
		this.#hasPin = hasPin;
		this.#appLock = appLock === true;
		this.#lockedAt = typeof lockedAt === 'number' && Number.isFinite(lockedAt) ? lockedAt : 0;
		// "Lock now" in another tab: a client's map kept in this tab goes too (seen live or on return from the back/forward cache).
		if (this.#ready && this.#lockedAt > before) clearDraft();
		const consentFor = typeof session?.consentFor === 'string' && session.consentFor ? session.consentFor : undefined;
		this.#clientMode =
			session && typeof session.planId === 'string'
				? consentFor
					? { ...session, consentFor, areas: [], step: consentStep(session.step) }
					: { ...session, consentFor: undefined, areas: session.areas ?? [], step: session.step ?? 'where' }
				: null;
	}

	get hasPin(): boolean {
		return this.#hasPin;
	}
	get appLock(): boolean {
		return this.#appLock;
	}
	/** The hand-over in progress, or null. */
	get clientMode(): ClientModeSession | null {
		return this.#clientMode;
	}
	/** Somamap is locked: the app lock is on and this tab has not been unlocked since the last "Lock now". */
	get locked(): boolean {
		return this.#appLock && this.#hasPin && this.#unlockedAt !== this.#lockedAt;
	}

	/** What the layout shows at `url`. */
	view(url: URL): GuardView {
		if (!this.#ready) return 'loading';
		const inClientMode = url.pathname === CLIENT_MODE_PATH;
		const session = this.#clientMode;
		if (session) {
			const here = session.consentFor ? url.searchParams.get('client') === session.consentFor : url.searchParams.get('plan') === session.planId;
			return inClientMode && here ? 'client' : 'redirect';
		}
		if (url.pathname === MY_MAP_PATH) return 'client';
		if (this.locked) return 'locked';
		return inClientMode ? 'client' : 'app';
	}

	/** Where a 'redirect' view goes: back to the client's screens. */
	get redirectTo(): string | null {
		return this.#clientMode ? sessionHref(this.#clientMode) : null;
	}

	/** Hands `planId` to the client: from now on only its client-mode screens show. */
	async enterClientMode(planId: string): Promise<void> {
		await this.#handOver({ planId, since: Date.now(), areas: [], step: 'where' });
	}

	/** Hands the tablet to client `clientId` to read and sign the consent: only that step shows, until the PIN. */
	async enterConsentMode(clientId: string): Promise<void> {
		await this.#handOver({ planId: '', consentFor: clientId, since: Date.now(), areas: [], step: 'consent' });
	}

	async #handOver(session: ClientModeSession): Promise<void> {
		if (sessionKey(this.#clientMode) === sessionKey(session)) return;
		await store.setSetting('clientMode', session);
		// Unsaved edits stay: only the record's own page reads them, which client mode never shows.
		notices.clear(); // "Bob … was deleted" is not for the client's eyes
		this.#clientMode = session;
	}

	/** Saves the client's progress (areas chosen, step). */
	async updateClientMode(patch: Partial<Pick<ClientModeSession, 'areas' | 'step'>>): Promise<void> {
		if (!this.#clientMode) return;
		const next = { ...this.#clientMode, ...patch };
		if (next.consentFor) next.step = consentStep(next.step);
		this.#clientMode = next;
		await store.setSetting('clientMode', next);
	}

	/** Ends the hand-over (after the PIN, or the therapist's confirmation when none is set). */
	async leaveClientMode(): Promise<void> {
		await store.setSetting('clientMode', null);
		this.#clientMode = null;
		this.unlock();
	}

	/** This tab is unlocked while it is in use (or until "Lock now" in any tab). */
	unlock(): void {
		this.#unlockedAt = this.#lockedAt;
		writeUnlocked(this.#lockedAt);
	}

	/**
	 * A client's own map opened in this tab: on a device with a PIN, this tab's unlocking ends, so
	 * Back and Forward from the map reach only the lock screen (its draft stays: the client is using it).
	 */
	handOverTab(): void {
		if (this.#hasPin) this.#forget();
	}

	/**
	 * Saves what is pending, then locks every tab (the app lock must be on): this one at once, the
	 * others as they see the new 'lockedAt'.
	 */
	async lock(): Promise<void> {
		await flushAll();
		const lockedAt = Math.max(Date.now(), this.#lockedAt + 1);
		this.#lockedAt = lockedAt;
		this.#forget();
		clearDraft(); // a client's map kept in this tab (on a device with a PIN it is kept only for the tab)
		store.setSetting('lockedAt', lockedAt).catch((e) => notices.error(e));
	}

	/**
	 * This tab is locked: its unlocking and the notices go. Unsaved edits and a painting in
	 * progress stay (a lock from another tab must not lose them): only the plan's own page reads
	 * them, and it shows nothing until the PIN is given.
	 */
	#forget(): void {
		this.#unlockedAt = null;
		notices.clear();
		try {
			sessionStorage.removeItem(UNLOCKED);
		} catch {
			// nothing stored
		}
	}

	async setAppLock(on: boolean): Promise<void> {
		await store.setSetting('appLock', on);
		this.#appLock = on;
		if (on) this.unlock();
	}

	/** Sets the PIN; with `newCode`, also a new recovery code, returned to be shown once. */
	async setPin(pin: string, newCode = true): Promise<string | null> {
		const code = await pins.set(pin, newCode);
		this.#hasPin = true;
		return code;
	}

	/**
	 * Every record goes, with the PIN, the lock and any hand-over. Never while a client holds
	 * the tablet (here or, as stored, in another tab).
	 */
	async eraseEverything(): Promise<void> {
		if (this.#clientMode || (await store.getSetting<unknown>('clientMode', null))) {
			throw new Error('Nothing can be erased while the tablet is handed to a client.');
		}
		await store.eraseEverything();
		UnsavedEdits.clearAll();
		clearDraft(); // a client's map in progress on this device
		Journal.forget(null); // unsaved form edits of records that are gone
		this.#hasPin = false;
		this.#appLock = false;
		this.#clientMode = null;
		this.#lockedAt = 0;
		this.unlock();
	}

	/** Removes the PIN; the app lock goes with it (it would have nothing to ask for). */
	async removePin(): Promise<void> {
		await pins.remove();
		this.#hasPin = false;
		if (this.#appLock) await this.setAppLock(false);
	}
}

/** The 'lockedAt' this tab was unlocked under, or null when none or its lease has lapsed. */
function readUnlocked(now = Date.now()): number | null {
	try {
		return unlockedUnder(sessionStorage.getItem(UNLOCKED), now);
	} catch {
		return null;
	}
}

function writeUnlocked(lockedAt: number): void {
	try {
		sessionStorage.setItem(UNLOCKED, unlocking(lockedAt, Date.now()));
	} catch {
		// Private modes may refuse storage: unlocked for this page only.
	}
}

export const guard = new Guard();
