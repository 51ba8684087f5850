/**
 * The app's one store. Components import `store` from here; tests build their own Store over a
 * uniquely named database (see tests/unit/store).
 */
import { createDatabase } from './schema';
import { Store } from './store';

export const store = new Store(createDatabase());
// Opened as this module loads rather than at the first read (the layout's, once the router has
// started), so opening runs while the framework starts; on a device with no database yet it is
// created after the first screen instead (Store.beforeCreating).
store.openAtStart();

export { Store, type PlanSummary, type StoreStatus, type MarkPatch } from './store';
export { StoreError, toStoreError, type StoreErrorKind } from './errors';
export { Live } from './live.svelte';
export { Autosave, flushAll } from './autosave';
export { storageState, requestPersistence, formatBytes, type StorageState } from './storage';
