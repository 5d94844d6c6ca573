// Smoke test of the build itself: the release bundle in dist/ starts in Chromium without errors,
// and the server-side fallback makes deep links load the app shell. Feature behaviour belongs to
// the per-section spec files next to this one.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { distDir } from './support/paths.mjs';
import { startServer } from './support/server.mjs';
import { assertNoPageErrors, launchBrowser, newPage, openApp } from './support/browser.mjs';

let server;
let browser;

before(async () => {
  server = await startServer({ root: distDir });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the app starts at / with the title Switchboard and no page errors', async () => {
  const context = await browser.newContext();
  try {
    const page = await newPage(context);
    const response = await openApp(page, `${server.url}/`);
    assert.equal(response.status(), 200);
    assert.equal(await page.title(), 'Switchboard');
    assertNoPageErrors(page);
  } finally {
    await context.close();
  }
});

test('a deep link such as /settings/inboxes loads the app shell', async () => {
  const context = await browser.newContext();
  try {
    const page = await newPage(context);
    const response = await openApp(page, `${server.url}/settings/inboxes`);
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-type'], /^text\/html/);
    assert.equal(new URL(page.url()).pathname, '/settings/inboxes');
    assert.equal(await page.title(), 'Switchboard');
    assertNoPageErrors(page);
  } finally {
    await context.close();
  }
});
