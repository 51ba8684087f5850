// Which Chromium the tests drive: $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else
// Playwright's own browser (on a laptop where `npx playwright install` has been run).
import { existsSync } from 'node:fs';

/** @returns {string | undefined} */
export function browserPath() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	return candidates.find((p) => p && existsSync(p));
}
