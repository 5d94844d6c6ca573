// Accessibility (issue 10, WCAG 2.1 AA): axe-core on every page and the main dialogs, in English
// and in Polish. Any violation fails with its rule, impact and the offending elements.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { distDir } from './support/paths.mjs';
import { startServer } from './support/server.mjs';
import { assertNoPageErrors, launchBrowser, newPage, openApp } from './support/browser.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

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

const PAGES = [
  '/inbox/all-open',
  '/inbox/conversations/conv-001',
  '/help-desk/all-open',
  '/help-desk/tickets',
  '/tickets/tk-boots',
  '/contacts',
  '/contacts/c-001',
  '/settings/inboxes',
  '/settings/help-desk',
  '/settings/profile',
  '/settings/mail-server',
  '/settings/templates',
];

/** Runs axe on the page (or within `selector`) against WCAG 2.1 A/AA; returns readable lines. */
async function violations(page, selector) {
  await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async (context) => {
    const result = await window.axe.run(context ?? document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  }, selector ?? null);
  return found.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.join(' | ')}`);
}

/** Waits until the app has rendered the route (no loading placeholder left). */
async function settled(page) {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 10_000 })
    .catch(() => {});
}

for (const [language, locale] of [['English', 'en-US'], ['Polish', 'pl-PL']]) {
  test(`axe: every page in ${language} has no WCAG 2.1 AA violations`, async () => {
    const context = await browser.newContext({ locale });
    try {
      const page = await newPage(context);
      const problems = [];
      for (const path of PAGES) {
        await openApp(page, `${server.url}${path}`);
        await settled(page);
        for (const line of await violations(page)) problems.push(`${path}: ${line}`);
      }
      assert.deepEqual(problems, []);
      assertNoPageErrors(page);
    } finally {
      await context.close();
    }
  });

  test(`axe: dialogs in ${language} have no WCAG 2.1 AA violations`, async () => {
    const context = await browser.newContext({ locale });
    try {
      const page = await newPage(context);
      const problems = [];
      const check = async (name) => {
        const dialog = page.locator('dialog[open]');
        await dialog.first().waitFor();
        for (const line of await violations(page)) problems.push(`${name}: ${line}`);
        await page.keyboard.press('Escape');
        await dialog.first().waitFor({ state: 'hidden' });
      };
      // The account menu panel and the reset confirmation.
      await openApp(page, `${server.url}/inbox/all-open`);
      await settled(page);
      await page.locator('.sb-account__button').click();
      for (const line of await violations(page)) problems.push(`account menu: ${line}`);
      await page.locator('.sb-account__panel .sb-button--danger').click();
      await check('reset confirmation');
      // Compose, the shortcuts cheat sheet.
      await page.locator('[data-shortcut="compose"]').first().click();
      await check('compose');
      await page.locator('body').press('?');
      await check('keyboard shortcuts');
      // Thread actions: reassign.
      await openApp(page, `${server.url}/inbox/conversations/conv-001`);
      await settled(page);
      await page.getByRole('toolbar').locator('button').nth(2).click();
      await check('thread action dialog');
      // Settings: fallback email dialog.
      await openApp(page, `${server.url}/settings/inboxes`);
      await settled(page);
      await page.locator('.sb-channels button, .sb-table button').filter({ hasText: /Edit|Edytuj/ }).first().click();
      await check('fallback email');
      assert.deepEqual(problems, []);
      assertNoPageErrors(page);
    } finally {
      await context.close();
    }
  });
}
