import { defineConfig, devices } from '@playwright/test';
import { browserPath } from './scripts/browser.js';

const executablePath = browserPath();
// E2E_PORT lets two checkouts run their suites side by side without sharing a server.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	// On CI one retry, so a machine stalling for a minute (seen once: a page that drew no frame for
	// 60 s) does not throw away a run; the list reporter still names every such test as "flaky".
	retries: process.env.CI ? 1 : 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		trace: 'retain-on-failure',
		serviceWorkers: 'allow',
		launchOptions: {
			executablePath,
			// Chromium's own background traffic would hit this machine's closed network.
			args: ['--disable-background-networking', '--disable-component-update', '--no-first-run']
		}
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: { executablePath, args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'] } } }],
	webServer: {
		command: `PORT=${port} node scripts/serve.js build`,
		url: `http://127.0.0.1:${port}/`,
		reuseExistingServer: !process.env.CI,
		timeout: 30_000
	}
});
