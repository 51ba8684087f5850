/** Keyboard shortcuts for undo and redo, and where the browser's own text undo must win. */

/** 'undo' for Ctrl/Cmd+Z, 'redo' for Shift+Ctrl/Cmd+Z or Ctrl+Y, else null. */
export function undoKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): 'undo' | 'redo' | null {
	if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
	const key = e.key.toLowerCase();
	if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
	if (key === 'y' && e.ctrlKey && !e.shiftKey) return 'redo';
	return null;
}

const NOT_TEXT = new Set(['checkbox', 'radio', 'range', 'button', 'submit', 'reset', 'color', 'file', 'image']);

/** Is this an element where typed text lives (so Ctrl+Z means "undo my typing")? */
export function isTextEntry(target: EventTarget | null): boolean {
	if (!(target instanceof HTMLElement)) return false;
	if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
	return target instanceof HTMLInputElement && !NOT_TEXT.has(target.type);
}

/**
 * Whether Ctrl+Z at `target` is for the marks: the body map and its Marks tab (or nothing
 * focused). The other tabs (Plan, Notes, Outcome) inside `area` keep it for their fields; text
 * fields keep the browser's own undo; an open dialog owns the keys.
 */
export function forMarks(target: EventTarget | null, area: Element | undefined): boolean {
	const inOtherTab = target instanceof Element && !!target.closest('[role=tabpanel]:not(#panel-marks)');
	const here = target === document.body || (target instanceof Node && !!area?.contains(target) && !inOtherTab);
	return here && !isTextEntry(target) && !document.querySelector('dialog[open]');
}
