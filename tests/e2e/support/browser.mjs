// Browser helpers for the e2e tests: Debian's Chromium driven by playwright-core (never the
// `playwright` package or `npx playwright install`, which download a browser), pages that
// record every uncaught page error and console error so a test can assert there were none, and
// a wait for the app to be ready. Persistence tests use launchPersistent: Playwright's default
// context keeps storage in memory only, so IndexedDB would not survive a reload there.

import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// The flags measured to work on this machine kind (notes/toolchain.md); headless mode itself is
// set by Playwright through `headless: true`.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Chromium puts sandboxed iframes (our mail bodies) in their own process; playwright-core
  // then sees the same frame attached twice and throws an internal "Assertion error" as an
  // unhandled rejection, which fails the whole test file although every test passed.
  '--disable-features=IsolateSandboxedIframes',
];

const LAUNCH_OPTIONS = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true };

/** Default timeout for the app to become ready, generous for a cold wasm start on 2 cores. */
export const READY_TIMEOUT_MS = 20_000;

/** A browser whose contexts keep storage in memory: for tests that need no persistence. */
export function launchBrowser() {
  return chromium.launch(LAUNCH_OPTIONS);
}

/**
 * A browser context with an on-disk profile in `dir`: IndexedDB and localStorage survive a
 * reload, closing the context, and a new launchPersistent(dir) on the same directory.
 */
export function launchPersistent(dir) {
  return chromium.launchPersistentContext(dir, LAUNCH_OPTIONS);
}

/** A fresh, empty profile directory; pass it to removeProfileDir when the test is done. */
export function makeProfileDir() {
  return mkdtemp(join(tmpdir(), 'switchboard-e2e-profile-'));
}

export function removeProfileDir(dir) {
  return rm(dir, { recursive: true, force: true });
}

const problemsByPage = new WeakMap();

// Chromium requests /favicon.ico by itself when the page declares no icon; that 404 is the
// browser's guess, not the app's error. Any other missing resource still counts.
function isAutomaticFaviconMiss(url) {
  try {
    return new URL(url).pathname === '/favicon.ico';
  } catch {
    return false;
  }
}

/** Opens a page in `context` that records uncaught errors and console errors. */
export async function newPage(context) {
  const page = await context.newPage();
  watchPage(page);
  return page;
}

/** Starts recording errors on a page that was not made by newPage (e.g. a popup). */
export function watchPage(page) {
  if (problemsByPage.has(page)) return;
  const problems = [];
  problemsByPage.set(page, problems);
  page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const { url, lineNumber } = message.location();
      if (isAutomaticFaviconMiss(url)) return;
      problems.push(`console error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
    }
  });
  page.on('crash', () => problems.push('the page crashed'));
}

/** Everything recorded on the page so far (uncaught errors, console errors, crashes). */
export function pageProblems(page) {
  const problems = problemsByPage.get(page);
  assert.ok(problems, 'this page was not opened with newPage(), so its errors were not recorded');
  return [...problems];
}

/** Fails the test, listing them, when the page had any uncaught or console error. */
export function assertNoPageErrors(page) {
  const problems = pageProblems(page);
  assert.deepEqual(problems, [], `the page reported errors:\n${problems.join('\n')}`);
}

/**
 * Waits until the app has mounted and loaded its data: it renders its `main` landmark only then.
 */
export async function waitForAppReady(page, { timeout = READY_TIMEOUT_MS } = {}) {
  await page.getByRole('main').first().waitFor({ state: 'visible', timeout });
}

/** Navigates to `url` and waits for the app; returns the navigation response. */
export async function openApp(page, url, options) {
  const response = await page.goto(url, { waitUntil: 'load' });
  await waitForAppReady(page, options);
  return response;
}
