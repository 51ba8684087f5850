/**
 * The app's one store. Components import `store` from here; tests build their own Store over a
 * uniquely named database (see tests/unit/store).
 */
import { createDatabase } from './schema';
import { Store } from './store';

export const store = new Store(createDatabase());

export { Store, type PlanSummary, type StoreStatus, type MarkPatch } from './store';
export { StoreError, toStoreError, type StoreErrorKind } from './errors';
export { Live } from './live.svelte';
export { Autosave, flushAll } from './autosave';
export { storageState, requestPersistence, formatBytes, type StorageState } from './storage';
