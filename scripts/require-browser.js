// Fails early, with what to install, when no Chromium is there for the end-to-end tests.
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { browserPath } from './browser.js';

if (!browserPath() && !existsSync(chromium.executablePath())) {
	console.error(`
No Chromium found for the end-to-end tests.
Install one of:
  - Debian/Ubuntu:  sudo apt-get install chromium     (gives /usr/bin/chromium)
  - any system:     npx playwright install chromium
or point CHROMIUM_PATH at an installed Chromium or Chrome.
`);
	process.exit(1);
}
