// Smoke test of the build itself: the release bundle in dist/ starts in Chromium without errors,
// and the server-side fallback makes deep links load the app shell. Feature behaviour belongs to
// the per-section spec files next to this one.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoPageErrors, openApp } from './support/browser.mjs';
import { useApp } from './support/app.mjs';

const app = useApp();

test('the app starts at / with the title Switchboard and no page errors', async () => {
  await app.withPage(async (page) => {
    const response = await openApp(page, `${app.server.url}/`);
    assert.equal(response.status(), 200);
    assert.equal(await page.title(), 'Switchboard');
    assertNoPageErrors(page);
  });
});

test('a deep link such as /settings/inboxes loads the app shell', async () => {
  await app.withPage(async (page) => {
    const response = await openApp(page, `${app.server.url}/settings/inboxes`);
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-type'], /^text\/html/);
    assert.equal(new URL(page.url()).pathname, '/settings/inboxes');
    assert.equal(await page.title(), 'Switchboard');
    assertNoPageErrors(page);
  });
});
