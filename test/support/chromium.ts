// Headless Chromium for the tests that render what users see (the PR comment's mermaid charts, the
// HTML report). Debian's `chromium` package, driven by playwright-core; tests skip with this reason
// where it is absent.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The browser binary: $CHROMIUM_PATH, else Debian's. */
export const CHROMIUM =
  [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (p): p is string => !!p && existsSync(p),
  ) ?? null;

/** The `skip` option of a test that needs Chromium: false, or the reason it is skipped (node:test prints it). */
export const skipWithoutChromium: false | string = CHROMIUM
  ? false
  : 'chromium not found (apt-get install chromium, or set CHROMIUM_PATH)';

/** Where tests leave screenshots for people to look at (gitignored; CI may upload it). */
export async function artifactPath(name: string): Promise<string> {
  const dir = path.join(REPO_ROOT, 'test-artifacts');
  await mkdir(dir, { recursive: true });
  return path.join(dir, name);
}

export interface WatchedPage {
  browser: Browser;
  page: Page;
  /** Every request the page tried to make beyond the content it was given (each was refused). */
  requests: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
}

/** A page with every network request refused and recorded, and console errors collected. */
export async function openWatchedPage(): Promise<WatchedPage> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM!, chromiumSandbox: false });
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const requests: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', async (route) => {
    requests.push(route.request().url());
    await route.abort();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { browser, page, requests, errors };
}
