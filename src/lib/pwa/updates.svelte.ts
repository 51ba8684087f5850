/**
 * The service worker from the page's side: registers it, notices when a new version has
 * installed and is waiting, and applies it on the user's word after saving pending changes.
 */
import { base } from '$app/paths';
import { dev } from '$app/environment';
import { flushAll } from '$lib/store';

export class AppUpdates {
	#waiting = $state.raw<ServiceWorker | null>(null);
	#registration: ServiceWorkerRegistration | null = null;

	/** True when a new version is installed and waits for the user to reload. */
	get ready(): boolean {
		return this.#waiting !== null;
	}

	async register(): Promise<void> {
		if (!('serviceWorker' in navigator)) return;
		try {
			const registration = await navigator.serviceWorker.register(`${base}/service-worker.js`, {
				type: dev ? 'module' : 'classic'
			});
			this.#registration = registration;
			// Only an update counts: the very first install has no controller to replace.
			const watch = (worker: ServiceWorker | null) => {
				if (!worker) return;
				const check = () => {
					if (worker.state === 'installed' && navigator.serviceWorker.controller) this.#waiting = worker;
				};
				check();
				worker.addEventListener('statechange', check);
			};
			watch(registration.waiting);
			registration.addEventListener('updatefound', () => watch(registration.installing));
			document.addEventListener('visibilitychange', () => {
				if (document.visibilityState === 'visible') void this.check();
			});
		} catch {
			// No worker (e.g. a private window): the app still works online.
		}
	}

	/** Asks the server whether a newer version exists. */
	async check(): Promise<void> {
		try {
			await this.#registration?.update();
		} catch {
			// Offline: nothing to check against.
		}
	}

	/** Saves everything pending, then switches to the new version and reloads. */
	async apply(): Promise<void> {
		const worker = this.#waiting;
		if (!worker) return;
		await flushAll();
		navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
		worker.postMessage({ type: 'SKIP_WAITING' });
	}
}

export const updates = new AppUpdates();
