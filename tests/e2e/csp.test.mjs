// The app's Content-Security-Policy (issue 8 item 3) and its lazily loaded pages (issue 2): the
// built index.html carries a strict policy (scripts only from the site and Trunk's inline loader
// by hash, no eval), and walking every page — each lazy route fetching its wasm chunk, a
// conversation showing mail in sandboxed iframes — renders the page without one
// `securitypolicyviolation` and without page errors.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

function policyOf(html) {
  const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i);
  assert.ok(m, 'index.html has a Content-Security-Policy meta tag');
  const directives = new Map();
  for (const part of m[1].split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name, values);
  }
  return directives;
}

test('index.html carries a strict Content-Security-Policy before any script', () => {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const policy = policyOf(html);
  const scripts = policy.get('script-src');
  assert.ok(scripts, 'script-src is set');
  assert.ok(scripts.includes("'self'"));
  assert.ok(scripts.includes("'wasm-unsafe-eval'"));
  assert.ok(!scripts.includes("'unsafe-eval'"), "no 'unsafe-eval'");
  assert.ok(!scripts.includes("'unsafe-inline'"), "no 'unsafe-inline' scripts");
  assert.ok(scripts.some((s) => s.startsWith("'sha256-")), 'the inline loader is allowed by hash');
  assert.deepEqual(policy.get('object-src'), ["'none'"]);
  assert.deepEqual(policy.get('base-uri'), ["'self'"]);
  assert.deepEqual(policy.get('connect-src'), ["'self'"]);
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), 'policy comes first');
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'no inline event handler attributes');
});

// Each page with the text that proves it rendered (lazy routes render only once their chunk is
// loaded and run).
const PAGES = [
  ['/inbox/all-open?inbox=inbox-support', { role: 'heading', name: 'Inbox' }],
  ['/inbox/conversations/conv-010?inbox=inbox-support', { role: 'heading', name: 'Inbox' }],
  ['/help-desk', { role: 'heading', name: 'Help desk' }],
  ['/help-desk/tickets', { role: 'heading', name: 'Tickets' }],
  ['/tickets/tk-parcel', { role: 'heading', name: 'Missing parcel marked as delivered' }],
  ['/contacts', { role: 'heading', name: 'Contacts' }],
  ['/contacts/c-001', { role: 'heading', level: 1 }],
  ['/settings/inboxes', { role: 'heading', name: 'Inboxes' }],
  ['/settings/help-desk', { role: 'heading', name: 'Help Desk' }],
  ['/settings/profile', { role: 'heading', name: 'Profile' }],
  ['/settings/templates', { role: 'heading', name: 'Templates' }],
  ['/settings/mail-server', { role: 'heading', name: 'Mail server' }],
];

test('every page renders under the policy without a violation or a page error', async () => {
  const context = await browser.newContext();
  try {
    // Recorded in every document before its own scripts run, and kept across navigations.
    await context.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
      });
    });
    const page = await newPage(context);
    for (const [path, { role, ...options }] of PAGES) {
      await openApp(page, `${server.url}${path}`);
      await page.getByRole('main').getByRole(role, options).first().waitFor();
      if (path.includes('/conversations/')) {
        await page.locator('iframe').first().waitFor();
      }
      const violations = await page.evaluate(() => window.__cspViolations);
      assert.deepEqual(violations, [], `CSP violations on ${path}`);
    }
    assertNoPageErrors(page);
  } finally {
    await context.close();
  }
});
