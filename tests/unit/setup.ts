// Unit tests run in Node: IndexedDB comes from fake-indexeddb, loaded before Dexie captures it.
// (End-to-end tests use the browser's real IndexedDB.)
import 'fake-indexeddb/auto';
