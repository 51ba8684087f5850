/**
 * What the layout may show: the app, the lock screen, or client mode only. Read once from the
 * settings table before any page renders, so no record (and no client's name) is drawn while
 * Somamap is locked or handed to a client. Rows (key → value):
 *   'appLock'     boolean                    ask for the PIN when Somamap opens
 *   'clientMode'  ClientModeSession | null   the plan handed to the client, until the PIN is given
 * The PIN itself is in PinKeeper's rows. Unlocking lasts for the tab (sessionStorage).
 */
import { UnsavedEdits } from '$lib/ui/marks/unsaved';
import { Journal } from '$lib/ui/edits/journal';
import { resolve } from '$app/paths';
import { store } from '$lib/store';
import { PinKeeper } from '$lib/security/pin-keeper';

/** The PIN, checked with the wait after wrong tries. */
export const pins = new PinKeeper(store);

export type ClientStep = 'where' | 'feel' | 'health' | 'thanks';

/** A plan handed to the client: survives a reload or a closed tab until the therapist's PIN. */
export interface ClientModeSession {
	planId: string;
	/** When the hand-over began: the client's marks from then on are this hand-over's. */
	since: number;
	/** Region codes the client chose, in the order chosen. */
	areas: number[];
	step: ClientStep;
}

export type GuardView = 'loading' | 'locked' | 'client' | 'redirect' | 'app';

const UNLOCKED = 'somamap.unlocked';
const CLIENT_MODE_PATH = resolve('/client-mode');

export const clientModeHref = (planId: string) => `${CLIENT_MODE_PATH}?plan=${encodeURIComponent(planId)}`;

class Guard {
	#ready = $state(false);
	#hasPin = $state(false);
	#appLock = $state(false);
	#unlocked = $state(false);
	#clientMode = $state.raw<ClientModeSession | null>(null);

	/**
	 * Reads the settings once; the layout renders nothing before. When storage cannot be read,
	 * no record can be either: the pages show the storage error.
	 */
	async load(): Promise<void> {
		try {
			this.#apply(await this.#read());
		} finally {
			this.#unlocked = readUnlocked();
			this.#ready = true;
		}
		// Then follow changes made in other tabs too: a PIN set or removed, a hand-over, everything erased.
		this.#watching ??= store.live(() => this.#read()).subscribe({ next: (values) => this.#follow(values), error: () => {} });
	}

	/**
	 * A change seen by the watch. This tab's own progress through client mode (places, step) is
	 * not taken back from it: an answer arriving late would undo a newer one. Only a hand-over
	 * begun or ended elsewhere is followed.
	 */
	#follow(values: [boolean, unknown, ClientModeSession | null]): void {
		const session = values[2];
		const same = (session?.planId ?? null) === (this.#clientMode?.planId ?? null);
		this.#apply([values[0], values[1], same ? this.#clientMode : session]);
	}

	#watching: { unsubscribe(): void } | null = null;

	#read(): Promise<[boolean, unknown, ClientModeSession | null]> {
		return Promise.all([
			pins.isSet(),
			store.getSetting<boolean>('appLock', false),
			store.getSetting<ClientModeSession | null>('clientMode', null)
		]);
	}

	#apply([hasPin, appLock, session]: [boolean, unknown, ClientModeSession | null]): void {
		this.#hasPin = hasPin;
		this.#appLock = appLock === true;
		this.#clientMode =
			session && typeof session.planId === 'string'
				? { ...session, areas: session.areas ?? [], step: session.step ?? 'where' }
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
	/** Somamap is locked: the app lock is on and this tab has not been unlocked. */
	get locked(): boolean {
		return this.#appLock && this.#hasPin && !this.#unlocked;
	}

	/** What the layout shows at `url`. */
	view(url: URL): GuardView {
		if (!this.#ready) return 'loading';
		const inClientMode = url.pathname === CLIENT_MODE_PATH;
		const session = this.#clientMode;
		if (session) return inClientMode && url.searchParams.get('plan') === session.planId ? 'client' : 'redirect';
		if (this.locked) return 'locked';
		return inClientMode ? 'client' : 'app';
	}

	/** Where a 'redirect' view goes: back to the client's screens. */
	get redirectTo(): string | null {
		return this.#clientMode ? clientModeHref(this.#clientMode.planId) : null;
	}

	/** Hands `planId` to the client: from now on only its client-mode screens show. */
	async enterClientMode(planId: string): Promise<void> {
		if (this.#clientMode?.planId === planId) return;
		const session: ClientModeSession = { planId, since: Date.now(), areas: [], step: 'where' };
		await store.setSetting('clientMode', session);
		UnsavedEdits.clearAll(); // a therapist's half-typed notes are not for the client's eyes
		this.#clientMode = session;
	}

	/** Saves the client's progress (areas chosen, step). */
	async updateClientMode(patch: Partial<Pick<ClientModeSession, 'areas' | 'step'>>): Promise<void> {
		if (!this.#clientMode) return;
		const next = { ...this.#clientMode, ...patch };
		this.#clientMode = next;
		await store.setSetting('clientMode', next);
	}

	/** Ends the hand-over (after the PIN, or the therapist's confirmation when none is set). */
	async leaveClientMode(): Promise<void> {
		await store.setSetting('clientMode', null);
		this.#clientMode = null;
		this.unlock();
	}

	/** This tab is unlocked until it closes (or "Lock now"). */
	unlock(): void {
		this.#unlocked = true;
		try {
			sessionStorage.setItem(UNLOCKED, '1');
		} catch {
			// Private modes may refuse storage: unlocked for this page only.
		}
	}

	/** Locks this tab now (the app lock must be on). */
	lock(): void {
		this.#unlocked = false;
		UnsavedEdits.clearAll();
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

	async setPin(pin: string): Promise<void> {
		await pins.set(pin);
		this.#hasPin = true;
	}

	/** The PIN is forgotten: every record goes, with the PIN, the lock and any hand-over. */
	async eraseEverything(): Promise<void> {
		await store.eraseEverything();
		UnsavedEdits.clearAll();
		Journal.forget(null); // unsaved form edits of records that are gone
		this.#hasPin = false;
		this.#appLock = false;
		this.#clientMode = null;
		this.unlock();
	}

	/** Removes the PIN; the app lock goes with it (it would have nothing to ask for). */
	async removePin(): Promise<void> {
		await pins.remove();
		this.#hasPin = false;
		if (this.#appLock) await this.setAppLock(false);
	}
}

function readUnlocked(): boolean {
	try {
		return sessionStorage.getItem(UNLOCKED) === '1';
	} catch {
		return false;
	}
}

export const guard = new Guard();
