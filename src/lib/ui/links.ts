/** Addresses of records. Ids go in the query string so every page is one prerendered shell. */
import { resolve } from '$app/paths';

export const clientHref = (id: string) => `${resolve('/client')}?id=${encodeURIComponent(id)}`;
export const planHref = (id: string) => `${resolve('/plan')}?id=${encodeURIComponent(id)}`;
export const sheetHref = (id: string) => `${resolve('/print')}?id=${encodeURIComponent(id)}`;
/** Two sessions compared; `a` is read as the earlier one. */
export const compareHref = (a: string, b: string) =>
	`${resolve('/compare')}?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`;
