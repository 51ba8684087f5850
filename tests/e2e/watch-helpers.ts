/**
 * Watching a tab for what it shows, frame by frame and across the back/forward cache: used by the
 * lock tests (lock-navigation, client-home-lock) to prove no record is seen, not for one frame.
 */
import type { BrowserContext, Page } from '@playwright/test';

const WATCH = 'e2e:watch';

/**
 * Runs in every document of the context, from its start: once armed (`arm`), it looks at what
 * could be seen (the visible text, the value of every visible field, the title) at each
 * `pageshow` and `popstate` and in every animation frame, and notes any of the watched words.
 * Notes go to sessionStorage, which the tab's documents share; restores are noted too.
 */
function watcher(key: string) {
	type Watch = { words: string[]; leaks: string[]; shows: { persisted: boolean; url: string }[] };
	const read = (): Watch | null => {
		try {
			return JSON.parse(sessionStorage.getItem(key) ?? 'null');
		} catch {
			return null;
		}
	};
	const write = (w: Watch) => sessionStorage.setItem(key, JSON.stringify(w));
	const seen = () => {
		const parts = [`title: ${document.title}`, document.body?.innerText ?? ''];
		for (const el of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select')) {
			if (el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) parts.push(el.value);
		}
		return parts.join('\n');
	};
	let frame = 0;
	const check = (when: string) => {
		const w = read();
		if (!w) return;
		const text = seen();
		const found = w.words.filter((word) => text.includes(word));
		if (!found.length) return;
		const inTitle = found.filter((word) => document.title.includes(word));
		const note = `${when} at ${location.pathname}${location.search}: ${found.join(', ')}${inTitle.length ? ` (title: ${document.title})` : ''}`;
		if (w.leaks.at(-1) !== note && w.leaks.length < 40) w.leaks.push(note);
		write(w);
	};
	addEventListener('pageshow', (e) => {
		const w = read();
		if (w) {
			w.shows.push({ persisted: e.persisted, url: location.href });
			write(w);
		}
		check(e.persisted ? 'pageshow (from the back/forward cache)' : 'pageshow');
	});
	addEventListener('popstate', () => check('popstate'));
	const each = () => {
		check(`frame ${++frame}`);
		requestAnimationFrame(each);
	};
	requestAnimationFrame(each);
}

export async function watch(context: BrowserContext) {
	await context.addInitScript(watcher, WATCH);
}

/** From now on, none of `words` may be seen in this tab. */
export async function arm(page: Page, words: string[]) {
	await page.evaluate(([key, words]) => sessionStorage.setItem(key, JSON.stringify({ words, leaks: [], shows: [] })), [WATCH, words] as const);
}

export async function watched(page: Page): Promise<{ leaks: string[]; shows: { persisted: boolean; url: string }[] }> {
	return page.evaluate((key) => JSON.parse(sessionStorage.getItem(key) ?? '{"leaks":[],"shows":[]}'), WATCH);
}

/** Back, by the browser (from the back/forward cache when it can), then a short look. */
export async function back(page: Page) {
	await page.evaluate(() => history.back());
	await page.waitForTimeout(700);
}

/** As `arm`, for a tab not yet opened: watched from its first document's first frame. */
export async function armBeforeLoad(page: Page, words: string[]) {
	await page.addInitScript(([key, words]) => {
		if (!sessionStorage.getItem(key)) sessionStorage.setItem(key, JSON.stringify({ words, leaks: [], shows: [] }));
	}, [WATCH, words] as const);
}
