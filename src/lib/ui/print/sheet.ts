/**
 * The printed session sheet's own small rules, pure: which marks are drawn on its body views,
 * which colours its legend explains, its document title (the default PDF file name) and how much
 * to shrink the type so a long sheet still fits one page. What the sheet says about the plan
 * comes from `summarisePlan`; nothing here repeats those rules.
 */
import type { Mark, Plan } from '$lib/domain/records';
import { SENSATION_INFO, type SensationInfo } from '$lib/domain/sensations';

/** The marks the body views show: all of them, unless the plan says "no pain or tension today". */
export function sheetMarks(plan: Pick<Plan, 'noPain'>, marks: readonly Mark[]): readonly Mark[] {
	return plan.noPain ? [] : marks;
}

/** The sensations drawn on the sheet, in the legend's usual order (only those that appear). */
export function legendFor(marks: readonly Pick<Mark, 'sensation'>[]): SensationInfo[] {
	const used = new Set(marks.map((m) => m.sensation));
	return SENSATION_INFO.filter((s) => used.has(s.id));
}

/**
 * The page title while the sheet is open; browsers offer it as the PDF's file name, so it says
 * whose sheet and when: 'Session sheet · Ana Ruiz · 2026-11-23'.
 */
export function sheetTitle(clientName: string | null, plan: Pick<Plan, 'date' | 'title'>): string {
	const parts = ['Session sheet', clientName?.trim() || plan.title.trim() || 'Plan', plan.date].filter(Boolean);
	return parts.join(' · ');
}

/** Type scales tried in turn, largest first, until the sheet fits its page. */
export const FIT_SCALES = [1, 0.92, 0.85, 0.78, 0.72] as const;

/**
 * The largest type scale at which the sheet fits: `heightAt(scale)` measures the laid-out sheet
 * (CSS px) at that scale, `page` is the printable height (CSS px). Returns the smallest scale
 * when even that is too tall (the sheet then runs onto a second page).
 */
export function fitScale(heightAt: (scale: number) => number, page: number): number {
	for (const scale of FIT_SCALES) if (heightAt(scale) <= page) return scale;
	return FIT_SCALES[FIT_SCALES.length - 1];
}

/** Millimetres to CSS pixels (96 per inch), for comparing layout with the paper. */
export const mmToPx = (mm: number): number => (mm * 96) / 25.4;
