/** Addresses of the printed record (kept apart from ui/links, which the planner's first visit carries). */
import { resolve } from '$app/paths';

export const recordPrintHref = (planId: string) => `${resolve('/print-record')}?plan=${encodeURIComponent(planId)}`;
export const clientRecordPrintHref = (clientId: string) => `${resolve('/print-record')}?client=${encodeURIComponent(clientId)}`;
