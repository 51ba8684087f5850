/**
 * A device's first start: creating the database is the slowest step of a first visit (about
 * 50 ms before anything could show), so a device that has none yet shows its first screen without
 * it. Which databases exist is asked as the page starts (the inline script in app.html sets
 * `window.somamapDatabases`), so the browser's slow first answer is spent while the scripts
 * download.
 */
import type { SomamapDB } from './schema';

type DatabaseList = Promise<IDBDatabaseInfo[] | null> | null;

/** Past this, an unanswered question counts as "it exists": the app then opens as it always did. */
const PATIENCE_MS = 500;

/** The list app.html asked for as the page started, if it did. */
export function askedAtStart(): DatabaseList | undefined {
	return (globalThis as { somamapDatabases?: DatabaseList }).somamapDatabases;
}

/**
 * Whether a database named `name` exists on this device: from `asked` (a list asked for earlier)
 * or asked now. True when the browser cannot tell, refuses, or takes too long: opening is always safe.
 */
export async function databaseExists(name: string, asked?: DatabaseList): Promise<boolean> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const patience = new Promise<null>((done) => (timer = setTimeout(() => done(null), PATIENCE_MS)));
	try {
		const list = await Promise.race([asked ?? globalThis.indexedDB?.databases?.() ?? null, patience]);
		return !list || list.some((d) => d.name === name);
	} catch {
		return true;
	} finally {
		clearTimeout(timer);
	}
}

export class FirstStart {
	readonly #db: SomamapDB;
	/** Whether the database existed as the app started; assumed so until asked (openAtStart). */
	#existed: Promise<boolean> = Promise.resolve(true);
	/** Asked again just before answering "empty" (beforeCreating); reads made meanwhile share the answer. */
	#stillNone?: Promise<boolean>;

	constructor(db: SomamapDB) {
		this.#db = db;
	}

	/** See Store.openAtStart. */
	openAtStart(exists: Promise<boolean>): void {
		this.#existed = exists.then((found) => {
			if (found) this.#db.open().catch(() => {}); // a failure reaches every read
			return found;
		});
	}

	/** See Store.beforeCreating. */
	async beforeCreating<T>(read: () => Promise<T>, empty: T): Promise<T> {
		const opening = () => this.#db.openStarted;
		if (opening() || (await this.#existed) || opening()) return read();
		// The answer from the page's start may be old by now (a slow first load while another tab
		// made the database and locked it): ask again (the browser answers fast by now). The
		// guard's read and the home lists, made together, share one answer, so they agree.
		this.#stillNone ??= databaseExists(this.#db.name)
			.then((found) => !found)
			.finally(() => (this.#stillNone = undefined));
		if (!(await this.#stillNone) || opening()) return read();
		return empty;
	}
}
