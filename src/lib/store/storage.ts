/** The browser's storage guarantees: persistence (not evicted under pressure) and usage. */
export interface StorageState {
	supported: boolean;
	persisted: boolean;
	usage: number | null;
	quota: number | null;
}

export async function storageState(): Promise<StorageState> {
	const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
	if (!storage?.persisted) return { supported: false, persisted: false, usage: null, quota: null };
	const [persisted, estimate] = await Promise.all([
		storage.persisted(),
		storage.estimate ? storage.estimate() : Promise.resolve({} as StorageEstimate)
	]);
	return {
		supported: true,
		persisted,
		usage: estimate.usage ?? null,
		quota: estimate.quota ?? null
	};
}

/** Asks the browser to keep Somamap's data even when the device runs low on space. */
export async function requestPersistence(): Promise<boolean> {
	const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
	if (!storage?.persist) return false;
	try {
		return (await storage.persisted()) || (await storage.persist());
	} catch {
		return false;
	}
}

export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} bytes`;
	const units = ['KB', 'MB', 'GB', 'TB'];
	let value = bytes / 1024;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
